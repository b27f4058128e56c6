// The scorecard as the API sends it (shared/inspections/scorecard.ts computes it).
import { z } from 'zod';
import { TextSchema } from '../textSchema';
import type { ScorecardView } from './scorecard';

export const ScorecardViewSchema: z.ZodType<ScorecardView> = z.object({
  series: z.array(
    z.object({
      checklistId: z.string(),
      title: TextSchema,
      passScore: z.number(),
      points: z.array(
        z.object({
          inspectionId: z.string(),
          at: z.string(),
          percent: z.number().nullable(),
          passed: z.boolean(),
          announced: z.boolean(),
        }),
      ),
    }),
  ),
  recurring: z.array(
    z.object({
      checklistId: z.string(),
      itemId: z.string(),
      text: TextSchema,
      critical: z.boolean(),
      failures: z.number().int(),
      inspections: z.number().int(),
      lastAt: z.string(),
    }),
  ),
  rectifications: z.object({
    total: z.number().int(),
    closedOnTime: z.number().int(),
    closedLate: z.number().int(),
    openOverdue: z.number().int(),
    openInTime: z.number().int(),
    onTimeRate: z.number().nullable(),
  }),
  inspections: z.object({ sealed: z.number().int(), passed: z.number().int() }),
});
