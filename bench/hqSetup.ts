// `bench hq`'s head office: a throwaway cluster (tests/support/pgCluster.ts) set up as a server would be rather than
// as the tests want it (durable commits, a realistic buffer cache), migrated, with head office's own logins (an
// administrator who verifies, a viewer who reads the dashboard), the bundled plans published to all branches, and
// the simulated branches enrolled as `hq branches add` does: each its own login role and its own Ed25519 key.
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { PLANS_DIR } from '../electron/build/projectPaths';
import { addBranch, branchRoleName, scramVerifier } from '../electron/hq/branchRoles';
import { migrate } from '../electron/hq/migrate';
import { publishRelease } from '../electron/hq/publish';
import { loadOrCreateSigningKey, type SigningKey } from '../electron/journal/signingKey';
import type { HeadOfficeConnection } from '../electron/sync/headOfficeLink';
import { startPgCluster, type PgCluster } from '../tests/support/pgCluster';
import { postmasterOf } from './hqStats';

export const DB = 'guardbook';
export const REGIONS = ['华北', '华东', '华南', '华中', '西南', '西北', '东北', '京津冀'] as const;

/**
 * How many days before today a branch's newest run started, by its place in the list: branches fall behind by
 * different amounts, so the coverage matrix has every status (plans are drilled every 182 days).
 */
export const lagDays = (index: number): number => (index * 37) % 240;

export interface HeadOffice {
  cluster: PgCluster;
  /** The superuser, for set-up and bulk loading only. */
  su: pg.Client;
  postmasterPid: number;
  /** A login in guardbook_hq_admin (not a superuser): verifies records. */
  login(role: 'admin' | 'viewer' | 'viewer-explained'): Promise<pg.Client>;
  /** The settings the bench gave the server, as `SHOW` reads them back. */
  settings: Record<string, string>;
}

export interface BenchBranch {
  code: string;
  region: string;
  key: SigningKey;
  connection: HeadOfficeConnection;
}

/**
 * The server as one would run it, not as the test cluster is: durable commits (fsync, synchronous_commit and full
 * page writes back on), a buffer cache of 512 MB, and as many connections as the branches the bench lets in at once
 * need (PostgreSQL's default of 100 unless more are asked for).
 */
function serverSettings(maxConnections: number): Record<string, string> {
  return {
    fsync: 'on',
    synchronous_commit: 'on',
    full_page_writes: 'on',
    shared_buffers: '512MB',
    max_connections: String(Math.max(100, maxConnections)),
  };
}

const SHOWN = [...Object.keys(serverSettings(100)), 'work_mem', 'effective_cache_size', 'max_wal_size'];

export async function startHeadOffice(options: { connections: number }): Promise<HeadOffice> {
  const cluster = await startPgCluster();
  try {
    const admin = await cluster.connect(cluster.superuser.user, cluster.superuser.password);
    for (const [name, value] of Object.entries(serverSettings(options.connections))) {
      await admin.query(`ALTER SYSTEM SET ${name} = ${pg.escapeLiteral(value)}`);
    }
    await admin.end();
    // shared_buffers and max_connections take a restart.
    await cluster.pause();
    await cluster.resume();
    await cluster.createDatabase(DB);
    const su = await cluster.connect(cluster.superuser.user, cluster.superuser.password, DB);
    await migrate(su);

    const passwords = { admin: secret(), viewer: secret(), 'viewer-explained': secret() };
    const create = (role: string, password: string, group: string) =>
      su.query(`CREATE ROLE ${role} LOGIN PASSWORD ${pg.escapeLiteral(scramVerifier(password))} IN ROLE ${group}`);
    await create('bench_hq_admin', passwords.admin, 'guardbook_hq_admin');
    await create('bench_hq_viewer', passwords.viewer, 'guardbook_hq_viewer');
    await create('bench_hq_viewer_explained', passwords['viewer-explained'], 'guardbook_hq_viewer');
    // The same viewer, but every statement's plan (EXPLAIN ANALYZE, BUFFERS) comes back to it as a notice: how the
    // dashboard's own queries ran, whatever SQL dashboard.ts writes.
    for (const [name, value] of [
      ['session_preload_libraries', 'auto_explain'],
      ['auto_explain.log_min_duration', '0'],
      ['auto_explain.log_analyze', 'on'],
      ['auto_explain.log_buffers', 'on'],
      ['auto_explain.log_nested_statements', 'on'],
      ['auto_explain.log_level', 'notice'],
    ] as const) {
      await su.query(`ALTER ROLE bench_hq_viewer_explained SET ${name} = ${pg.escapeLiteral(value)}`);
    }

    const settings: Record<string, string> = {};
    for (const name of SHOWN) {
      settings[name] = (await su.query<Record<string, string>>(`SHOW ${name}`)).rows[0]![name]!;
    }
    const backendPid = (await su.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
    const roles = {
      admin: 'bench_hq_admin',
      viewer: 'bench_hq_viewer',
      'viewer-explained': 'bench_hq_viewer_explained',
    };
    return {
      cluster,
      su,
      postmasterPid: postmasterOf(backendPid),
      login: (role) => cluster.connect(roles[role], passwords[role], DB),
      settings,
    };
  } catch (error) {
    await cluster.stop();
    throw error;
  }
}

const secret = () => randomBytes(18).toString('base64');

/**
 * Enrols `count` branches with real installation keys (each in its own folder under `keysDir`) and passwords,
 * spread over the regions, through `addBranch` on a few superuser connections at once.
 */
export async function enrolBranches(office: HeadOffice, count: number, keysDir: string): Promise<BenchBranch[]> {
  const planned = Array.from({ length: count }, (_, i) => ({
    code: `bench-${String(i + 1).padStart(5, '0')}`,
    region: REGIONS[i % REGIONS.length]!,
  }));
  const enrollers = await Promise.all(
    [1, 2, 3, 4].map(() =>
      office.cluster.connect(office.cluster.superuser.user, office.cluster.superuser.password, DB),
    ),
  );
  const branches: BenchBranch[] = [];
  try {
    // One transaction at a time per connection (addBranch is one): each enroller takes every fourth branch.
    await Promise.all(
      enrollers.map(async (enroller, e) => {
        for (const { code, region } of planned.filter((_, i) => i % enrollers.length === e)) {
          const key = loadOrCreateSigningKey(join(keysDir, code));
          const password = secret();
          await addBranch(enroller, {
            code,
            name: `基准支行 ${code}`,
            region,
            publicKey: key.publicKey,
            keyId: key.keyId,
            password,
          });
          const connection: HeadOfficeConnection = {
            host: office.cluster.host,
            port: office.cluster.port,
            database: DB,
            user: branchRoleName(code),
            password,
            sslMode: 'disable', // loopback
          };
          branches.push({ code, region, key, connection });
        }
      }),
    );
  } finally {
    await Promise.all(enrollers.map((client) => client.end()));
  }
  return branches.sort((a, b) => a.code.localeCompare(b.code));
}

/** Publishes every bundled plan to all branches, signed with a head-office key made for the bench. */
export async function publishBundledPlans(office: HeadOffice, keysDir: string, today: string): Promise<number> {
  const key = loadOrCreateSigningKey(join(keysDir, 'head-office'));
  const files = readdirSync(PLANS_DIR).filter((file) => file.endsWith('.json') && file !== 'plan.schema.json');
  for (const file of files) {
    await publishRelease(
      office.su,
      {
        planText: readFileSync(join(PLANS_DIR, file), 'utf8'),
        scope: { kind: 'all' },
        mandatory: false,
        effectiveDate: today,
      },
      key,
    );
  }
  return files.length;
}
