// What a run's record says beyond its timeline: who took part, the decisions taken, and the problems it shows
// (missed targets, timeouts, an abort, skipped checklist items, notes), all from the RunView alone.
import type { Plan } from '../../../shared/plan/schema';
import { indexSteps } from '../../../shared/plan/stepIndex';
import type { RunView } from '../../../shared/run/runViewSchema';
import type { StepVisit } from './stepDurations';

/** Everyone recorded as acting, the operator and the signer; the engine's own events left out. */
export function participantsOf(view: RunView): string[] {
  const names = [view.operator, ...view.timeline.map((e) => e.by), view.signedOff?.name];
  return [...new Set(names.filter((n): n is string => !!n && n !== 'system'))];
}

export type Decision =
  | { kind: 'chosen'; at: string; step: string; option: string; by: string | null }
  | { kind: 'timed-out'; at: string; step: string; seconds: number; next?: string };

/** Choices made at decision steps, and the branches taken because no one chose in time. */
export function decisionsOf(view: RunView): Decision[] {
  const index = indexSteps(view.plan);
  return view.timeline.flatMap((e): Decision[] => {
    const d = (e.data ?? {}) as { step?: string; option?: string; seconds?: number };
    if (e.type === 'option.chosen' && d.step && d.option)
      return [{ kind: 'chosen', at: e.at, step: d.step, option: d.option, by: e.by }];
    if (e.type === 'step.timeout' && d.step) {
      const step = index.get(d.step)?.step;
      const next = step && step.kind !== 'end' ? step.timeout?.next : undefined;
      return [{ kind: 'timed-out', at: e.at, step: d.step, seconds: d.seconds ?? 0, ...(next ? { next } : {}) }];
    }
    return [];
  });
}

export type Problem =
  | { kind: 'overdue'; at: string; step: string; seconds: number; targetSeconds: number }
  | { kind: 'timeout'; at: string; step: string; seconds: number; next?: string }
  | { kind: 'aborted'; at: string; reason: string }
  | { kind: 'skipped'; at: string; step: string; items: string[] }
  | { kind: 'recovered'; at: string; bytes: number }
  | { kind: 'note'; at: string; text: string; step?: string };

/** Problems in time order, notes last (they are what people wrote down, read after what the clock shows). */
export function problemsOf(view: RunView, visits: StepVisit[]): Problem[] {
  const plan: Plan = view.plan;
  const index = indexSteps(plan);
  const found: Problem[] = [];
  for (const v of visits) {
    if (v.overTarget && v.targetSeconds !== undefined) {
      // Dated as the timeline dates it: when the engine recorded the miss, else when the target passed.
      const marked = view.overdue.find(
        (o) => o.step === v.step && o.at >= v.enteredAt && (!v.leftAt || o.at <= v.leftAt),
      );
      const at = marked?.at ?? new Date(Date.parse(v.enteredAt) + v.targetSeconds * 1000).toISOString();
      found.push({ kind: 'overdue', at, step: v.step, seconds: v.seconds, targetSeconds: v.targetSeconds });
    }
    const step = index.get(v.step)?.step;
    // Checklists never block completion (a guard may have to move on), so the record must show what was left.
    if (step?.kind === 'action' && step.checklist?.length && v.end === 'completed') {
      const ticked = new Set(view.checked[v.step] ?? []);
      const items = step.checklist.filter((i) => !ticked.has(i.id)).map((i) => i.id);
      if (items.length > 0) found.push({ kind: 'skipped', at: v.leftAt ?? v.enteredAt, step: v.step, items });
    }
  }
  for (const d of decisionsOf(view)) {
    if (d.kind === 'timed-out')
      found.push({ kind: 'timeout', at: d.at, step: d.step, seconds: d.seconds, ...(d.next ? { next: d.next } : {}) });
  }
  if (view.outcome?.outcome === 'aborted')
    found.push({ kind: 'aborted', at: view.outcome.at, reason: view.outcome.reason ?? '' });
  for (const r of view.recovered) found.push({ kind: 'recovered', at: r.at, bytes: r.bytes });
  found.sort((a, b) => a.at.localeCompare(b.at));
  for (const n of view.notes) found.push({ kind: 'note', at: n.at, text: n.text, ...(n.step ? { step: n.step } : {}) });
  return found;
}
