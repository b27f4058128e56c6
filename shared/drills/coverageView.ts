// What the API shows of drill coverage: per published plan its policy, last drill, next due date and status
// (shared/drills/coverage.ts computes them in the branch's time zone), its title, and the exercises on the calendar.
import { z } from 'zod';
import { TextSchema } from '../textSchema';

export const CoverageViewSchema = z.object({
  today: z.string(),
  plans: z.array(
    z.object({
      planId: z.string(),
      title: TextSchema,
      everyDays: z.number().int(),
      lastDrill: z
        .object({
          runId: z.string(),
          at: z.string(),
          localDate: z.string(),
          declared: z.boolean(),
          afterNow: z.boolean(),
        })
        .optional(),
      dueDate: z.string().optional(),
      status: z.enum(['never', 'ok', 'due-soon', 'overdue']),
      daysLeft: z.number().int().optional(),
      nextPlanned: z.object({ id: z.string(), scheduledAt: z.string(), localDate: z.string() }).optional(),
    }),
  ),
  /** Planned exercises from today on, soonest first. */
  calendar: z.array(
    z.object({
      id: z.string(),
      planId: z.string(),
      title: z.string(),
      scheduledAt: z.string(),
      announced: z.boolean(),
    }),
  ),
  skipped: z.number().int(),
});
export type CoverageView = z.infer<typeof CoverageViewSchema>;
