// The ids of the editor's inputs, derived from what they edit (a step's id and field, a role's position), and the
// input a finding's path points at: a finding in the panel selects its step and focuses that input. Pure.
import { parsePath, type PathSegment } from '../../../shared/json/jsonPath';
import type { FindingCode } from '../../../shared/plan/findings';
import type { Plan } from '../../../shared/plan/schema';
import { LANGUAGES, LOCATIONS, type Language } from '../../../shared/plan/vocabulary';
import type { AnyStep } from './stepLocation';

/** Ids in the DOM: step ids are slugs already; anything else a half-edited draft holds is made safe. */
const part = (value: string | number) => String(value).replace(/[^A-Za-z0-9-]/g, '_');

export const planField = (...parts: (string | number)[]) => ['ed-plan', ...parts.map(part)].join('-');
export const roleField = (index: number, ...parts: string[]) => ['ed-role', index, ...parts.map(part)].join('-');
export const contactField = (index: number, ...parts: string[]) => ['ed-contact', index, ...parts.map(part)].join('-');
export const stepField = (stepId: string, ...parts: (string | number)[]) =>
  ['ed-step', part(stepId), ...parts.map(part)].join('--');
/** The step's button in the step list. */
export const stepListItem = (stepId: string) => `ed-list-${part(stepId)}`;

export interface FindingTarget {
  /** The step to select; undefined: the plan's own fields. */
  stepId?: string;
  inputId: string;
}

const langOf = (segment: PathSegment | undefined): Language =>
  LANGUAGES.find((lang) => lang === segment) ?? LANGUAGES[0];

/**
 * Findings about a whole step whose remedy is one field of it: nobody assigned (its role), a dead end or a loop
 * with no way out (where it leads).
 */
const REMEDY: Partial<Record<FindingCode, string>> = {
  'missing-role': 'role',
  'no-path-to-end': 'next',
  'cycle-without-exit': 'next',
};

/**
 * The input that edits what `path` (as findings write it: `steps[3].options[0].next`) names in `plan`; given the
 * finding's code, a finding about a whole step points at the field that remedies it.
 */
export function findingTarget(plan: Plan, path: string, code?: FindingCode): FindingTarget {
  const segments = parsePath(path);
  const remedy = code === undefined ? undefined : REMEDY[code];
  if (remedy !== undefined && isStepPath(segments)) segments.push(remedy);
  const [head, index] = segments;
  if (head === 'steps' && typeof index === 'number' && plan.steps[index]) {
    const step = plan.steps[index];
    const rest = segments.slice(2);
    if (step.kind === 'parallel' && rest[0] === 'tracks' && typeof rest[1] === 'number' && step.tracks[rest[1]]) {
      const track = step.tracks[rest[1]]!;
      const inner = rest[2] === 'steps' && typeof rest[3] === 'number' ? track.steps[rest[3]] : undefined;
      if (inner) return { stepId: inner.id, inputId: stepInput(inner, rest.slice(4)) };
      return { stepId: step.id, inputId: stepField(step.id, 'track', rest[1], rest[2] === 'start' ? 'start' : 'role') };
    }
    return { stepId: step.id, inputId: stepInput(step, rest) };
  }
  return { inputId: planInput(plan, segments) };
}

/** `steps[i]` or `steps[i].tracks[t].steps[j]`: a whole step. */
function isStepPath(segments: readonly PathSegment[]): boolean {
  const n = segments.length;
  return n >= 2 && segments[n - 2] === 'steps' && typeof segments[n - 1] === 'number';
}

function planInput(plan: Plan, segments: PathSegment[]): string {
  const [head, a, b, c] = segments;
  switch (head) {
    case 'title':
    case 'shortTitle':
    case 'summary':
      return planField(head, langOf(a));
    case 'category':
    case 'severity':
    case 'silent':
    case 'start':
      return planField(head);
    case 'drill':
      return planField('drill');
    case 'locations': {
      const location = typeof a === 'number' ? plan.locations?.[a] : undefined;
      return planField('location', location ?? LOCATIONS[0]);
    }
    case 'roles':
      if (typeof a !== 'number') return planField('add-role');
      if (b === 'title' || b === 'duties') return roleField(a, b, langOf(c));
      return roleField(a, 'id');
    case 'contacts':
      if (typeof a !== 'number') return planField('add-contact');
      if (b === 'name') return contactField(a, 'name', langOf(c));
      return contactField(a, b === 'phone' ? 'phone' : 'id');
    default:
      return planField('title', LANGUAGES[0]);
  }
}

function stepInput(step: AnyStep, rest: PathSegment[]): string {
  const [head, a, b, c] = rest;
  const title = stepField(step.id, 'title', LANGUAGES[0]);
  switch (head) {
    case 'next':
      // A decision leads on through its options.
      if (step.kind === 'decision') {
        const first = step.options[0];
        return first ? stepField(step.id, 'option', first.id, 'next') : stepField(step.id, 'add-option');
      }
      return step.kind === 'end' ? title : stepField(step.id, 'next');
    case 'id':
    case 'role':
    case 'targetSeconds':
    case 'followOn':
    case 'outcome':
      return stepField(step.id, head);
    case 'title':
    case 'detail':
      return stepField(step.id, head, langOf(a));
    case 'timeout':
      return stepField(step.id, a === 'next' ? 'timeout-next' : a === 'seconds' ? 'timeout-seconds' : 'timeout');
    case 'contacts': {
      const contacts = step.kind === 'action' || step.kind === 'decision' ? (step.contacts ?? []) : [];
      const contact = typeof a === 'number' ? contacts[a] : undefined;
      return contact === undefined ? title : stepField(step.id, 'contact', contact);
    }
    case 'checklist': {
      const item = step.kind === 'action' && typeof a === 'number' ? step.checklist?.[a] : undefined;
      return item ? stepField(step.id, 'item', item.id, langOf(c)) : stepField(step.id, 'add-item');
    }
    case 'options': {
      const option = step.kind === 'decision' && typeof a === 'number' ? step.options[a] : undefined;
      if (!option) return stepField(step.id, 'add-option');
      if (b === 'next' || b === 'followOn') return stepField(step.id, 'option', option.id, b);
      return stepField(step.id, 'option', option.id, 'label', langOf(c));
    }
    case 'tracks':
      return stepField(step.id, 'add-track');
    default:
      return title;
  }
}
