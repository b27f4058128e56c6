// The plan file format (schemaVersion 1): one zod schema, from which the TypeScript types and
// plans/plan.schema.json are derived. Graph rules (targets, reachability, roles) live in analysis.ts.
import { z } from 'zod';
import { PHONE_PATTERN, SLUG_MAX, SLUG_PATTERN } from '../limits';
import { CATEGORIES, LOCATIONS, OUTCOMES, SEVERITIES } from './vocabulary';

export * from './vocabulary';

/** Custom schema messages are keys, translated by checkPlanDocument (zod's own messages use its locales). */
export const SCHEMA_MESSAGE_KEYS = { slug: 'guardbook:slug', phone: 'guardbook:phone' } as const;

/** Text in both UI languages. Both keys are optional here so a half-translated draft still
 * parses; analysePlan reports what is missing (zh-CN missing is an error, en a warning). */
export const LocalizedSchema = z
  .strictObject({
    'zh-CN': z.string().optional(),
    en: z.string().optional(),
  })
  .meta({ id: 'Localized', description: 'Text in Chinese (zh-CN, primary) and English (en).' });
export type Localized = z.infer<typeof LocalizedSchema>;

/** Ids are slugs so they can be used verbatim as state names, file names and CSS classes. */
export const SlugSchema = z.string().regex(SLUG_PATTERN, SCHEMA_MESSAGE_KEYS.slug).max(SLUG_MAX);

export const CategorySchema = z.enum(CATEGORIES);

export const SeveritySchema = z.enum(SEVERITIES);

export const LocationSchema = z.enum(LOCATIONS);

export const OutcomeSchema = z.enum(OUTCOMES);

export const RoleSchema = z.strictObject({
  id: SlugSchema,
  title: LocalizedSchema,
  duties: LocalizedSchema.optional(),
});
export type Role = z.infer<typeof RoleSchema>;

export const ContactSchema = z.strictObject({
  id: SlugSchema,
  name: LocalizedSchema,
  phone: z.string().regex(PHONE_PATTERN, SCHEMA_MESSAGE_KEYS.phone).optional().meta({
    description:
      'The number to dial. Leave it out for numbers each branch sets in Settings (keyed by contact id), such as head-office security.',
  }),
});
export type Contact = z.infer<typeof ContactSchema>;

export const DrillPolicySchema = z.strictObject({
  everyDays: z
    .number()
    .int()
    .min(1)
    .meta({ description: 'Drill this plan at least once every N days (on-site procedures: ≤ 182).' }),
});

const Seconds = z.number().int();

export const TimeoutSchema = z
  .strictObject({ seconds: Seconds, next: SlugSchema })
  .meta({ description: 'A hard deadline: when it passes, the run moves to `next`.' });

export const ChecklistItemSchema = z.strictObject({ id: SlugSchema, text: LocalizedSchema });

/** A plan to start next, linked to this run (robbery → hostage taking): the runner offers it as one big button. */
const FollowOnSchema = SlugSchema.optional().meta({
  description: 'The id of a plan the runner offers to start next (escalation), linked to this run both ways.',
});

export const OptionSchema = z.strictObject({
  id: SlugSchema,
  label: LocalizedSchema,
  next: SlugSchema,
  followOn: FollowOnSchema,
});

/** Fields every step kind shares. */
const stepBase = {
  id: SlugSchema,
  title: LocalizedSchema,
  detail: LocalizedSchema.optional(),
  role: SlugSchema.optional().meta({ description: 'Who does this step (a role id).' }),
};

/** Fields for steps a person works on, with soft and hard deadlines and numbers to call. */
const timedFields = {
  targetSeconds: Seconds.optional().meta({
    description: 'A soft deadline: overdue is shown to the operator and recorded.',
  }),
  timeout: TimeoutSchema.optional(),
  contacts: z.array(SlugSchema).optional().meta({ description: 'Contact ids to call during this step.' }),
};

export const ActionStepSchema = z.strictObject({
  ...stepBase,
  ...timedFields,
  kind: z.literal('action'),
  checklist: z.array(ChecklistItemSchema).optional(),
  next: SlugSchema,
  followOn: FollowOnSchema,
});

export const DecisionStepSchema = z.strictObject({
  ...stepBase,
  ...timedFields,
  kind: z.literal('decision'),
  options: z.array(OptionSchema),
  followOn: FollowOnSchema,
});

/** The end of one role's track inside a parallel step: that role has finished its part. */
export const TrackEndStepSchema = z.strictObject({
  id: SlugSchema,
  kind: z.literal('end'),
  title: LocalizedSchema.optional(),
});

/** The end of the whole run, with its outcome. */
export const EndStepSchema = z.strictObject({
  ...stepBase,
  kind: z.literal('end'),
  outcome: OutcomeSchema,
  followOn: FollowOnSchema,
});

export const TrackStepSchema = z.discriminatedUnion('kind', [ActionStepSchema, DecisionStepSchema, TrackEndStepSchema]);

export const TrackSchema = z.strictObject({
  role: SlugSchema,
  start: SlugSchema,
  steps: z.array(TrackStepSchema),
});

export const ParallelStepSchema = z.strictObject({
  ...stepBase,
  kind: z.literal('parallel'),
  targetSeconds: timedFields.targetSeconds,
  timeout: timedFields.timeout,
  tracks: z.array(TrackSchema).meta({
    description: 'Role tracks that run at the same time; the step completes when every track reaches its end.',
  }),
  next: SlugSchema,
});

export const StepSchema = z.discriminatedUnion('kind', [
  ActionStepSchema,
  DecisionStepSchema,
  ParallelStepSchema,
  EndStepSchema,
]);

export const PLAN_SCHEMA_VERSION = 1;

export const PlanSchema = z
  .strictObject({
    $schema: z.string().optional(),
    schemaVersion: z.literal(PLAN_SCHEMA_VERSION),
    id: SlugSchema.meta({ description: 'Stable across versions.' }),
    version: z.number().int().min(1),
    category: CategorySchema,
    severity: SeveritySchema,
    locations: z.array(LocationSchema).optional(),
    title: LocalizedSchema,
    shortTitle: LocalizedSchema.optional().meta({ description: 'A few words for the launcher tile (持械抢劫).' }),
    summary: LocalizedSchema,
    silent: z.boolean().optional().meta({
      description:
        'No sound of any kind and nothing flashing while it runs, whatever the sound setting (noise endangers staff: robbery, hostage taking).',
    }),
    roles: z.array(RoleSchema),
    contacts: z.array(ContactSchema),
    drill: DrillPolicySchema,
    start: SlugSchema,
    steps: z.array(StepSchema),
  })
  .meta({ title: 'Guardbook emergency plan (应急预案), schemaVersion 1' });

export type Plan = z.infer<typeof PlanSchema>;
export type Step = z.infer<typeof StepSchema>;
export type TrackStep = z.infer<typeof TrackStepSchema>;
export type Track = z.infer<typeof TrackSchema>;
export type ActionStep = z.infer<typeof ActionStepSchema>;
export type DecisionStep = z.infer<typeof DecisionStepSchema>;
export type ParallelStep = z.infer<typeof ParallelStepSchema>;
export type EndStep = z.infer<typeof EndStepSchema>;
export type TrackEndStep = z.infer<typeof TrackEndStepSchema>;
export type Outcome = z.infer<typeof OutcomeSchema>;
