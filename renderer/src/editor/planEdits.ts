// Every edit the plan editor can make, each a named operation on the plan (an immer draft), addressed by ids:
// steps by step id, tracks by their parallel step's id and position, roles and contacts by id. An edit that names
// nothing (a step that is gone) changes nothing; none throws. Removing a step leaves the references to it in place on
// purpose: analysis reports each one where it is written, and the manager decides where each should lead now.
import type { ActionStep, DecisionStep, EndStep, Localized, Outcome, Plan, Step } from '../../../shared/plan/schema';
import type { CATEGORIES, Language, LOCATIONS, SEVERITIES } from '../../../shared/plan/vocabulary';
import { addStep, addTrack, defaultTarget, type StepKind } from './addSteps';
import { idProblem } from './ids';
import { renameContact, renameRole, renameStep } from './renames';
import { findTrack, locateStep, type AnyStep, type TrackRef } from './stepLocation';

export type { StepKind } from './addSteps';
export { idProblem } from './ids';

type Category = (typeof CATEGORIES)[number];
type Severity = (typeof SEVERITIES)[number];
type Location = (typeof LOCATIONS)[number];
/** Which edge of a step the diagram connects: its next, its timeout, or one decision option. */
export type EdgeHandle = 'next' | 'timeout' | `option:${string}`;

/** A timeout added where there was none (the diagram's timeout handle, the form's check box). */
export const DEFAULT_TIMEOUT_SECONDS = 300;

export type PlanEdit =
  // The plan's own fields
  | { type: 'plan.setText'; field: 'title' | 'shortTitle' | 'summary'; lang: Language; value: string }
  | { type: 'plan.setCategory'; category: Category }
  | { type: 'plan.setSeverity'; severity: Severity }
  | { type: 'plan.toggleLocation'; location: Location; on: boolean }
  | { type: 'plan.setSilent'; silent: boolean }
  | { type: 'plan.setDrillDays'; days: number }
  | { type: 'plan.setStart'; stepId: string }
  // Roles and contacts
  | { type: 'role.add'; id: string }
  | { type: 'role.remove'; roleId: string }
  | { type: 'role.rename'; roleId: string; to: string }
  | { type: 'role.setText'; roleId: string; field: 'title' | 'duties'; lang: Language; value: string }
  | { type: 'contact.add'; id: string }
  | { type: 'contact.remove'; contactId: string }
  | { type: 'contact.rename'; contactId: string; to: string }
  | { type: 'contact.setName'; contactId: string; lang: Language; value: string }
  | { type: 'contact.setPhone'; contactId: string; phone: string }
  // Steps (a track's steps too: ids are plan-wide)
  | { type: 'step.add'; kind: StepKind; id: string; after?: string; track?: TrackRef }
  | { type: 'step.remove'; stepId: string }
  | { type: 'step.rename'; stepId: string; to: string }
  | { type: 'step.move'; stepId: string; to: number | 'up' | 'down' }
  | { type: 'step.setText'; stepId: string; field: 'title' | 'detail'; lang: Language; value: string }
  | { type: 'step.setRole'; stepId: string; role?: string }
  | { type: 'step.setTargetSeconds'; stepId: string; seconds?: number }
  | { type: 'step.setTimeout'; stepId: string; timeout?: { seconds: number; next: string } }
  | { type: 'step.setNext'; stepId: string; next: string }
  | { type: 'step.toggleContact'; stepId: string; contactId: string; on: boolean }
  | { type: 'step.setFollowOn'; stepId: string; planId?: string }
  | { type: 'step.setOutcome'; stepId: string; outcome: Outcome }
  // Checklist items of an action, options of a decision
  | { type: 'checklist.add'; stepId: string; id: string }
  | { type: 'checklist.remove'; stepId: string; itemId: string }
  | { type: 'checklist.setText'; stepId: string; itemId: string; lang: Language; value: string }
  | { type: 'checklist.move'; stepId: string; itemId: string; to: number | 'up' | 'down' }
  | { type: 'option.add'; stepId: string; id: string }
  | { type: 'option.remove'; stepId: string; optionId: string }
  | { type: 'option.setLabel'; stepId: string; optionId: string; lang: Language; value: string }
  | { type: 'option.setNext'; stepId: string; optionId: string; next: string }
  | { type: 'option.setFollowOn'; stepId: string; optionId: string; planId?: string }
  // Tracks of a parallel step
  | { type: 'track.add'; parallelId: string }
  | { type: 'track.remove'; track: TrackRef }
  | { type: 'track.setRole'; track: TrackRef; role: string }
  | { type: 'track.setStart'; track: TrackRef; start: string }
  // From the diagram: an edge drawn from a step's handle to another step
  | { type: 'connect'; from: string; handle: EdgeHandle; to: string };

export type PlanEditType = PlanEdit['type'];

export function applyEdit(plan: Plan, edit: PlanEdit): void {
  switch (edit.type) {
    case 'plan.setText':
      if (edit.field === 'shortTitle') setOptionalText(plan, 'shortTitle', edit.lang, edit.value);
      else setText(plan[edit.field], edit.lang, edit.value);
      return;
    case 'plan.setCategory':
      plan.category = edit.category;
      return;
    case 'plan.setSeverity':
      plan.severity = edit.severity;
      return;
    case 'plan.toggleLocation':
      return toggleLocation(plan, edit.location, edit.on);
    case 'plan.setSilent':
      if (edit.silent) plan.silent = true;
      else delete plan.silent;
      return;
    case 'plan.setDrillDays':
      plan.drill.everyDays = edit.days;
      return;
    case 'plan.setStart':
      plan.start = edit.stepId;
      return;
    case 'role.add':
      if (idProblem(edit.id, new Set(plan.roles.map((r) => r.id)))) return;
      plan.roles.push({ id: edit.id, title: {} });
      return;
    case 'role.remove':
      return removeWhere(plan.roles, (r) => r.id === edit.roleId);
    case 'role.rename':
      return renameRole(plan, edit.roleId, edit.to);
    case 'role.setText': {
      const role = plan.roles.find((r) => r.id === edit.roleId);
      if (!role) return;
      if (edit.field === 'duties') setOptionalText(role, 'duties', edit.lang, edit.value);
      else setText(role.title, edit.lang, edit.value);
      return;
    }
    case 'contact.add':
      if (idProblem(edit.id, new Set(plan.contacts.map((c) => c.id)))) return;
      plan.contacts.push({ id: edit.id, name: {} });
      return;
    case 'contact.remove':
      return removeWhere(plan.contacts, (c) => c.id === edit.contactId);
    case 'contact.rename':
      return renameContact(plan, edit.contactId, edit.to);
    case 'contact.setName': {
      const contact = plan.contacts.find((c) => c.id === edit.contactId);
      if (contact) setText(contact.name, edit.lang, edit.value);
      return;
    }
    case 'contact.setPhone': {
      const contact = plan.contacts.find((c) => c.id === edit.contactId);
      if (!contact) return;
      if (edit.phone === '') delete contact.phone;
      else contact.phone = edit.phone;
      return;
    }
    case 'step.add':
      return addStep(plan, edit.kind, edit.id, edit.after, edit.track);
    case 'step.remove': {
      const location = locateStep(plan, edit.stepId);
      location?.siblings.splice(location.index, 1);
      return;
    }
    case 'step.rename':
      return renameStep(plan, edit.stepId, edit.to);
    case 'step.move': {
      const location = locateStep(plan, edit.stepId);
      if (location) moveItem(location.siblings, location.index, edit.to);
      return;
    }
    default:
      return applyStepEdit(plan, edit);
  }
}

/** Edits of one step's fields and parts, of tracks, and the diagram's connections. */
function applyStepEdit(plan: Plan, edit: PlanEdit): void {
  if (edit.type === 'track.add') return addTrack(plan, edit.parallelId);
  if (edit.type === 'track.remove' || edit.type === 'track.setRole' || edit.type === 'track.setStart') {
    return applyTrackEdit(plan, edit);
  }
  const stepId = edit.type === 'connect' ? edit.from : 'stepId' in edit ? edit.stepId : undefined;
  const location = stepId === undefined ? undefined : locateStep(plan, stepId);
  if (!location) return;
  const step = location.step;
  const inTrack = location.track !== undefined;
  switch (edit.type) {
    case 'step.setText':
      if (edit.field === 'detail') {
        if (step.kind === 'end' && inTrack) return;
        setOptionalText(step as Step, 'detail', edit.lang, edit.value);
      } else if (step.kind === 'end' && inTrack) setOptionalText(step, 'title', edit.lang, edit.value);
      else setText((step as Step).title, edit.lang, edit.value);
      return;
    case 'step.setRole':
      if (step.kind === 'end' && inTrack) return;
      if (edit.role === undefined || edit.role === '') delete (step as Step).role;
      else (step as Step).role = edit.role;
      return;
    case 'step.setTargetSeconds':
      if (step.kind === 'end') return;
      if (edit.seconds === undefined) delete step.targetSeconds;
      else step.targetSeconds = edit.seconds;
      return;
    case 'step.setTimeout':
      if (step.kind === 'end') return;
      if (edit.timeout) step.timeout = { seconds: edit.timeout.seconds, next: edit.timeout.next };
      else delete step.timeout;
      return;
    case 'step.setNext':
      if (step.kind === 'action' || step.kind === 'parallel') step.next = edit.next;
      return;
    case 'step.toggleContact':
      if (step.kind === 'action' || step.kind === 'decision') toggleContact(step, edit.contactId, edit.on);
      return;
    case 'step.setFollowOn':
      if (step.kind === 'parallel' || (step.kind === 'end' && inTrack)) return;
      if (edit.planId === undefined || edit.planId === '') delete (step as ActionStep).followOn;
      else (step as ActionStep).followOn = edit.planId;
      return;
    case 'step.setOutcome':
      if (step.kind === 'end' && !inTrack) (step as EndStep).outcome = edit.outcome;
      return;
    case 'checklist.add':
    case 'checklist.remove':
    case 'checklist.setText':
    case 'checklist.move':
      if (step.kind === 'action') applyChecklistEdit(step, edit);
      return;
    case 'option.add':
    case 'option.remove':
    case 'option.setLabel':
    case 'option.setNext':
    case 'option.setFollowOn':
      if (step.kind === 'decision') applyOptionEdit(step, edit, location.siblings);
      return;
    case 'connect':
      return connect(step, edit.handle, edit.to);
  }
}

type ChecklistEdit = Extract<PlanEdit, { type: `checklist.${string}` }>;

function applyChecklistEdit(step: ActionStep, edit: ChecklistEdit): void {
  if (edit.type === 'checklist.add') {
    const ids = new Set((step.checklist ?? []).map((item) => item.id));
    if (!idProblem(edit.id, ids)) (step.checklist ??= []).push({ id: edit.id, text: {} });
    return;
  }
  const items = step.checklist ?? [];
  const index = items.findIndex((item) => item.id === edit.itemId);
  if (index < 0) return;
  switch (edit.type) {
    case 'checklist.remove':
      items.splice(index, 1);
      break;
    case 'checklist.setText':
      setText(items[index]!.text, edit.lang, edit.value);
      break;
    case 'checklist.move':
      moveItem(items, index, edit.to);
      break;
  }
  if (items.length === 0) delete step.checklist;
}

type OptionEdit = Extract<PlanEdit, { type: `option.${string}` }>;

function applyOptionEdit(step: DecisionStep, edit: OptionEdit, scope: readonly AnyStep[]): void {
  if (edit.type === 'option.add') {
    if (idProblem(edit.id, new Set(step.options.map((o) => o.id)))) return;
    step.options.push({ id: edit.id, label: {}, next: defaultTarget(scope, step, step.id) });
    return;
  }
  const index = step.options.findIndex((o) => o.id === edit.optionId);
  const option = step.options[index];
  if (!option) return;
  switch (edit.type) {
    case 'option.remove':
      step.options.splice(index, 1);
      return;
    case 'option.setLabel':
      return setText(option.label, edit.lang, edit.value);
    case 'option.setNext':
      option.next = edit.next;
      return;
    case 'option.setFollowOn':
      if (edit.planId === undefined || edit.planId === '') delete option.followOn;
      else option.followOn = edit.planId;
      return;
  }
}

type TrackEdit = Extract<PlanEdit, { type: 'track.remove' | 'track.setRole' | 'track.setStart' }>;

function applyTrackEdit(plan: Plan, edit: TrackEdit): void {
  const found = findTrack(plan, edit.track);
  if (!found) return;
  switch (edit.type) {
    case 'track.remove':
      found.parallel.tracks.splice(edit.track.track, 1);
      return;
    case 'track.setRole':
      found.track.role = edit.role;
      return;
    case 'track.setStart':
      found.track.start = edit.start;
      return;
  }
}

function connect(step: AnyStep, handle: EdgeHandle, to: string): void {
  if (handle === 'next') {
    if (step.kind === 'action' || step.kind === 'parallel') step.next = to;
  } else if (handle === 'timeout') {
    if (step.kind === 'end') return;
    if (step.timeout) step.timeout.next = to;
    else step.timeout = { seconds: step.targetSeconds ?? DEFAULT_TIMEOUT_SECONDS, next: to };
  } else if (step.kind === 'decision') {
    const option = step.options.find((o) => `option:${o.id}` === handle);
    if (option) option.next = to;
  }
}

// ---- small helpers ----

/** An empty text is removed rather than kept as "": analysis treats both alike, and the file stays tidy. */
function setText(text: Localized, lang: Language, value: string): void {
  if (value === '') delete text[lang];
  else text[lang] = value;
}

/** An optional text (short title, detail, duties, a track end's title) goes away when both languages are empty. */
function setOptionalText<K extends string>(
  owner: { [key in K]?: Localized },
  key: K,
  lang: Language,
  value: string,
): void {
  const text: Localized = owner[key] ?? {};
  setText(text, lang, value);
  if (text['zh-CN'] === undefined && text.en === undefined) delete owner[key];
  else owner[key] = text;
}

function toggleLocation(plan: Plan, location: Location, on: boolean): void {
  const locations = plan.locations ?? [];
  const has = locations.includes(location);
  if (on && !has) plan.locations = [...locations, location];
  if (!on && has) plan.locations = locations.filter((l) => l !== location);
  if (plan.locations?.length === 0) delete plan.locations;
}

function toggleContact(step: ActionStep | DecisionStep, contactId: string, on: boolean): void {
  const contacts = step.contacts ?? [];
  if (on && !contacts.includes(contactId)) step.contacts = [...contacts, contactId];
  if (!on) step.contacts = contacts.filter((c) => c !== contactId);
  if (step.contacts?.length === 0) delete step.contacts;
}

function removeWhere<T>(items: T[], match: (item: T) => boolean): void {
  const index = items.findIndex(match);
  if (index >= 0) items.splice(index, 1);
}

function moveItem<T>(items: T[], from: number, to: number | 'up' | 'down'): void {
  const target = to === 'up' ? from - 1 : to === 'down' ? from + 1 : to;
  const index = Math.max(0, Math.min(items.length - 1, Math.trunc(target)));
  if (index === from || !Number.isFinite(index)) return;
  const [item] = items.splice(from, 1);
  items.splice(index, 0, item!);
}
