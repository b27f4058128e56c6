// A sealed record as a branch sends it to head office and as head office checks it on arrival: one rule on both
// sides. The branch states summary columns for the dashboard (plan, category, drill or not, times, score); head
// office accepts them only when the journal verifies — its chain, its seal by the key the branch enrolled with, its
// own id and head — and the summary is exactly what the journal says.
import { EVALUATION_FORMAT } from '../drills/evaluation';
import { INSPECTION_FORMAT } from '../inspections/inspection';
import type { JournalEvent } from '../journal/format';
import { RUN_JOURNAL_FORMAT, verifyJournalText, type ChainFormat, type JournalCrypto } from '../journal/verify';
import { SYNC_MESSAGES as m } from '../messages/sync';
import { inBothLanguages, type Text } from '../text';

/** The kinds of sealed record a branch sends (an exercise's plan lives in its evaluation and its run). */
export const RECORD_KINDS = ['run', 'evaluation', 'inspection'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export const RECORD_FORMATS: Record<RecordKind, ChainFormat> = {
  run: RUN_JOURNAL_FORMAT,
  evaluation: EVALUATION_FORMAT,
  inspection: INSPECTION_FORMAT,
};

/** The columns head office queries by; null where the kind has no such thing. */
export interface RecordSummary {
  /** The plan followed (a run, an evaluation) or the checklist (an inspection). */
  planId: string | null;
  planVersion: number | null;
  planHash: string | null;
  category: string | null;
  isDrill: boolean | null;
  startedAt: string | null;
  endedAt: string | null;
  score: number | null;
  passed: boolean | null;
}

/** The record's own id as its first line states it (what names its journal file at the branch). */
export function recordIdOf(kind: RecordKind, first: JournalEvent | undefined): string | undefined {
  const data = first?.data as Record<string, unknown> | undefined;
  const id = kind === 'run' ? data?.runId : kind === 'inspection' ? data?.inspectionId : data?.exerciseId;
  return typeof id === 'string' ? id : undefined;
}

/** What a verified journal says for the summary columns. */
export function summaryOfRecord(kind: RecordKind, events: readonly JournalEvent[]): RecordSummary {
  const first = events[0]?.data as Record<string, unknown> | undefined;
  const seal = events.at(-1);
  const summary: RecordSummary = {
    planId: null,
    planVersion: null,
    planHash: null,
    category: null,
    isDrill: null,
    startedAt: events[0]?.at ?? null,
    endedAt: seal && seal.type === RECORD_FORMATS[kind].sealType ? seal.at : null,
    score: null,
    passed: null,
  };
  if (!first) return summary;
  if (kind === 'run') {
    const plan = first.plan as { id: string; version: number; contentHash: string; body: { category: string } };
    const declared = events.some((e) => e.type === 'drill.declared');
    return {
      ...summary,
      planId: plan.id,
      planVersion: plan.version,
      planHash: plan.contentHash,
      category: plan.body.category,
      isDrill: first.mode === 'drill' || declared,
    };
  }
  if (kind === 'evaluation') {
    const plan = first.plan as { id: string; version: number; contentHash: string };
    return { ...summary, planId: plan.id, planVersion: plan.version, planHash: plan.contentHash, isDrill: true };
  }
  const checklist = first.checklist as { id: string; version: number; contentHash: string };
  const signed = events.find((e) => e.type === 'inspection.signedOff')?.data as
    { percent: number | null; passed: boolean } | undefined;
  return {
    ...summary,
    planId: checklist.id,
    planVersion: checklist.version,
    planHash: checklist.contentHash,
    category: (first.body as { use?: string }).use ?? null,
    score: signed?.percent ?? null,
    passed: signed?.passed ?? null,
  };
}

/** What a branch sends for one sealed record. */
export interface RecordPush {
  kind: RecordKind;
  recordId: string;
  /** The journal file's text, byte for byte. */
  journal: string;
  /** The seal line's hash: the journal's head. */
  headHash: string;
  /** The seal line's data. */
  seal: { head: string; signature: string; publicKey: string; keyId: string };
  summary: RecordSummary;
}

/** The push a branch makes of a sealed journal it holds (null: not sealed, or not of this kind). */
export function recordPushOf(kind: RecordKind, journal: string, crypto: JournalCrypto): RecordPush | null {
  const verification = verifyJournalText(journal, crypto, { format: RECORD_FORMATS[kind] });
  const seal = verification.events.at(-1);
  const recordId = recordIdOf(kind, verification.events[0]);
  if (!verification.ok || verification.seal !== 'valid' || !seal || !recordId) return null;
  return {
    kind,
    recordId,
    journal,
    headHash: seal.hash,
    seal: seal.data as RecordPush['seal'],
    summary: summaryOfRecord(kind, verification.events),
  };
}

export type RecordCheck = { status: 'verified' } | { status: 'failed'; reason: string };

/**
 * Head office's check of a record as received: verified only if the journal verifies with the branch's enrolled key
 * (never a key the journal names itself), is the record it says it is, ends at the head and seal sent, and the
 * summary columns are what it says. The reason names the first thing wrong, in both languages.
 */
export function checkReceivedRecord(push: RecordPush, branchKey: string, crypto: JournalCrypto): RecordCheck {
  const failed = (reason: Text): RecordCheck => ({ status: 'failed', reason: inBothLanguages(reason) });
  const verification = verifyJournalText(push.journal, crypto, {
    format: RECORD_FORMATS[push.kind],
    trustedKeys: [branchKey],
  });
  if (verification.failure) return failed(m.recordBadLine(verification.failure.line, verification.failure.message));
  if (verification.seal !== 'valid') return failed(m.recordNotSealed());
  const events = verification.events;
  const seal = events.at(-1)!;
  const journalId = recordIdOf(push.kind, events[0]) ?? '';
  if (journalId !== push.recordId) return failed(m.recordIdMismatch(push.recordId, journalId));
  if (seal.hash !== push.headHash || JSON.stringify(seal.data) !== JSON.stringify(push.seal)) {
    return failed(m.recordHeadMismatch());
  }
  const actual = summaryOfRecord(push.kind, events);
  const differing = (Object.keys(actual) as (keyof RecordSummary)[]).filter(
    (key) => !sameValue(actual[key], push.summary[key]),
  );
  if (differing.length > 0) return failed(m.recordSummaryMismatch(differing.join(', ')));
  return { status: 'verified' };
}

/** Times compare as instants (PostgreSQL hands back its own rendering of a timestamptz), numbers as numbers. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === null || b === null || a === undefined || b === undefined) return (a ?? null) === (b ?? null);
  if (typeof a === 'string' && typeof b === 'string' && /^\d{4}-\d\d-\d\dT/.test(a)) {
    return Date.parse(a) === Date.parse(b);
  }
  return Number.isFinite(Number(a)) && typeof a !== 'boolean' ? Number(a) === Number(b) : a === b;
}
