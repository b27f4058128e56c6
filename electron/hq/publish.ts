// Head office publishes a plan version to a scope of branches: the plan is checked (refused with its located
// findings when it has errors), stored as its canonical JSON (the text its content hash is of, and what a branch
// checks), and the release statement — plan, version, hash, scope, mandatory, effective date — signed with head
// office's installation key (electron/journal/signingKey.ts on head office's data folder), whose public key the
// branches pin. Inserted as a member of guardbook_hq_publisher; a published version is never changed (003): a
// change is the next version.
import pg from 'pg';
import { PlanReleaseSchema, releaseStatement, type PlanRelease, type ReleaseScope } from '../../shared/hq/release';
import { canonicalJson } from '../../shared/json/canonicalJson';
import { HQ_MESSAGES } from '../../shared/messages/hq';
import { checkPlanText, type PlacedFinding } from '../../shared/plan/checkPlanText';
import { planContentHash } from '../../shared/plan/contentHash';
import { parseBareDate } from '../../shared/time/localTime';
import { inBothLanguages, type Text } from '../../shared/text';
import { nodeJournalCrypto, sha256Hex } from '../journal/nodeCrypto';
import type { SigningKey } from '../journal/signingKey';

export interface ReleaseInput {
  /** The plan file's text, or the plan itself (checked the same way). */
  planText?: string;
  plan?: unknown;
  scope: ReleaseScope;
  mandatory: boolean;
  /** YYYY-MM-DD, the branch-local day from which it applies (by which a mandatory version must be adopted). */
  effectiveDate: string;
}

/** Publishing refused, nothing stored; with the plan's findings when that is why. */
export class PublishError extends Error {
  constructor(
    readonly text: Text,
    readonly findings: readonly PlacedFinding[] = [],
    options?: ErrorOptions,
  ) {
    super(inBothLanguages(text), options);
    this.name = 'PublishError';
  }
}

/** A release as stored: what a branch reads (RLS shows it only those in scope) and checks with verifyRelease. */
export interface StoredRelease {
  release: PlanRelease;
  /** content_text: the plan's canonical JSON. */
  content: string;
  signature: string;
  keyId: string;
  publishedAt: Date;
  publishedBy: string;
}

export interface PublishedRelease extends StoredRelease {
  /** The very same release was published before (a repeated command): nothing new was stored. */
  alreadyPublished: boolean;
  /** The plan's warnings (errors refuse it). */
  warnings: readonly PlacedFinding[];
  /** Enabled branches the scope reaches now, and the regions or branch codes it names that match no enrolled branch. */
  reach: { branches: number; unmatched: string[] };
}

export async function publishRelease(
  client: pg.ClientBase,
  input: ReleaseInput,
  signingKey: SigningKey,
): Promise<PublishedRelease> {
  const check = checkPlanText(input.planText ?? JSON.stringify(input.plan, null, 2));
  const errors = check.findings.filter((f) => f.severity === 'error');
  if (!check.plan || errors.length > 0) {
    throw new PublishError(HQ_MESSAGES.planHasErrors(Math.max(errors.length, 1)), errors);
  }
  const { $schema: _editorHint, ...content } = check.plan;
  const contentText = canonicalJson(content);
  const release = releaseOf(input, check.plan.id, check.plan.version, planContentHash(check.plan, sha256Hex));
  const statement = releaseStatement(release);
  const signature = signingKey.sign(statement);
  // A key file that does not sign what its public half verifies would publish something no branch accepts.
  if (!nodeJournalCrypto.verifySignature(signingKey.publicKey, statement, signature)) {
    throw new PublishError(HQ_MESSAGES.signingKeyBroken(signingKey.fingerprint));
  }
  const { scope } = release;
  let stored: { published_at: Date; published_by: string };
  try {
    const inserted = await client.query<{ published_at: Date; published_by: string }>(
      `INSERT INTO guardbook.plan_versions (plan_id, version, content, content_text, content_hash, signature, key_id,
         scope_kind, scope_regions, scope_branches, mandatory, effective_date)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       RETURNING published_at, published_by`,
      [
        release.planId,
        release.version,
        contentText, // content (jsonb): the very document content_text spells (a CHECK holds them equal)
        contentText,
        release.contentHash,
        signature,
        signingKey.keyId,
        scope.kind,
        scope.kind === 'regions' ? scope.regions : null,
        scope.kind === 'branches' ? scope.branches : null,
        release.mandatory,
        release.effectiveDate,
      ],
    );
    stored = inserted.rows[0]!;
  } catch (error) {
    if (!(error instanceof pg.DatabaseError)) throw error;
    if (error.code === '42501') throw new PublishError(HQ_MESSAGES.cannotPublish(error.message), [], { cause: error });
    if (error.code !== '23505') throw error;
    return publishedBefore(client, release, error);
  }
  return {
    release,
    content: contentText,
    signature,
    keyId: signingKey.keyId,
    publishedAt: stored.published_at,
    publishedBy: stored.published_by,
    alreadyPublished: false,
    warnings: check.findings,
    reach: await reachOf(client, scope),
  };
}

/** The release with its scope's lists sorted and without repeats (as the statement signs them), and checked. */
function releaseOf(input: ReleaseInput, planId: string, version: number, contentHash: string): PlanRelease {
  const tidy = (list: readonly string[]) => [...new Set(list)].sort();
  const scope: ReleaseScope =
    input.scope.kind === 'regions'
      ? { kind: 'regions', regions: tidy(input.scope.regions) }
      : input.scope.kind === 'branches'
        ? { kind: 'branches', branches: tidy(input.scope.branches) }
        : { kind: 'all' };
  if (!parseBareDate(input.effectiveDate)) throw new PublishError(HQ_MESSAGES.badEffectiveDate(input.effectiveDate));
  const parsed = PlanReleaseSchema.safeParse({
    planId,
    version,
    contentHash,
    scope,
    mandatory: input.mandatory,
    effectiveDate: input.effectiveDate,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new PublishError(HQ_MESSAGES.badRelease(`${issue.path.join('.')}: ${issue.message}`));
  }
  return parsed.data;
}

/** The version is taken: the same release again is no error (a repeated command), anything else is refused. */
async function publishedBefore(
  client: pg.ClientBase,
  release: PlanRelease,
  conflict: pg.DatabaseError,
): Promise<PublishedRelease> {
  const existing = (
    await readReleases(client, 'WHERE plan_id = $1 AND version = $2', [release.planId, release.version])
  )[0];
  if (!existing) throw conflict; // not visible to this login: say what the database said
  if (existing.release.contentHash !== release.contentHash) {
    throw new PublishError(
      HQ_MESSAGES.versionTaken(release.planId, release.version, existing.release.contentHash),
      [],
      { cause: conflict },
    );
  }
  if (releaseStatement(existing.release) !== releaseStatement(release)) {
    throw new PublishError(HQ_MESSAGES.versionTermsDiffer(release.planId, release.version), [], { cause: conflict });
  }
  return { ...existing, alreadyPublished: true, warnings: [], reach: await reachOf(client, release.scope) };
}

/** How many enabled branches the scope reaches, and what it names that matches none. */
async function reachOf(client: pg.ClientBase, scope: ReleaseScope): Promise<PublishedRelease['reach']> {
  const { rows } = await client.query<{ branch_code: string; region: string }>(
    'SELECT branch_code, region FROM guardbook.branches WHERE disabled_at IS NULL',
  );
  if (scope.kind === 'all') return { branches: rows.length, unmatched: [] };
  const named = scope.kind === 'regions' ? scope.regions : scope.branches;
  const present = new Set(rows.map((row) => (scope.kind === 'regions' ? row.region : row.branch_code)));
  return {
    branches: rows.filter((row) => named.includes(scope.kind === 'regions' ? row.region : row.branch_code)).length,
    unmatched: named.filter((name) => !present.has(name)),
  };
}

/** Every release this login may read, by plan and version: all of them for head office, those in scope for a branch. */
export function listReleases(client: pg.ClientBase): Promise<StoredRelease[]> {
  return readReleases(client, '', []);
}

interface ReleaseRow {
  plan_id: string;
  version: number;
  content_text: string;
  content_hash: string;
  signature: string;
  key_id: string;
  scope_kind: ReleaseScope['kind'];
  scope_regions: string[] | null;
  scope_branches: string[] | null;
  mandatory: boolean;
  effective_date: string | null;
  published_at: Date;
  published_by: string;
}

async function readReleases(client: pg.ClientBase, where: string, params: unknown[]): Promise<StoredRelease[]> {
  // The date as its text: pg would make a Date of it at local midnight, a day off in some zones.
  const { rows } = await client.query<ReleaseRow>(
    `SELECT plan_id, version, content_text, content_hash, signature, key_id, scope_kind, scope_regions,
            scope_branches, mandatory, to_char(effective_date, 'YYYY-MM-DD') AS effective_date, published_at,
            published_by
       FROM guardbook.plan_versions ${where} ORDER BY plan_id, version`,
    params,
  );
  return rows.map((row) => ({
    release: {
      planId: row.plan_id,
      version: row.version,
      contentHash: row.content_hash,
      scope:
        row.scope_kind === 'regions'
          ? { kind: 'regions', regions: row.scope_regions ?? [] }
          : row.scope_kind === 'branches'
            ? { kind: 'branches', branches: row.scope_branches ?? [] }
            : { kind: 'all' },
      mandatory: row.mandatory,
      effectiveDate: row.effective_date ?? '',
    },
    content: row.content_text,
    signature: row.signature,
    keyId: row.key_id,
    publishedAt: row.published_at,
    publishedBy: row.published_by,
  }));
}

/** `all`, `regions:east,west` or `branches:hz-001,nb-002` (the CLI's --scope); undefined when it is none of them. */
export function scopeFromText(value: string): ReleaseScope | undefined {
  if (value === 'all') return { kind: 'all' };
  const m = /^(regions|branches):(.+)$/.exec(value);
  if (!m) return undefined;
  const names = m[2]!.split(',').map((name) => name.trim());
  if (names.some((name) => name === '')) return undefined;
  return m[1] === 'regions' ? { kind: 'regions', regions: names } : { kind: 'branches', branches: names };
}
