// A draft of a plan: the working copy a manager edits (autosaved), its review state and where it came from.
// Drafts are not evidence (published versions and the audit trail are); one draft per plan at a time.
import { z } from 'zod';
import { DRAFT_NOTE_MAX } from '../limits';
import { ActionRefSchema, ContentHashSchema, PersonRefSchema, VersionRefSchema } from './libraryLog';
import { SlugSchema } from '../plan/schema';

export const DRAFT_FORMAT = 1;

/** How a draft began; it becomes the published version's `source`. */
export const DRAFT_ORIGINS = ['revision', 'import', 'rollback', 'template-update', 'new', 'head-office'] as const;
export type DraftOrigin = (typeof DRAFT_ORIGINS)[number];

export const DraftNoteSchema = z.string().trim().min(1).max(DRAFT_NOTE_MAX);

export const DraftSchema = z.object({
  format: z.literal(DRAFT_FORMAT),
  planId: SlugSchema,
  origin: z.enum(DRAFT_ORIGINS),
  /** The published version it was derived from (null: a plan never published). */
  base: VersionRefSchema.nullable(),
  /** For a template update: the template's hash. For a rollback: the version whose content it restores. */
  templateHash: ContentHashSchema.optional(),
  rollbackOf: z.number().int().min(1).optional(),
  /** For a head-office release taken: the released version and its hash (the manager may fill in local details). */
  release: VersionRefSchema.optional(),
  /** For an import: the file's name as given. */
  importedFrom: z.string().optional(),
  /** The improvement actions this revision answers: its publication closes them. */
  forActions: z.array(ActionRefSchema).optional(),
  /**
   * The plan as edited. Not checked against the schema here: a half-edited draft must still save; every read
   * checks it and reports findings, and only a draft without errors may be submitted.
   */
  plan: z.record(z.string(), z.unknown()),
  /** Counts saves: a save made from an older revision (another window) is refused rather than lost silently. */
  revision: z.number().int().min(0),
  status: z.enum(['draft', 'in-review']),
  createdAt: z.string(),
  createdBy: PersonRefSchema,
  updatedAt: z.string(),
  updatedBy: PersonRefSchema,
  /** Set while in review: who submitted it, why it changed, and the hash the reviewer approves. */
  submitted: z
    .object({ at: z.string(), by: PersonRefSchema, note: z.string(), contentHash: ContentHashSchema })
    .optional(),
  /** The last time a reviewer sent it back, and why. */
  sentBack: z.object({ at: z.string(), by: PersonRefSchema, comment: z.string() }).optional(),
});
export type Draft = z.infer<typeof DraftSchema>;
