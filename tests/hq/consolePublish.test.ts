// Publishing from head office's console in the app (hq.publish) against a real PostgreSQL: a backend configured as
// the console on a publisher login releases a published version of its own plan library to the east region with the
// manager's PIN asked again; a wrong PIN stores nothing; a branch in east reads the release and verifies it with the
// console installation's public key, a branch in west does not see it; a viewer-only login is refused in words; the
// publication is on the audit trail.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import { scramVerifier } from '../../electron/hq/branchRoles';
import { migrate } from '../../electron/hq/migrate';
import { listReleases } from '../../electron/hq/publish';
import { nodeJournalCrypto } from '../../electron/journal/nodeCrypto';
import { readPublicKey } from '../../electron/journal/signingKey';
import type { AuditEntry } from '../../shared/audit/events';
import type { HqPublishedView, HqReleaseView } from '../../shared/api/channels';
import { HQ_MESSAGES } from '../../shared/messages/hq';
import { verifyRelease } from '../../shared/hq/verifyRelease';
import { backendFixtures, refusal } from '../support/backends';
import { enrolTestBranch, type TestBranch } from '../support/hqRecords';
import { ADMIN_PIN, call, setupAdmin } from '../support/people';
import { startPgCluster, type PgCluster } from '../support/pgCluster';

const DB = 'guardbook';
const fixtures = backendFixtures('guardbook-hq-publish-');
let cluster: PgCluster;
let su: pg.Client;
let east: TestBranch;
let west: TestBranch;

/** A head-office login of `group` (as the superuser makes it), with its password. */
async function headOfficeLogin(role: string, group: string): Promise<{ user: string; password: string }> {
  const password = randomBytes(18).toString('base64');
  await su.query(`CREATE ROLE ${role} LOGIN PASSWORD ${pg.escapeLiteral(scramVerifier(password))} IN ROLE ${group}`);
  return { user: role, password };
}

/** A backend with an administrator (unlocked), configured as the console on this login. */
async function consoleBackend(login: { user: string; password: string }): Promise<{ backend: Backend; dir: string }> {
  const dir = fixtures.tempDir();
  const backend = await fixtures.start(dir);
  await setupAdmin(backend);
  await call(backend, 'hq.configure', {
    host: cluster.host,
    port: cluster.port,
    database: DB,
    user: login.user,
    sslMode: 'disable',
    ca: '',
    password: login.password,
  });
  return { backend, dir };
}

const publishInput = (pin: string) => ({
  planId: 'armed-robbery',
  version: 1,
  scope: { kind: 'regions', regions: ['east'] },
  mandatory: true,
  effectiveDate: '2026-08-01',
  pin,
});

beforeAll(async () => {
  cluster = await startPgCluster();
  await cluster.createDatabase(DB);
  su = await cluster.connect(cluster.superuser.user, cluster.superuser.password, DB);
  await migrate(su);
  east = await enrolTestBranch(cluster, su, DB, 'east-001', 'east');
  west = await enrolTestBranch(cluster, su, DB, 'west-001', 'west');
}, 120_000);

afterAll(async () => {
  for (const client of [east?.client, west?.client, su]) await client?.end().catch(() => undefined);
  await cluster?.stop();
});

describe('hq.publish from the console', () => {
  it('publishes a library version to a region with the PIN, signed with the installation key, audited', async () => {
    const { backend, dir } = await consoleBackend(await headOfficeLogin('hq_publisher_1', 'guardbook_hq_publisher'));

    // A wrong PIN: refused before anything reaches head office.
    const wrong = refusal(await backend.call('hq.publish', publishInput('000000')));
    expect(wrong.code).not.toBe('storage');
    expect(await listReleases(su)).toEqual([]);
    expect(await call<HqReleaseView[]>(backend, 'hq.releases', {})).toEqual([]);

    const published = await call<HqPublishedView>(backend, 'hq.publish', publishInput(ADMIN_PIN));
    expect(published.alreadyPublished).toBe(false);
    expect(published.reach).toEqual({ branches: 1, unmatched: [] });
    expect(published.release).toMatchObject({
      planId: 'armed-robbery',
      version: 1,
      scope: { kind: 'regions', regions: ['east'] },
      mandatory: true,
      effectiveDate: '2026-08-01',
      publishedBy: 'hq_publisher_1',
    });
    const releases = await call<HqReleaseView[]>(backend, 'hq.releases', {});
    expect(releases).toEqual([published.release]);

    // East reads it and verifies it with the console installation's public key; west does not see it.
    const publicKey = readPublicKey(dir);
    expect(publicKey).toBeDefined();
    const [seen, ...more] = await listReleases(east.client);
    expect(more).toEqual([]);
    expect(seen!.release.contentHash).toBe(published.release.contentHash);
    const check = verifyRelease(seen!, publicKey, nodeJournalCrypto);
    expect(check.ok && check.plan.id).toBe('armed-robbery');
    expect(verifyRelease(seen!, west.key.publicKey, nodeJournalCrypto).ok).toBe(false);
    expect(await listReleases(west.client)).toEqual([]);

    // The same release again is no error and stores nothing new.
    const again = await call<HqPublishedView>(backend, 'hq.publish', publishInput(ADMIN_PIN));
    expect(again.alreadyPublished).toBe(true);
    expect(await listReleases(su)).toHaveLength(1);

    const audit = await call<{ entries: AuditEntry[] }>(backend, 'audit.list', { limit: 50 });
    const entries = audit.entries.filter((e) => e.type === 'hq.published');
    expect(entries.map((e) => e.data.alreadyPublished)).toEqual([true, false]); // newest first
    expect(entries[1]!.data).toMatchObject({
      planId: 'armed-robbery',
      version: 1,
      contentHash: published.release.contentHash,
      scope: { kind: 'regions', regions: ['east'] },
      where: `hq_publisher_1@${cluster.host}:${cluster.port}/${DB}`,
    });
  }, 60_000);

  it('refuses a viewer-only login in words, storing nothing', async () => {
    const before = (await listReleases(su)).length;
    const { backend } = await consoleBackend(await headOfficeLogin('hq_viewer_1', 'guardbook_hq_viewer'));
    const refused = refusal(
      await backend.call('hq.publish', { ...publishInput(ADMIN_PIN), planId: 'fire', mandatory: false }),
    );
    expect(refused.code).toBe('forbidden');
    expect(refused.message).toEqual(
      HQ_MESSAGES.consoleCannotPublish(`hq_viewer_1@${cluster.host}:${cluster.port}/${DB}`),
    );
    expect(refused.message['zh-CN']).toContain('此登录无发布权限（需 guardbook_hq_publisher）');
    expect(await listReleases(su)).toHaveLength(before);
    const audit = await call<{ entries: AuditEntry[] }>(backend, 'audit.list', { limit: 50 });
    expect(audit.entries.filter((e) => e.type === 'hq.published')).toEqual([]);
  }, 60_000);

  it('refuses a version the library does not have', async () => {
    const { backend } = await consoleBackend(await headOfficeLogin('hq_publisher_2', 'guardbook_hq_publisher'));
    const refused = refusal(await backend.call('hq.publish', { ...publishInput(ADMIN_PIN), version: 99 }));
    expect(refused.code).toBe('not-found');
  }, 60_000);
});
