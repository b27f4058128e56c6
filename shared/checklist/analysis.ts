// Static analysis of a parsed checklist template: what the schema cannot say. Linear time, never throws; a template
// with any error is never offered for an inspection.
//
// The rules, with the code of each finding and the path it names:
// - ids: sections and items share one id space (records and rectifications name them by id alone); a repeated id
//   is an error at its later `.id` (duplicate-id).
// - content: a template with no sections or no items is an error (no-items, at `sections`); a section with no items
//   a warning (empty-section, at its `.items`).
// - translations of title, shortTitle, summary, basis, section titles, item text, guidance, evidence and unit:
//   zh-CN missing is an error (guards read it), en missing a warning (missing-translation, at `….zh-CN` / `….en`).
// - items: a score item whose passAt is above its max can never pass (pass-above-max, error, at `.passAt`); a number
//   item whose min is above its max lets no value pass (limits-reversed, error, at `.min`); a number item with
//   neither min nor max, or a score item with passAt 0, can never fail (cannot-fail, warning). A text item is only
//   recorded and never fails: critical on it is an error (critical-text-item), rectifyDays or evidence on it a
//   warning, as nothing is ever rectified (rectify-on-text-item). photo is fine on any item.
// - scores: a section of weight > 0 in which nothing scores (text items only, or every item's weight 0) never
//   counts (section-scores-nothing, warning, at its `.weight`); passScore set while no section of weight > 0 holds
//   an item that scores means the total can never be computed and the pass mark means nothing
//   (scores-cannot-add-up, error, at `passScore`).
// An item scores, as ./score counts it, when it is not a text item and its weight (default 1) is above 0.
import { LANGUAGES } from '../plan/vocabulary';
import type { Localized } from '../plan/schema';
import { finding, type ChecklistFinding } from './findings';
import type { Checklist, ChecklistItem, ChecklistSection } from './schema';

type Subject = { itemId?: string; sectionId?: string };

export function analyseChecklist(checklist: Checklist): ChecklistFinding[] {
  try {
    return new ChecklistAnalysis(checklist).run();
  } catch (error) {
    // A bug here must not hide the template from review or crash a window: report it as a finding.
    return [
      finding('schema', '', {
        zh: `分析器内部错误：${String(error)}`,
        en: `internal analyser error: ${String(error)}`,
      }),
    ];
  }
}

/** Whether an item can add points to its section (as ./score counts them). */
export function itemScores(item: ChecklistItem): boolean {
  return item.kind !== 'text' && (item.weight ?? 1) > 0;
}

/** Whether a section counts towards the total: a weight above 0 and at least one item that scores. */
export function sectionCounts(section: ChecklistSection): boolean {
  return (section.weight ?? 1) > 0 && section.items.some(itemScores);
}

class ChecklistAnalysis {
  private readonly findings: ChecklistFinding[] = [];
  /** Each id and where it was first used (the section's or item's path). */
  private readonly firstUse = new Map<string, string>();

  constructor(private readonly checklist: Checklist) {}

  run(): ChecklistFinding[] {
    const { checklist } = this;
    this.text(checklist.title, 'title', {});
    this.text(checklist.shortTitle, 'shortTitle', {});
    this.text(checklist.summary, 'summary', {});
    this.text(checklist.basis, 'basis', {});
    const hasItems = checklist.sections.some((s) => s.items.length > 0);
    if (!hasItems) this.findings.push(finding('no-items', 'sections'));
    checklist.sections.forEach((section, s) => this.section(section, `sections[${s}]`));
    // With no items at all, no-items already says it: the pass mark is not reported again.
    if (checklist.passScore !== undefined && hasItems && !checklist.sections.some(sectionCounts)) {
      this.findings.push(finding('scores-cannot-add-up', 'passScore', { passScore: checklist.passScore }));
    }
    return this.findings;
  }

  private section(section: ChecklistSection, path: string): void {
    const subject = { sectionId: section.id };
    this.id(section.id, path, subject);
    this.text(section.title, `${path}.title`, subject);
    section.items.forEach((item, i) => this.item(item, `${path}.items[${i}]`, section.id));
    const weight = section.weight ?? 1;
    if (section.items.length === 0) this.findings.push(finding('empty-section', `${path}.items`, {}, subject));
    else if (weight > 0 && !section.items.some(itemScores)) {
      this.findings.push(finding('section-scores-nothing', `${path}.weight`, { weight }, subject));
    }
  }

  private item(item: ChecklistItem, path: string, sectionId: string): void {
    const subject = { itemId: item.id, sectionId };
    this.id(item.id, path, subject);
    this.text(item.text, `${path}.text`, subject);
    this.text(item.guidance, `${path}.guidance`, subject);
    this.text(item.evidence, `${path}.evidence`, subject);
    const problem = (code: Parameters<typeof finding>[0], at: string, params = {}) =>
      this.findings.push(finding(code, `${path}${at}`, params, subject));
    switch (item.kind) {
      case 'score':
        if (item.passAt !== undefined && item.passAt > item.max) {
          problem('pass-above-max', '.passAt', { passAt: item.passAt, max: item.max });
        } else if (item.passAt === 0) problem('cannot-fail', '.passAt', { why: 'pass-at-zero' });
        break;
      case 'number':
        this.text(item.unit, `${path}.unit`, subject);
        if (item.min !== undefined && item.max !== undefined && item.min > item.max) {
          problem('limits-reversed', '.min', { min: item.min, max: item.max });
        } else if (item.min === undefined && item.max === undefined) problem('cannot-fail', '', { why: 'no-limits' });
        break;
      case 'text':
        if (item.critical === true) problem('critical-text-item', '.critical');
        if (item.rectifyDays !== undefined) problem('rectify-on-text-item', '.rectifyDays', { field: 'rectifyDays' });
        if (item.evidence !== undefined) problem('rectify-on-text-item', '.evidence', { field: 'evidence' });
        break;
      case 'yes-no':
        break;
    }
  }

  /** Sections and items share one id space: the later use of an id is the finding. */
  private id(id: string, path: string, subject: Subject): void {
    const first = this.firstUse.get(id);
    if (first === undefined) this.firstUse.set(id, path);
    else this.findings.push(finding('duplicate-id', `${path}.id`, { id, first }, subject));
  }

  /** zh-CN is the primary language: a missing Chinese text is an error, a missing English one a warning. */
  private text(text: Localized | undefined, path: string, subject: Subject): void {
    if (text === undefined) return;
    for (const lang of LANGUAGES) {
      if ((text[lang] ?? '').trim() === '') {
        const severity = lang === 'zh-CN' ? 'error' : 'warning';
        this.findings.push(finding('missing-translation', `${path}.${lang}`, { lang }, { ...subject, severity }));
      }
    }
  }
}
