// The migration runner against a real PostgreSQL (a throwaway cluster, one database per test): order, idempotence,
// refusals that name the file, one transaction per migration, and two runners at once.
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addBranch, branchRoleName, scramVerifier } from '../../electron/hq/branchRoles';
import { migrate, MigrationError, migrationStatus, MIGRATIONS_DIR, readMigrations } from '../../electron/hq/migrate';
import { keyIdOf } from '../../electron/journal/signingKey';
import { startPgCluster, type PgCluster } from '../support/pgCluster';

let cluster: PgCluster;
let databases = 0;
const clients: pg.Client[] = [];
const folders: string[] = [];

beforeAll(async () => {
  cluster = await startPgCluster();
}, 30_000);

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.end()));
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

afterAll(async () => {
  await cluster?.stop();
});

/** A connection, as the superuser, to a database of its own. */
async function emptyDatabase(): Promise<{ name: string; client: pg.Client }> {
  const name = `migrate_${++databases}`;
  await cluster.createDatabase(name);
  return { name, client: await connectTo(name) };
}

async function connectTo(name: string): Promise<pg.Client> {
  const client = await cluster.connect(cluster.superuser.user, cluster.superuser.password, name);
  clients.push(client);
  return client;
}

/** A folder of migration files (name → SQL). */
function migrationFolder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'guardbook-migrations-'));
  folders.push(dir);
  for (const [name, sql] of Object.entries(files)) writeFileSync(join(dir, name), sql);
  return dir;
}

/** A copy of the real migrations, to change. */
function copyOfMigrations(): string {
  const dir = migrationFolder({});
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

async function appliedRows(client: pg.Client) {
  const rows = await client.query<{ version: number; name: string; checksum: string; applied_by: string }>(
    'SELECT version, name, checksum, applied_by FROM guardbook.schema_migrations ORDER BY version',
  );
  return rows.rows;
}

async function tableExists(client: pg.Client, table: string): Promise<boolean> {
  const result = await client.query<{ exists: boolean }>('SELECT to_regclass($1) IS NOT NULL AS exists', [table]);
  return result.rows[0]!.exists;
}

describe('migrate', () => {
  it('applies every migration on an empty database, in order, each recorded with the checksum of its file', async () => {
    const { client } = await emptyDatabase();
    const files = readMigrations();
    expect(files.length).toBeGreaterThanOrEqual(2);

    const applied = await migrate(client);

    expect(applied.map((m) => m.file)).toEqual(files.map((f) => f.file));
    expect(applied.map((m) => m.version)).toEqual([...applied.map((m) => m.version)].sort((a, b) => a - b));
    const rows = await appliedRows(client);
    expect(rows.map((r) => r.version)).toEqual(files.map((f) => f.version));
    for (const row of rows) {
      const file = files.find((f) => f.version === row.version)!;
      const onDisk = createHash('sha256')
        .update(readFileSync(join(MIGRATIONS_DIR, file.file)))
        .digest('hex');
      expect(row.checksum).toBe(onDisk);
      expect(row.applied_by).toBe(cluster.superuser.user);
    }
    for (const table of [
      'branches',
      'plan_versions',
      'received_records',
      'record_checks',
      'receipts',
      'register_heads',
      'conflicts',
    ]) {
      expect(await tableExists(client, `guardbook.${table}`), table).toBe(true);
    }
  });

  it('applies nothing the second time, and reports every migration applied', async () => {
    const { client } = await emptyDatabase();
    await migrate(client);
    const before = await appliedRows(client);

    expect(await migrate(client)).toEqual([]);

    expect(await appliedRows(client)).toEqual(before);
    const status = await migrationStatus(client);
    expect(status.map((s) => s.status)).toEqual(readMigrations().map(() => 'applied'));
  });

  it('orders by number, not by name: 009 before 0010', async () => {
    const { client } = await emptyDatabase();
    const dir = migrationFolder({
      '0010_second.sql': 'ALTER TABLE guardbook.t ADD COLUMN b int;',
      '009_first.sql': 'CREATE TABLE guardbook.t (a int);',
    });

    const applied = await migrate(client, { dir });

    expect(applied.map((m) => m.file)).toEqual(['009_first.sql', '0010_second.sql']);
  });

  it('refuses an applied migration whose file has changed, naming it, and applies nothing more', async () => {
    const { client } = await emptyDatabase();
    const dir = copyOfMigrations();
    await migrate(client, { dir });
    const [, edited] = readMigrations(dir);
    appendFileSync(join(dir, edited!.file), '\n-- an afterthought\n');
    writeFileSync(join(dir, '900_later.sql'), 'CREATE TABLE guardbook.later (a int);');

    const refusal = migrate(client, { dir });

    await expect(refusal).rejects.toThrow(MigrationError);
    await expect(refusal).rejects.toThrow(edited!.file);
    expect(await tableExists(client, 'guardbook.later')).toBe(false);
    const status = await migrationStatus(client, { dir });
    expect(status.find((s) => s.version === edited!.version)?.status).toBe('changed');
    expect(status.find((s) => s.version === 900)?.status).toBe('pending');
  });

  it('refuses a database that a newer version migrated (a migration it does not know)', async () => {
    const { client } = await emptyDatabase();
    await migrate(client);
    await client.query(
      "INSERT INTO guardbook.schema_migrations (version, name, checksum) VALUES (999, 'from_the_future', 'x')",
    );

    await expect(migrate(client)).rejects.toThrow(/999 \(from_the_future\).*newer/);

    const status = await migrationStatus(client);
    expect(status.at(-1)).toMatchObject({ version: 999, name: 'from_the_future', status: 'unknown' });
  });

  it('refuses a new migration numbered below one already applied', async () => {
    const { client } = await emptyDatabase();
    const dir = migrationFolder({ '001_a.sql': 'SELECT 1;', '003_c.sql': 'SELECT 3;' });
    await migrate(client, { dir });
    writeFileSync(join(dir, '002_b.sql'), 'CREATE TABLE guardbook.b (a int);');

    await expect(migrate(client, { dir })).rejects.toThrow(/002_b\.sql.*version 3/);
    expect(await tableExists(client, 'guardbook.b')).toBe(false);
  });

  it('rolls a failed migration back whole, names its file and line, and applies it once fixed', async () => {
    const { client } = await emptyDatabase();
    const broken = ['CREATE TABLE guardbook.half (a int);', '', 'SELEC 1;', ''].join('\n');
    const dir = migrationFolder({ '001_ok.sql': 'CREATE TABLE guardbook.ok (a int);', '002_broken.sql': broken });

    await expect(migrate(client, { dir })).rejects.toThrow(/002_broken\.sql failed at line 3 .*SELEC/);

    expect(await tableExists(client, 'guardbook.ok')).toBe(true);
    expect(await tableExists(client, 'guardbook.half')).toBe(false);
    expect((await appliedRows(client)).map((r) => r.version)).toEqual([1]);
    writeFileSync(join(dir, '002_broken.sql'), broken.replace('SELEC', 'SELECT'));
    expect((await migrate(client, { dir })).map((m) => m.file)).toEqual(['002_broken.sql']);
    expect(await tableExists(client, 'guardbook.half')).toBe(true);
  });

  it('makes an object a migration forgot to put in the guardbook schema an error, not a table elsewhere', async () => {
    const { client } = await emptyDatabase();
    const dir = migrationFolder({ '001_unqualified.sql': 'CREATE TABLE stray (a int);' });

    await expect(migrate(client, { dir })).rejects.toThrow(/001_unqualified\.sql/);
    expect(await tableExists(client, 'public.stray')).toBe(false);
  });

  it('refuses a folder with a file not named NNN_name.sql, or two files of one number', () => {
    expect(() => readMigrations(migrationFolder({ '1_short.sql': '' }))).toThrow(/1_short\.sql/);
    expect(() => readMigrations(migrationFolder({ '002_a.sql': '', '002_b.sql': '' }))).toThrow(
      /002_a\.sql.*002_b\.sql/,
    );
  });

  it('works migrated by a database owner that is no superuser: FORCE holds it, its triggers still work', async () => {
    const owner = { role: 'gb_owner', password: randomBytes(18).toString('base64') };
    const su = await connectTo('postgres');
    await su.query(`CREATE ROLE gb_owner LOGIN CREATEROLE PASSWORD ${pg.escapeLiteral(scramVerifier(owner.password))}`);
    await su.query('CREATE DATABASE owned OWNER gb_owner');
    const asOwner = await cluster.connect(owner.role, owner.password, 'owned');
    clients.push(asOwner);

    expect((await migrate(asOwner)).length).toBe(readMigrations().length);

    // The owner enrols as head office's administrator would (CREATEROLE, and a member of guardbook_hq_admin).
    await su.query('GRANT guardbook_hq_admin TO gb_owner');
    const publicKey = generateKeyPairSync('ed25519')
      .publicKey.export({ format: 'der', type: 'spki' })
      .toString('base64');
    const password = randomBytes(18).toString('base64');
    const branch = { code: 'owned-1', name: 'Owned', region: 'east', publicKey, keyId: keyIdOf(publicKey), password };
    await addBranch(asOwner, branch);
    const asBranch = await cluster.connect(branchRoleName(branch.code), password, 'owned');
    clients.push(asBranch);
    const head = 'c'.repeat(64);
    await asBranch.query(
      `INSERT INTO guardbook.received_records (branch_code, kind, record_id, head_hash, seal, journal)
       VALUES ('owned-1', 'run', 'r-1', $1, $2, '\\x7b7d')`,
      [head, JSON.stringify({ head })],
    );

    // current_branch() and the receipt trigger run as this owner, whom FORCE holds to the policies too.
    const receipts = await asBranch.query('SELECT record_id, head_hash FROM guardbook.receipts');
    expect(receipts.rows).toEqual([{ record_id: 'r-1', head_hash: head }]);
    await expect(asOwner.query('DELETE FROM guardbook.received_records')).rejects.toThrow(/append-only/);
    expect(
      (
        await asOwner.query(
          "SELECT relname FROM pg_class WHERE relrowsecurity AND relforcerowsecurity AND relname = 'branches'",
        )
      ).rows,
    ).toEqual([{ relname: 'branches' }]);
  });

  it('applies each migration exactly once when two runners start at the same moment', async () => {
    const { name, client: first } = await emptyDatabase();
    const second = await connectTo(name);

    const [byFirst, bySecond] = await Promise.all([migrate(first), migrate(second)]);

    const versions = [...byFirst, ...bySecond].map((m) => m.version).sort((a, b) => a - b);
    expect(versions).toEqual(readMigrations().map((f) => f.version));
    // The lock makes one wait for the other, which then finds everything applied.
    expect([byFirst.length, bySecond.length]).toContain(0);
    expect((await appliedRows(first)).length).toBe(versions.length);
  });
});
