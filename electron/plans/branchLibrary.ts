// The branch's own plan library in `<data>/library/`: the document library (../library/documentLibrary) with the
// plan kind — plans checked by `checkPlanDocument`, follow-ons to plans the library lacks and contacts the branch
// has not filled in found here, summaries for Home and the plans screen. What Home offers is this library's
// published versions.
import type { PlanDetail, PlanSummary } from '../../shared/api/channels';
import { notFound } from '../../shared/api/errors';
import { releaseOffers, type ReleaseOffer } from '../../shared/hq/releaseOffers';
import type { PlanRelease } from '../../shared/hq/release';
import type { PersonRef } from '../../shared/library/libraryLog';
import { SYNC_MESSAGES } from '../../shared/messages/sync';
import { unfilledContacts, type PhoneDirectory } from '../../shared/contacts/directory';
import { API_MESSAGES } from '../../shared/messages/api';
import { LIBRARY_MESSAGES } from '../../shared/messages/library';
import { followOnFindings } from '../../shared/plan/analysis';
import { checkPlanDocument } from '../../shared/plan/checkPlan';
import { checkPlanText } from '../../shared/plan/checkPlanText';
import { finding, type Finding } from '../../shared/plan/findings';
import type { Plan } from '../../shared/plan/schema';
import {
  DocumentLibrary,
  openParts,
  versionText,
  type DocumentKind,
  type DocumentLibraryOptions,
  type DraftView as LibraryDraftView,
  type ImportResult as LibraryImportResult,
  type LibraryEntry,
} from '../library/documentLibrary';
import { contentHashOf } from './contentHash';
import { PlanLibrary, planSummary } from './planLibrary';
import type { PlanSource } from './planSource';

export { LIBRARY_LOG_FILE, type VersionEntry } from '../library/documentLibrary';
export const LIBRARY_DIR = 'library';

export interface BranchLibraryOptions extends DocumentLibraryOptions {
  /**
   * The branch's contact directory: a draft naming a contact with no number here or in the plan cannot be
   * submitted (a published one shows it as a warning). Absent (tools, tests of other things): not checked.
   */
  directory?: () => PhoneDirectory;
  /** The plan versions head office released to this branch, verified (electron/sync/syncService.ts). */
  releases?: () => readonly ReleasedPlan[];
}

export interface ReleasedPlan {
  release: PlanRelease;
  receivedAt: string;
  plan: Plan;
}

export type DraftView = LibraryDraftView<Finding>;
export type ImportResult = LibraryImportResult<Finding>;

export class BranchLibrary extends DocumentLibrary<Plan, Finding, PlanDetail> implements PlanSource {
  private releases: () => readonly ReleasedPlan[] = () => [];

  static async open(options: BranchLibraryOptions): Promise<BranchLibrary> {
    const kind = planKind(options.directory);
    const library = new BranchLibrary(kind, ...(await openParts(kind, options)));
    if (options.releases) library.releases = options.releases;
    library.start();
    return library;
  }

  /** Head office's releases to this branch: offered, adopted, or mandatory and past their date (`today`: local). */
  releaseOffers(today: string): ReleaseOffer[] {
    return releaseOffers(this.releases(), (planId) => this.adoptedRelease(planId), today);
  }

  /** A draft from a release head office sent (the newest of that plan): reviewed and approved like any other. */
  takeHeadOfficeRelease(planId: string, version: number, by: PersonRef): DraftView {
    const released = this.releases().find((r) => r.release.planId === planId && r.release.version === version);
    if (!released) throw notFound(SYNC_MESSAGES.releaseNotFound(planId, version));
    const { contentHash } = released.release;
    return this.takeRelease(planId, { version, contentHash, doc: released.plan }, by);
  }

  list(): PlanSummary[] {
    return this.all().map((d) => d.summary);
  }

  /** The plan as offered now (or, for a retired or never-published plan, as it last was: managers still read it). */
  get(id: string): PlanDetail {
    return this.detail(id);
  }

  /** One published version, checked against its hash: what a record of a run that followed it shows. */
  version(planId: string, version: number): ReturnType<BranchLibrary['versionOf']> & { plan?: Plan } {
    const read = this.versionOf(planId, version);
    return { ...read, ...(read.doc ? { plan: read.doc } : {}) };
  }
}

/** Plans as the document library keeps them. */
function planKind(directory?: () => PhoneDirectory): DocumentKind<Plan, Finding, PlanDetail> {
  return {
    folder: LIBRARY_DIR,
    messages: { ...LIBRARY_MESSAGES, notFound: API_MESSAGES.planNotFound },
    check: (value) => {
      const { plan, findings } = checkPlanDocument(value);
      return { ...(plan ? { doc: plan } : {}), findings };
    },
    checkText: (text) => {
      const { plan, findings } = checkPlanText(text);
      return { ...(plan ? { doc: plan } : {}), findings };
    },
    hash: contentHashOf,
    loadTemplates: async (dir) => {
      const bundled = await PlanLibrary.loadBundled(dir);
      return bundled.list().map(({ id }) => {
        const { plan, findings, file, summary } = bundled.get(id);
        return { id, ...(plan ? { doc: plan } : {}), findings, contentHash: summary.contentHash, file };
      });
    },
    damagedFinding: (version, file, reason) =>
      finding('version-damaged', '', { version, file, zh: reason['zh-CN'], en: reason.en }),
    conflictFinding: (plan, version, first, second) =>
      finding('version-conflict', 'version', { plan, version, first: first.slice(0, 19), second: second.slice(0, 19) }),
    libraryFindings: (plan, known, published) => {
      // Follow-ons to plans the library does not hold, and contacts the branch has not filled in — an error in a
      // draft (it cannot be submitted), a warning on a version already published (it stays on Home).
      const followOns = followOnFindings(plan, known).filter((f) => f.code === 'unknown-follow-on');
      const book = directory?.();
      if (!book) return followOns;
      const unfilled = unfilledContacts(plan, book).map((contact) => {
        const index = plan.contacts.findIndex((c) => c.id === contact);
        return finding(
          'unfilled-contact',
          index >= 0 ? `contacts[${index}]` : 'contacts',
          { contact },
          published ? { severity: 'warning' } : {},
        );
      });
      return [...followOns, ...unfilled];
    },
    detail: planDetail,
  };
}

function planDetail(entry: LibraryEntry<Plan, Finding>): PlanDetail {
  const summary: PlanSummary = {
    ...planSummary(entry.doc, entry.id, entry.findings),
    version: entry.version,
    contentHash: entry.contentHash,
    source: entry.source,
    status: entry.status,
    ...(entry.publishedAt ? { publishedAt: entry.publishedAt } : {}),
    ...(entry.draft ? { draft: entry.draft } : {}),
    ...(entry.templateUpdate ? { templateUpdate: entry.templateUpdate } : {}),
  };
  return { summary, file: entry.file, findings: entry.findings, ...(entry.doc ? { plan: entry.doc } : {}) };
}

/** A version file's bytes (the plan as indented JSON): what export hands out. */
export { versionText };
