// The close-out of a live incident (事件后续情况) for the form, the engine and the record: its schema (kept with the
// journal's event schemas, shared/journal/closeOutSchema.ts, and re-exported here), the time rules, local HH:mm
// to ISO, problems in both languages, and the close-out in words.
import type { z } from 'zod';
import type { Text } from '../text';
import { RUN_MESSAGES } from '../messages/run';
import {
  CLOSE_OUT_SECTION_LABELS,
  CloseOutSchema,
  type CloseOut,
  type CloseOutSection,
} from '../journal/closeOutSchema';

export * from '../journal/closeOutSchema';
export { describeCloseOut } from './closeOutText';

export interface CloseOutProblem {
  /** Where: the section and the field, e.g. `police.arrivedAt`, `reports.entries.1.at`. */
  path: string;
  message: Text;
}

/**
 * Every time in a close-out, with where it is: none may lie in the future or before the run started (to the
 * minute, as they are typed as HH:mm), and the police cannot arrive before they were called.
 */
export function closeOutTimeProblems(closeOut: CloseOut, startedAt: string, now: Date): CloseOutProblem[] {
  const start = Math.floor(Date.parse(startedAt) / 60_000) * 60_000;
  const problems: CloseOutProblem[] = [];
  const check = (path: string, iso: string, label: Text) => {
    const t = Date.parse(iso);
    if (t > now.getTime()) {
      problems.push({ path, message: RUN_MESSAGES.timeInFuture(label) });
    } else if (t < start) {
      problems.push({ path, message: RUN_MESSAGES.timeBeforeStart(label) });
    }
  };
  const { police, reports } = closeOut;
  if (!police.none) {
    check('police.calledAt', police.calledAt, RUN_MESSAGES.policeCalledTime());
    if (police.arrivedAt) {
      check('police.arrivedAt', police.arrivedAt, RUN_MESSAGES.policeArrivedTime());
      if (Date.parse(police.arrivedAt) < Date.parse(police.calledAt)) {
        problems.push({ path: 'police.arrivedAt', message: RUN_MESSAGES.policeArrivedBeforeCalled() });
      }
    }
  }
  if (!reports.none) {
    reports.entries.forEach((entry, i) => check(`reports.entries.${i}.at`, entry.at, RUN_MESSAGES.reportTime(i + 1)));
  }
  return problems;
}

/** The schema's findings on an untrusted close-out, in both languages, each with its section and field. */
export function closeOutSchemaProblems(value: unknown): CloseOutProblem[] {
  const result = CloseOutSchema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    const section = CLOSE_OUT_SECTION_LABELS[issue.path[0] as CloseOutSection];
    const what = issueText(issue);
    return { path, message: section ? RUN_MESSAGES.sectionProblem(section, what) : what };
  });
}

function issueText(issue: z.core.$ZodIssue): Text {
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'string' || issue.origin === 'array'
        ? RUN_MESSAGES.required()
        : RUN_MESSAGES.atLeast(String(issue.minimum));
    case 'too_big':
      return issue.origin === 'string'
        ? RUN_MESSAGES.atMostCharacters(String(issue.maximum))
        : issue.origin === 'array'
          ? RUN_MESSAGES.atMostEntries(String(issue.maximum))
          : RUN_MESSAGES.atMost(String(issue.maximum));
    case 'invalid_union':
      return RUN_MESSAGES.noneOrWhatHappened();
    case 'invalid_format':
      return RUN_MESSAGES.notATime();
    case 'custom':
      return issue.path.at(-1) === 'injured' ? RUN_MESSAGES.injuredOrDeadAtLeastOne() : RUN_MESSAGES.atMostFen();
    default:
      return RUN_MESSAGES.filledInWrongly(issue.message);
  }
}

/**
 * A local HH:mm on the local calendar day of `dayOf` (the run's start), as ISO with the local offset
 * (2026-03-12T14:05:00+08:00): what a guard reads off a phone log, stored as an unambiguous instant.
 */
export function localTimeOnDay(hhmm: string, dayOf: string): string | undefined {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  const day = new Date(dayOf);
  if (!m || Number.isNaN(day.getTime())) return undefined;
  const d = new Date(day.getFullYear(), day.getMonth(), day.getDate(), Number(m[1]), Number(m[2]));
  const offset = -d.getTimezoneOffset();
  const pad = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, '0');
  const sign = offset >= 0 ? '+' : '-';
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:00` +
    `${sign}${pad(offset / 60)}:${pad(offset % 60)}`
  );
}

/** The local HH:mm of an instant: the form's value for a time stored earlier (a close-out being corrected). */
export function localHhmmOf(iso: string): string {
  const d = new Date(iso);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}
