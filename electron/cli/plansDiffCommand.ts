// `plans diff`: what changed between two versions of a plan, as readable lines or as JSON.
import { countChanges, diffPlans, isEmpty } from '../../shared/plan/diff';
import { describeCounts, describeDiff } from '../../shared/plan/describeDiff';
import type { Plan } from '../../shared/plan/schema';
import { contentHashOf } from '../plans/contentHash';
import { checkPlanFile, type PlanFileCheck } from '../plans/planFiles';
import { defineCommand, parseCommandArgs } from './args';
import { EXIT_FINDINGS, EXIT_OK, UsageError, type CliIo } from './io';
import { formatFinding, languageOf } from './plansCommands';

export const PLANS_DIFF = defineCommand({
  name: 'plans diff',
  forms: [
    {
      synopsis: 'plans diff <before> <after> [--json] [--exit-code] [--lang zh-CN|en]',
      about: [
        'what changed between two versions of a plan; exit 0, or 1',
        'for a file that is not a plan (and, with --exit-code, when they differ)',
      ],
    },
  ],
  options: { json: { type: 'boolean' }, 'exit-code': { type: 'boolean' }, lang: { type: 'string' } },
});

export async function plansDiff(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs(PLANS_DIFF, argv, io);
  if (!args) return EXIT_OK;
  const lang = languageOf(args.values.lang);
  if (args.positionals.length !== 2) throw new UsageError('plans diff takes two plan files: before and after');
  const checks = await Promise.all(args.positionals.map(checkPlanFile));
  const [before, after] = checks.map((c) => c.plan);
  if (!before || !after) {
    // Only what stops the diff: a plan that parses is compared even with analysis findings (a draft has some).
    for (const check of checks.filter((c) => !c.plan)) {
      for (const f of check.findings) io.err(formatFinding(check.file, f, lang));
    }
    return EXIT_FINDINGS;
  }

  const diff = diffPlans(before, after);
  if (args.values.json) {
    const version = (check: PlanFileCheck, plan: Plan) => ({
      file: check.file,
      id: plan.id,
      version: plan.version,
      contentHash: contentHashOf(plan),
    });
    const report = {
      before: version(checks[0]!, before),
      after: version(checks[1]!, after),
      counts: countChanges(diff),
      diff,
    };
    io.out(JSON.stringify(report, null, 2));
  } else {
    const head = before.id === after.id ? `${before.id} v${before.version} → v${after.version}` : undefined;
    io.out(head ?? `${before.id} v${before.version} → ${after.id} v${after.version}`);
    for (const line of describeDiff(diff, lang)) io.out(line);
    io.out(describeCounts(diff, lang));
  }
  return args.values['exit-code'] && !isEmpty(diff) ? EXIT_FINDINGS : EXIT_OK;
}
