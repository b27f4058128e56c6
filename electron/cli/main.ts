// The Guardbook command line: `npm run cli -- <group> <command> ...`. Never prints a stack trace for bad input.
import { ApiError } from '../../shared/api/errors';
import { KeyProtectedError } from '../journal/signingKey';
import { commandUsage, HELP_WORDS, usageTable, type CommandSpec } from './args';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, type CliIo } from './io';
import { AUDIT_VERIFY, auditVerify } from './auditCommands';
import { CHECKLISTS_CHECK, checklistsCheck } from './checklistsCommands';
import {
  HQ_BRANCHES,
  HQ_MIGRATE,
  HQ_PUBLISH,
  HQ_STATUS,
  HQ_VERIFY,
  hqBranches,
  hqMigrate,
  hqPublish,
  hqStatusCommand,
  hqVerify,
} from './hqCommands';
import { PLANS_CHECK, PLANS_SHOW, plansCheck, plansShow } from './plansCommands';
import { PLANS_DIFF, plansDiff } from './plansDiffCommand';
import { PLANS_HISTORY, plansHistory } from './plansHistoryCommand';
import { RECORDS_VERIFY, recordsVerify } from './recordsCommands';
import { RECORDS_EXPORT, RECORDS_LIST, recordsExport, recordsList } from './recordsListExport';
import { RUNS_SIMULATE, runsSimulate } from './runsCommands';
import { USERS_LIST, USERS_RESET_PIN, USERS_UNLOCK, usersList, usersResetPin, usersUnlock } from './usersCommands';

interface Command {
  spec: CommandSpec;
  run: (argv: readonly string[], io: CliIo) => Promise<number>;
}

/** Every command, in the order the usage lists them; each one's usage is defined next to it. */
const COMMANDS: readonly Command[] = [
  { spec: PLANS_CHECK, run: plansCheck },
  { spec: PLANS_SHOW, run: plansShow },
  { spec: PLANS_DIFF, run: plansDiff },
  { spec: PLANS_HISTORY, run: plansHistory },
  { spec: CHECKLISTS_CHECK, run: checklistsCheck },
  { spec: RECORDS_VERIFY, run: recordsVerify },
  { spec: RECORDS_LIST, run: recordsList },
  { spec: RECORDS_EXPORT, run: recordsExport },
  { spec: RUNS_SIMULATE, run: runsSimulate },
  { spec: AUDIT_VERIFY, run: auditVerify },
  { spec: USERS_LIST, run: usersList },
  { spec: USERS_RESET_PIN, run: usersResetPin },
  { spec: USERS_UNLOCK, run: usersUnlock },
  { spec: HQ_MIGRATE, run: hqMigrate },
  { spec: HQ_BRANCHES, run: hqBranches },
  { spec: HQ_PUBLISH, run: hqPublish },
  { spec: HQ_VERIFY, run: hqVerify },
  { spec: HQ_STATUS, run: hqStatusCommand },
];

/** The whole usage (`guardbook --help`), assembled from the commands' own. */
export function usage(): string {
  return usageTable(COMMANDS.map((c) => c.spec));
}

function commandNamed(words: readonly (string | undefined)[]): Command | undefined {
  return COMMANDS.find((c) => c.spec.name === words.join(' '));
}

/** The commands of a group (`users`), if it is one. */
function groupNamed(group: string | undefined): Command[] {
  return COMMANDS.filter((c) => c.spec.name.split(' ')[0] === group);
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [group, command, ...rest] = argv;
  if (group === undefined) {
    io.err(usage());
    return EXIT_USAGE;
  }
  if (HELP_WORDS.has(group)) return help(argv.slice(1), io);
  const found = commandNamed([group, command]);
  if (!found) {
    const commands = groupNamed(group);
    // `guardbook users --help`: the group's commands.
    if (commands.length > 0 && command !== undefined && HELP_WORDS.has(command)) {
      io.out(usageTable(commands.map((c) => c.spec)));
      return EXIT_OK;
    }
    const why =
      commands.length > 0 && command === undefined
        ? `${group} needs a command`
        : `unknown command: ${[group, command].filter(Boolean).join(' ')}`;
    io.err(`${why}\n${usageTable((commands.length > 0 ? commands : COMMANDS).map((c) => c.spec))}`);
    return EXIT_USAGE;
  }
  try {
    return await found.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n${commandUsage(found.spec)}\n(guardbook --help: every command)`);
      return EXIT_USAGE;
    }
    if (error instanceof ApiError) {
      // Bad input caught by the backend (an unknown plan id…): say what, in both languages.
      io.err(`${error.body.message['zh-CN']} / ${error.body.message.en}`);
      return EXIT_FINDINGS;
    }
    if (error instanceof KeyProtectedError) {
      // A data folder of the desktop app, whose private key only the app can use: said, not an internal error.
      io.err(error.message);
      return EXIT_FINDINGS;
    }
    throw error;
  }
}

/** `guardbook --help` (everything), `guardbook help users` (a group), `guardbook help users list` (one command). */
function help(words: readonly string[], io: CliIo): number {
  if (words.length === 0) {
    io.out(usage());
    return EXIT_OK;
  }
  const one = commandNamed(words);
  if (one) {
    io.out(commandUsage(one.spec));
    return EXIT_OK;
  }
  const commands = words.length === 1 ? groupNamed(words[0]) : [];
  if (commands.length > 0) {
    io.out(usageTable(commands.map((c) => c.spec)));
    return EXIT_OK;
  }
  io.err(`unknown command: ${words.join(' ')}\n${usage()}`);
  return EXIT_USAGE;
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
