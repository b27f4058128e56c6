// The one argument parser of every entry point (the CLI's commands and the browser edition): node:util's
// `parseArgs`, strict — an unknown option, a missing value or a value given to a flag is a UsageError (exit 2) —
// with `--help` / `-h` on each; each command's usage defined once, next to the command; and the one data-folder
// rule (`dataDirFrom` in electron/dataDir.ts): `--data-dir`, else GUARDBOOK_DATA_DIR, else the platform folder.
import { statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { dataDirFrom, dataDirSourceText, defaultDataDir, type DataDirChoice } from '../dataDir';
import { UsageError, type CliIo } from './io';
import { CLI_MESSAGES } from '../../shared/messages/cli';
import { inBothLanguages } from '../../shared/text';

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
}

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/** The options as parsed: a string for a string option, `true` for a flag given, absent otherwise. */
export type OptionValues<O extends OptionSpecs> = {
  [K in keyof O]?: O[K]['type'] extends 'string' ? string : boolean;
};

export interface ParsedArgs<O extends OptionSpecs> {
  positionals: string[];
  values: OptionValues<O>;
}

/** One form of a command: what follows `guardbook` (a long one over several lines), and what it does. */
export interface CommandForm {
  synopsis: string | readonly string[];
  about: readonly string[];
}

export interface CommandSpec<O extends OptionSpecs = OptionSpecs> {
  /** The words that select it: `plans check`. */
  name: string;
  forms: readonly CommandForm[];
  options: O;
  /** It acts on a data folder chosen by the rule, which its usage then states. */
  dataFolder?: boolean;
}

export function defineCommand<const O extends OptionSpecs>(spec: CommandSpec<O>): CommandSpec<O> {
  return spec;
}

export const HELP_WORDS: ReadonlySet<string> = new Set(['--help', '-h', 'help']);

/**
 * A command's arguments, or undefined once its usage was printed because `--help` or `-h` was given (then the
 * command exits 0 and does nothing else). Throws UsageError for anything the command does not take.
 */
export function parseCommandArgs<O extends OptionSpecs>(
  spec: CommandSpec<O>,
  argv: readonly string[],
  io: CliIo,
): ParsedArgs<O> | undefined {
  const parsed = parseStrict(spec.options, argv);
  if (parsed === 'help') {
    io.out(commandUsage(spec));
    return undefined;
  }
  return parsed;
}

/** `parseArgs`, strict, positionals allowed, `--help`/`-h` added; 'help' when asked, whatever else is wrong. */
export function parseStrict<O extends OptionSpecs>(options: O, argv: readonly string[]): ParsedArgs<O> | 'help' {
  let result: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    result = parseArgs({
      args: [...argv],
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: true,
    }) as typeof result;
  } catch (error) {
    if (asksForHelp(argv)) return 'help';
    const code = (error as NodeJS.ErrnoException).code;
    if (code?.startsWith('ERR_PARSE_ARGS_')) throw new UsageError((error as Error).message);
    throw error;
  }
  const { help, ...values } = result.values;
  if (help) return 'help';
  return { positionals: result.positionals, values: values as OptionValues<O> };
}

/** `--help` or `-h` before any `--` (after it, they are file names). */
function asksForHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

/**
 * The data folder a command acts on, by the one rule. An empty `--data-dir` (`--data-dir "$DIR"` with DIR unset)
 * is a mistake to report, never a reason to act on the default folder.
 */
export function dataFolderOf(argument: string | undefined, env: NodeJS.ProcessEnv = process.env): DataDirChoice {
  if (argument === '') throw new UsageError('--data-dir needs a folder');
  return dataDirFrom(argument, defaultDataDir(env), env);
}

/** Whether the chosen folder is there; if not, says so (a command that reads a data folder never makes one). */
export function dataFolderExists(folder: DataDirChoice, io: CliIo): boolean {
  if (statSync(folder.dir, { throwIfNoEntry: false })?.isDirectory()) return true;
  io.err(inBothLanguages(CLI_MESSAGES.noDataFolder(folder.dir, dataDirSourceText(folder.source))));
  return false;
}

/** A line that names the folder acted on and where the choice came from (for commands that change it). */
export function dataFolderLine(folder: DataDirChoice): string {
  return inBothLanguages(CLI_MESSAGES.dataFolder(folder.dir, dataDirSourceText(folder.source)));
}

/** The rule, as the usage states it, with this machine's default folder. */
export function dataFolderRule(env: NodeJS.ProcessEnv = process.env): string {
  return `data folder: --data-dir DIR, else GUARDBOOK_DATA_DIR, else ${defaultDataDir(env)}`;
}

/** `guardbook plans check --help`: the command's forms, what each does, and the data-folder rule if it has one. */
export function commandUsage(spec: CommandSpec): string {
  const lines = spec.forms.flatMap((form, i) => {
    const [first, ...more] = synopsisLines(form);
    return [
      `${i === 0 ? 'usage:' : '      '} guardbook ${first}`,
      ...more.map((line) => `${' '.repeat('usage: guardbook '.length + 2)}${line}`),
      ...form.about.map((line) => `    ${line}`),
    ];
  });
  if (spec.dataFolder) lines.push(dataFolderRule());
  return lines.join('\n');
}

function synopsisLines(form: CommandForm): readonly string[] {
  return typeof form.synopsis === 'string' ? [form.synopsis] : form.synopsis;
}

/** Where a form's description starts in the table of all commands. */
const ABOUT_COLUMN = 57;

/** `guardbook --help`: every command in a table, then how to get one command's usage, and the data-folder rule. */
export function usageTable(specs: readonly CommandSpec[]): string {
  const lines = ['usage: guardbook <command>'];
  for (const form of specs.flatMap((s) => s.forms)) {
    const heads = synopsisLines(form).map((line, i) => `${i === 0 ? '  ' : '      '}${line}`);
    const [first = '', ...more] = form.about;
    if (heads.length === 1 && heads[0]!.length + 2 <= ABOUT_COLUMN) {
      lines.push(`${heads[0]!.padEnd(ABOUT_COLUMN)}${first}`.trimEnd());
    } else lines.push(...heads, `${' '.repeat(ABOUT_COLUMN)}${first}`);
    for (const line of more) lines.push(`${' '.repeat(ABOUT_COLUMN)}${line}`);
  }
  lines.push(`${'  <command> --help'.padEnd(ABOUT_COLUMN)}that command's usage`);
  if (specs.some((s) => s.dataFolder)) lines.push(dataFolderRule());
  return lines.join('\n');
}
