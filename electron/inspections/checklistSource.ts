// Where inspections get their checklist templates: each template's version offered now, checked, with its content
// hash. The bundled templates (plans/checklists/) are the source until the branch publishes its own versions.
import { basename } from 'node:path';
import { ApiError, notFound } from '../../shared/api/errors';
import { countBySeverity, type ChecklistFinding } from '../../shared/checklist/findings';
import type { Checklist } from '../../shared/checklist/schema';
import { INSPECTION_MESSAGES as m } from '../../shared/messages/inspections';
import { checkChecklistFile, checklistHashOf, listChecklistFiles } from '../checklists/checklistFiles';

export interface OfferedChecklist {
  id: string;
  version: number;
  contentHash: string;
  checklist?: Checklist;
  findings: ChecklistFinding[];
  file: string;
}

export interface ChecklistSource {
  /** Every template, offered or not (one with errors is listed with its findings, never used). */
  list(): OfferedChecklist[];
  /** The template to inspect with now: refused when it has errors. */
  use(id: string): OfferedChecklist & { checklist: Checklist };
}

export class BundledChecklists implements ChecklistSource {
  private constructor(private readonly entries: Map<string, OfferedChecklist>) {}

  static async load(dir: string): Promise<BundledChecklists> {
    const checks = await Promise.all((await listChecklistFiles([dir])).map(checkChecklistFile));
    const entries = new Map<string, OfferedChecklist>();
    for (const check of checks) {
      const id = check.checklist?.id ?? basename(check.file, '.json');
      if (entries.has(id)) continue; // two files claiming one id: the first by name is used
      entries.set(id, {
        id,
        version: check.checklist?.version ?? 0,
        contentHash: check.checklist ? checklistHashOf(check.checklist) : '',
        ...(check.checklist ? { checklist: check.checklist } : {}),
        findings: check.findings,
        file: check.file,
      });
    }
    return new BundledChecklists(entries);
  }

  list(): OfferedChecklist[] {
    return [...this.entries.values()];
  }

  use(id: string): OfferedChecklist & { checklist: Checklist } {
    const entry = this.entries.get(id);
    if (!entry) throw notFound(m.checklistNotFound(id));
    if (!entry.checklist || countBySeverity(entry.findings).errors > 0) {
      throw new ApiError({ code: 'invalid-input', message: m.checklistHasErrors(id) });
    }
    return entry as OfferedChecklist & { checklist: Checklist };
  }
}
