// The inspection report's data (renderer/src/inspectionReport/reportModel.ts) from a view as the backend makes it (a
// bundled template, answers scored by the one rule): findings in checklist order with section, answer, notes and
// photos; the photos the report waits for; the verdict as signed; rectifications with their action's state only when
// the tracker was readable; answers and requirements as printed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ActionView } from '../../shared/actions/actionView';
import { scoreChecklist, type Answer } from '../../shared/checklist/score';
import { ChecklistSchema, type Checklist, type ChecklistItem } from '../../shared/checklist/schema';
import type { InspectionView } from '../../shared/inspections/inspectionView';
import { answerText, photoKey, reportModel, requirementText } from '../../renderer/src/inspectionReport/reportModel';

const ROOT = join(__dirname, '..', '..');
const template = (id: string): Checklist =>
  ChecklistSchema.parse(JSON.parse(readFileSync(join(ROOT, 'plans', 'checklists', `${id}.json`), 'utf8')));

const GUARD_POST = template('guard-post');
const items = GUARD_POST.sections.flatMap((s) => s.items);
const itemOf = (id: string) => items.find((i) => i.id === id)!;

const PNG = { mime: 'image/png' as const, bytes: 70 };
const attachment = (n: number, mime: 'image/png' | 'application/pdf' = 'image/png') => ({
  ...PNG,
  mime,
  name: `photo-${n}.${mime === 'image/png' ? 'png' : 'pdf'}`,
  sha256: String(n).repeat(64).slice(0, 64),
  file: `files/${String(n).repeat(64).slice(0, 64)}.${mime === 'image/png' ? 'png' : 'pdf'}`,
  at: '2026-03-12T01:40:00.000Z',
});

function passing(item: ChecklistItem): Answer {
  switch (item.kind) {
    case 'yes-no':
      return { kind: 'yes-no', value: 'yes' };
    case 'score':
      return { kind: 'score', value: item.max };
    case 'number':
      return { kind: 'number', value: item.min ?? 0 };
    case 'text':
      return { kind: 'text', value: '正常' };
  }
}

/** A view as inspections.get returns it: answers scored with scoreChecklist, optionally signed. */
function viewOf(
  answers: Map<string, Answer>,
  extra: {
    records?: InspectionView['items'];
    signed?: { rectifications: { itemId: string; actionId: string }[] };
  } = {},
): InspectionView {
  const score = scoreChecklist(GUARD_POST, answers);
  const records: InspectionView['items'] = {};
  for (const [id, answer] of answers) records[id] = { answer, notes: [], attachments: [] };
  Object.assign(records, extra.records ?? {});
  return {
    summary: {
      id: 'insp-1',
      status: extra.signed ? 'sealed' : 'in-progress',
      title: { 'zh-CN': '保安在岗检查', en: 'Guard post check' },
      inspectors: ['陈培训'],
      announced: false,
      place: '营业厅',
      checklistId: 'guard-post',
      checklist: { id: 'guard-post', version: 1, contentHash: 'sha256:abc' },
      begun: { at: '2026-03-12T01:30:00.000Z', by: { userId: 'u-t', name: '陈培训' } },
    },
    branch: '城南支行',
    inspectors: ['陈培训', '李娜'],
    body: GUARD_POST,
    items: records,
    score: { ...score, results: Object.fromEntries(score.results) },
    ...(extra.signed
      ? {
          signedOff: {
            at: '2026-03-12T02:00:00.000Z',
            percent: score.percent,
            passed: score.passed === true,
            failed: score.failed,
            criticalFailed: score.criticalFailed,
            summary: '总体良好',
            inspector: { userId: 'u-t', name: '陈培训' },
            branchRepresentative: '王行长',
            rectifications: extra.signed.rectifications.map((r) => ({
              ...r,
              owner: { name: '王伟' },
              due: '2026-03-19',
              evidence: '整改后照片',
            })),
          },
        }
      : {}),
    integrity: { integrity: extra.signed ? 'verified' : 'not-sealed' },
    head: 'f'.repeat(64),
    events: 30,
  };
}

function action(id: string, patch: Partial<ActionView> = {}): ActionView {
  return {
    id,
    spec: {
      title: 'x',
      source: { kind: 'inspection', inspectionId: 'insp-1', title: 't', itemId: 'post-shift-log', critical: false },
      owner: { name: '王伟' },
      due: '2026-03-19',
      evidence: '整改后照片',
    },
    status: 'open',
    opened: { at: '2026-03-12T02:00:00.000Z', by: { userId: 'u-t', name: '陈培训' } },
    history: [],
    ...patch,
  };
}

const allPassing = () => new Map(items.map((item) => [item.id, passing(item)]));

describe('the inspection report model', () => {
  it('lists the failed items in checklist order with section, answer, notes and photos, and waits for image photos only', () => {
    const answers = allPassing();
    answers.set('post-at-position', { kind: 'yes-no', value: 'no' }); // critical
    answers.set('post-shift-log', { kind: 'yes-no', value: 'no' });
    answers.set('watch-robbery-steps', { kind: 'score', value: 1 });
    const view = viewOf(answers, {
      records: {
        'post-shift-log': {
          answer: { kind: 'yes-no', value: 'no' },
          notes: [
            { at: '2026-03-12T01:35:00.000Z', note: '交接班记录缺三天', by: null },
            { at: '2026-03-12T01:36:00.000Z', note: '', by: null },
          ],
          attachments: [attachment(1), attachment(2, 'application/pdf'), attachment(3)],
        },
        'post-attentive': { answer: { kind: 'yes-no', value: 'yes' }, notes: [], attachments: [attachment(4)] },
      },
    });
    const model = reportModel(view);
    expect(model.failed.map((row) => row.item.id)).toEqual([
      'post-at-position',
      'post-shift-log',
      'watch-robbery-steps',
    ]);
    expect(model.criticalFailed.map((row) => row.item.id)).toEqual(['post-at-position']);
    const shiftLog = model.failed[1]!;
    expect(shiftLog.section.title['zh-CN']).toBe('在岗');
    expect(shiftLog.n).toBe(3);
    expect(shiftLog.notes).toEqual(['交接班记录缺三天']);
    // The PDF attachment is named, not awaited as an image; a passed item's photo is not on the findings.
    expect(model.photoKeys).toEqual([photoKey('post-shift-log', 0), photoKey('post-shift-log', 2)]);
    expect(model.items).toHaveLength(items.length);
    expect(model.items.find((row) => row.item.id === 'post-attentive')!.attachments).toHaveLength(1);
    // The verdict is the backend's: every item answered and a critical one failed.
    expect(model.passed).toBe(false);
    expect(model.percent).toBe(view.score.percent);
    expect(model.sections.map((s) => s.id)).toEqual(GUARD_POST.sections.map((s) => s.id));
    expect(model.sections.find((s) => s.id === 'equipment')!.weight).toBe(GUARD_POST.sections[2]!.weight ?? 1);
  });

  it('has no verdict while items are unanswered, and no rectifications before sign-off', () => {
    const answers = allPassing();
    answers.delete('quiz-notes');
    answers.delete('dress-tidy');
    const model = reportModel(viewOf(answers));
    expect(model.passed).toBeNull();
    expect(model.items.find((row) => row.item.id === 'dress-tidy')!.result).toBe('unanswered');
    expect(model.failed).toEqual([]);
    expect(model.rectifications).toEqual([]);
  });

  it("states each rectification as signed, with its action's state only where the tracker was read", () => {
    const answers = allPassing();
    answers.set('post-shift-log', { kind: 'yes-no', value: 'no' });
    answers.set('dress-tidy', { kind: 'yes-no', value: 'no' });
    const signed = {
      rectifications: [
        { itemId: 'post-shift-log', actionId: 'act-1' },
        { itemId: 'dress-tidy', actionId: 'act-2' },
      ],
    };
    const view = viewOf(answers, { signed });
    const asSigned = reportModel(view);
    expect(asSigned.passed).toBe(view.signedOff!.passed);
    expect(asSigned.rectifications.map((r) => [r.itemId, r.owner, r.due, r.evidence, r.action])).toEqual([
      ['post-shift-log', '王伟', '2026-03-19', '整改后照片', undefined],
      ['dress-tidy', '王伟', '2026-03-19', '整改后照片', undefined],
    ]);
    const closed = {
      at: '2026-03-15T03:00:00.000Z',
      by: { userId: 'u-m', name: '李娜' },
      status: 'done' as const,
      note: '',
    };
    const tracked = reportModel(view, [
      action('act-1', { status: 'done', closed }),
      action('act-2', { status: 'open', overdue: true, daysLeft: -2 }),
      action('act-9', { status: 'fixed' }),
    ]);
    expect(tracked.rectifications.map((r) => [r.actionId, r.action?.status, r.action?.overdue])).toEqual([
      ['act-1', 'done', undefined],
      ['act-2', 'open', true],
    ]);
    expect(tracked.rectifications[0]!.action!.closed!.at).toBe(closed.at);
    expect(tracked.rectifications[0]!.item!.item.id).toBe('post-shift-log');
  });
});

describe('answers and requirements as printed', () => {
  it('words each kind of answer in both languages', () => {
    const yesNo = itemOf('post-shift-log');
    const score = itemOf('watch-robbery-steps');
    const notes = itemOf('quiz-notes');
    expect(answerText(yesNo, { kind: 'yes-no', value: 'no' }, 'zh-CN')).toBe('否');
    expect(answerText(yesNo, { kind: 'yes-no', value: 'na' }, 'en')).toBe('N/A');
    expect(answerText(yesNo, undefined, 'zh-CN')).toBe('未检查');
    expect(answerText(score, { kind: 'score', value: 2 }, 'en')).toBe(`2 / ${(score as { max: number }).max}`);
    expect(answerText(notes, { kind: 'text', value: '  ' }, 'zh-CN')).toBe('—');
    const minutes = template('daily-opening-closing')
      .sections.flatMap((s) => s.items)
      .find((i) => i.kind === 'number')!;
    const unit = (minutes as { unit?: { 'zh-CN'?: string } }).unit?.['zh-CN'];
    expect(answerText(minutes, { kind: 'number', value: 30 }, 'zh-CN')).toBe(unit ? `30 ${unit}` : '30');
    expect(answerText(minutes, { kind: 'number', value: null }, 'zh-CN')).toBe('不适用');
  });

  it('says what a score or a number item needed, by the same pass mark the score used', () => {
    const score: ChecklistItem = { id: 'drill-talk', kind: 'score', max: 5, text: { 'zh-CN': '口述' } };
    expect(requirementText(score, 'zh-CN')).toBe('满分 5，3 分及以上为符合');
    expect(requirementText({ ...score, passAt: 5 }, 'en')).toBe('out of 5; 5 or more passes');
    const seconds: ChecklistItem = {
      id: 'callback',
      kind: 'number',
      max: 30,
      unit: { 'zh-CN': '秒', en: 's' },
      text: { 'zh-CN': '回拨' },
    };
    expect(requirementText(seconds, 'zh-CN')).toBe('不高于 30 秒');
    expect(requirementText({ ...seconds, min: 5 }, 'en')).toBe('between 5 s and 30 s');
    const { max: _max, ...noMax } = seconds;
    expect(requirementText({ ...noMax, min: 7 } as ChecklistItem, 'en')).toBe('at least 7 s');
    expect(requirementText(itemOf('post-shift-log'), 'zh-CN')).toBeUndefined();
  });
});
