// An inspection's record: one hash-chained journal per inspection (`<data>/inspections/<id>.jsonl`), in the journals'
// line format, sealed with the installation's key exactly as a run is. Its first line carries the whole checklist
// version it followed (id, version, content hash and body), so the record stands alone; each answer, note and photo is
// a line (a changed answer is a new line: the last counts, the earlier stays); the sign-off states the score, the
// verdict and the rectifications opened for the failed items.
import { z } from 'zod';
import { ChecklistSchema, type Checklist } from '../checklist/schema';
import { scoreChecklist, type Answer, type ChecklistScore } from '../checklist/score';
import type { JournalEvent } from '../journal/format';
import type { ChainFormat } from '../journal/verify';
import { ContentHashSchema, PersonRefSchema, type PersonRef } from '../library/libraryLog';
import { INSPECTION_LIMITS } from '../limits';
import { SlugSchema } from '../plan/schema';
import { AttachmentRefSchema, type AttachmentRef } from '../evidence/attachment';

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const AnswerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('yes-no'), value: z.enum(['yes', 'no', 'na']) }),
  z.object({ kind: z.literal('score'), value: z.number().int().min(0) }),
  z.object({ kind: z.literal('number'), value: z.number().finite().nullable() }),
  z.object({ kind: z.literal('text'), value: z.string().trim().max(INSPECTION_LIMITS.textAnswer) }),
]);

/** Who inspected: names as they introduce themselves (a visiting inspector need not be a user here). */
export const InspectorsSchema = z
  .array(z.string().trim().min(1).max(INSPECTION_LIMITS.inspector))
  .min(1)
  .max(INSPECTION_LIMITS.inspectors);

/** A failed item's rectification as decided at sign-off: who puts it right, by when, and what proves it. */
export const RectificationSpecSchema = z.object({
  itemId: SlugSchema,
  owner: z.object({ userId: SlugSchema.optional(), name: z.string().trim().min(1).max(80) }),
  due: localDate,
  evidence: z.string().trim().min(1).max(INSPECTION_LIMITS.note),
});
export type RectificationSpec = z.infer<typeof RectificationSpecSchema>;

export const inspectionData = {
  /** The first line: the checklist version followed (whole), how it was announced, where and by whom. */
  'inspection.started': z.object({
    inspectionId: SlugSchema,
    announced: z.boolean(),
    checklist: z.object({ id: SlugSchema, version: z.number().int(), contentHash: ContentHashSchema }),
    body: ChecklistSchema,
    branch: z.string(),
    place: z.string().max(INSPECTION_LIMITS.place),
    inspectors: InspectorsSchema,
    by: PersonRefSchema.nullable(),
  }),
  'item.answered': z.object({ itemId: SlugSchema, answer: AnswerSchema, by: PersonRefSchema.nullable() }),
  'item.noted': z.object({
    itemId: SlugSchema,
    note: z.string().trim().max(INSPECTION_LIMITS.note),
    by: PersonRefSchema.nullable(),
  }),
  /** A photo or file for the item; its bytes are stored beside the journal and hashed here. */
  'item.attached': z.object({ itemId: SlugSchema, attachment: AttachmentRefSchema, by: PersonRefSchema.nullable() }),
  /**
   * Signed by the inspector (their PIN checked) with the branch's representative named: the score and verdict as
   * computed from the answers, and each failed item's rectification as decided.
   */
  'inspection.signedOff': z.object({
    percent: z.number().nullable(),
    passed: z.boolean(),
    failed: z.array(SlugSchema),
    criticalFailed: z.array(SlugSchema),
    summary: z.string().trim().max(INSPECTION_LIMITS.summary),
    inspector: PersonRefSchema,
    branchRepresentative: z.string().trim().max(INSPECTION_LIMITS.inspector),
    rectifications: z.array(RectificationSpecSchema.extend({ actionId: SlugSchema })),
  }),
  /** The head hash signed with the installation's key, as a run's seal. Nothing may follow it. */
  'inspection.sealed': z.object({ head: z.string(), signature: z.string(), publicKey: z.string(), keyId: z.string() }),
  'inspection.recovered': z.object({ sidecar: z.string(), bytes: z.number().int(), reason: z.string() }),
} as const;

export const INSPECTION_FORMAT: ChainFormat = {
  firstType: 'inspection.started',
  dataSchemas: inspectionData,
  sealType: 'inspection.sealed',
};

export type InspectionEventData<T extends keyof typeof inspectionData> = z.infer<(typeof inspectionData)[T]>;

export interface ItemRecord {
  answer?: Answer;
  answeredAt?: string;
  answeredBy?: PersonRef | null;
  notes: { at: string; note: string; by: PersonRef | null }[];
  attachments: (AttachmentRef & { at: string })[];
}

export interface InspectionState {
  inspectionId: string;
  announced: boolean;
  checklist: { id: string; version: number; contentHash: string };
  body: Checklist;
  branch: string;
  place: string;
  inspectors: string[];
  startedAt: string;
  startedBy: PersonRef | null;
  items: Map<string, ItemRecord>;
  score: ChecklistScore;
  signedOff?: InspectionEventData<'inspection.signedOff'> & { at: string };
  sealed?: { at: string; keyId: string };
}

/** An inspection's state from its journal's events (the first must be `inspection.started`). */
export function foldInspection(events: readonly JournalEvent[]): InspectionState {
  const started = events[0]!.data as InspectionEventData<'inspection.started'>;
  const items = new Map<string, ItemRecord>();
  const item = (id: string) => {
    let record = items.get(id);
    if (!record) items.set(id, (record = { notes: [], attachments: [] }));
    return record;
  };
  let signedOff: InspectionState['signedOff'];
  let sealed: InspectionState['sealed'];
  for (const event of events.slice(1)) {
    switch (event.type) {
      case 'item.answered': {
        const d = event.data as InspectionEventData<'item.answered'>;
        Object.assign(item(d.itemId), { answer: d.answer as Answer, answeredAt: event.at, answeredBy: d.by });
        break;
      }
      case 'item.noted': {
        const d = event.data as InspectionEventData<'item.noted'>;
        item(d.itemId).notes.push({ at: event.at, note: d.note, by: d.by });
        break;
      }
      case 'item.attached': {
        const d = event.data as InspectionEventData<'item.attached'>;
        item(d.itemId).attachments.push({ ...d.attachment, at: event.at });
        break;
      }
      case 'inspection.signedOff':
        signedOff = { ...(event.data as InspectionEventData<'inspection.signedOff'>), at: event.at };
        break;
      case 'inspection.sealed':
        sealed = { at: event.at, keyId: (event.data as InspectionEventData<'inspection.sealed'>).keyId };
        break;
    }
  }
  const answers = new Map<string, Answer>();
  for (const [id, record] of items) if (record.answer) answers.set(id, record.answer);
  return {
    inspectionId: started.inspectionId,
    announced: started.announced,
    checklist: started.checklist,
    body: started.body,
    branch: started.branch,
    place: started.place,
    inspectors: started.inspectors,
    startedAt: events[0]!.at,
    startedBy: started.by,
    items,
    score: scoreChecklist(started.body, answers),
    ...(signedOff ? { signedOff } : {}),
    ...(sealed ? { sealed } : {}),
  };
}

/** Every attachment the record names, with the item it belongs to. */
export function attachmentsOf(
  events: readonly JournalEvent[],
): { itemId: string; attachment: AttachmentRef; line: number }[] {
  const found: { itemId: string; attachment: AttachmentRef; line: number }[] = [];
  events.forEach((event, i) => {
    if (event.type !== 'item.attached') return;
    const d = event.data as InspectionEventData<'item.attached'>;
    found.push({ itemId: d.itemId, attachment: d.attachment, line: i + 1 });
  });
  return found;
}
