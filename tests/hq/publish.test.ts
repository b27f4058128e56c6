// Publishing a plan version at head office (electron/hq/publish.ts) against a real PostgreSQL, and the branch's check
// of it (shared/hq/verifyRelease.ts) as the branch reads it through its own connection: the release signed with head
// office's installation key and stored; row-level security shows it to branches in scope only; a wrong pinned key
// and a forged row are refused by the branch; a plan with errors, a taken version and a viewer's attempt are refused.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scramVerifier } from '../../electron/hq/branchRoles';
import { migrate } from '../../electron/hq/migrate';
import { listReleases, publishRelease, PublishError, scopeFromText } from '../../electron/hq/publish';
import { nodeJournalCrypto, sha256Hex } from '../../electron/journal/nodeCrypto';
import { loadOrCreateSigningKey, type SigningKey } from '../../electron/journal/signingKey';
import { releaseStatement, type PlanRelease, type ReleaseScope } from '../../shared/hq/release';
import { verifyRelease } from '../../shared/hq/verifyRelease';
import { canonicalJson } from '../../shared/json/canonicalJson';
import { enrolTestBranch, type TestBranch } from '../support/hqRecords';
import { startPgCluster, type PgCluster } from '../support/pgCluster';
import { BUNDLED_PLANS_DIR, tempDir } from '../support/runJournal';

const DB = 'guardbook';
let cluster: PgCluster;
let su: pg.Client;
let publisher: pg.Client;
let viewer: pg.Client;
let east: TestBranch;
let west: TestBranch;
let hqKey: SigningKey;
const clients: pg.Client[] = [];

/** A head-office login in one of head office's group roles. */
async function headOfficeLogin(role: string, group: string): Promise<pg.Client> {
  const password = randomBytes(18).toString('base64');
  await su.query(`CREATE ROLE ${role} LOGIN PASSWORD ${pg.escapeLiteral(scramVerifier(password))} IN ROLE ${group}`);
  const client = await cluster.connect(role, password, DB);
  clients.push(client);
  return client;
}

/** The bundled armed-robbery plan as a file's text (with its $schema line), at `version`, changed by `edit`. */
function robberyText(version: number, edit: (plan: Record<string, unknown>) => void = () => {}): string {
  const plan = JSON.parse(readFileSync(join(BUNDLED_PLANS_DIR, 'armed-robbery.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  plan.version = version;
  edit(plan);
  return JSON.stringify(plan, null, 2) + '\n';
}

beforeAll(async () => {
  cluster = await startPgCluster();
  await cluster.createDatabase(DB);
  su = await cluster.connect(cluster.superuser.user, cluster.superuser.password, DB);
  await migrate(su);
  east = await enrolTestBranch(cluster, su, DB, 'east-001', 'east');
  west = await enrolTestBranch(cluster, su, DB, 'west-001', 'west');
  clients.push(east.client, west.client);
  publisher = await headOfficeLogin('hq_publisher', 'guardbook_hq_publisher');
  viewer = await headOfficeLogin('hq_viewer', 'guardbook_hq_viewer');
  hqKey = loadOrCreateSigningKey(tempDir('guardbook-hq-office-')); // head office's own data folder
}, 60_000);

afterAll(async () => {
  await Promise.all([...clients, su].filter(Boolean).map((c) => c.end().catch(() => undefined)));
  await cluster?.stop();
});

const toEast: ReleaseScope = { kind: 'regions', regions: ['east'] };

async function releaseOf(client: pg.Client, planId: string, version: number) {
  return (await listReleases(client)).find((r) => r.release.planId === planId && r.release.version === version);
}

describe('publishRelease', () => {
  it("stores the plan's canonical JSON, its hash, and head office's signature over the whole release", async () => {
    const planText = robberyText(2);

    const published = await publishRelease(
      publisher,
      { planText, scope: toEast, mandatory: true, effectiveDate: '2026-12-05' },
      hqKey,
    );

    const { $schema: _hint, ...content } = JSON.parse(planText) as Record<string, unknown>;
    const contentText = canonicalJson(content);
    const release: PlanRelease = {
      planId: 'armed-robbery',
      version: 2,
      contentHash: `sha256:${sha256Hex(contentText)}`,
      scope: toEast,
      mandatory: true,
      effectiveDate: '2026-12-05',
    };
    expect(published).toMatchObject({ release, content: contentText, keyId: hqKey.keyId, alreadyPublished: false });
    expect(published.reach).toEqual({ branches: 1, unmatched: [] });
    const { rows } = await su.query(
      `SELECT content_text, content_hash, signature, key_id, content ->> 'id' AS id, published_by,
              to_char(effective_date, 'YYYY-MM-DD') AS effective_date
         FROM guardbook.plan_versions WHERE plan_id = 'armed-robbery' AND version = 2`,
    );
    expect(rows).toEqual([
      {
        content_text: contentText,
        content_hash: release.contentHash,
        signature: published.signature,
        key_id: hqKey.keyId,
        id: 'armed-robbery',
        published_by: 'hq_publisher',
        effective_date: '2026-12-05',
      },
    ]);
    // The signature is over the release statement, and over nothing less.
    expect(nodeJournalCrypto.verifySignature(hqKey.publicKey, releaseStatement(release), published.signature)).toBe(
      true,
    );
    expect(nodeJournalCrypto.verifySignature(hqKey.publicKey, release.contentHash, published.signature)).toBe(false);
  });

  it('reaches the branch in scope, which verifies it as read on its own connection; the other never sees it', async () => {
    const atEast = await releaseOf(east.client, 'armed-robbery', 2);
    expect(atEast).toBeDefined();

    const check = verifyRelease(atEast!, hqKey.publicKey, nodeJournalCrypto);

    expect(check.ok).toBe(true);
    expect(check.ok && check.plan).toMatchObject({ id: 'armed-robbery', version: 2 });
    expect(await releaseOf(west.client, 'armed-robbery', 2)).toBeUndefined();
    expect((await listReleases(viewer)).map((r) => `${r.release.planId}@${r.release.version}`)).toEqual([
      'armed-robbery@2',
    ]);
  });

  it('is refused by a branch that pinned another key, saying why', async () => {
    const atEast = (await releaseOf(east.client, 'armed-robbery', 2))!;
    const otherKey = loadOrCreateSigningKey(tempDir('guardbook-hq-other-'));

    const check = verifyRelease(atEast, otherKey.publicKey, nodeJournalCrypto);

    expect(check).toMatchObject({ ok: false, reason: 'bad-signature' });
    expect(!check.ok && check.message.en).toMatch(/not signed with the head-office key this branch pinned/);
  });

  it('a row forged straight into the table (a wider scope under a real signature) is refused by the branch', async () => {
    const real = (await releaseOf(east.client, 'armed-robbery', 2))!;
    // Version 3, signed by head office for east only, stored as if it were for every branch.
    const { $schema: _hint, ...content } = JSON.parse(robberyText(3)) as Record<string, unknown>;
    const contentText = canonicalJson(content);
    const narrow: PlanRelease = {
      ...real.release,
      version: 3,
      contentHash: `sha256:${sha256Hex(contentText)}`,
      mandatory: false,
    };
    const signature = hqKey.sign(releaseStatement(narrow));
    await su.query(
      `INSERT INTO guardbook.plan_versions (plan_id, version, content, content_text, content_hash, signature, key_id,
         scope_kind, mandatory, effective_date) VALUES ('armed-robbery', 3, $1, $2, $3, $4, $5, 'all', false, '2026-12-05')`,
      [contentText, contentText, narrow.contentHash, signature, hqKey.keyId],
    );

    const atWest = await releaseOf(west.client, 'armed-robbery', 3);

    expect(atWest?.release.scope).toEqual({ kind: 'all' });
    expect(verifyRelease(atWest!, hqKey.publicKey, nodeJournalCrypto)).toMatchObject({
      ok: false,
      reason: 'bad-signature',
    });
    // The signature is good for what head office did sign.
    expect(verifyRelease({ ...atWest!, release: narrow }, hqKey.publicKey, nodeJournalCrypto).ok).toBe(true);
  });

  it('refuses a plan with errors, with each finding located, and stores nothing', async () => {
    const planText = robberyText(4, (plan) => {
      (plan.steps as Record<string, unknown>[])[0]!.role = 'no-such-role';
    });
    const count = async () =>
      (await su.query<{ n: number }>('SELECT count(*)::int AS n FROM guardbook.plan_versions')).rows[0]!.n;
    const before = await count();

    const attempt = publishRelease(
      publisher,
      { planText, scope: toEast, mandatory: false, effectiveDate: '2026-12-05' },
      hqKey,
    );

    await expect(attempt).rejects.toThrow(PublishError);
    const error = (await attempt.catch((e: unknown) => e)) as PublishError;
    expect(error.message).toMatch(/the plan has 1 error: not published/);
    expect(error.findings).toHaveLength(1);
    const nextLine = planText.split('\n').findIndex((line) => line.includes('"no-such-role"')) + 1;
    expect(error.findings[0]).toMatchObject({ severity: 'error', line: nextLine });
    expect(error.findings[0]!.message.en).toContain('no-such-role');
    expect(await count()).toBe(before);
  });

  it('refuses a version already published with other content, or other terms; the same release again changes nothing', async () => {
    const terms = { scope: toEast, mandatory: true, effectiveDate: '2026-12-05' };
    const changed = robberyText(2, (plan) => {
      (plan.title as Record<string, string>).en = 'Armed robbery, revised';
    });
    await expect(publishRelease(publisher, { planText: changed, ...terms }, hqKey)).rejects.toThrow(
      /"armed-robbery" version 2 was published already with other content \(sha256:[0-9a-f]{64}\)/,
    );
    await expect(
      publishRelease(publisher, { planText: robberyText(2), ...terms, scope: { kind: 'all' } }, hqKey),
    ).rejects.toThrow(/same content but another scope, mandatory flag or effective date/);

    // The same plan as an object, the same terms (listed in another order): the release published before.
    const again = await publishRelease(
      publisher,
      { plan: JSON.parse(robberyText(2)), ...terms, scope: { kind: 'regions', regions: ['east', 'east'] } },
      hqKey,
    );

    expect(again.alreadyPublished).toBe(true);
    expect(again.signature).toBe((await releaseOf(viewer, 'armed-robbery', 2))!.signature);
    const { rows } = await su.query('SELECT count(*)::int AS n FROM guardbook.plan_versions WHERE version = 2');
    expect(rows).toEqual([{ n: 1 }]);
  });

  it('names what the scope reaches and what it names in vain', async () => {
    const published = await publishRelease(
      publisher,
      {
        planText: robberyText(5),
        scope: { kind: 'branches', branches: ['west-001', 'nowhere-9'] },
        mandatory: false,
        effectiveDate: '2027-01-01',
      },
      hqKey,
    );
    expect(published.reach).toEqual({ branches: 1, unmatched: ['nowhere-9'] });
    expect(published.release.scope).toEqual({ kind: 'branches', branches: ['nowhere-9', 'west-001'] });
    expect(await releaseOf(west.client, 'armed-robbery', 5)).toBeDefined();
    expect(await releaseOf(east.client, 'armed-robbery', 5)).toBeUndefined();
  });

  it('refuses a viewer (not a publisher), and an effective date that is no day, in words', async () => {
    await expect(
      publishRelease(
        viewer,
        { planText: robberyText(6), scope: toEast, mandatory: false, effectiveDate: '2027-01-01' },
        hqKey,
      ),
    ).rejects.toThrow(/needs membership of guardbook_hq_publisher/);
    await expect(
      publishRelease(
        publisher,
        { planText: robberyText(6), scope: toEast, mandatory: false, effectiveDate: '2027-02-30' },
        hqKey,
      ),
    ).rejects.toThrow(/the effective date "2027-02-30" is not a real YYYY-MM-DD date/);
    expect(await releaseOf(viewer, 'armed-robbery', 6)).toBeUndefined();
  });
});

describe('scopeFromText', () => {
  it('reads all, regions:… and branches:…, and nothing else', () => {
    expect(scopeFromText('all')).toEqual({ kind: 'all' });
    expect(scopeFromText('regions:east,west')).toEqual({ kind: 'regions', regions: ['east', 'west'] });
    expect(scopeFromText('branches:hz-001')).toEqual({ kind: 'branches', branches: ['hz-001'] });
    for (const bad of ['', 'everyone', 'regions:', 'regions:east,,west', 'branch:hz-001']) {
      expect(scopeFromText(bad), bad).toBeUndefined();
    }
  });
});
