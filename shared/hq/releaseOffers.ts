// What a branch manager is offered from head office: each plan version released to the branch, whether a published
// version has adopted it yet, and whether a mandatory one is past its effective date unadopted (by the branch's own
// calendar day, as every due date in the app).
import type { PlanRelease } from './release';

export type ReleaseState = 'offered' | 'adopted' | 'overdue';

export interface ReleaseOffer {
  planId: string;
  version: number;
  contentHash: string;
  mandatory: boolean;
  effectiveDate: string;
  receivedAt: string;
  state: ReleaseState;
}

/**
 * `adopted(planId)`: the newest release version a published version of the plan adopted. A release is adopted once
 * that version or a later one was; a later release supersedes an earlier one still offered.
 */
export function releaseOffers(
  received: readonly { release: PlanRelease; receivedAt: string }[],
  adopted: (planId: string) => number | undefined,
  today: string,
): ReleaseOffer[] {
  const newest = new Map<string, number>();
  for (const { release } of received) {
    newest.set(release.planId, Math.max(newest.get(release.planId) ?? 0, release.version));
  }
  return received
    .filter(({ release }) => newest.get(release.planId) === release.version)
    .map(({ release, receivedAt }) => {
      const isAdopted = (adopted(release.planId) ?? 0) >= release.version;
      const overdue = !isAdopted && release.mandatory && release.effectiveDate < today;
      return {
        planId: release.planId,
        version: release.version,
        contentHash: release.contentHash,
        mandatory: release.mandatory,
        effectiveDate: release.effectiveDate,
        receivedAt,
        state: isAdopted ? 'adopted' : overdue ? 'overdue' : 'offered',
      };
    });
}
