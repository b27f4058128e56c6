// The planning form's state and its two directions: an exercise's spec into editable rows (texts as typed, local
// date and time), and rows back into a spec for the API — or, when something is missing, which fields and why.
// Row ids are slugs made here (obj-1, inj-2…) and kept when a row is edited, so injects keep naming objectives.
import type { ExerciseSpec, ExerciseSpecInput } from '../../../shared/drills/exercise';
import { formatLocalClock, formatLocalDate, localTimeOnDay } from '../../../shared/time/localTime';
import { formatDuration } from '../run/time';

export interface ObjectiveRow {
  id: string;
  text: string;
  stepId: string;
}

/** `userId` empty: someone from outside the app, named by `name`. */
export interface ParticipantRow {
  key: string;
  userId: string;
  name: string;
  role: string;
}

export interface EvaluatorRow {
  key: string;
  userId: string;
}

export interface InjectRow {
  id: string;
  /** Scenario time as typed: m:ss (or h:mm:ss). */
  at: string;
  contingency: boolean;
  text: string;
  toRole: string;
  expected: string;
  stepId: string;
  objectiveId: string;
}

export interface ExerciseForm {
  planId: string;
  title: string;
  scenario: string;
  /** The branch's local date (YYYY-MM-DD) and time (HH:mm). */
  date: string;
  time: string;
  announced: boolean;
  objectives: ObjectiveRow[];
  participants: ParticipantRow[];
  evaluators: EvaluatorRow[];
  injects: InjectRow[];
}

/** What a field lacks: `required` (empty) or `badTime`, `badWhen` (not a time). */
export type FieldProblem = 'required' | 'badTime' | 'badWhen';

/** Field ids of the form (also the inputs' element ids) → what is wrong with each. */
export type FormProblems = ReadonlyMap<string, FieldProblem>;

/** The element id of a row's field: `inject-inj-2-text`. */
export const fieldId = (kind: string, key: string, field: string) => `${kind}-${key}-${field}`;

/** The next free id of the form `<prefix>-<n>` among `taken`. */
export function nextId(prefix: string, taken: readonly string[]): string {
  const pattern = new RegExp(`^${prefix}-(\\d+)$`);
  let highest = 0;
  for (const id of taken) highest = Math.max(highest, Number(pattern.exec(id)?.[1] ?? 0));
  return `${prefix}-${highest + 1}`;
}

/** A scenario time typed as m:ss or h:mm:ss, in seconds; undefined when it is not one. */
export function parseScenarioTime(text: string): number | undefined {
  const match = /^\s*(?:(\d{1,2}):)?(\d{1,4}):([0-5]\d)\s*$/.exec(text);
  if (!match) return undefined;
  const [, h, m, s] = match;
  if (h !== undefined && Number(m) > 59) return undefined;
  return Number(h ?? 0) * 3600 + Number(m) * 60 + Number(s);
}

export { formatDuration as formatScenarioTime };

/** A new exercise: today, at the next full hour of the branch's clock, announced, nothing in it yet. */
export function emptyForm(zone: string, now = Date.now()): ExerciseForm {
  const nextHour = Math.ceil((now + 1) / 3_600_000) * 3_600_000;
  return {
    planId: '',
    title: '',
    scenario: '',
    date: formatLocalDate(nextHour, zone),
    time: formatLocalClock(nextHour, zone, false),
    announced: true,
    objectives: [],
    participants: [],
    evaluators: [],
    injects: [],
  };
}

export function formOfSpec(spec: ExerciseSpec, zone: string): ExerciseForm {
  return {
    planId: spec.planId,
    title: spec.title,
    scenario: spec.scenario,
    date: formatLocalDate(spec.scheduledAt, zone),
    time: formatLocalClock(spec.scheduledAt, zone, false),
    announced: spec.announced,
    objectives: spec.objectives.map((o) => ({ id: o.id, text: o.text, stepId: o.stepId ?? '' })),
    participants: spec.participants.map((p, i) => ({
      key: `p-${i + 1}`,
      userId: p.userId ?? '',
      name: p.name,
      role: p.role,
    })),
    evaluators: spec.evaluators.map((e, i) => ({ key: `e-${i + 1}`, userId: e.userId })),
    injects: spec.injects.map((inject) => ({
      id: inject.id,
      at: inject.atSeconds === undefined ? '' : formatDuration(inject.atSeconds),
      contingency: inject.contingency,
      text: inject.text,
      toRole: inject.toRole ?? '',
      expected: inject.expected ?? '',
      stepId: inject.stepId ?? '',
      objectiveId: inject.objectiveId ?? '',
    })),
  };
}

export type SpecResult = { spec: ExerciseSpecInput } | { problems: FormProblems };

/**
 * The spec the form describes, for `planVersion` of its plan; or the fields to fix first. `names` gives the
 * names of app users picked as participants or evaluators.
 */
export function specOfForm(
  form: ExerciseForm,
  planVersion: number,
  zone: string,
  names: ReadonlyMap<string, string>,
): SpecResult {
  const problems = new Map<string, FieldProblem>();
  const need = (id: string, value: string) => {
    if (!value.trim()) problems.set(id, 'required');
    return value.trim();
  };
  const optional = (value: string) => (value.trim() ? value.trim() : undefined);
  need('ef-plan', form.planId);
  const title = need('ef-title', form.title);
  const when = localTimeOnDay(form.date, form.time, zone);
  if (when === undefined) problems.set('ef-when', 'badWhen');

  const objectives = form.objectives.map((row) => ({
    id: row.id,
    text: need(fieldId('objective', row.id, 'text'), row.text),
    ...(row.stepId ? { stepId: row.stepId } : {}),
  }));
  const participants = form.participants.map((row) => {
    const name = row.userId ? (names.get(row.userId) ?? row.name) : row.name;
    return {
      ...(row.userId ? { userId: row.userId } : {}),
      name: need(fieldId('participant', row.key, row.userId ? 'user' : 'name'), name),
      role: need(fieldId('participant', row.key, 'role'), row.role),
    };
  });
  const evaluators = form.evaluators.map((row) => ({
    userId: need(fieldId('evaluator', row.key, 'user'), row.userId),
    name: names.get(row.userId) ?? row.userId,
  }));
  const injects = form.injects.map((row) => {
    let atSeconds: number | undefined;
    if (!row.contingency) {
      atSeconds = parseScenarioTime(row.at);
      if (atSeconds === undefined)
        problems.set(fieldId('inject', row.id, 'at'), row.at.trim() ? 'badTime' : 'required');
    }
    const expected = optional(row.expected);
    return {
      id: row.id,
      contingency: row.contingency,
      ...(atSeconds !== undefined ? { atSeconds } : {}),
      text: need(fieldId('inject', row.id, 'text'), row.text),
      ...(row.toRole ? { toRole: row.toRole } : {}),
      ...(expected ? { expected } : {}),
      ...(row.stepId ? { stepId: row.stepId } : {}),
      ...(row.objectiveId ? { objectiveId: row.objectiveId } : {}),
    };
  });
  if (problems.size > 0 || when === undefined) return { problems };
  return {
    spec: {
      title,
      planId: form.planId,
      planVersion,
      scenario: form.scenario.trim(),
      objectives,
      participants,
      evaluators,
      scheduledAt: new Date(when).toISOString(),
      announced: form.announced,
      injects,
    },
  };
}

/** The plan changed under the form: steps, roles and objectives it named no longer mean anything. */
export function withoutPlanReferences(form: ExerciseForm, planId: string): ExerciseForm {
  return {
    ...form,
    planId,
    objectives: form.objectives.map((o) => ({ ...o, stepId: '' })),
    participants: form.participants.map((p) => ({ ...p, role: '' })),
    injects: form.injects.map((i) => ({ ...i, toRole: '', stepId: '' })),
  };
}
