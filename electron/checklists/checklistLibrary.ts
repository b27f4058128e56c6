// The branch's own checklist templates in `<data>/checklists/`: the document library (../library/documentLibrary)
// with the checklist kind — the same drafts, review, PIN approval and publishing as plans. Inspections use the
// version each template offers now; the bundled templates (plans/checklists/) seed it at first start and are
// offered as updates after an app update.
import { basename } from 'node:path';
import { ApiError, notFound } from '../../shared/api/errors';
import { checkChecklistDocument } from '../../shared/checklist/checkChecklist';
import { checkChecklistText } from '../../shared/checklist/checkChecklistText';
import { countBySeverity, finding, type ChecklistFinding } from '../../shared/checklist/findings';
import type { Checklist } from '../../shared/checklist/schema';
import { CHECKLIST_LIBRARY_MESSAGES } from '../../shared/messages/checklistLibrary';
import { INSPECTION_MESSAGES } from '../../shared/messages/inspections';
import type { ChecklistDetail, ChecklistSummary } from '../../shared/api/channels';
import {
  DocumentLibrary,
  openParts,
  type DocumentKind,
  type DocumentLibraryOptions,
  type LibraryEntry,
  type LibraryTemplate,
} from '../library/documentLibrary';
import type { ChecklistSource, OfferedChecklist } from '../inspections/checklistSource';
import { checkChecklistFile, checklistHashOf, listChecklistFiles } from './checklistFiles';

export const CHECKLIST_LIBRARY_DIR = 'checklists';

export class ChecklistLibrary
  extends DocumentLibrary<Checklist, ChecklistFinding, ChecklistDetail>
  implements ChecklistSource
{
  static async open(options: DocumentLibraryOptions): Promise<ChecklistLibrary> {
    const library = new ChecklistLibrary(CHECKLIST_KIND, ...(await openParts(CHECKLIST_KIND, options)));
    library.start();
    return library;
  }

  /** Every template the library or a draft knows, for managers. */
  summaries(): ChecklistSummary[] {
    return this.all().map((d) => d.summary);
  }

  /** The templates inspections may be done with: each one's version offered now (retired ones are not). */
  list(): OfferedChecklist[] {
    return this.all()
      .filter((d) => d.summary.status === 'published')
      .map((d) => ({
        id: d.summary.id,
        version: d.summary.version,
        contentHash: d.summary.contentHash,
        ...(d.checklist ? { checklist: d.checklist } : {}),
        findings: d.findings,
        file: d.file,
      }));
  }

  use(id: string): OfferedChecklist & { checklist: Checklist } {
    const offered = this.list().find((c) => c.id === id);
    if (!offered) throw notFound(INSPECTION_MESSAGES.checklistNotFound(id));
    if (!offered.checklist || countBySeverity(offered.findings).errors > 0) {
      throw new ApiError({ code: 'invalid-input', message: INSPECTION_MESSAGES.checklistHasErrors(id) });
    }
    return offered as OfferedChecklist & { checklist: Checklist };
  }
}

const CHECKLIST_KIND: DocumentKind<Checklist, ChecklistFinding, ChecklistDetail> = {
  folder: CHECKLIST_LIBRARY_DIR,
  messages: CHECKLIST_LIBRARY_MESSAGES,
  check: (value) => {
    const { checklist, findings } = checkChecklistDocument(value);
    return { ...(checklist ? { doc: checklist } : {}), findings };
  },
  checkText: (text) => {
    const { checklist, findings } = checkChecklistText(text);
    return { ...(checklist ? { doc: checklist } : {}), findings };
  },
  hash: checklistHashOf,
  loadTemplates: loadBundledChecklists,
  damagedFinding: (version, file, reason) =>
    finding('version-damaged', '', { version, file, zh: reason['zh-CN'], en: reason.en }),
  conflictFinding: (checklist, version, first, second) =>
    finding('version-conflict', 'version', {
      checklist,
      version,
      first: first.slice(0, 19),
      second: second.slice(0, 19),
    }),
  // A template names nothing outside itself: what its own check finds is all there is.
  libraryFindings: () => [],
  detail: checklistDetail,
};

/** The bundled templates, checked; a second file claiming a taken id is skipped (`checklists check` reports it). */
async function loadBundledChecklists(dir: string): Promise<LibraryTemplate<Checklist, ChecklistFinding>[]> {
  const checks = await Promise.all((await listChecklistFiles([dir])).map(checkChecklistFile));
  const templates = new Map<string, LibraryTemplate<Checklist, ChecklistFinding>>();
  for (const check of checks) {
    const id = check.checklist?.id ?? basename(check.file, '.json');
    if (templates.has(id)) continue;
    templates.set(id, {
      id,
      ...(check.checklist ? { doc: check.checklist } : {}),
      findings: check.findings,
      contentHash: check.checklist ? checklistHashOf(check.checklist) : '',
      file: check.file,
    });
  }
  return [...templates.values()];
}

function checklistDetail(entry: LibraryEntry<Checklist, ChecklistFinding>): ChecklistDetail {
  const checklist = entry.doc;
  const items = checklist?.sections.flatMap((s) => s.items) ?? [];
  const title = checklist?.shortTitle ?? checklist?.title;
  const summary: ChecklistSummary = {
    id: entry.id,
    version: entry.version,
    contentHash: entry.contentHash,
    source: entry.source,
    status: entry.status,
    ...(entry.publishedAt ? { publishedAt: entry.publishedAt } : {}),
    ...(entry.draft ? { draft: entry.draft } : {}),
    ...(entry.templateUpdate ? { templateUpdate: entry.templateUpdate } : {}),
    ...(checklist ? { use: checklist.use } : {}),
    title: {
      'zh-CN': title?.['zh-CN'] || title?.en || entry.id,
      en: title?.en || title?.['zh-CN'] || entry.id,
    },
    sections: checklist?.sections.length ?? 0,
    items: items.length,
    critical: items.filter((i) => i.critical).length,
    ...countBySeverity(entry.findings),
  };
  return { summary, file: entry.file, findings: entry.findings, ...(checklist ? { checklist } : {}) };
}
