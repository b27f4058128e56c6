// diffChecklists and its readable lines: the bundled daily template with one edit of each kind (template fields,
// sections added, removed, moved, retitled, reweighted; items added, removed, moved within and between sections, each
// item field changed), then properties over random edits: a template against its copy is empty, an edit is found
// where it was made and nowhere else.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkChecklistText } from '../../shared/checklist/checkChecklistText';
import {
  describeChecklistCounts,
  describeChecklistDiff,
  describeChecklistDiffEntries,
} from '../../shared/checklist/describeDiff';
import {
  countChecklistChanges,
  diffChecklists,
  isEmptyChecklistDiff,
  type ChecklistDiff,
} from '../../shared/checklist/diff';
import type { Checklist, ChecklistItem } from '../../shared/checklist/schema';

const CHECKLISTS = fileURLToPath(new URL('../../plans/checklists/', import.meta.url));

function readChecklist(file: string): Checklist {
  const checked = checkChecklistText(readFileSync(CHECKLISTS + file, 'utf8'));
  if (!checked.checklist) throw new Error(`${file} does not check`);
  return checked.checklist;
}

const daily = (): Checklist => readChecklist('daily-opening-closing.json');

/** The daily template with one edit applied to a copy. */
function edited(recipe: (checklist: Checklist) => void): Checklist {
  const checklist = structuredClone(daily());
  recipe(checklist);
  return checklist;
}

function itemOf<K extends ChecklistItem['kind']>(
  checklist: Checklist,
  id: string,
): Extract<ChecklistItem, { kind: K }> {
  for (const section of checklist.sections) {
    const item = section.items.find((i) => i.id === id);
    if (item) return item as Extract<ChecklistItem, { kind: K }>;
  }
  throw new Error(`no item ${id}`);
}

const sectionOf = (checklist: Checklist, id: string) => checklist.sections.find((s) => s.id === id)!;
const headlines = (diff: ChecklistDiff) => [
  ...diff.sections.map((s) => [s.kind, s.sectionId]),
  ...diff.items.map((i) => [i.kind, i.itemId]),
];

describe('diffChecklists', () => {
  it('finds nothing between a template and its copy, for every bundled template', () => {
    const files = readdirSync(CHECKLISTS).filter((f) => f.endsWith('.json') && f !== 'checklist.schema.json');
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) {
      const checklist = readChecklist(file);
      const diff = diffChecklists(checklist, structuredClone(checklist));
      expect(diff, file).toEqual({ fields: [], sections: [], items: [] });
      expect(isEmptyChecklistDiff(diff)).toBe(true);
      expect(describeChecklistDiff(diff, 'zh-CN')).toEqual([]);
      expect(describeChecklistCounts(diff, 'zh-CN')).toBe('两个版本没有差异');
      expect(describeChecklistCounts(diff, 'en')).toBe('no differences');
    }
  });

  it('ignores the editor hint $schema and the order keys were written in', () => {
    const after = edited((c) => {
      c.$schema = 'elsewhere/checklist.schema.json';
      const section = c.sections[0]!;
      section.items[0] = Object.fromEntries(Object.entries(section.items[0]!).reverse()) as ChecklistItem;
      c.sections[0] = Object.fromEntries(Object.entries(section).reverse()) as typeof section;
    });
    expect(isEmptyChecklistDiff(diffChecklists(daily(), after))).toBe(true);
  });

  it('reports template fields: the version, pass score, use and a summary edit with its segments', () => {
    const after = edited((c) => {
      c.version = 2;
      c.passScore = 85;
      c.use = 'inspection';
      c.title.en = 'Daily opening and closing check';
      delete c.basis;
    });
    const diff = diffChecklists(daily(), after);
    expect(diff.sections).toEqual([]);
    expect(diff.items).toEqual([]);
    expect(diff.fields.map((f) => [f.path, f.kind])).toEqual([
      ['version', 'changed'],
      ['use', 'changed'],
      ['title.en', 'changed'],
      ['basis.zh-CN', 'removed'],
      ['basis.en', 'removed'],
      ['passScore', 'changed'],
    ]);
    expect(diff.fields.find((f) => f.path === 'title.en')!.text).toEqual([
      { op: 'equal', text: 'Daily opening and closing ' },
      { op: 'delete', text: 'security ' },
      { op: 'equal', text: 'check' },
    ]);
    const zh = describeChecklistDiff(diff, 'zh-CN');
    expect(zh).toContain('~ 检查表：版本 1 → 2');
    expect(zh).toContain('~ 检查表：合格总分（%） 90 → 85');
    expect(zh).toContain('~ 检查表：用途 每日安全检查 → 明查暗访');
    expect(describeChecklistDiff(diff, 'en')).toContain('~ checklist: pass score (%) 90 → 85');
    expect(countChecklistChanges(diff).templateFields).toBe(6);
  });

  it('marks one Chinese character changed in an item text as one character', () => {
    const after = edited((c) => {
      itemOf(c, 'open-two-person').text['zh-CN'] = '双人开门：一人开门、一人警戒，严禁单人开门';
    });
    const diff = diffChecklists(daily(), after);
    expect(diff.fields).toEqual([]);
    expect(diff.items).toHaveLength(1);
    expect(diff.items[0]).toMatchObject({ kind: 'changed', itemId: 'open-two-person', sectionId: 'opening-entry' });
    expect(diff.items[0]!.fields).toEqual([
      {
        path: 'text.zh-CN',
        kind: 'changed',
        before: '双人开门：一人开门、一人警戒，不得单人开门',
        after: '双人开门：一人开门、一人警戒，严禁单人开门',
        text: [
          { op: 'equal', text: '双人开门：一人开门、一人警戒，' },
          { op: 'delete', text: '不得' },
          { op: 'insert', text: '严禁' },
          { op: 'equal', text: '单人开门' },
        ],
      },
    ]);
    expect(describeChecklistDiff(diff, 'zh-CN')).toEqual([
      '~ 检查项 open-two-person：内容（中文） "双人开门：一人开门、一人警戒，不得单人开门" → "双人开门：一人开门、一人警戒，严禁单人开门"',
    ]);
    const [entry] = describeChecklistDiffEntries(diff, 'zh-CN');
    expect(entry).toMatchObject({ itemId: 'open-two-person', sectionId: 'opening-entry' });
    expect(entry!.text).toBe(diff.items[0]!.fields[0]!.text);
  });

  it('shows a long text once with its edits marked', () => {
    const after = edited((c) => {
      const item = itemOf(c, 'open-fire-exits');
      item.guidance!['zh-CN'] = `每天${item.guidance!['zh-CN']}`;
    });
    expect(describeChecklistDiff(diffChecklists(daily(), after), 'zh-CN')).toEqual([
      '~ 检查项 open-fire-exits：检查方法（中文）修改 "{+每天+}走一遍疏散路线，看安…"',
    ]);
  });

  it('reports every item field that changed, by name, in the format order', () => {
    const after = edited((c) => {
      const item = itemOf<'yes-no'>(c, 'day-cash-limit');
      item.guidance = { 'zh-CN': '逐个查看压力表', en: 'Look at each gauge' };
      item.weight = 2;
      item.critical = true;
      item.photo = true;
      item.evidence = { 'zh-CN': '更换后的灭火器照片', en: 'A photo of the replaced extinguisher' };
      item.rectifyDays = 3;
      item.allowNa = false;
      item.text.en = 'Extinguishers are charged';
    });
    const diff = diffChecklists(daily(), after);
    expect(diff.items).toHaveLength(1);
    expect(diff.items[0]!.fields.map((f) => [f.path, f.kind])).toEqual([
      ['text.en', 'changed'],
      ['guidance.zh-CN', 'changed'],
      ['guidance.en', 'changed'],
      ['weight', 'added'],
      ['critical', 'added'],
      ['photo', 'added'],
      ['evidence.zh-CN', 'added'],
      ['evidence.en', 'added'],
      ['rectifyDays', 'added'],
      ['allowNa', 'added'],
    ]);
    const zh = describeChecklistDiff(diff, 'zh-CN');
    expect(zh).toContain('~ 检查项 day-cash-limit：新增否决项 是');
    expect(zh).toContain('~ 检查项 day-cash-limit：新增整改期限（天） 3');
    expect(zh).toContain('~ 检查项 day-cash-limit：新增整改验收要求（中文） "更换后的灭火器照片"');
    expect(describeChecklistDiff(diff, 'en')).toContain('~ item day-cash-limit: "not applicable" allowed added: no');
  });

  it('reports the kind-specific fields of score and number items, and a change of kind', () => {
    const base = edited((c) => {
      const section = sectionOf(c, 'opening-systems');
      section.items.push({
        id: 'counter-score',
        kind: 'score',
        text: { 'zh-CN': '柜面整洁', en: 'Counters tidy' },
        max: 10,
        passAt: 6,
      });
    });
    const after = structuredClone(base);
    const video = itemOf<'number'>(after, 'open-video-days');
    video.min = 30;
    video.max = 180;
    video.unit = { 'zh-CN': '日', en: 'd' };
    video.allowNa = true;
    const score = itemOf<'score'>(after, 'counter-score');
    score.max = 5;
    score.passAt = 3;
    const asked = itemOf(after, 'close-remarks');
    Object.assign(asked, { kind: 'yes-no' });
    const diff = diffChecklists(base, after);
    const fieldsOf = (id: string) => diff.items.find((i) => i.itemId === id)!.fields.map((f) => [f.path, f.kind]);
    expect(fieldsOf('open-video-days')).toEqual([
      ['max', 'added'],
      ['min', 'changed'],
      ['unit.zh-CN', 'changed'],
      ['unit.en', 'changed'],
      ['allowNa', 'added'],
    ]);
    expect(fieldsOf('counter-score')).toEqual([
      ['max', 'changed'],
      ['passAt', 'changed'],
    ]);
    expect(fieldsOf('close-remarks')).toEqual([['kind', 'changed']]);
    const zh = describeChecklistDiff(diff, 'zh-CN');
    expect(zh).toContain('~ 检查项 open-video-days：最低值 90 → 30');
    expect(zh).toContain('~ 检查项 counter-score：合格分 6 → 3');
    expect(zh).toContain('~ 检查项 close-remarks：作答方式 文字记录 → 是否题');
  });

  it('reports an inserted item as added with its section and marks, and no later item as moved', () => {
    const added: ChecklistItem = {
      id: 'open-atm-cover',
      kind: 'yes-no',
      text: { 'zh-CN': '自助设备防护罩完好', en: 'The ATM cover is intact' },
      critical: true,
    };
    const after = edited((c) => sectionOf(c, 'opening-entry').items.splice(1, 0, added));
    const diff = diffChecklists(daily(), after);
    expect(headlines(diff)).toEqual([['added', 'open-atm-cover']]);
    expect(diff.items[0]).toEqual({
      kind: 'added',
      itemId: 'open-atm-cover',
      sectionId: 'opening-entry',
      text: added.text,
      item: added,
      fields: [],
    });
    expect(describeChecklistDiff(diff, 'zh-CN')).toEqual([
      '+ 检查项 open-atm-cover「自助设备防护罩完好」新增（分组 opening-entry；是否题，否决项）',
    ]);
    expect(describeChecklistDiff(diff, 'en')).toEqual([
      '+ item open-atm-cover "The ATM cover is intact" added (section opening-entry; yes / no, critical)',
    ]);
    expect(describeChecklistCounts(diff, 'zh-CN')).toMatch(/^检查项：新增 1，删除 0，修改 0，移动 0；/);
  });

  it('reports a removed item where it stood, between its neighbours', () => {
    const after = edited((c) => {
      sectionOf(c, 'opening-entry').items.splice(2, 1);
      itemOf(c, 'open-surroundings').weight = 3;
      itemOf(c, 'open-disarm-log').weight = 2;
    });
    const diff = diffChecklists(daily(), after);
    expect(headlines(diff)).toEqual([
      ['changed', 'open-surroundings'],
      ['removed', 'open-two-person'],
      ['changed', 'open-disarm-log'],
    ]);
    expect(describeChecklistDiff(diff, 'zh-CN')).toContain(
      '- 检查项 open-two-person「双人开门：一人开门、一人警戒，不得单人开门」删除（分组 opening-entry）',
    );
  });

  it('reports two swapped items as exactly one moved, within their section', () => {
    const after = edited((c) => {
      const items = sectionOf(c, 'business-hours').items;
      [items[1], items[2]] = [items[2]!, items[1]!];
    });
    const diff = diffChecklists(daily(), after);
    expect(diff.items).toHaveLength(1);
    const [moved] = diff.items;
    expect(moved!.kind).toBe('moved');
    expect([moved!.moved!.from.index, moved!.moved!.to.index].sort()).toEqual([1, 2]);
    expect(moved!.moved!.from.sectionId).toBe('business-hours');
    expect(describeChecklistDiff(diff, 'zh-CN')[0]).toMatch(
      /^↕ 检查项 \S+ 移动：第 \d 位 → 第 \d 位（分组 business-hours）$/,
    );
  });

  it('reports an item taken to another section as moved between them, with its changed fields', () => {
    const after = edited((c) => {
      const [item] = sectionOf(c, 'business-hours').items.splice(3, 1);
      item!.rectifyDays = 2;
      sectionOf(c, 'closing').items.unshift(item!);
    });
    const diff = diffChecklists(daily(), after);
    expect(diff.items).toEqual([
      expect.objectContaining({
        kind: 'moved',
        itemId: 'day-guard-watch',
        sectionId: 'closing',
        moved: { from: { sectionId: 'business-hours', index: 3 }, to: { sectionId: 'closing', index: 0 } },
        fields: [{ path: 'rectifyDays', kind: 'added', after: 2 }],
      }),
    ]);
    expect(describeChecklistDiff(diff, 'zh-CN')).toEqual([
      '↕ 检查项 day-guard-watch 移动：分组 business-hours 第 4 位 → 分组 closing 第 1 位',
      '~ 检查项 day-guard-watch：新增整改期限（天） 2',
    ]);
    expect(countChecklistChanges(diff)).toMatchObject({ itemsMoved: 1, itemsChanged: 1, itemsAdded: 0 });
  });

  it('reports sections added, removed, moved, retitled and reweighted; the items of a moved section stay put', () => {
    const after = edited((c) => {
      const [closing] = c.sections.splice(3, 1);
      c.sections.unshift(closing!); // moved to the front
      sectionOf(c, 'closing').title['zh-CN'] = '营业终了检查';
      sectionOf(c, 'opening-systems').weight = 2;
      c.sections.splice(
        c.sections.findIndex((s) => s.id === 'opening-entry'),
        1,
      ); // removed, with its items
      c.sections.push({ id: 'night', title: { 'zh-CN': '夜间', en: 'Night' }, items: [] });
    });
    const diff = diffChecklists(daily(), after);
    expect(diff.sections.map((s) => [s.kind, s.sectionId])).toEqual([
      ['removed', 'opening-entry'],
      ['moved', 'closing'],
      ['changed', 'opening-systems'],
      ['added', 'night'],
    ]);
    expect(diff.sections[1]!.moved).toEqual({ from: 3, to: 0 });
    expect(diff.items.every((i) => i.kind === 'removed' && i.sectionId === 'opening-entry')).toBe(true);
    expect(diff.items).toHaveLength(6);
    const zh = describeChecklistDiff(diff, 'zh-CN');
    expect(zh).toContain('↕ 分组 closing 移动：第 4 位 → 第 1 位');
    expect(zh).toContain('- 分组 opening-entry「营业前：开门与进出控制」删除');
    expect(zh).toContain('~ 分组 opening-systems：新增权重 2');
    expect(zh).toContain('~ 分组 closing：标题（中文） "营业终了" → "营业终了检查"');
    expect(zh).toContain('+ 分组 night「夜间」新增');
    expect(describeChecklistCounts(diff, 'en')).toBe(
      'items: 0 added, 6 removed, 0 changed, 0 moved; sections: 1 added, 1 removed, 2 changed, 1 moved; template: 0 field(s) changed',
    );
  });

  it('keeps both items of a repeated id (an analysis error) rather than losing one', () => {
    const before = edited((c) => {
      const first = sectionOf(c, 'closing').items[0]!;
      sectionOf(c, 'closing').items.push({ ...first, text: { 'zh-CN': '重复', en: 'Repeated' } });
    });
    const after = structuredClone(before);
    sectionOf(after, 'closing').items.pop();
    const diff = diffChecklists(before, after);
    expect(diff.items).toEqual([expect.objectContaining({ kind: 'removed', itemId: 'close-clear-out#2' })]);
  });
});

// ── Properties ─────────────────────────────────────────────────────────────────────────────────────────────────

type Edit =
  | { kind: 'text'; item: number; words: string }
  | { kind: 'weight'; item: number; weight: number }
  | { kind: 'remove'; item: number }
  | { kind: 'move'; item: number; to: number }
  | { kind: 'toggle-critical'; item: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('text' as const), item: fc.nat(), words: fc.string({ minLength: 1, maxLength: 12 }) }),
  fc.record({ kind: fc.constant('weight' as const), item: fc.nat(), weight: fc.integer({ min: 2, max: 9 }) }),
  fc.record({ kind: fc.constant('remove' as const), item: fc.nat() }),
  fc.record({ kind: fc.constant('move' as const), item: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('toggle-critical' as const), item: fc.nat() }),
);

/** Applies one edit to a copy and says which item it touched. */
function apply(checklist: Checklist, change: Edit): { after: Checklist; itemId: string } {
  const after = structuredClone(checklist);
  const places = after.sections.flatMap((section) => section.items.map((item, index) => ({ section, item, index })));
  const place = places[change.item % places.length]!;
  const { item } = place;
  switch (change.kind) {
    case 'text':
      item.text['zh-CN'] = `${item.text['zh-CN']}${change.words}`;
      break;
    case 'weight':
      item.weight = (item.weight ?? 1) + change.weight;
      break;
    case 'remove':
      place.section.items.splice(place.index, 1);
      break;
    case 'toggle-critical':
      item.critical = !item.critical;
      break;
    case 'move': {
      place.section.items.splice(place.index, 1);
      const target = after.sections[change.to % after.sections.length]!;
      target.items.splice(change.to % (target.items.length + 1), 0, item);
      break;
    }
  }
  return { after, itemId: item.id };
}

describe('diffChecklists, over random edits', () => {
  const bundled = readdirSync(CHECKLISTS)
    .filter((f) => f.endsWith('.json') && f !== 'checklist.schema.json')
    .map(readChecklist);
  const template = fc.constantFrom(...bundled);

  it('finds nothing between any edited template and its copy', () => {
    fc.assert(
      fc.property(template, edit, (checklist, change) => {
        const { after } = apply(checklist, change);
        expect(isEmptyChecklistDiff(diffChecklists(after, structuredClone(after)))).toBe(true);
      }),
      { seed: 20261214, numRuns: 300 },
    );
  });

  it('finds one edit on the item it touched and nowhere else; undone, it is gone', () => {
    fc.assert(
      fc.property(template, edit, (checklist, change) => {
        const { after, itemId } = apply(checklist, change);
        const diff = diffChecklists(checklist, after);
        expect(diff.fields).toEqual([]);
        expect(diff.sections).toEqual([]);
        if (change.kind === 'move') {
          // One item out of place: at most one reported moved (of two swapped neighbours, either may be); none when
          // it went back where it was; and nothing is changed, added or removed.
          expect(diff.items.length).toBeLessThanOrEqual(1);
          expect(diff.items.every((i) => i.kind === 'moved' && i.fields.length === 0)).toBe(true);
        } else {
          expect(diff.items).toHaveLength(1);
          expect(diff.items[0]!.itemId).toBe(itemId);
          const back = diffChecklists(after, checklist);
          expect(back.items.map((i) => i.itemId)).toEqual([itemId]);
        }
        if (change.kind === 'remove') expect(diff.items[0]!.kind).toBe('removed');
        if (change.kind === 'text') expect(diff.items[0]!.fields.map((f) => f.path)).toEqual(['text.zh-CN']);
        expect(describeChecklistDiff(diff, 'en')).toHaveLength(
          diff.items.reduce((n, i) => n + i.fields.length + (i.kind === 'changed' ? 0 : 1), 0),
        );
      }),
      { seed: 20261215, numRuns: 300 },
    );
  });
});
