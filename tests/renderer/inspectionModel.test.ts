// The inspection screens' model (renderer/src/inspections/inspectionModel.ts), on the bundled daily opening/closing
// template scored by the one shared rule: the list's order, each part's progress, where focus goes after an answer
// (on within the part; across parts only when the item needs nothing more), what stands in the way of signing, a
// rectification's defaults (the item's days on the calendar, its evidence), the sign-off as the API takes it, and what
// a typed number or a picked file is.
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../shared/checklist/score';
import { scoreChecklist } from '../../shared/checklist/score';
import type { Checklist } from '../../shared/checklist/schema';
import type { InspectionSummary, InspectionView } from '../../shared/inspections/inspectionView';
import { INSPECTION_LIMITS } from '../../shared/limits';
import {
  DEFAULT_EVIDENCE,
  defaultRectification,
  EMPTY_SIGN_OFF,
  focusAfterAnswer,
  inspectorsOf,
  listGroups,
  megabytes,
  newest,
  parseNumberInput,
  scoreChoices,
  sectionProgress,
  signOffBlockers,
  signOffInput,
  startProblems,
  tooLarge,
} from '../../renderer/src/inspections/inspectionModel';
import { answerFor, bundledChecklist, itemsOf } from '../support/inspectionBranch';

const DAILY = bundledChecklist('daily-opening-closing');
const ITEMS = itemsOf(DAILY);
const item = (id: string) => ITEMS.find((i) => i.id === id)!;
const sectionOf = (id: string) => DAILY.sections.find((s) => s.items.some((i) => i.id === id))!.id;

type Photo = InspectionView['items'][string]['attachments'][number];
const PHOTO: Photo = {
  name: 'p.png',
  mime: 'image/png',
  bytes: 70,
  sha256: 'a'.repeat(64),
  file: `files/${'a'.repeat(64)}.png`,
  at: '2026-03-01T01:00:00.000Z',
};

/** A view as the API returns one, its score from the shared rule: `answers` by item id, `photos` the items with one. */
function viewOf(
  answers: Record<string, Answer>,
  photos: readonly string[] = [],
  body: Checklist = DAILY,
): Pick<InspectionView, 'body' | 'items' | 'score' | 'summary'> {
  const score = scoreChecklist(body, new Map(Object.entries(answers)));
  const items: InspectionView['items'] = {};
  for (const [id, answer] of Object.entries(answers)) items[id] = { answer, notes: [], attachments: [] };
  for (const id of photos) (items[id] ??= { notes: [], attachments: [] }).attachments.push(PHOTO);
  return {
    body,
    items,
    score: { ...score, results: Object.fromEntries(score.results) },
    summary: { id: 'in-20260301-abcdef' } as InspectionSummary,
  };
}

/** Every item answered so it passes, but those in `fail`. */
function allAnswered(fail: readonly string[] = []): Record<string, Answer> {
  return Object.fromEntries(ITEMS.map((i) => [i.id, answerFor(i, fail.includes(i.id))]));
}

const MUST_PHOTOGRAPH = ITEMS.filter((i) => i.photo).map((i) => i.id);

describe('the list', () => {
  const summary = (id: string, status: InspectionSummary['status'], extra: Partial<InspectionSummary> = {}) =>
    ({
      id,
      status,
      title: { 'zh-CN': id, en: id },
      announced: true,
      place: '',
      checklistId: 'x',
      ...extra,
    }) as InspectionSummary;
  it('puts those in progress first, then the planned (soonest first), the sealed (newest first), the cancelled', () => {
    const groups = listGroups([
      summary('sealed-old', 'sealed', {
        sealed: { at: '2026-01-01T00:00:00Z', percent: 90, passed: true, failed: [], criticalFailed: [] },
      }),
      summary('planned-late', 'planned', { plan: { date: '2026-05-01' } as InspectionSummary['plan'] }),
      summary('running', 'in-progress', { begun: { at: '2026-03-01T00:00:00Z', by: null } }),
      summary('cancelled', 'cancelled'),
      summary('planned-soon', 'planned', { plan: { date: '2026-04-01' } as InspectionSummary['plan'] }),
      summary('sealed-new', 'sealed', {
        sealed: { at: '2026-02-01T00:00:00Z', percent: 50, passed: false, failed: [], criticalFailed: [] },
      }),
    ]);
    expect(groups.inProgress.map((s) => s.id)).toEqual(['running']);
    expect(groups.planned.map((s) => s.id)).toEqual(['planned-soon', 'planned-late']);
    expect(groups.sealed.map((s) => s.id)).toEqual(['sealed-new', 'sealed-old']);
    expect(groups.cancelled.map((s) => s.id)).toEqual(['cancelled']);
  });
});

describe('progress', () => {
  it("counts each part's items answered and failed", () => {
    const view = viewOf({
      'open-surroundings': answerFor(item('open-surroundings')),
      'open-locks-intact': answerFor(item('open-locks-intact'), true),
      'close-remarks': { kind: 'text', value: '' },
    });
    const progress = sectionProgress(view.body, view.score.results);
    expect(progress.map((p) => p.id)).toEqual(DAILY.sections.map((s) => s.id));
    expect(progress[0]).toEqual({
      id: 'opening-entry',
      answered: 2,
      total: DAILY.sections[0]!.items.length,
      failed: 1,
    });
    expect(progress.find((p) => p.id === 'closing')).toMatchObject({ answered: 1, failed: 0 });
    expect(progress.reduce((n, p) => n + p.total, 0)).toBe(ITEMS.length);
  });
});

describe('focus after an answer', () => {
  const first = DAILY.sections[0]!;
  const lastOfFirst = first.items.at(-1)!.id;
  const firstOfSecond = DAILY.sections[1]!.items[0]!.id;
  const answeredUpTo = (id: string, fail = false) => {
    const upTo = ITEMS.findIndex((i) => i.id === id);
    return Object.fromEntries(ITEMS.slice(0, upTo + 1).map((i) => [i.id, answerFor(i, fail && i.id === id)]));
  };

  it('goes to the next unanswered item of the same part', () => {
    const view = viewOf({ [first.items[0]!.id]: answerFor(first.items[0]!) });
    expect(focusAfterAnswer(view, first.items[0]!.id)).toEqual({
      kind: 'item',
      itemId: first.items[1]!.id,
      sectionId: first.id,
    });
  });

  it('skips items already answered, and comes back to one left behind earlier in the part', () => {
    const answers = { ...answeredUpTo(lastOfFirst) };
    delete answers[first.items[1]!.id];
    const view = viewOf(answers);
    expect(focusAfterAnswer(view, lastOfFirst)).toEqual({
      kind: 'item',
      itemId: first.items[1]!.id,
      sectionId: first.id,
    });
  });

  it('goes on to the next part once the part is done and the item passed', () => {
    expect(focusAfterAnswer(viewOf(answeredUpTo(lastOfFirst)), lastOfFirst)).toEqual({
      kind: 'item',
      itemId: firstOfSecond,
      sectionId: DAILY.sections[1]!.id,
    });
  });

  it('stays in the part (on its continue button) when the last item failed, so its photo and note stay in view', () => {
    expect(focusAfterAnswer(viewOf(answeredUpTo(lastOfFirst, true)), lastOfFirst)).toEqual({ kind: 'continue' });
  });

  it('stays while a must-photograph item has no photo, and goes on once it has one', () => {
    // The last item answered in the second part is its must-photograph camera check.
    const answers = answeredUpTo(DAILY.sections[1]!.items.at(-1)!.id);
    expect(item('open-cctv-running').photo).toBe(true);
    expect(sectionOf('open-cctv-running')).toBe(DAILY.sections[1]!.id);
    expect(focusAfterAnswer(viewOf(answers), 'open-cctv-running')).toEqual({ kind: 'continue' });
    expect(focusAfterAnswer(viewOf(answers, ['open-cctv-running']), 'open-cctv-running')).toEqual({
      kind: 'item',
      itemId: DAILY.sections[2]!.items[0]!.id,
      sectionId: DAILY.sections[2]!.id,
    });
  });

  it('wraps round to an item left unanswered in an earlier part', () => {
    const answers = allAnswered();
    delete answers['open-surroundings'];
    const last = ITEMS.at(-1)!.id;
    expect(focusAfterAnswer(viewOf(answers, MUST_PHOTOGRAPH), last)).toEqual({
      kind: 'item',
      itemId: 'open-surroundings',
      sectionId: 'opening-entry',
    });
  });

  it('goes to the continue button (on to signing) when nothing is left, and nowhere for an unknown item', () => {
    const view = viewOf(allAnswered(), MUST_PHOTOGRAPH);
    expect(focusAfterAnswer(view, ITEMS.at(-1)!.id)).toEqual({ kind: 'continue' });
    expect(focusAfterAnswer(view, 'no-such-item')).toEqual({ kind: 'none' });
  });
});

describe('what stands in the way of signing', () => {
  it('lists the items not answered and the must-photograph items with no photo, in checklist order', () => {
    const answers = allAnswered();
    delete answers['close-remarks'];
    const blockers = signOffBlockers(viewOf(answers, MUST_PHOTOGRAPH.slice(1)));
    expect(blockers).toEqual({ unanswered: ['close-remarks'], photoMissing: [MUST_PHOTOGRAPH[0]] });
    expect(MUST_PHOTOGRAPH.length).toBeGreaterThan(1);
    expect(signOffBlockers(viewOf(allAnswered(), MUST_PHOTOGRAPH))).toEqual({ unanswered: [], photoMissing: [] });
  });
});

describe('a rectification as first offered', () => {
  it("is due in the item's days (a critical item's 0: today; the default 7) on the calendar, with its evidence", () => {
    expect(defaultRectification(item('open-panic-alarm-test'), '2026-02-26')).toEqual({
      userId: '',
      name: '',
      due: '2026-02-26',
      evidence: item('open-panic-alarm-test').evidence!['zh-CN'],
    });
    expect(defaultRectification(item('open-locks-intact'), '2026-02-26').due).toBe('2026-03-01');
    expect(defaultRectification(item('open-video-days'), '2028-02-20').due).toBe('2028-03-05'); // 14 days, a leap year
    const plain = item('day-leave-lock');
    expect(plain.rectifyDays).toBeUndefined();
    expect(plain.evidence).toBeUndefined();
    expect(defaultRectification(plain, '2026-12-28')).toMatchObject({ due: '2027-01-04', evidence: DEFAULT_EVIDENCE });
  });
});

describe('the sign-off as the API takes it', () => {
  const failed = ['open-locks-intact', 'close-cash-locked'];
  const view = viewOf(allAnswered(failed), [...MUST_PHOTOGRAPH, ...failed]);

  it('says what is missing: the representative, each failed item’s owner, and the PIN', () => {
    expect(signOffInput(view, EMPTY_SIGN_OFF, '2026-03-01').problems).toEqual([
      'representative',
      'owner:open-locks-intact',
      'owner:close-cash-locked',
      'pin',
    ]);
    const cleared = {
      ...EMPTY_SIGN_OFF,
      representative: '王行长',
      pin: '975318',
      rectifications: {
        'open-locks-intact': { userId: '', name: '李娜', due: '', evidence: ' ' },
        'close-cash-locked': { userId: '', name: '李娜', due: '2026-03-01', evidence: 'x' },
      },
    };
    expect(signOffInput(view, cleared, '2026-03-01').problems).toEqual([
      'due:open-locks-intact',
      'evidence:open-locks-intact',
    ]);
  });

  it('gives one rectification per failed item, in checklist order, defaults where nothing was typed', () => {
    const draft = {
      summary: '  总体良好 ',
      representative: ' 王行长 ',
      pin: '975318',
      rectifications: {
        'close-cash-locked': { userId: 'u-li', name: ' 李娜 ', due: '2026-03-02', evidence: '入库登记簿照片' },
        'open-locks-intact': { ...defaultRectification(item('open-locks-intact'), '2026-03-01'), name: '外包维修' },
      },
    };
    const { input, problems } = signOffInput(view, draft, '2026-03-01');
    expect(problems).toEqual([]);
    expect(input).toEqual({
      inspectionId: 'in-20260301-abcdef',
      summary: '总体良好',
      branchRepresentative: '王行长',
      pin: '975318',
      rectifications: [
        {
          itemId: 'open-locks-intact',
          owner: { name: '外包维修' },
          due: '2026-03-04',
          evidence: item('open-locks-intact').evidence!['zh-CN'],
        },
        {
          itemId: 'close-cash-locked',
          owner: { userId: 'u-li', name: '李娜' },
          due: '2026-03-02',
          evidence: '入库登记簿照片',
        },
      ],
    });
  });

  it('needs no rectification when nothing failed', () => {
    const passed = viewOf(allAnswered(), MUST_PHOTOGRAPH);
    const { input } = signOffInput(passed, { ...EMPTY_SIGN_OFF, representative: '王行长', pin: '1' }, '2026-03-01');
    expect(input?.rectifications).toEqual([]);
  });
});

describe('what is typed or picked', () => {
  it('reads numbers as typed on a Chinese keyboard, and refuses what is not one', () => {
    expect(parseNumberInput('90')).toBe(90);
    expect(parseNumberInput(' 12.5 ')).toBe(12.5);
    expect(parseNumberInput('９０')).toBe(90);
    expect(parseNumberInput('１２．５')).toBe(12.5);
    expect(parseNumberInput('-3')).toBe(-3);
    expect(parseNumberInput('.5')).toBe(0.5);
    for (const bad of ['', '  ', 'abc', '1,000', '90天', '1e3', '--1', '.'])
      expect(parseNumberInput(bad)).toBeUndefined();
  });

  it('refuses a file over the limit, and says sizes in megabytes', () => {
    expect(tooLarge({ size: INSPECTION_LIMITS.attachmentBytes })).toBe(false);
    expect(tooLarge({ size: INSPECTION_LIMITS.attachmentBytes + 1 })).toBe(true);
    expect(megabytes(INSPECTION_LIMITS.attachmentBytes)).toBe('8 MB');
    expect(megabytes(INSPECTION_LIMITS.attachmentBytes + 1)).toBe('8.1 MB');
    expect(megabytes(9 * 1024 * 1024 + 400 * 1024)).toBe('9.4 MB');
    expect(megabytes(512 * 1024)).toBe('0.5 MB');
  });

  it("offers a score item's values 0 … max with its pass mark", () => {
    expect(scoreChoices({ id: 's', kind: 'score', text: {}, max: 5 })).toEqual({
      values: [0, 1, 2, 3, 4, 5],
      passAt: 3,
    });
    expect(scoreChoices({ id: 's', kind: 'score', text: {}, max: 10, passAt: 8 }).passAt).toBe(8);
  });

  it('needs a template and an inspector to start, and a date to plan; inspectors trimmed, once each', () => {
    const draft = { checklistId: '', announced: true, place: '', inspectors: [' ', ''], date: '' };
    expect(startProblems(draft, false)).toEqual(['checklist', 'inspectors']);
    expect(startProblems(draft, true)).toEqual(['checklist', 'inspectors', 'date']);
    const ready = {
      ...draft,
      checklistId: 'daily-opening-closing',
      inspectors: [' 陈培训 ', '', '李娜', '陈培训'],
      date: '2026-03-02',
    };
    expect(startProblems(ready, true)).toEqual([]);
    expect(inspectorsOf(ready)).toEqual(['陈培训', '李娜']);
  });
});

describe('the newest view', () => {
  it('is the one with more of the journal, the loaded one when equal', () => {
    const a = { events: 3, id: 'a' };
    const b = { events: 4, id: 'b' };
    expect(newest(a, b)).toBe(b);
    expect(newest(b, a)).toBe(b);
    expect(newest(a, { events: 3, id: 'c' })).toBe(a);
    expect(newest(undefined, a)).toBe(a);
    expect(newest(a, undefined)).toBe(a);
  });
});
