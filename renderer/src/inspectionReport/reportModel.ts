// What the printed inspection report lists, from the inspection as the API returns it: every item with its section,
// answer, result, notes and photos; the failed ones; the sections' scores; each rectification with its action's
// current state where the viewer may read the tracker. Results and scores are the backend's (shared/checklist/score.ts
// computed them): nothing here judges an answer again.
import type { ActionView } from '../../../shared/actions/actionView';
import type { Answer, ItemResult } from '../../../shared/checklist/score';
import { passAtOf } from '../../../shared/checklist/score';
import type { ChecklistItem } from '../../../shared/checklist/schema';
import type { InspectionView } from '../../../shared/inspections/inspectionView';
import { pick } from '../../../shared/plan/labels';
import type { Language, Localized } from '../../../shared/plan/schema';
import { text, type Text } from '../../../shared/text';

type Attachment = InspectionView['items'][string]['attachments'][number];

export interface ReportItem {
  item: ChecklistItem;
  /** Its number in the checklist, from 1 (as the inspector's form numbers it). */
  n: number;
  section: { id: string; title: Localized };
  result: ItemResult;
  answer?: Answer;
  notes: string[];
  attachments: Attachment[];
}

export interface ReportSectionScore {
  id: string;
  title: Localized;
  points: number;
  possible: number;
  percent: number | null;
  weight: number;
}

export interface ReportRectification {
  actionId: string;
  itemId: string;
  item?: ReportItem;
  owner: string;
  due: string;
  evidence: string;
  /** The action as the tracker has it now; absent when the viewer may not read the tracker (or it is gone). */
  action?: Pick<ActionView, 'status' | 'overdue' | 'daysLeft' | 'closed' | 'fixed'>;
}

export interface InspectionReportModel {
  items: ReportItem[];
  failed: ReportItem[];
  criticalFailed: ReportItem[];
  sections: ReportSectionScore[];
  /** The verdict the sign-off stated (or, before it, the live one: null while items are unanswered). */
  passed: boolean | null;
  percent: number | null;
  passScore: number;
  rectifications: ReportRectification[];
  /** Photos the failed items show (the report waits for each before it says it is ready to print). */
  photoKeys: string[];
}

/** The key a printed photo is awaited by: one per attachment of an item. */
export const photoKey = (itemId: string, index: number): string => `${itemId}/${index}`;

export const isImage = (attachment: Pick<Attachment, 'mime'>): boolean => attachment.mime.startsWith('image/');

/**
 * The report's data. `actions`: the tracker's actions when the viewer may read them (a trainer), else undefined and
 * each rectification is as the sign-off decided it.
 */
export function reportModel(view: InspectionView, actions?: readonly ActionView[]): InspectionReportModel {
  let n = 0;
  const items: ReportItem[] = view.body.sections.flatMap((section) =>
    section.items.map((item): ReportItem => {
      const record = view.items[item.id];
      return {
        item,
        n: ++n,
        section: { id: section.id, title: section.title },
        result: view.score.results[item.id] ?? 'unanswered',
        ...(record?.answer ? { answer: record.answer as Answer } : {}),
        notes: record?.notes.map((note) => note.note).filter((note) => note !== '') ?? [],
        attachments: record?.attachments ?? [],
      };
    }),
  );
  const byId = new Map(items.map((row) => [row.item.id, row]));
  const failed = items.filter((row) => row.result === 'fail');
  const critical = new Set(view.signedOff?.criticalFailed ?? view.score.criticalFailed);
  const weights = new Map(view.body.sections.map((s) => [s.id, s.weight ?? 1]));
  const titles = new Map(view.body.sections.map((s) => [s.id, s.title]));
  const tracked = new Map((actions ?? []).map((a) => [a.id, a]));
  return {
    items,
    failed,
    criticalFailed: failed.filter((row) => critical.has(row.item.id)),
    sections: view.score.sections.map((s) => ({
      ...s,
      title: titles.get(s.id) ?? {},
      weight: weights.get(s.id) ?? 1,
    })),
    passed: view.signedOff ? view.signedOff.passed : view.score.passed,
    percent: view.signedOff ? view.signedOff.percent : view.score.percent,
    passScore: view.score.passScore,
    rectifications: (view.signedOff?.rectifications ?? []).map((r) => {
      const item = byId.get(r.itemId);
      const action = tracked.get(r.actionId);
      return {
        actionId: r.actionId,
        itemId: r.itemId,
        ...(item ? { item } : {}),
        owner: r.owner.name,
        due: r.due,
        evidence: r.evidence,
        ...(action ? { action } : {}),
      };
    }),
    photoKeys: failed.flatMap((row) =>
      row.attachments.flatMap((a, i) => (isImage(a) ? [photoKey(row.item.id, i)] : [])),
    ),
  };
}

const YES_NO: Record<'yes' | 'no' | 'na', Text> = {
  yes: text('是', 'Yes'),
  no: text('否', 'No'),
  na: text('不适用', 'N/A'),
};
const NOT_ANSWERED = text('未检查', 'Not checked');

/** An answer as the report prints it: 否; 2 / 5; 45 天; the text typed. */
export function answerText(item: ChecklistItem, answer: Answer | undefined, lang: Language): string {
  if (!answer) return NOT_ANSWERED[lang];
  switch (answer.kind) {
    case 'yes-no':
      return YES_NO[answer.value][lang];
    case 'score':
      return `${answer.value} / ${item.kind === 'score' ? item.max : '?'}`;
    case 'number': {
      if (answer.value === null) return YES_NO.na[lang];
      const unit = item.kind === 'number' ? pick(item.unit, lang) : '';
      return unit ? `${answer.value} ${unit}` : String(answer.value);
    }
    case 'text':
      return answer.value.trim() || '—';
  }
}

/** What a score or number item requires, for a failed row: 满分 5，3 分及以上为符合 / 不高于 30 秒. */
export function requirementText(item: ChecklistItem, lang: Language): string | undefined {
  if (item.kind === 'score') {
    const passAt = passAtOf(item);
    return lang === 'en'
      ? `out of ${item.max}; ${passAt} or more passes`
      : `满分 ${item.max}，${passAt} 分及以上为符合`;
  }
  if (item.kind !== 'number' || (item.min === undefined && item.max === undefined)) return undefined;
  const unit = pick(item.unit, lang);
  const value = (n: number) => (unit ? `${n} ${unit}` : String(n));
  if (item.min !== undefined && item.max !== undefined)
    return lang === 'en'
      ? `between ${value(item.min)} and ${value(item.max)}`
      : `${value(item.min)}至${value(item.max)}`;
  if (item.min !== undefined) return lang === 'en' ? `at least ${value(item.min)}` : `不低于 ${value(item.min)}`;
  return lang === 'en' ? `at most ${value(item.max!)}` : `不高于 ${value(item.max!)}`;
}
