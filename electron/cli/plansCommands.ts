// `plans check` and `plans show`: check plan files and print a plan as an outline.
import { relative } from 'node:path';
import { countBySeverity } from '../../shared/plan/findings';
import { CLI_MESSAGES } from '../../shared/messages/cli';
import type { PlacedFinding } from '../../shared/plan/checkPlanText';
import { contentHashOf } from '../plans/contentHash';
import { planOutline } from '../../shared/plan/outline';
import { LANGUAGES, type Language } from '../../shared/plan/schema';
import { checkPlanFile, listPlanFiles, type PlanFileCheck } from '../plans/planFiles';
import { finding } from '../../shared/plan/findings';
import { defineCommand, parseCommandArgs } from './args';
import { EXIT_FINDINGS, EXIT_OK, UsageError, type CliIo } from './io';

const SEVERITY_WORD = { error: CLI_MESSAGES.error(), warning: CLI_MESSAGES.warning() } as const;

export function languageOf(value: string | undefined): Language {
  if (value === undefined) return 'zh-CN';
  if ((LANGUAGES as readonly string[]).includes(value)) return value as Language;
  throw new UsageError(`--lang takes ${LANGUAGES.join(' or ')}, not "${value}"`);
}

/** `file:line:col: error step-id (path): message [code]`, the shape editors and CI logs link up. */
export function formatFinding(file: string, f: PlacedFinding, lang: Language): string {
  const where = f.line === undefined ? file : `${file}:${f.line}:${f.column}`;
  const subject = [f.stepId, f.path && `(${f.path})`].filter(Boolean).join(' ');
  return `${where}: ${SEVERITY_WORD[f.severity][lang]}${subject ? ` ${subject}` : ''}: ${f.message[lang]} [${f.code}]`;
}

export const PLANS_CHECK = defineCommand({
  name: 'plans check',
  forms: [
    {
      synopsis: 'plans check <file|dir>... [--json] [--lang zh-CN|en]',
      about: ['check plan files; exit 0 clean, 1 errors, 2 usage'],
    },
  ],
  options: { json: { type: 'boolean' }, lang: { type: 'string' } },
});

export const PLANS_SHOW = defineCommand({
  name: 'plans show',
  forms: [{ synopsis: 'plans show <file> [--lang zh-CN|en]', about: ['print a plan as an outline'] }],
  options: { lang: { type: 'string' } },
});

export async function plansCheck(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs(PLANS_CHECK, argv, io);
  if (!args) return EXIT_OK;
  const lang = languageOf(args.values.lang);
  if (args.positionals.length === 0) throw new UsageError('plans check needs at least one file or directory');
  const files = await listPlanFiles(args.positionals);
  const results = withVersionConflicts(await Promise.all(files.map(checkPlanFile)));
  const all = results.flatMap((r) => r.findings);
  const { errors, warnings } = countBySeverity(all);

  if (args.values.json) {
    const files = results.map((r) => ({
      file: display(r.file),
      valid: countBySeverity(r.findings).errors === 0,
      findings: r.findings,
    }));
    io.out(JSON.stringify({ files, errors, warnings }, null, 2));
  } else {
    for (const r of results) for (const f of r.findings) io.out(formatFinding(display(r.file), f, lang));
    io.out(CLI_MESSAGES.filesChecked(results.length, errors, warnings)[lang]);
  }
  return errors > 0 ? EXIT_FINDINGS : EXIT_OK;
}

/**
 * One version number names one content: files that give one plan id and version different contents each get a
 * `version-conflict` error, naming the other file.
 */
function withVersionConflicts(results: PlanFileCheck[]): PlanFileCheck[] {
  const byVersion = new Map<string, { file: string; hash: string }[]>();
  for (const r of results) {
    if (!r.plan) continue;
    const key = `${r.plan.id}@${r.plan.version}`;
    byVersion.set(key, [...(byVersion.get(key) ?? []), { file: r.file, hash: contentHashOf(r.plan) }]);
  }
  return results.map((r) => {
    const same = r.plan ? byVersion.get(`${r.plan.id}@${r.plan.version}`)! : [];
    const own = same.find((s) => s.file === r.file);
    const other = same.find((s) => own && s.hash !== own.hash);
    if (!r.plan || !own || !other) return r;
    const conflict = finding('version-conflict', 'version', {
      plan: r.plan.id,
      version: r.plan.version,
      first: `${display(own.file)} ${own.hash.slice(0, 19)}`,
      second: `${display(other.file)} ${other.hash.slice(0, 19)}`,
    });
    return { ...r, findings: [...r.findings, conflict] };
  });
}

export async function plansShow(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs(PLANS_SHOW, argv, io);
  if (!args) return EXIT_OK;
  const lang = languageOf(args.values.lang);
  if (args.positionals.length !== 1) throw new UsageError('plans show takes exactly one plan file');
  const result = await checkPlanFile(args.positionals[0]!);
  const file = display(result.file);
  for (const f of result.findings) io.err(formatFinding(file, f, lang));
  if (!result.plan) return EXIT_FINDINGS;
  for (const line of planOutline(result.plan, lang, contentHashOf(result.plan))) io.out(line);
  return countBySeverity(result.findings).errors > 0 ? EXIT_FINDINGS : EXIT_OK;
}

/** Paths below the working directory are shown relative to it, as the user typed them. */
function display(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}
