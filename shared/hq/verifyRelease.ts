// A branch's check of a plan version released by head office, before it is offered to the manager: the signature
// over the release statement with head office's key as this branch pinned it (never a key the release names
// itself), then the content: a plan that checks without errors, of the id and version released, whose content
// hash is the one signed.
import type { JournalCrypto } from '../journal/verify';
import { SYNC_MESSAGES as m } from '../messages/sync';
import { checkPlanText } from '../plan/checkPlanText';
import { planContentHash } from '../plan/contentHash';
import { countBySeverity } from '../plan/findings';
import type { Plan } from '../plan/schema';
import type { Text } from '../text';
import { releaseStatement, type PlanRelease } from './release';

export interface ReceivedRelease {
  release: PlanRelease;
  /** The plan file's text exactly as head office published it. */
  content: string;
  /** Base64 Ed25519 signature of `releaseStatement(release)`. */
  signature: string;
}

export type ReleaseCheck =
  | { ok: true; plan: Plan }
  | { ok: false; reason: 'no-pinned-key' | 'bad-signature' | 'not-a-plan' | 'content-mismatch'; message: Text };

export function verifyRelease(
  received: ReceivedRelease,
  pinnedKey: string | undefined,
  crypto: JournalCrypto,
): ReleaseCheck {
  const { release } = received;
  const { planId, version } = release;
  if (!pinnedKey) return { ok: false, reason: 'no-pinned-key', message: m.releaseNoPinnedKey() };
  if (!crypto.verifySignature(pinnedKey, releaseStatement(release), received.signature)) {
    return { ok: false, reason: 'bad-signature', message: m.releaseBadSignature(planId, version) };
  }
  const check = checkPlanText(received.content);
  const errors = countBySeverity(check.findings).errors;
  if (!check.plan || errors > 0) {
    return { ok: false, reason: 'not-a-plan', message: m.releaseNotAPlan(planId, version, Math.max(errors, 1)) };
  }
  const plan = check.plan;
  if (plan.id !== planId || plan.version !== version || planContentHash(plan, crypto.sha256) !== release.contentHash) {
    return { ok: false, reason: 'content-mismatch', message: m.releaseContentMismatch(planId, version) };
  }
  return { ok: true, plan };
}
