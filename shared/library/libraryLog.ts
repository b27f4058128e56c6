// The branch plan library's log: every published version (who wrote it, who approved it, why it changed, its
// content hash and the version it was derived from) and every retirement, in the journals' line format and hash
// chain. The version files hold the plans byte for byte; this log says which of them are published, so a version
// file written but never logged (a crash mid-publish) is never offered, and history can be verified years later.
import { z } from 'zod';
import type { JournalEvent } from '../journal/format';
import type { ChainFormat } from '../journal/verify';
import { SlugSchema } from '../plan/schema';
import { VERSION_SOURCE_LABELS } from './labels';

export const ContentHashSchema = z.string().regex(/^sha256:[0-9a-f]{64}$/);

/** Who did something, by name as well as id: history must read on its own after users are renamed or removed. */
export const PersonRefSchema = z.object({ userId: SlugSchema, name: z.string() });
export type PersonRef = z.infer<typeof PersonRefSchema>;

/** Where a published version's content came from. */
export const VERSION_SOURCES = Object.keys(VERSION_SOURCE_LABELS) as (keyof typeof VERSION_SOURCE_LABELS)[] as [
  keyof typeof VERSION_SOURCE_LABELS,
  ...(keyof typeof VERSION_SOURCE_LABELS)[],
];
export type VersionSource = (typeof VERSION_SOURCES)[number];

/** An improvement action a revision answers (shared/actions/actionLog.ts), and where the action came from. */
export const ActionRefSchema = z.object({ actionId: z.string(), title: z.string(), source: z.string() });
export type ActionRef = z.infer<typeof ActionRefSchema>;

export const VersionRefSchema = z.object({ version: z.number().int().min(1), contentHash: ContentHashSchema });
export type VersionRef = z.infer<typeof VersionRefSchema>;

export const libraryLogData = {
  /** The first line; names a damaged log kept aside before this one was started. */
  'library.started': z.object({
    installation: z.string(),
    afterDamaged: z.object({ file: z.string(), line: z.number().int(), reason: z.string() }).optional(),
  }),
  /**
   * A version published: from then on it is the one offered to guards (until a later one, or a retirement).
   * `file` is relative to the library folder. `author` wrote the change (null: the app, seeding a template);
   * `approver` approved it (null for a template seeded at first start); `selfApproved` when they are the same
   * person (allowed only where the branch has one manager). `carried`: taken over from a damaged log.
   */
  'plan.published': z.object({
    planId: SlugSchema,
    version: z.number().int().min(1),
    contentHash: ContentHashSchema,
    file: z.string(),
    source: z.enum(VERSION_SOURCES),
    derivedFrom: VersionRefSchema.nullable(),
    templateHash: ContentHashSchema.optional(),
    author: PersonRefSchema.nullable(),
    approver: PersonRefSchema.nullable(),
    selfApproved: z.boolean(),
    note: z.string(),
    carried: z.string().optional(),
    /** The improvement actions this version answers (a drill's finding that needed the plan changed). */
    forActions: z.array(ActionRefSchema).optional(),
    /** The head-office release this version adopts (its content may add the branch's local details). */
    release: VersionRefSchema.optional(),
  }),
  /** The plan leaves Home (its versions stay readable); publishing a new version brings it back. */
  'plan.retired': z.object({
    planId: SlugSchema,
    version: z.number().int().min(1),
    by: PersonRefSchema,
    note: z.string(),
  }),
  /** A manager chose not to take a newer bundled template: it is not offered again (a still newer one is). */
  'template.dismissed': z.object({ planId: SlugSchema, templateHash: ContentHashSchema, by: PersonRefSchema }),
  'library.recovered': z.object({ sidecar: z.string(), bytes: z.number().int(), reason: z.string() }),
} as const;

export const LIBRARY_LOG_FORMAT: ChainFormat = { firstType: 'library.started', dataSchemas: libraryLogData };

export type Publication = z.infer<(typeof libraryLogData)['plan.published']> & { at: string };
export type Retirement = z.infer<(typeof libraryLogData)['plan.retired']> & { at: string };

/** One plan's history as the log tells it. */
export interface PlanHistory {
  planId: string;
  /** Every published version, oldest first. */
  versions: Publication[];
  /** The retirement after the latest publication, if any: then no version is offered. */
  retired?: Retirement;
  /** Template hashes a manager chose not to take. */
  dismissedTemplates: Set<string>;
  /** The hash of the latest template this plan took (seeded from, or updated to). */
  templateHash?: string;
  /** The newest head-office release version a published version adopted. */
  adoptedRelease?: number;
}

/** Two publications of one plan id and version with different contents: one version number names one content. */
export interface VersionConflict {
  planId: string;
  version: number;
  hashes: [string, string];
}

export interface LibraryState {
  plans: Map<string, PlanHistory>;
  conflicts: VersionConflict[];
}

/** What the log says: each plan's versions, retirement and dismissed templates, in the order they happened. */
export function libraryStateOf(entries: readonly JournalEvent[]): LibraryState {
  const plans = new Map<string, PlanHistory>();
  const conflicts: VersionConflict[] = [];
  const historyOf = (planId: string): PlanHistory => {
    let history = plans.get(planId);
    if (!history) plans.set(planId, (history = { planId, versions: [], dismissedTemplates: new Set() }));
    return history;
  };
  for (const entry of entries) {
    if (entry.type === 'plan.published') {
      const publication = { ...(entry.data as Omit<Publication, 'at'>), at: entry.at };
      const history = historyOf(publication.planId);
      const same = history.versions.find((v) => v.version === publication.version);
      if (same) {
        // A repeat with the same content (a carried-over entry) changes nothing; a different content is a conflict.
        if (same.contentHash !== publication.contentHash) {
          conflicts.push({
            planId: publication.planId,
            version: publication.version,
            hashes: [same.contentHash, publication.contentHash],
          });
        }
        continue;
      }
      history.versions.push(publication);
      delete history.retired;
      if (publication.templateHash) history.templateHash = publication.templateHash;
      if (publication.release) {
        history.adoptedRelease = Math.max(history.adoptedRelease ?? 0, publication.release.version);
      }
    } else if (entry.type === 'plan.retired') {
      const retirement = { ...(entry.data as Omit<Retirement, 'at'>), at: entry.at };
      historyOf(retirement.planId).retired = retirement;
    } else if (entry.type === 'template.dismissed') {
      const data = entry.data as { planId: string; templateHash: string };
      historyOf(data.planId).dismissedTemplates.add(data.templateHash);
    }
  }
  return { plans, conflicts };
}

/** The version a plan offers guards now: its latest publication, unless it was retired since. */
export function offeredVersion(history: PlanHistory): Publication | undefined {
  return history.retired ? undefined : history.versions.at(-1);
}

/** The next version number of a plan: one past the highest ever published (rollbacks included). */
export function nextVersionNumber(history: PlanHistory | undefined): number {
  return Math.max(0, ...(history?.versions.map((v) => v.version) ?? [])) + 1;
}

/** A version file's path inside the library folder: `versions/<plan-id>/<version>.json`. */
export function versionFilePath(planId: string, version: number): string {
  return `versions/${planId}/${version}.json`;
}
