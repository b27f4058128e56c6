// `hq migrate`, `hq branches add|list`, `hq publish`, `hq verify` and `hq status` through runCli, against a throwaway
// PostgreSQL cluster.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import { readMigrations } from '../../electron/hq/migrate';
import { listReleases } from '../../electron/hq/publish';
import { nodeJournalCrypto } from '../../electron/journal/nodeCrypto';
import { fingerprintOf, keyIdOf, loadOrCreateSigningKey } from '../../electron/journal/signingKey';
import { verifyRelease } from '../../shared/hq/verifyRelease';
import { enrolTestBranch, insertRecords, pushOf, rowOf, sealedRunJournal, type TestBranch } from '../support/hqRecords';
import { startPgCluster, type PgCluster } from '../support/pgCluster';
import { BUNDLED_PLANS_DIR } from '../support/runJournal';

const DB = 'guardbook';
let cluster: PgCluster;
let url: string;
let folder: string;

beforeAll(async () => {
  cluster = await startPgCluster();
  await cluster.createDatabase(DB);
  url = cluster.url(cluster.superuser.user, cluster.superuser.password, DB);
  folder = mkdtempSync(join(tmpdir(), 'guardbook-hq-cli-'));
}, 30_000);

afterAll(async () => {
  await cluster?.stop();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

/** A branch's data folder with its installation key, as the branch app makes it; and a password file. */
function branchFiles(name: string) {
  const dataDir = join(folder, name);
  const key = loadOrCreateSigningKey(dataDir);
  const password = randomBytes(24).toString('base64');
  const passwordFile = join(folder, `${name}.password`);
  writeFileSync(passwordFile, password + '\n', { mode: 0o600 });
  return { key, keyFile: join(dataDir, 'keys', 'installation-ed25519.pub.der.b64'), password, passwordFile };
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function withEnv<T>(value: string | undefined, work: () => Promise<T>): Promise<T> {
  const before = process.env.GUARDBOOK_HQ_URL;
  if (value === undefined) delete process.env.GUARDBOOK_HQ_URL;
  else process.env.GUARDBOOK_HQ_URL = value;
  try {
    return await work();
  } finally {
    if (before === undefined) delete process.env.GUARDBOOK_HQ_URL;
    else process.env.GUARDBOOK_HQ_URL = before;
  }
}

describe('hq migrate', () => {
  it('applies every migration (database from GUARDBOOK_HQ_URL), then finds nothing to do (from --database-url)', async () => {
    const files = readMigrations();
    const first = await withEnv(url, () => cli('hq', 'migrate'));
    expect(first.err).toEqual([]);
    expect(first.code).toBe(0);
    const latest = files.at(-1)!.version;
    expect(first.out).toEqual([
      ...files.map((f) => expect.stringContaining(`applied ${f.file}`)),
      expect.stringContaining(`applied ${files.length} migrations: the schema is at version ${latest}`),
    ]);

    const second = await withEnv(undefined, () => cli('hq', 'migrate', '--database-url', url));
    expect(second.code).toBe(0);
    expect(second.out).toEqual([expect.stringContaining(`nothing to apply: the schema is at version ${latest}`)]);
  });

  it('without a database is a usage error that says how to name one', async () => {
    const r = await withEnv(undefined, () => cli('hq', 'migrate'));
    expect(r.code).toBe(2);
    expect(r.err.join('\n')).toMatch(/--database-url URL, else GUARDBOOK_HQ_URL/);
    const empty = await withEnv(undefined, () => cli('hq', 'migrate', '--database-url', ''));
    expect(empty.code).toBe(2);
  });

  it('says which server it cannot reach, never the password, and exits 1', async () => {
    const port = await closedPort();
    const secret = 'not-to-be-printed-7f3a';
    const r = await cli('hq', 'migrate', '--database-url', `postgresql://someone:${secret}@127.0.0.1:${port}/${DB}`);
    expect(r.code).toBe(1);
    expect(r.err.join('\n')).toContain(`cannot connect to the head-office database 127.0.0.1:${port}/${DB}`);
    expect([...r.out, ...r.err].join('\n')).not.toContain(secret);
  });
});

describe('hq branches', () => {
  it('add enrols a branch from its public key file and a password file; it can then log in', async () => {
    await cli('hq', 'migrate', '--database-url', url);
    const files = branchFiles('hz-001');

    const r = await cli(
      'hq', 'branches', 'add', 'hz-001', '--name', '杭州西湖支行', '--region', 'east',
      '--public-key-file', files.keyFile, '--password-file', files.passwordFile, '--database-url', url,
    ); // prettier-ignore

    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.out).toEqual([expect.stringContaining(`login role gb_branch_hz-001`)]);
    expect(r.out[0]).toContain(fingerprintOf(files.key.publicKey));
    const branch = await cluster.connect('gb_branch_hz-001', files.password, DB);
    try {
      const { rows } = await branch.query('SELECT guardbook.current_branch() AS code');
      expect(rows).toEqual([{ code: 'hz-001' }]);
    } finally {
      await branch.end();
    }
  });

  it('add takes a PEM public key too, and list shows both branches (as text and as JSON)', async () => {
    const pem = generateKeyPairSync('ed25519').publicKey;
    const keyFile = join(folder, 'nb-002.pem');
    writeFileSync(keyFile, pem.export({ format: 'pem', type: 'spki' }));
    const der = pem.export({ format: 'der', type: 'spki' }).toString('base64');
    const { passwordFile } = branchFiles('nb-002');

    const added = await cli(
      'hq', 'branches', 'add', 'nb-002', '--name', '宁波分行', '--region', 'east',
      '--public-key-file', keyFile, '--password-file', passwordFile, '--database-url', url,
    ); // prettier-ignore
    expect(added.code).toBe(0);

    const list = await cli('hq', 'branches', 'list', '--database-url', url);
    expect(list.code).toBe(0);
    expect(list.out).toEqual([
      expect.stringMatching(/^hz-001 {2}杭州西湖支行 {2}east {2}gb_branch_hz-001 {2}key [0-9a-f]{16} {2}\d{4}-/),
      expect.stringMatching(new RegExp(`^nb-002  宁波分行  east  gb_branch_nb-002  key ${keyIdOf(der)}  `)),
    ]);
    const json = await cli('hq', 'branches', 'list', '--json', '--database-url', url);
    const branches = JSON.parse(json.out.join('\n')) as { code: string; publicKey: string; disabledAt: null }[];
    expect(branches.map((b) => b.code)).toEqual(['hz-001', 'nb-002']);
    expect(branches[1]).toMatchObject({ publicKey: der, disabledAt: null });
  });

  it('add refuses a key that is not Ed25519, a short password, and a code already enrolled, changing nothing', async () => {
    const rsaFile = join(folder, 'rsa.pem');
    writeFileSync(
      rsaFile,
      generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'pem', type: 'spki' }),
    );
    const good = branchFiles('sx-003');
    const shortPassword = join(folder, 'short.password');
    writeFileSync(shortPassword, 'too-short\n');
    const add = (code: string, keyFile: string, passwordFile: string) =>
      cli(
        'hq', 'branches', 'add', code, '--name', 'X', '--region', 'east',
        '--public-key-file', keyFile, '--password-file', passwordFile, '--database-url', url,
      ); // prettier-ignore

    const rsa = await add('sx-003', rsaFile, good.passwordFile);
    expect(rsa.code).toBe(1);
    expect(rsa.err.join('\n')).toMatch(/not an Ed25519 public key/);
    const weak = await add('sx-003', good.keyFile, shortPassword);
    expect(weak.code).toBe(1);
    expect(weak.err.join('\n')).toMatch(/at least 16 characters/);
    const again = await add('hz-001', good.keyFile, good.passwordFile);
    expect(again.code).toBe(1);
    expect(again.err.join('\n')).toMatch(/gb_branch_hz-001 exists already/);
    const missing = await add('sx-003', join(folder, 'no-such.pem'), good.passwordFile);
    expect(missing.code).toBe(1);
    expect(missing.err.join('\n')).toMatch(/cannot read .*no-such\.pem: no such file/);

    const list = await cli('hq', 'branches', 'list', '--json', '--database-url', url);
    expect((JSON.parse(list.out.join('\n')) as { code: string }[]).map((b) => b.code)).toEqual(['hz-001', 'nb-002']);
  });

  it('add without a required option, or with a bad code, is a usage error or a refusal', async () => {
    const missing = await cli('hq', 'branches', 'add', 'x-1', '--name', 'X', '--database-url', url);
    expect(missing.code).toBe(2);
    expect(missing.err[0]).toMatch(/^hq branches add needs --region\nusage: guardbook hq branches add/);
    const files = branchFiles('bad');
    const bad = await cli(
      'hq', 'branches', 'add', 'Bad_Code', '--name', 'X', '--region', 'east',
      '--public-key-file', files.keyFile, '--password-file', files.passwordFile, '--database-url', url,
    ); // prettier-ignore
    expect(bad.code).toBe(1);
    expect(bad.err.join('\n')).toMatch(/branch code "Bad_Code" is not valid/);
    const unknown = await cli('hq', 'branches', 'remove', 'hz-001', '--database-url', url);
    expect(unknown.code).toBe(2);
  });

  it('is listed in the usage, with both forms', async () => {
    const r = await cli('help', 'hq', 'branches');
    expect(r.code).toBe(0);
    expect(r.out.join('\n')).toMatch(/hq branches add <code>[\s\S]*hq branches list/);
  });
});

describe('hq publish, hq verify and hq status', () => {
  let su: pg.Client;
  let branch: TestBranch;
  let hqDir: string;
  /** The bundled armed-robbery plan at `version`, as a file in the test folder. */
  const planFile = (name: string, version: number, edit: (plan: Record<string, unknown>) => void = () => {}) => {
    const plan = JSON.parse(readFileSync(join(BUNDLED_PLANS_DIR, 'armed-robbery.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    plan.version = version;
    edit(plan);
    const file = join(folder, name);
    writeFileSync(file, JSON.stringify(plan, null, 2) + '\n');
    return file;
  };
  const publish = (file: string, ...options: string[]) =>
    cli('hq', 'publish', file, ...options, '--data-dir', hqDir, '--database-url', url);

  beforeAll(async () => {
    await cli('hq', 'migrate', '--database-url', url);
    su = await cluster.connect(cluster.superuser.user, cluster.superuser.password, DB);
    branch = await enrolTestBranch(cluster, su, DB, 'cli-south', 'south');
    hqDir = join(folder, 'head-office');
  });

  afterAll(async () => {
    await branch?.client.end();
    await su?.end();
  });

  it('publish signs with a new head-office key the first time, and says whom the release reaches', async () => {
    const r = await publish(
      planFile('robbery-v2.json', 2),
      '--scope',
      'regions:south,nowhere',
      '--mandatory',
      '--effective',
      '2026-12-05',
    );

    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    const key = loadOrCreateSigningKey(hqDir);
    expect(r.out).toEqual([
      expect.stringContaining(`made a new head-office signing key (public key ${hqDir}`),
      expect.stringMatching(/published: "armed-robbery" version 2 \(sha256:[0-9a-f]{64}\)$/),
      expect.stringContaining('scope: regions nowhere, south; mandatory, to be adopted by 2026-12-05'),
      expect.stringContaining('reaches 1 enabled branch now'),
      expect.stringContaining('note: nowhere in the scope match no enrolled branch'),
      expect.stringContaining(`signed with head office's key, fingerprint ${key.fingerprint}`),
    ]);
    expect(r.out[0]).toContain(key.fingerprint);
    // The branch in scope reads it on its own connection and accepts it with the key head office handed out.
    const [release] = await listReleases(branch.client);
    expect(verifyRelease(release!, key.publicKey, nodeJournalCrypto)).toMatchObject({ ok: true });
  });

  it('publishing the same again changes nothing; other content under that version is refused', async () => {
    const again = await publish(
      planFile('robbery-v2-again.json', 2),
      '--scope',
      'regions:nowhere,south',
      '--mandatory',
      '--effective',
      '2026-12-05',
    );
    expect(again.code).toBe(0);
    expect(again.out[0]).toMatch(/already published \(nothing changed\): "armed-robbery" version 2/);
    expect(again.out.join('\n')).not.toContain('new head-office signing key');

    const changed = planFile('robbery-v2-changed.json', 2, (plan) => {
      (plan.title as Record<string, string>).en = 'Armed robbery, revised';
    });
    const refused = await publish(changed, '--scope', 'all');
    expect(refused.code).toBe(1);
    expect(refused.err.join('\n')).toMatch(/version 2 was published already with other content/);
  });

  it('a plan with errors is refused with each finding at its line, and exit 1', async () => {
    const file = planFile('robbery-broken.json', 3, (plan) => {
      (plan.steps as Record<string, unknown>[])[0]!.role = 'no-such-role';
    });
    const r = await publish(file, '--scope', 'all');
    expect(r.code).toBe(1);
    expect(r.err).toEqual([
      expect.stringMatching(
        new RegExp(`^${file}:\\d+:\\d+: 错误 / error press-alarm \\(steps\\[0\\]\\.role\\): .*no-such-role`),
      ),
      expect.stringContaining('the plan has 1 error: not published'),
    ]);
    expect(r.out).toEqual([]);
  });

  it('publish refuses what it cannot act on as usage errors (exit 2)', async () => {
    const file = planFile('robbery-v4.json', 4);
    const usage = async (...argv: string[]) => {
      const r = await cli('hq', 'publish', ...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      return r.err.join('\n');
    };
    expect(await usage(file, '--data-dir', hqDir, '--database-url', url)).toMatch(/needs --scope/);
    expect(await usage(file, '--scope', 'everyone', '--data-dir', hqDir, '--database-url', url)).toMatch(
      /--scope takes all, regions:R1,R2 or branches:C1,C2, not "everyone"/,
    );
    expect(await usage(file, '--scope', 'all', '--mandatory', '--data-dir', hqDir, '--database-url', url)).toMatch(
      /--mandatory needs --effective/,
    );
    expect(await usage(file, '--scope', 'all', '--database-url', url)).toMatch(/needs --data-dir/);
    expect(await usage(file, file, '--scope', 'all', '--data-dir', hqDir, '--database-url', url)).toMatch(
      /one plan file/,
    );
  });

  it('verify flags a tampered record and exits 1; a second pass finds nothing to do', async () => {
    const run = (id: string) => rowOf(branch.code, pushOf('run', sealedRunJournal(branch.key, id)));
    await insertRecords(branch.client, [run('cli-1'), run('cli-2'), { ...run('cli-bad'), is_drill: false }]);

    const first = await cli('hq', 'verify', '--database-url', url);

    expect(first.code).toBe(1);
    expect(first.out).toEqual([
      expect.stringMatching(
        /flagged as failed: run cli-bad of cli-south: .*summary columns differ from the journal: isDrill$/,
      ),
      expect.stringMatching(/checked 3 records in \d+\.\d s: 2 verified, 1 failed$/),
    ]);
    const second = await cli('hq', 'verify', '--database-url', url);
    expect(second.code).toBe(0);
    expect(second.out).toEqual([expect.stringMatching(/checked 0 records in \d+\.\d s: 0 verified, 0 failed$/)]);
  });

  it('status prints where things stand, and --json the same as data', async () => {
    const r = await cli('hq', 'status', '--database-url', url);
    expect(r.code).toBe(0);
    const text = r.out.join('\n');
    expect(text).toContain(`schema version ${readMigrations().at(-1)!.version}`);
    expect(text).toContain('branches: 3 enabled, 0 disabled');
    expect(text).toContain('run: 3 received, 2 verified, 1 failed, 0 not yet checked');
    expect(text).toContain('no conflicting records');
    expect(text).toContain("every branch's seal register only grew");
    expect(text).toMatch(
      /2 enabled branches sent no record within 7 days:\n {2}hz-001 .*never sent a record\n {2}nb-002 /,
    );

    const json = await cli('hq', 'status', '--json', '--stale-days', '30', '--database-url', url);
    const status = JSON.parse(json.out.join('\n')) as { records: unknown[]; stale: { days: number } };
    expect(status.records[0]).toEqual({ kind: 'run', received: 3, verified: 2, failed: 1, unchecked: 0 });
    expect(status.stale.days).toBe(30);

    for (const days of ['0', 'abc', '1.5']) {
      const bad = await cli('hq', 'status', '--stale-days', days, '--database-url', url);
      expect(bad.code, days).toBe(2);
    }
  });

  it('publish, verify and status are in the usage', async () => {
    const r = await cli('help', 'hq');
    expect(r.code).toBe(0);
    expect(r.out.join('\n')).toMatch(/hq publish <plan-file>[\s\S]*hq verify[\s\S]*hq status/);
  });
});
