// `hq migrate`, `hq branches add|list`, `hq publish`, `hq verify` and `hq status`: head office's PostgreSQL database
// from the command line.
// The database is named by --database-url, else GUARDBOOK_HQ_URL (a libpq-style URL: TLS with
// `?sslmode=verify-full&sslrootcert=…`; the password better in PGPASSWORD or ~/.pgpass than in the URL, which other
// users of the machine can see in the process list). Messages never show the password.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { ReleaseScope } from '../../shared/hq/release';
import { CLI_MESSAGES } from '../../shared/messages/cli';
import { FILE_MESSAGES } from '../../shared/messages/files';
import { HQ_MESSAGES } from '../../shared/messages/hq';
import type { PlacedFinding } from '../../shared/plan/checkPlanText';
import { formatLocalDate, systemTimeZone } from '../../shared/time/localTime';
import { inBothLanguages, type Text } from '../../shared/text';
import { addBranch, BranchEnrolmentError, ed25519PublicKeyFrom, listBranches, type Branch } from '../hq/branchRoles';
import { verifyPending } from '../hq/ingest';
import { migrate, MigrationError, migrationStatus } from '../hq/migrate';
import { publishRelease, PublishError, scopeFromText } from '../hq/publish';
import { hqStatus, type HqStatus } from '../hq/status';
import { fingerprintOf, keyIdOf, loadOrCreateSigningKey, readPublicKey } from '../journal/signingKey';
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
    if (
      error instanceof HqRefusal ||
      error instanceof MigrationError ||
      error instanceof BranchEnrolmentError ||
      error instanceof PublishError
    ) {
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

export const HQ_PUBLISH = defineCommand({
  name: 'hq publish',
  forms: [
    {
      synopsis: [
        'hq publish <plan-file> --scope all|regions:R1,R2|branches:C1,C2',
        '[--mandatory] [--effective YYYY-MM-DD] --data-dir DIR [--database-url URL]',
      ],
      about: [
        "publish a plan version to a scope, signed with head office's key",
        'in DIR (made there the first time: give branches its public key);',
        'effective today unless --effective; mandatory needs a date',
      ],
    },
  ],
  options: {
    scope: { type: 'string' },
    mandatory: { type: 'boolean' },
    effective: { type: 'string' },
    'data-dir': { type: 'string' },
    'database-url': { type: 'string' },
  },
});

export const HQ_VERIFY = defineCommand({
  name: 'hq verify',
  forms: [
    {
      synopsis: 'hq verify [--database-url URL]',
      about: [
        'check every record received and not yet checked (one pass):',
        "chain, seal by the branch's enrolled key, summary; exit 1 if any failed",
      ],
    },
  ],
  options: { 'database-url': { type: 'string' } },
});

export const HQ_STATUS = defineCommand({
  name: 'hq status',
  forms: [
    {
      synopsis: 'hq status [--stale-days N] [--json] [--database-url URL]',
      about: [
        'schema, branches, records and their checks, conflicts, seal',
        'registers cut back or rewritten, branches silent N days (7)',
      ],
    },
  ],
  options: { 'stale-days': { type: 'string' }, json: { type: 'boolean' }, 'database-url': { type: 'string' } },
});

const DEFAULT_STALE_DAYS = 7;

export async function hqPublish(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs(HQ_PUBLISH, argv, io);
  if (!args) return EXIT_OK;
  const { values } = args;
  const [planFile, ...extra] = args.positionals;
  if (planFile === undefined || extra.length > 0) throw new UsageError('hq publish takes one plan file');
  const scope = scopeOf(values.scope);
  const dataDir = values['data-dir'];
  // Never a default folder: the key found there is what every branch will have to trust.
  if (dataDir === undefined || dataDir === '')
    throw new UsageError("hq publish needs --data-dir: head office's data folder");
  if (values.mandatory && values.effective === undefined) {
    throw new UsageError('--mandatory needs --effective YYYY-MM-DD: the day by which branches must adopt it');
  }
  const effectiveDate = values.effective ?? formatLocalDate(Date.now(), systemTimeZone());
  const url = databaseUrlOf(values['database-url']);
  let planText: string;
  try {
    planText = readText(planFile);
  } catch (error) {
    if (!(error instanceof HqRefusal)) throw error;
    io.err(error.message);
    return EXIT_FINDINGS;
  }
  return withDatabase(url, io, async (client) => {
    const newKey = readPublicKey(dataDir) === undefined;
    const key = loadOrCreateSigningKey(dataDir);
    if (newKey) {
      const publicFile = join(dataDir, 'keys', 'installation-ed25519.pub.der.b64');
      io.out(inBothLanguages(HQ_MESSAGES.newHeadOfficeKey(publicFile, key.fingerprint)));
    }
    let published;
    try {
      published = await publishRelease(
        client,
        { planText, scope, mandatory: values.mandatory ?? false, effectiveDate },
        key,
      );
    } catch (error) {
      if (error instanceof PublishError) for (const f of error.findings) io.err(findingLine(planFile, f));
      throw error;
    }
    const { release } = published;
    for (const f of published.warnings) io.out(findingLine(planFile, f));
    io.out(
      inBothLanguages(
        HQ_MESSAGES.releasePublished(release.planId, release.version, release.contentHash, published.alreadyPublished),
      ),
    );
    io.out(
      inBothLanguages(HQ_MESSAGES.releaseTerms(scopeText(release.scope), release.mandatory, release.effectiveDate)),
    );
    io.out(inBothLanguages(HQ_MESSAGES.releaseReach(published.reach.branches)));
    if (published.reach.unmatched.length > 0) {
      io.out(inBothLanguages(HQ_MESSAGES.releaseUnmatched(published.reach.unmatched.join(', '))));
    }
    io.out(inBothLanguages(HQ_MESSAGES.signedWith(key.fingerprint)));
    return EXIT_OK;
  });
}

function scopeOf(value: string | undefined): ReleaseScope {
  if (value === undefined) throw new UsageError('hq publish needs --scope all|regions:R1,R2|branches:C1,C2');
  const scope = scopeFromText(value);
  if (!scope) throw new UsageError(`--scope takes all, regions:R1,R2 or branches:C1,C2, not "${value}"`);
  return scope;
}

function scopeText(scope: ReleaseScope): Text {
  if (scope.kind === 'all') return HQ_MESSAGES.scopeAll();
  return scope.kind === 'regions'
    ? HQ_MESSAGES.scopeRegions(scope.regions.join(', '))
    : HQ_MESSAGES.scopeBranches(scope.branches.join(', '));
}

/** `file:line:col: 错误 / error (path): message / message [code]`. */
function findingLine(file: string, f: PlacedFinding): string {
  const where = f.line === undefined ? file : `${file}:${f.line}:${f.column}`;
  const severity = f.severity === 'error' ? CLI_MESSAGES.error() : CLI_MESSAGES.warning();
  const subject = [f.stepId, f.path && `(${f.path})`].filter(Boolean).join(' ');
  return `${where}: ${inBothLanguages(severity)}${subject ? ` ${subject}` : ''}: ${inBothLanguages(f.message)} [${f.code}]`;
}

export async function hqVerify(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs(HQ_VERIFY, argv, io);
  if (!args) return EXIT_OK;
  if (args.positionals.length > 0) throw new UsageError('hq verify takes no arguments');
  return withDatabase(databaseUrlOf(args.values['database-url']), io, async (client) => {
    const started = performance.now();
    let result;
    try {
      result = await verifyPending(client);
    } catch (error) {
      if (error instanceof pg.DatabaseError && error.code === '42501') {
        throw new HqRefusal(inBothLanguages(HQ_MESSAGES.cannotVerify(error.message)));
      }
      throw error;
    }
    for (const f of result.failures) {
      io.out(inBothLanguages(HQ_MESSAGES.recordFlagged(f.branchCode, f.kind, f.recordId, f.reason)));
    }
    const seconds = (performance.now() - started) / 1000;
    io.out(inBothLanguages(HQ_MESSAGES.verifyCounts(result.verified, result.failed, result.conflicts, seconds)));
    return result.failed > 0 ? EXIT_FINDINGS : EXIT_OK;
  });
}

export async function hqStatusCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs(HQ_STATUS, argv, io);
  if (!args) return EXIT_OK;
  if (args.positionals.length > 0) throw new UsageError('hq status takes no arguments');
  const days = args.values['stale-days'];
  const staleDays = days === undefined ? DEFAULT_STALE_DAYS : Number(days);
  if (!/^\d{1,5}$/.test(days ?? '0') || staleDays < 1)
    throw new UsageError(`--stale-days takes a whole number of days, not "${days}"`);
  return withDatabase(databaseUrlOf(args.values['database-url']), io, async (client) => {
    const status = await hqStatus(client, { staleDays });
    if (args.values.json) io.out(JSON.stringify(status, null, 2));
    else for (const line of statusLines(status)) io.out(line);
    return EXIT_OK;
  });
}

/** Silent branches listed by name in the text (thousands at a first roll-out); --json lists every one. */
const STALE_LISTED = 50;

function statusLines(status: HqStatus): string[] {
  const line = (message: Text) => inBothLanguages(message);
  const stale = status.stale.branches;
  const iso = (at: Date) => at.toISOString();
  const registers = status.registers.map((r) =>
    r.problem === 'forked'
      ? line(HQ_MESSAGES.registerForked(r.branchCode, r.seals, r.heads.length))
      : line(HQ_MESSAGES.registerWentBack(r.branchCode, r.highestBefore, r.seals, iso(r.seenAt))),
  );
  return [
    line(HQ_MESSAGES.statusSchema(status.schema.version, status.schema.pending)),
    line(HQ_MESSAGES.statusBranches(status.branches.enrolled, status.branches.disabled)),
    ...status.records.map((k) =>
      line(HQ_MESSAGES.statusRecords(k.kind, k.received, k.verified, k.failed, k.unchecked)),
    ),
    line(HQ_MESSAGES.statusQueued(status.queued)),
    line(HQ_MESSAGES.statusConflicts(status.conflicts.count)),
    ...status.conflicts.latest.map(
      (c) => `  ${line(HQ_MESSAGES.statusConflict(c.branchCode, c.kind, c.recordId, c.storedHash, c.offeredHash))}`,
    ),
    ...(registers.length > 0 ? registers : [line(HQ_MESSAGES.statusRegistersOk())]),
    line(HQ_MESSAGES.statusStale(status.stale.days, status.stale.branches.length)),
    ...stale
      .slice(0, STALE_LISTED)
      .map(
        (b) => `  ${line(HQ_MESSAGES.staleBranch(b.code, b.name, b.region, b.lastReceiptAt && iso(b.lastReceiptAt)))}`,
      ),
    ...(stale.length > STALE_LISTED ? [`  ${line(HQ_MESSAGES.andMore(stale.length - STALE_LISTED))}`] : []),
  ];
}
