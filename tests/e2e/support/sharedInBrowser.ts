// Entry bundled for the browser test: the shared plan model exactly as the renderer will use it.
import { compilePlan } from '../../../shared/plan/compile';
import { checkPlanText } from '../../../shared/plan/checkPlanText';
import { applyEvent, initialSnapshot } from '../../../shared/plan/replay';
import { availableEvents } from '../../../shared/plan/runEvents';

/** Checks a plan file's text, then walks it choosing the first available event each time. */
export function checkAndWalk(text: string): { findings: string[]; path: string[]; outcome?: string } {
  const { plan, findings } = checkPlanText(text);
  const codes = findings.map((f) => `${f.code}@${f.line ?? '?'}`);
  // Only a plan without errors is ever compiled (the compiler trusts the analysis).
  if (!plan || findings.some((f) => f.severity === 'error')) return { findings: codes, path: [] };
  const machine = compilePlan(plan);
  let snapshot = initialSnapshot(machine);
  const path: string[] = [];
  for (let i = 0; i < 500 && snapshot.status === 'active'; i++) {
    const event = availableEvents(plan, snapshot).find((e) => e.type !== 'CHECK');
    if (!event) break;
    path.push(`${event.type}:${'step' in event ? event.step : ''}`);
    snapshot = applyEvent(machine, snapshot, event);
  }
  return { findings: codes, path, ...(snapshot.output ? { outcome: snapshot.output.outcome } : {}) };
}
