// The inspections log: every inspection planned, cancelled, begun and sealed, in the journals' line format and hash
// chain. What was found is in each inspection's own journal; this log is the register of their seals (head hash and
// length, as the seal register is for runs) and carries each sealed inspection's score and failed items, so the
// scorecard and the list read one file, not every journal.
import { z } from 'zod';
import type { JournalEvent } from '../journal/format';
import type { ChainFormat } from '../journal/verify';
import { ContentHashSchema, PersonRefSchema, type PersonRef } from '../library/libraryLog';
import { INSPECTION_LIMITS } from '../limits';
import { SlugSchema } from '../plan/schema';
import { InspectorsSchema } from './inspection';

export const INSPECTIONS_DIR = 'inspections';
export const INSPECTION_LOG_FILE = 'inspections.jsonl';

/** An inspection as planned ahead: an unannounced one is seen by nobody but whoever planned it until it begins. */
export const InspectionPlanSchema = z.strictObject({
  checklistId: SlugSchema,
  announced: z.boolean(),
  /** The local date it is planned for. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  place: z.string().trim().max(INSPECTION_LIMITS.place),
  inspectors: InspectorsSchema,
  note: z.string().trim().max(INSPECTION_LIMITS.note).default(''),
});
export type InspectionPlan = z.infer<typeof InspectionPlanSchema>;

export const inspectionLogData = {
  'inspections.started': z.object({
    installation: z.string(),
    afterDamaged: z.object({ file: z.string(), line: z.number().int(), reason: z.string() }).optional(),
  }),
  'inspection.planned': z.object({ inspectionId: SlugSchema, plan: InspectionPlanSchema, by: PersonRefSchema }),
  'inspection.cancelled': z.object({
    inspectionId: SlugSchema,
    reason: z.string().max(INSPECTION_LIMITS.cancelReason),
    by: PersonRefSchema,
  }),
  /** Its journal was started (written after the journal's first line is durable). */
  'inspection.begun': z.object({
    inspectionId: SlugSchema,
    checklist: z.object({ id: SlugSchema, version: z.number().int(), contentHash: ContentHashSchema }),
    title: z.object({ 'zh-CN': z.string(), en: z.string() }),
    announced: z.boolean(),
    place: z.string(),
    inspectors: InspectorsSchema,
    by: PersonRefSchema.nullable(),
  }),
  /** Its journal was sealed: the seal line's hash and the journal's length, with what the sign-off stated. */
  'inspection.sealed': z.object({
    inspectionId: SlugSchema,
    head: z.string().regex(/^[0-9a-f]{64}$/),
    events: z.number().int().min(1),
    keyId: z.string(),
    percent: z.number().nullable(),
    passed: z.boolean(),
    failed: z.array(SlugSchema),
    criticalFailed: z.array(SlugSchema),
    /** The rectifications' action ids (as the sign-off gave them): a start checks them without reading journals. */
    rectifications: z.array(SlugSchema),
    late: z.boolean().optional(),
  }),
  'inspections.recovered': z.object({ sidecar: z.string(), bytes: z.number().int(), reason: z.string() }),
} as const;

export const INSPECTION_LOG_FORMAT: ChainFormat = {
  firstType: 'inspections.started',
  dataSchemas: inspectionLogData,
};

export type InspectionLogData<T extends keyof typeof inspectionLogData> = z.infer<(typeof inspectionLogData)[T]>;

export type InspectionStatus = 'planned' | 'cancelled' | 'in-progress' | 'sealed';

export interface InspectionEntry {
  id: string;
  status: InspectionStatus;
  plan?: InspectionPlan;
  planned?: { at: string; by: PersonRef };
  cancelled?: { at: string; by: PersonRef; reason: string };
  begun?: Omit<InspectionLogData<'inspection.begun'>, 'inspectionId'> & { at: string };
  sealed?: Omit<InspectionLogData<'inspection.sealed'>, 'inspectionId'> & { at: string };
}

/** Every inspection the log knows, in the order first logged. */
export function foldInspectionLog(entries: readonly JournalEvent[]): InspectionEntry[] {
  const all = new Map<string, InspectionEntry>();
  const entry = (id: string): InspectionEntry => {
    let found = all.get(id);
    if (!found) all.set(id, (found = { id, status: 'planned' }));
    return found;
  };
  for (const line of entries) {
    const id = (line.data as { inspectionId?: string }).inspectionId;
    if (id === undefined) continue;
    switch (line.type) {
      case 'inspection.planned': {
        const d = line.data as InspectionLogData<'inspection.planned'>;
        Object.assign(entry(id), { plan: d.plan, planned: { at: line.at, by: d.by } });
        break;
      }
      case 'inspection.cancelled': {
        const d = line.data as InspectionLogData<'inspection.cancelled'>;
        const found = entry(id);
        if (found.status === 'planned') {
          found.status = 'cancelled';
          found.cancelled = { at: line.at, by: d.by, reason: d.reason };
        }
        break;
      }
      case 'inspection.begun': {
        const { inspectionId: _id, ...d } = line.data as InspectionLogData<'inspection.begun'>;
        Object.assign(entry(id), { status: 'in-progress', begun: { ...d, at: line.at } });
        break;
      }
      case 'inspection.sealed': {
        const found = entry(id);
        // The first seal counts: an inspection is sealed once.
        if (found.sealed) break;
        const { inspectionId: _id, ...d } = line.data as InspectionLogData<'inspection.sealed'>;
        found.status = 'sealed';
        found.sealed = { ...d, at: line.at };
        break;
      }
    }
  }
  return [...all.values()];
}

/**
 * Whether a person may see an inspection: an unannounced one planned ahead is seen only by whoever planned it (and
 * nobody else at the branch) until it begins; everything else is seen by all who may read inspections.
 */
export function visibleTo(entry: InspectionEntry, userId: string | undefined): boolean {
  if (entry.status !== 'planned' && entry.status !== 'cancelled') return true;
  if (entry.plan?.announced) return true;
  return userId !== undefined && entry.planned?.by.userId === userId;
}
