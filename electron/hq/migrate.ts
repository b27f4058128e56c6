// Head office's schema, migrated by a minimal runner over `pg`: the files `migrations/NNN_name.sql`, applied in
// order of NNN, each in its own transaction together with its row in guardbook.schema_migrations (so a migration
// is applied whole and recorded, or not at all). A session advisory lock makes a second runner wait for the first
// and then find nothing to do. It refuses, before applying anything, a database that a newer Guardbook migrated
// (a version this program does not know), an applied migration whose file has changed since (checksum), and a
// new migration numbered below one already applied.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { HQ_MESSAGES } from '../../shared/messages/hq';
import { inBothLanguages, type Text } from '../../shared/text';

/** The migrations checked in beside this file (a packaged build passes its own `dir`). */
export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

/** Any fixed number will do, as long as it is always this one: every runner on the database waits for it. */
const MIGRATION_LOCK = 0x6775_6172_6462; // "guardb"

const FILE_NAME = /^(\d{3,})_([a-z0-9_-]+)\.sql$/;

export interface MigrationFile {
  version: number;
  /** The part after the number: `schema` of 001_schema.sql. */
  name: string;
  file: string;
  sql: string;
  /** SHA-256 of the file's bytes, hex. */
  checksum: string;
}

export interface MigrationState {
  version: number;
  name: string;
  /** applied: as in its file; pending: not yet; changed: its file differs from what was applied; unknown: applied,
   * but this program has no such file. */
  status: 'applied' | 'pending' | 'changed' | 'unknown';
  file?: string;
  appliedAt?: Date;
  appliedBy?: string;
}

export interface MigrateOptions {
  dir?: string;
}

/** A migration refused or failed; its message names the file, in both languages. */
export class MigrationError extends Error {
  constructor(
    readonly text: Text,
    options?: ErrorOptions,
  ) {
    super(inBothLanguages(text), options);
    this.name = 'MigrationError';
  }
}

/** The migration files of `dir`, by version. A file that is not `NNN_name.sql`, or a version used twice, is refused. */
export function readMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  const byVersion = new Map<number, MigrationFile>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.sql'))) {
    const match = FILE_NAME.exec(file);
    if (!match) throw new MigrationError(HQ_MESSAGES.migrationBadName(file));
    const version = Number(match[1]);
    const other = byVersion.get(version);
    if (other) throw new MigrationError(HQ_MESSAGES.migrationDuplicate(version, other.file, file));
    const bytes = readFileSync(join(dir, file));
    const checksum = createHash('sha256').update(bytes).digest('hex');
    byVersion.set(version, { version, name: match[2]!, file, sql: bytes.toString('utf8'), checksum });
  }
  return [...byVersion.values()].sort((a, b) => a.version - b.version);
}

interface AppliedRow {
  version: number;
  name: string;
  checksum: string;
  applied_at: Date;
  applied_by: string;
}

async function appliedRows(client: pg.ClientBase): Promise<AppliedRow[]> {
  const table = await client.query<{ exists: boolean }>(
    `SELECT to_regclass('guardbook.schema_migrations') IS NOT NULL AS exists`,
  );
  if (!table.rows[0]?.exists) return [];
  const rows = await client.query<AppliedRow>(
    'SELECT version, name, checksum, applied_at, applied_by FROM guardbook.schema_migrations ORDER BY version',
  );
  return rows.rows;
}

function statesOf(files: readonly MigrationFile[], applied: readonly AppliedRow[]): MigrationState[] {
  const appliedByVersion = new Map(applied.map((row) => [row.version, row]));
  const fileVersions = new Set(files.map((f) => f.version));
  const states: MigrationState[] = files.map((f) => {
    const row = appliedByVersion.get(f.version);
    if (!row) return { version: f.version, name: f.name, file: f.file, status: 'pending' };
    const same = row.checksum === f.checksum && row.name === f.name;
    return {
      version: f.version,
      name: f.name,
      file: f.file,
      status: same ? 'applied' : 'changed',
      appliedAt: row.applied_at,
      appliedBy: row.applied_by,
    };
  });
  for (const row of applied) {
    if (fileVersions.has(row.version)) continue;
    states.push({
      version: row.version,
      name: row.name,
      status: 'unknown',
      appliedAt: row.applied_at,
      appliedBy: row.applied_by,
    });
  }
  return states.sort((a, b) => a.version - b.version);
}

/** Every migration this program has and every one the database has applied, and how each stands. Changes nothing. */
export async function migrationStatus(client: pg.ClientBase, options: MigrateOptions = {}): Promise<MigrationState[]> {
  return statesOf(readMigrations(options.dir), await appliedRows(client));
}

/** Applies the pending migrations in order; returns those it applied (none when the database is up to date). */
export async function migrate(client: pg.ClientBase, options: MigrateOptions = {}): Promise<MigrationFile[]> {
  const files = readMigrations(options.dir);
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
  let failed = false;
  try {
    await createBookkeeping(client);
    const states = statesOf(files, await appliedRows(client));
    refuseProblems(states);
    const pending = new Set(states.filter((s) => s.status === 'pending').map((s) => s.version));
    const applied: MigrationFile[] = [];
    for (const migration of files.filter((f) => pending.has(f.version))) {
      await applyOne(client, migration);
      applied.push(migration);
    }
    return applied;
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    // A broken connection has lost the lock anyway: then the error that broke it is the one to report.
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch((error: unknown) => {
      if (!failed) throw error;
    });
  }
}

/** The schema and the runner's own table, made by the first run. */
async function createBookkeeping(client: pg.ClientBase): Promise<void> {
  await client.query(`
    CREATE SCHEMA IF NOT EXISTS guardbook;
    CREATE TABLE IF NOT EXISTS guardbook.schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      checksum text NOT NULL,                                 -- SHA-256 of the file as applied, hex
      applied_at timestamptz NOT NULL DEFAULT now(),
      applied_by name NOT NULL DEFAULT session_user
    );
    COMMENT ON TABLE guardbook.schema_migrations IS 'Applied migrations (electron/hq/migrate.ts); never edit by hand.';
  `);
}

/** The first problem that forbids migrating, as an error: a newer program's migration, an edited one, a gap filled late. */
function refuseProblems(states: readonly MigrationState[]): void {
  const unknown = states.find((s) => s.status === 'unknown');
  if (unknown) throw new MigrationError(HQ_MESSAGES.migrationUnknown(unknown.version, unknown.name));
  const changed = states.find((s) => s.status === 'changed');
  if (changed) throw new MigrationError(HQ_MESSAGES.migrationChanged(changed.file!));
  const latest = Math.max(0, ...states.filter((s) => s.status === 'applied').map((s) => s.version));
  const late = states.find((s) => s.status === 'pending' && s.version < latest);
  if (late) throw new MigrationError(HQ_MESSAGES.migrationOutOfOrder(late.file!, latest));
}

async function applyOne(client: pg.ClientBase, migration: MigrationFile): Promise<void> {
  await client.query('BEGIN');
  try {
    // Only the catalog on the path: an object a migration forgets to qualify with `guardbook.` is an error, not a
    // table quietly made in another schema.
    await client.query('SET LOCAL search_path = pg_catalog, pg_temp');
    await client.query(migration.sql);
    await client.query('INSERT INTO guardbook.schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
      migration.version,
      migration.name,
      migration.checksum,
    ]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined); // the connection may be gone: nothing was committed
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(HQ_MESSAGES.migrationFailed(migration.file, lineOf(migration.sql, error), reason), {
      cause: error,
    });
  }
}

/** The line of the migration where PostgreSQL says the error is (its `position` counts characters from 1). */
function lineOf(sql: string, error: unknown): number | undefined {
  const position = Number((error as { position?: string }).position);
  if (!Number.isInteger(position) || position < 1) return undefined;
  return sql.slice(0, position - 1).split('\n').length;
}
