// The Guardbook command line: `npm run cli -- <group> <command> ...`. Never prints a stack trace for bad input.
import { ApiError } from '../../shared/api/errors';
import { EXIT_FINDINGS, EXIT_USAGE, UsageError, type CliIo } from './io';
import { auditVerify } from './auditCommands';
import { plansCheck, plansShow } from './plansCommands';
import { recordsVerify } from './recordsCommands';
import { recordsExport, recordsList } from './recordsListExport';
import { runsSimulate } from './runsCommands';
import { usersList, usersResetPin, usersUnlock } from './usersCommands';

const USAGE = `usage: guardbook <command>
  plans check <file|dir>... [--json] [--lang zh-CN|en]   check plan files; exit 0 clean, 1 errors, 2 usage
  plans show <file> [--lang zh-CN|en]                    print a plan as an outline
  records verify <file|dir>... [--key FILE | --data-dir DIR] [--json] [--lang zh-CN|en]
                                                         verify run journals; exit 0 all intact, 1 any damaged
  records list [--data-dir DIR] [--mode drill|incident] [--plan ID] [--outcome O] [--from D] [--to D] [--text T] [--json]
                                                         the history, newest first (from the rebuildable index)
  records export <run-id> --format json|csv [--data-dir DIR] [--out FILE]
                                                         one run: JSON (journal + public key) or CSV for Excel
  records export --from D --to D [--out FILE.zip] [--data-dir DIR] [--time-zone TZ]
                                                         every run started in [D, D] (dates are whole UTC days) as
                                                         one zip: journals, CSVs, index.csv, public key, README
  runs simulate <plan-id> [--mode drill|incident] [--data-dir DIR] [--seed N]
                                                         walk a plan through the engine, leave a sealed run
  audit verify [FILE] [--data-dir DIR] [--json] [--lang zh-CN|en]
                                                         check the audit trail's hash chain; exit 0 intact, 1 damaged
  users list [--data-dir DIR] [--json]                   the users, their roles and lockouts
  users reset-pin <user-id> [--data-dir DIR]             a forgotten PIN (the only administrator's): the new PIN is
                                                         read from standard input; recorded in the audit trail
  users unlock <user-id> [--data-dir DIR]                lift a lockout after wrong PINs; the PIN stays the same;
                                                         recorded in the audit trail`;

const COMMANDS: Record<string, (argv: readonly string[], io: CliIo) => Promise<number>> = {
  'plans check': plansCheck,
  'plans show': plansShow,
  'records verify': recordsVerify,
  'records list': recordsList,
  'records export': recordsExport,
  'runs simulate': runsSimulate,
  'audit verify': auditVerify,
  'users list': usersList,
  'users reset-pin': usersResetPin,
  'users unlock': usersUnlock,
};

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [group, command, ...rest] = argv;
  if (group === '--help' || group === 'help' || group === undefined) {
    (group === undefined ? io.err : io.out)(USAGE);
    return group === undefined ? EXIT_USAGE : 0;
  }
  const run = COMMANDS[`${group} ${command ?? ''}`];
  if (!run) {
    io.err(`unknown command: ${[group, command].filter(Boolean).join(' ')}\n${USAGE}`);
    return EXIT_USAGE;
  }
  try {
    return await run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n${USAGE}`);
      return EXIT_USAGE;
    }
    if (error instanceof ApiError) {
      // Bad input caught by the backend (an unknown plan id…): say what, in both languages.
      io.err(`${error.body.message['zh-CN']} / ${error.body.message.en}`);
      return EXIT_FINDINGS;
    }
    throw error;
  }
}

const isEntry = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (isEntry) {
  const io: CliIo = {
    out: (l) => process.stdout.write(l + '\n'),
    err: (l) => process.stderr.write(l + '\n'),
    readLine: () => readStdinLine(),
  };
  runCli(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      // A bug, not bad input: say so plainly, still without a stack trace in the user's face.
      process.stderr.write(`internal error: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 70;
    },
  );
}

/** The first line of standard input (empty at its end). */
async function readStdinLine(): Promise<string> {
  const { createInterface } = await import('node:readline');
  const lines = createInterface({ input: process.stdin, terminal: false });
  try {
    for await (const line of lines) return line;
    return '';
  } finally {
    lines.close();
  }
}
