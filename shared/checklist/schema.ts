// The checklist template format (schemaVersion 1): one zod schema, from which the types and
// plans/checklists/checklist.schema.json are derived. Rules across fields (ids, weights that cannot add up,
// translations) live in ./analysis. A template is versioned and hashed like a plan: an inspection's record carries
// the exact version it followed.
import { z } from 'zod';
import { LocalizedSchema, SlugSchema } from '../plan/schema';
import { CHECKLIST_SCHEMA_VERSION, CHECKLIST_USES } from './vocabulary';

export * from './vocabulary';

const Weight = z.number().min(0).meta({ description: 'Relative weight (default 1); 0 counts nothing.' });

const itemBase = {
  id: SlugSchema.meta({ description: 'Unique across the whole template: records and rectifications name it.' }),
  text: LocalizedSchema.meta({ description: 'What to check, as a question or a statement to confirm.' }),
  guidance: LocalizedSchema.optional().meta({ description: 'How to check it (where to look, what counts).' }),
  weight: Weight.optional(),
  critical: z.boolean().optional().meta({
    description: 'A failed critical item fails the whole inspection, whatever its score (一票否决).',
  }),
  photo: z.boolean().optional().meta({ description: 'The item must be photographed before the inspection is signed.' }),
  evidence: LocalizedSchema.optional().meta({
    description: 'What closing a rectification of this item needs (a photo of the repaired lock, a test log).',
  }),
  rectifyDays: z.number().int().min(0).max(365).optional().meta({
    description: 'Days to put a failure right (default 7; a critical item 1).',
  }),
};

export const YesNoItemSchema = z.strictObject({
  ...itemBase,
  kind: z.literal('yes-no'),
  allowNa: z.boolean().optional().meta({ description: 'Whether "not applicable" may be answered (default true).' }),
});

export const ScoreItemSchema = z.strictObject({
  ...itemBase,
  kind: z.literal('score'),
  max: z.number().int().min(1).max(100).meta({ description: 'Scored 0 … max.' }),
  passAt: z.number().int().min(0).optional().meta({
    description: 'The least score that is not a finding (default: 60 % of max, rounded up).',
  }),
});

export const NumberItemSchema = z.strictObject({
  ...itemBase,
  kind: z.literal('number'),
  unit: LocalizedSchema.optional(),
  min: z.number().optional().meta({ description: 'A value below this is a finding.' }),
  max: z.number().optional().meta({ description: 'A value above this is a finding.' }),
  allowNa: z.boolean().optional().meta({
    description:
      'Whether "not applicable" may be answered (default false: a police arrival time where none was agreed).',
  }),
});

export const TextItemSchema = z.strictObject({
  ...itemBase,
  kind: z.literal('text'),
});

export const ChecklistItemSchema = z.discriminatedUnion('kind', [
  YesNoItemSchema,
  ScoreItemSchema,
  NumberItemSchema,
  TextItemSchema,
]);

export const ChecklistSectionSchema = z.strictObject({
  id: SlugSchema,
  title: LocalizedSchema,
  weight: Weight.optional(),
  items: z.array(ChecklistItemSchema),
});

export const ChecklistSchema = z
  .strictObject({
    $schema: z.string().optional(),
    schemaVersion: z.literal(CHECKLIST_SCHEMA_VERSION),
    kind: z.literal('checklist').meta({ description: 'Tells a checklist template from a plan file.' }),
    id: SlugSchema.meta({ description: 'Stable across versions.' }),
    version: z.number().int().min(1),
    use: z.enum(CHECKLIST_USES),
    title: LocalizedSchema,
    shortTitle: LocalizedSchema.optional(),
    summary: LocalizedSchema,
    basis: LocalizedSchema.optional().meta({ description: 'The rules the checks come from (制度依据).' }),
    passScore: z.number().min(0).max(100).optional().meta({
      description: 'The least total score, in percent, that passes (default 80); a failed critical item fails anyway.',
    }),
    sections: z.array(ChecklistSectionSchema),
  })
  .meta({ title: 'Guardbook checklist template (检查表), schemaVersion 1' });

export type Checklist = z.infer<typeof ChecklistSchema>;
export type ChecklistSection = z.infer<typeof ChecklistSectionSchema>;
export type ChecklistItem = z.infer<typeof ChecklistItemSchema>;
