// The one rule for the number a plan's contact is dialled on: the branch's contact directory (Settings) first, else
// the number the plan itself gives. Zod-free and platform-free: the run engine, the runner, the plan outline and the
// library's findings all ask here, so a step can never show one number and record another.
import type { Plan, Step, TrackStep } from '../plan/schema';

/** What the rule needs of the branch's directory: each contact's numbers by contact id, the first the one to dial. */
export type PhoneDirectory = Readonly<Record<string, { readonly phones: readonly string[] }>>;

/** The parts of a plan that name contacts. */
export type PlanContacts = Pick<Plan, 'contacts' | 'steps'>;

/**
 * Every number for a contact of this plan, the one to dial first: the directory's numbers when it has any for the
 * id, else the plan's own `phone`, else none.
 */
export function contactNumbers(plan: Pick<Plan, 'contacts'>, contactId: string, directory: PhoneDirectory): string[] {
  // Own entries only: a contact id such as `constructor` must not find something on Object.prototype.
  const entry = Object.hasOwn(directory, contactId) ? directory[contactId] : undefined;
  if (entry && entry.phones.length > 0) return [...entry.phones];
  const phone = plan.contacts.find((c) => c.id === contactId)?.phone;
  return phone ? [phone] : [];
}

/** The number to dial for a contact of this plan, or undefined when neither the directory nor the plan has one. */
export function contactNumber(
  plan: Pick<Plan, 'contacts'>,
  contactId: string,
  directory: PhoneDirectory,
): string | undefined {
  return contactNumbers(plan, contactId, directory)[0];
}

/** Every contact id a plan uses, once each: its `contacts` list, then ids its steps (tracks too) name beyond it. */
export function contactIdsOf(plan: PlanContacts): string[] {
  const ids = new Set(plan.contacts.map((c) => c.id));
  const visit = (step: Step | TrackStep) => {
    if (step.kind === 'action' || step.kind === 'decision') for (const id of step.contacts ?? []) ids.add(id);
    if (step.kind === 'parallel') for (const track of step.tracks) track.steps.forEach(visit);
  };
  plan.steps.forEach(visit);
  return [...ids];
}

/**
 * The contact ids a plan uses that have no number to dial: neither in the plan nor in the branch's directory. With an
 * empty directory, the contacts the plan leaves for each branch to fill in.
 */
export function unfilledContacts(plan: PlanContacts, directory: PhoneDirectory): string[] {
  return contactIdsOf(plan).filter((id) => contactNumber(plan, id, directory) === undefined);
}
