// `hq migrate`, `hq branches add` and `hq branches list`: head office's PostgreSQL database from the command line.
// The database is named by --database-url, else GUARDBOOK_HQ_URL (a libpq-style URL: TLS with
// `?sslmode=verify-full&sslrootcert=…`; the password better in PGPASSWORD or ~/.pgpass than in the URL, which other
// users of the machine can see in the process list). Messages never show the password.
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { FILE_MESSAGES } from '../../shared/messages/files';
import { HQ_MESSAGES } from '../../shared/messages/hq';
import { inBothLanguages } from '../../shared/text';
import { addBranch, BranchEnrolmentError, ed25519PublicKeyFrom, listBranches, type Branch } from '../hq/branchRoles';
import { migrate, MigrationError, migrationStatus } from '../hq/migrate';
import { fingerprintOf, keyIdOf } from '../journal/signingKey';
import { defineCommand, parseCommandArgs } from './args';
import { EXIT_FINDINGS, EXIT_OK, UsageError, type CliIo } from './io';

const URL_ENV = 'GUARDBOOK_HQ_URL';
const DATABASE_ABOUT = `database: --database-url URL, else ${URL_ENV}`;

export const HQ_MIGRATE = defineCommand({
  name: 'hq migrate',
  forms: [
    {
      synopsis: 'hq migrate [--database-url URL]',
      about: [
        "apply head office's schema migrations in order; refuses an",
        'edited migration or a database a newer version migrated',
        DATABASE_ABOUT,
      ],
    },
  ],
  options: { 'database-url': { type: 'string' } },
});

export const HQ_BRANCHES = defineCommand({
  name: 'hq branches',
  forms: [
    {
      synopsis: [
        'hq branches add <code> --name NAME --region REGION',
        '--public-key-file FILE --password-file FILE [--database-url URL]',
      ],
      about: [
        "enrol a branch: its login role and its seals' public key",
        '(the password: first line of the file; needs CREATEROLE)',
      ],
    },
    { synopsis: 'hq branches list [--json] [--database-url URL]', about: ['the enrolled branches', DATABASE_ABOUT] },
  ],
  options: {
    name: { type: 'string' },
    region: { type: 'string' },
    'public-key-file': { type: 'string' },
    'password-file': { type: 'string' },
    json: { type: 'boolean' },
    'database-url': { type: 'string' },
  },
});

/** A refusal to print as it is, in both languages, with exit 1. */
class HqRefusal extends Error {}

function databaseUrlOf(argument: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const url = argument ?? env[URL_ENV];
  // An empty value (`--database-url "$URL"` with URL unset) is a mistake, never a reason to try libpq's defaults.
  if (url === undefined || url.trim() === '') throw new UsageError(`no database: ${DATABASE_ABOUT}`);
  return url;
}

/** Connects, runs `work`, and disconnects; a database's refusal or an unreachable server is a message and exit 1. */
async function withDatabase(url: string, io: CliIo, work: (client: pg.Client) => Promise<number>): Promise<number> {
  let client: pg.Client;
  try {
    client = new pg.Client({
      connectionString: url,
      application_name: 'guardbook hq',
      connectionTimeoutMillis: 15_000,
    });
  } catch (error) {
    throw new UsageError(`--database-url: ${(error as Error).message}`);
  }
  client.on('error', () => undefined); // a connection lost between queries fails the next query, which says so
  try {
    try {
      await client.connect();
    } catch (error) {
      const where = `${client.host}:${client.port}/${client.database ?? ''}`;
      throw new HqRefusal(inBothLanguages(HQ_MESSAGES.cannotConnect(where, (error as Error).message)));
    }
    return await work(client);
  } catch (error) {
    if (error instanceof HqRefusal || error instanceof MigrationError || error instanceof BranchEnrolmentError) {
      io.err(error.message);
      return EXIT_FINDINGS;
    }
    if (error instanceof pg.DatabaseError) {
      io.err(inBothLanguages(HQ_MESSAGES.databaseRefused(error.message)));
      return EXIT_FINDINGS;
    }
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function hqMigrate(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs(HQ_MIGRATE, argv, io);
  if (!args) return EXIT_OK;
  if (args.positionals.length > 0) throw new UsageError('hq migrate takes no arguments');
  return withDatabase(databaseUrlOf(args.values['database-url']), io, async (client) => {
    const applied = await migrate(client);
    for (const migration of applied) io.out(inBothLanguages(HQ_MESSAGES.migrationApplied(migration.file)));
    const version = Math.max(0, ...(await migrationStatus(client)).map((s) => s.version));
    const summary =
      applied.length === 0 ? HQ_MESSAGES.schemaUpToDate(version) : HQ_MESSAGES.schemaAt(applied.length, version);
    io.out(inBothLanguages(summary));
    return EXIT_OK;
  });
}

export async function hqBranches(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs(HQ_BRANCHES, argv, io);
  if (!args) return EXIT_OK;
  const [action, ...rest] = args.positionals;
  const { values } = args;
  if (action === 'list') {
    if (rest.length > 0) throw new UsageError('hq branches list takes no arguments');
    const addOnly = (['name', 'region', 'public-key-file', 'password-file'] as const).filter((o) => values[o]);
    if (addOnly.length > 0) throw new UsageError(`hq branches list does not take --${addOnly.join(', --')}`);
    return withDatabase(databaseUrlOf(values['database-url']), io, async (client) => {
      const branches = await listBranches(client);
      if (values.json) io.out(JSON.stringify(branches, null, 2));
      else if (branches.length === 0) io.out(inBothLanguages(HQ_MESSAGES.noBranches()));
      else for (const branch of branches) io.out(branchLine(branch));
      return EXIT_OK;
    });
  }
  if (action !== 'add') {
    throw new UsageError(action === undefined ? 'hq branches needs add or list' : `unknown: hq branches ${action}`);
  }
  if (values.json) throw new UsageError('hq branches add does not take --json');
  const [code, ...extra] = rest;
  if (code === undefined || extra.length > 0) throw new UsageError('hq branches add takes one branch code');
  const required = (name: 'name' | 'region' | 'public-key-file' | 'password-file') => {
    const value = values[name];
    if (value === undefined || value === '') throw new UsageError(`hq branches add needs --${name}`);
    return value;
  };
  const name = required('name');
  const region = required('region');
  const keyFile = required('public-key-file');
  const passwordFile = required('password-file');
  const url = databaseUrlOf(values['database-url']);
  // Both files are read before connecting: a wrong path changes nothing anywhere.
  let publicKey: string;
  let password: string;
  try {
    publicKey = ed25519PublicKeyFrom(readText(keyFile));
    password = readText(passwordFile).split(/\r?\n/)[0] ?? ''; // the first line, exactly
  } catch (error) {
    if (error instanceof HqRefusal || error instanceof BranchEnrolmentError) {
      io.err(error.message);
      return EXIT_FINDINGS;
    }
    throw error;
  }
  return withDatabase(url, io, async (client) => {
    const keyId = keyIdOf(publicKey);
    const branch = await addBranch(client, { code, name, region, publicKey, keyId, password });
    io.out(inBothLanguages(HQ_MESSAGES.branchEnrolled(branch.code, branch.loginRole, fingerprintOf(publicKey))));
    return EXIT_OK;
  });
}

/** One branch on one line: code, name, region, login role, key id, enrolled, and whether disabled. */
function branchLine(b: Branch): string {
  const disabled = b.disabledAt ? `  (${inBothLanguages(HQ_MESSAGES.branchDisabled(b.disabledAt.toISOString()))})` : '';
  return `${b.code}  ${b.name}  ${b.region}  ${b.loginRole}  key ${b.keyId}  ${b.enrolledAt.toISOString()}${disabled}`;
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    throw new HqRefusal(
      inBothLanguages(HQ_MESSAGES.cannotReadFile(file, FILE_MESSAGES.planReadReason(code ?? '', message))),
    );
  }
}
