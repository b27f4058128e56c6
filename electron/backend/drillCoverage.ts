// Drill coverage for the dashboard: each published plan's policy against the drills the records hold (declared ones
// included), and the exercises on the calendar — computed on request from the records index and the drills log,
// by local calendar days in the branch's time zone (shared/drills/coverage.ts).
import { coverageOf, localDateOf } from '../../shared/drills/coverage';
import type { CoverageView } from '../../shared/drills/coverageView';
import { effectiveTimeZone } from '../../shared/time/localTime';
import type { ExerciseStore } from '../drills/exerciseStore';
import type { BranchLibrary } from '../plans/branchLibrary';
import type { RecordsService } from '../records/recordsService';
import type { SettingsService } from '../settings/settingsService';

export async function drillCoverage(
  services: { plans: BranchLibrary; records: RecordsService; drills: ExerciseStore; settings: SettingsService },
  now = new Date(),
): Promise<CoverageView> {
  const zone = effectiveTimeZone(services.settings.state().settings.timeZone);
  const published = services.plans
    .list()
    .filter((p) => p.status === 'published')
    .flatMap((summary) => {
      const plan = services.plans.get(summary.id).plan;
      return plan ? [{ planId: summary.id, everyDays: plan.drill.everyDays, title: summary.title }] : [];
    });
  const exercises = services.drills.states();
  const planned = exercises
    .filter((e) => e.status === 'planned')
    .map((e) => ({ id: e.id, planId: e.spec.planId, scheduledAt: e.spec.scheduledAt }));
  const coverage = coverageOf(published, await services.records.drillsDone(), planned, now, zone);
  const titles = new Map(published.map((p) => [p.planId, p.title]));
  return {
    today: coverage.today,
    plans: coverage.plans.map((p) => ({ ...p, title: titles.get(p.planId)! })),
    calendar: exercises
      .filter((e) => e.status === 'planned' && localDateOf(e.spec.scheduledAt, zone) >= coverage.today)
      .map((e) => ({
        id: e.id,
        planId: e.spec.planId,
        title: e.spec.title,
        scheduledAt: e.spec.scheduledAt,
        announced: e.spec.announced,
      }))
      .sort((a, b) => Date.parse(a.scheduledAt) - Date.parse(b.scheduledAt)),
    skipped: coverage.skipped,
  };
}
