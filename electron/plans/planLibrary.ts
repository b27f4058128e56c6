// A folder of plan files, each checked on load: the bundled templates the branch library is seeded from, and the
// plan source of tests and tools. A plan with analysis errors is listed but never offered to a guard.
import { basename } from 'node:path';
import type { PlanDetail, PlanSummary } from '../../shared/api/channels';
import { notFound } from '../../shared/api/errors';
import { API_MESSAGES } from '../../shared/messages/api';
import { followOnFindings } from '../../shared/plan/analysis';
import { countBySeverity, type Finding } from '../../shared/plan/findings';
import type { Plan } from '../../shared/plan/schema';
import { contentHashOf } from './contentHash';
import { checkPlanFile, listPlanFiles, type PlanFileCheck } from './planFiles';
import type { PlanSource } from './planSource';
import { searchKeysFor } from './searchKeys';

export class PlanLibrary implements PlanSource {
  private constructor(private readonly entries: Map<string, PlanDetail>) {}

  static async loadBundled(plansDir: string): Promise<PlanLibrary> {
    const checks = await Promise.all((await listPlanFiles([plansDir])).map(checkPlanFile));
    // Follow-ons name other plans: checked once every file is read, against the ids the library holds.
    const known = new Set(checks.flatMap((c) => (c.plan ? [c.plan.id] : [])));
    const details = checks
      .map((c) => (c.plan ? { ...c, findings: [...c.findings, ...libraryFindings(c.plan, known)] } : c))
      .map(toDetail);
    // A file named after its plan id claims that id first; any other file claiming a taken id is listed
    // under its file name (made unique), so no file is ever hidden behind another.
    const named = (d: PlanDetail) => basename(d.file, '.json') === d.summary.id;
    const entries = new Map<string, PlanDetail>();
    for (const detail of [...details.filter(named), ...details.filter((d) => !named(d))]) {
      let key = entries.has(detail.summary.id) ? basename(detail.file, '.json') : detail.summary.id;
      for (let n = 2; entries.has(key); n++) key = `${basename(detail.file, '.json')}-${n}`;
      entries.set(key, key === detail.summary.id ? detail : { ...detail, summary: { ...detail.summary, id: key } });
    }
    return new PlanLibrary(entries);
  }

  list(): PlanSummary[] {
    return [...this.entries.values()].map((e) => e.summary);
  }

  get(id: string): PlanDetail {
    const entry = this.entries.get(id);
    if (!entry) throw notFound(API_MESSAGES.planNotFound(id));
    return entry;
  }
}

/** What only the library can say of a plan: follow-ons to plans it lacks (the self-check is in every analysis). */
function libraryFindings(plan: Plan, known: ReadonlySet<string>) {
  return followOnFindings(plan, known).filter((f) => f.code === 'unknown-follow-on');
}

function toDetail(check: PlanFileCheck): PlanDetail {
  const name = basename(check.file, '.json');
  const summary: PlanSummary = {
    ...planSummary(check.plan, name, check.findings),
    version: check.plan?.version ?? 0,
    contentHash: check.plan ? contentHashOf(check.plan) : '',
    source: 'template',
    status: 'published',
  };
  return { summary, file: check.file, findings: check.findings, ...(check.plan ? { plan: check.plan } : {}) };
}

/** A plan's summary fields that come from its content and findings (`name` stands in for a plan that did not parse). */
export function planSummary(
  plan: Plan | undefined,
  name: string,
  findings: readonly Finding[],
): Omit<PlanSummary, 'version' | 'contentHash' | 'source' | 'status'> {
  const { errors, warnings } = countBySeverity(findings);
  const text = (t: { 'zh-CN'?: string; en?: string } | undefined, fallback: string) => ({
    'zh-CN': t?.['zh-CN'] || t?.en || fallback,
    en: t?.en || t?.['zh-CN'] || fallback,
  });
  const title = text(plan?.title, name);
  return {
    id: plan?.id ?? name,
    category: plan?.category ?? 'other',
    severity: plan?.severity ?? 'low',
    locations: plan?.locations ?? [],
    title,
    shortTitle: plan?.shortTitle ? text(plan.shortTitle, name) : title,
    summary: text(plan?.summary, ''),
    stepCount: plan ? countSteps(plan) : 0,
    errors,
    warnings,
    searchKeys: searchKeysFor([
      title['zh-CN'],
      title.en,
      plan?.shortTitle?.['zh-CN'] ?? '',
      plan?.shortTitle?.en ?? '',
      plan?.id ?? name,
    ]),
  };
}

function countSteps(plan: Plan): number {
  return plan.steps.reduce(
    (n, s) => n + 1 + (s.kind === 'parallel' ? s.tracks.reduce((m, t) => m + t.steps.length, 0) : 0),
    0,
  );
}
