// What the API shows of inspections: a summary per inspection (the list, Records, the scorecard) from the inspections
// log, and the whole inspection (items, answers, photos, live score, sign-off, integrity) from its journal.
import { z } from 'zod';
import { ChecklistSchema } from '../checklist/schema';
import { PersonRefSchema } from '../library/libraryLog';
import { TextSchema } from '../textSchema';
import { AttachmentRefSchema } from '../evidence/attachment';
import { AnswerSchema, inspectionData } from './inspection';
import { InspectionPlanSchema } from './inspectionLog';

const ChecklistRefSchema = z.object({ id: z.string(), version: z.number().int(), contentHash: z.string() });

export const InspectionSummarySchema = z.object({
  id: z.string(),
  status: z.enum(['planned', 'cancelled', 'in-progress', 'sealed']),
  title: TextSchema,
  announced: z.boolean(),
  place: z.string(),
  /** Who inspects (as begun; as planned before). */
  inspectors: z.array(z.string()),
  /** The checklist version followed once begun; the one planned (id only) before. */
  checklistId: z.string(),
  checklist: ChecklistRefSchema.optional(),
  plan: InspectionPlanSchema.optional(),
  planned: z.object({ at: z.string(), by: PersonRefSchema }).optional(),
  cancelled: z.object({ at: z.string(), by: PersonRefSchema, reason: z.string() }).optional(),
  begun: z.object({ at: z.string(), by: PersonRefSchema.nullable() }).optional(),
  sealed: z
    .object({
      at: z.string(),
      percent: z.number().nullable(),
      passed: z.boolean(),
      failed: z.array(z.string()),
      criticalFailed: z.array(z.string()),
    })
    .optional(),
});
export type InspectionSummary = z.infer<typeof InspectionSummarySchema>;

export const ItemRecordSchema = z.object({
  answer: AnswerSchema.optional(),
  answeredAt: z.string().optional(),
  answeredBy: PersonRefSchema.nullable().optional(),
  notes: z.array(z.object({ at: z.string(), note: z.string(), by: PersonRefSchema.nullable() })),
  attachments: z.array(AttachmentRefSchema.extend({ at: z.string() })),
});

export const InspectionViewSchema = z.object({
  summary: InspectionSummarySchema,
  branch: z.string(),
  inspectors: z.array(z.string()),
  body: ChecklistSchema,
  items: z.record(z.string(), ItemRecordSchema),
  score: z.object({
    percent: z.number().nullable(),
    passScore: z.number(),
    sections: z.array(
      z.object({ id: z.string(), points: z.number(), possible: z.number(), percent: z.number().nullable() }),
    ),
    results: z.record(z.string(), z.enum(['pass', 'fail', 'na', 'recorded', 'unanswered'])),
    failed: z.array(z.string()),
    criticalFailed: z.array(z.string()),
    unanswered: z.array(z.string()),
    passed: z.boolean().nullable(),
  }),
  signedOff: inspectionData['inspection.signedOff'].extend({ at: z.string() }).optional(),
  /** The seal line's time and the key id it names (judged against the installation's key in `integrity`). */
  sealed: z.object({ at: z.string(), keyId: z.string() }).optional(),
  /** verified / not-sealed / damaged (with why) / foreign, judged now. */
  integrity: z.object({
    integrity: z.enum(['verified', 'not-sealed', 'damaged', 'foreign']),
    damageText: TextSchema.optional(),
  }),
  head: z.string(),
  events: z.number().int(),
});
export type InspectionView = z.infer<typeof InspectionViewSchema>;
