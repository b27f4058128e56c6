// What the API shows of an exercise: its state from the drills log, with what its run says so far (the injects
// delivered, scenario time, the next inject due). The store builds it (electron/drills/exerciseStore.ts).
import { z } from 'zod';
import { PersonRefSchema } from '../library/libraryLog';
import { ExerciseSpecSchema } from './exercise';

const at = z.string();

export const ExerciseViewSchema = z.object({
  id: z.string(),
  spec: ExerciseSpecSchema,
  status: z.enum(['planned', 'running', 'paused', 'cancelled']),
  planned: z.object({ at, by: PersonRefSchema }),
  updated: z.object({ at, by: PersonRefSchema }).optional(),
  cancelled: z.object({ at, by: PersonRefSchema, reason: z.string() }).optional(),
  run: z.object({ runId: z.string(), startedAt: at, declared: z.boolean(), at, by: PersonRefSchema }).optional(),
  pauses: z.array(z.object({ at, resumedAt: at.optional() })),
  /** Inject ids delivered into the run, in order. */
  delivered: z.array(z.string()),
  scenarioSeconds: z.number().int().optional(),
  /** The next scheduled inject not yet delivered; `dueAt` while scenario time runs. */
  next: z.object({ injectId: z.string(), atSeconds: z.number().int(), dueAt: at.optional() }).optional(),
  runStatus: z.enum(['active', 'ended', 'signed-off', 'sealed']).optional(),
});
export type ExerciseView = z.infer<typeof ExerciseViewSchema>;
