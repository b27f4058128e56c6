// A plan version released by head office to branches: what head office signs and what a branch checks before it
// offers the version to its manager. The signature covers the whole release statement — plan, version, content
// hash, scope, mandatory, effective date — not the hash alone, so a row changed in the database (a wider scope, a
// mandatory flag, an earlier date) no longer verifies even though its content is untouched.
import { z } from 'zod';
import { canonicalJson } from '../json/canonicalJson';
import { SlugSchema } from '../plan/schema';

/** Who a release is for: every branch, the branches of some regions, or named branches. */
export const ReleaseScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('regions'), regions: z.array(z.string().min(1).max(100)).min(1).max(1000) }),
  z.object({ kind: z.literal('branches'), branches: z.array(SlugSchema).min(1).max(20_000) }),
]);
export type ReleaseScope = z.infer<typeof ReleaseScopeSchema>;

export const LocalDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const PlanReleaseSchema = z.object({
  planId: SlugSchema,
  version: z.number().int().min(1),
  contentHash: z.string().regex(/^sha256:[0-9a-f]{64}$/),
  scope: ReleaseScopeSchema,
  /** Mandatory: the branch must adopt it by its effective date; advisory: the manager may decline. */
  mandatory: z.boolean(),
  /** The branch-local calendar day from which it applies. */
  effectiveDate: LocalDateSchema,
});
export type PlanRelease = z.infer<typeof PlanReleaseSchema>;

/** The statement head office signs: a fixed prefix (no other signed message can be mistaken for it), canonical JSON. */
export function releaseStatement(release: PlanRelease): string {
  const scope =
    release.scope.kind === 'all'
      ? release.scope
      : release.scope.kind === 'regions'
        ? { kind: 'regions', regions: [...release.scope.regions].sort() }
        : { kind: 'branches', branches: [...release.scope.branches].sort() };
  return `guardbook-plan-release/1\n${canonicalJson({ ...release, scope })}`;
}

/** Whether a branch of this code and region is in a release's scope. */
export function inScope(scope: ReleaseScope, branch: { code: string; region: string }): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'regions':
      return scope.regions.includes(branch.region);
    case 'branches':
      return scope.branches.includes(branch.code);
  }
}
