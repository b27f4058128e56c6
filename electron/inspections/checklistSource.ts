// What inspections need of checklist templates: each template's version offered now, checked, with its content hash.
// The branch's checklist library (electron/checklists/checklistLibrary.ts) is the source in the app.
import type { ChecklistFinding } from '../../shared/checklist/findings';
import type { Checklist } from '../../shared/checklist/schema';

export interface OfferedChecklist {
  id: string;
  version: number;
  contentHash: string;
  checklist?: Checklist;
  findings: ChecklistFinding[];
  file: string;
}

export interface ChecklistSource {
  /** Every template offered now (one with errors is listed with its findings, never used). */
  list(): OfferedChecklist[];
  /** The template to inspect with now: refused when it has errors. */
  use(id: string): OfferedChecklist & { checklist: Checklist };
}
