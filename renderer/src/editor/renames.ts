// Renaming a step, role or contact in a plan being edited (an immer draft): every reference follows, and a rename
// to an id in use is refused (the two would merge, and no undo could tell them apart again).
import type { Plan } from '../../../shared/plan/schema';
import { idProblem } from './ids';
import { allStepIds, everyStep, locateStep } from './stepLocation';

export function renameStep(plan: Plan, from: string, to: string): void {
  if (!locateStep(plan, from) || idProblem(to, allStepIds(plan), from)) return;
  const follow = (ref: string) => (ref === from ? to : ref);
  for (const { step } of everyStep(plan)) {
    if (step.id === from) step.id = to;
    if (step.kind === 'action' || step.kind === 'parallel') step.next = follow(step.next);
    if (step.kind === 'decision') for (const option of step.options) option.next = follow(option.next);
    if (step.kind !== 'end' && step.timeout) step.timeout.next = follow(step.timeout.next);
    if (step.kind === 'parallel') for (const track of step.tracks) track.start = follow(track.start);
  }
  plan.start = follow(plan.start);
}

export function renameRole(plan: Plan, from: string, to: string): void {
  const role = plan.roles.find((r) => r.id === from);
  if (!role || idProblem(to, new Set(plan.roles.map((r) => r.id)), from)) return;
  role.id = to;
  for (const { step } of everyStep(plan)) {
    if ('role' in step && step.role === from) step.role = to;
    if (step.kind === 'parallel') for (const track of step.tracks) if (track.role === from) track.role = to;
  }
}

export function renameContact(plan: Plan, from: string, to: string): void {
  const contact = plan.contacts.find((c) => c.id === from);
  if (!contact || idProblem(to, new Set(plan.contacts.map((c) => c.id)), from)) return;
  contact.id = to;
  for (const { step } of everyStep(plan)) {
    if ((step.kind === 'action' || step.kind === 'decision') && step.contacts) {
      step.contacts = step.contacts.map((c) => (c === from ? to : c));
    }
  }
}
