// The checklist template editor's pure edits (renderer/src/checklistEditor/checklistEdits.ts), its undo/redo and the
// inputs findings lead to: each edit on a real bundled template; a change of kind keeping the item's own fields and
// dropping the old kind's; fresh ids; and random edit sequences on every bundled template (ids stay unique, the
// schema always holds, errors appear only where the edits put them, undo restores the exact template).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { checkChecklistDocument } from '../../shared/checklist/checkChecklist';
import { CHECKLIST_JSON_SCHEMA_FILE } from '../../shared/checklist/jsonSchema';
import { ChecklistSchema, type Checklist, type ChecklistItem } from '../../shared/checklist/schema';
import {
  allIds,
  applyChecklistEdit,
  DEFAULT_SCORE_MAX,
  editableChecklist,
  freshItemId,
  freshSectionId,
  locateItem,
  slugFromText,
  withKind,
  type ChecklistEdit,
} from '../../renderer/src/checklistEditor/checklistEdits';
import {
  canRedo,
  canUndo,
  COALESCE_MS,
  createChecklistEditor,
  performEdit,
  redo,
  undo,
  withLibraryFindings,
  libraryFindings,
  type ChecklistEditorState,
} from '../../renderer/src/checklistEditor/checklistHistory';
import { findingTarget, itemField } from '../../renderer/src/checklistEditor/fieldIds';

const DIR = fileURLToPath(new URL('../../plans/checklists/', import.meta.url));
const FILES = readdirSync(DIR)
  .filter((f) => f.endsWith('.json') && f !== CHECKLIST_JSON_SCHEMA_FILE)
  .sort();
const load = (file: string): Checklist => ChecklistSchema.parse(JSON.parse(readFileSync(DIR + file, 'utf8')));
const daily = () => load('daily-opening-closing.json');

const apply = (checklist: Checklist, ...edits: ChecklistEdit[]): Checklist =>
  produce(checklist, (draft) => {
    for (const edit of edits) applyChecklistEdit(draft as Checklist, edit);
  });
const item = (checklist: Checklist, id: string): ChecklistItem => {
  const found = locateItem(checklist, id);
  if (!found) throw new Error(`no item ${id}`);
  return found.item;
};
const errors = (checklist: unknown) => checkChecklistDocument(checklist).findings.filter((f) => f.severity === 'error');
const sectionIds = (checklist: Checklist) => checklist.sections.map((s) => s.id);
const itemIds = (checklist: Checklist, section = 0) => checklist.sections[section]!.items.map((i) => i.id);
const idCount = (checklist: Checklist) =>
  checklist.sections.length + checklist.sections.reduce((n, s) => n + s.items.length, 0);

describe('the template fields', () => {
  it('set texts (an optional one goes when both languages are emptied), the use and the pass mark', () => {
    const start = daily();
    const edited = apply(
      start,
      { type: 'template.setText', field: 'title', lang: 'zh-CN', value: '开门检查（修订）' },
      { type: 'template.setText', field: 'shortTitle', lang: 'zh-CN', value: '' },
      { type: 'template.setText', field: 'shortTitle', lang: 'en', value: '' },
      { type: 'template.setText', field: 'basis', lang: 'en', value: 'Rules' },
      { type: 'template.setUse', use: 'inspection' },
      { type: 'template.setPassScore', passScore: 85 },
    );
    expect(edited.title).toEqual({ 'zh-CN': '开门检查（修订）', en: start.title.en });
    expect(edited).not.toHaveProperty('shortTitle');
    expect(edited.basis).toEqual({ 'zh-CN': start.basis!['zh-CN'], en: 'Rules' });
    expect(edited.use).toBe('inspection');
    expect(edited.passScore).toBe(85);
    expect(apply(edited, { type: 'template.setPassScore' })).not.toHaveProperty('passScore');
    // An emptied required text stays an object (the check then reports the missing language there).
    const untitled = apply(start, { type: 'template.setText', field: 'title', lang: 'zh-CN', value: '' });
    expect(untitled.title).toEqual({ en: start.title.en });
    expect(errors(untitled).map((f) => f.path)).toEqual(['title.zh-CN']);
  });
});

describe('sections', () => {
  it('add (after a section or at the end), refusing a taken or malformed id', () => {
    const start = daily();
    const [first, second] = sectionIds(start);
    const added = apply(start, { type: 'section.add', id: 'new-section', after: first });
    expect(sectionIds(added)).toEqual([first, 'new-section', second, ...sectionIds(start).slice(2)]);
    expect(added.sections[1]).toEqual({ id: 'new-section', title: {}, items: [] });
    expect(apply(start, { type: 'section.add', id: 'at-end' }).sections.at(-1)!.id).toBe('at-end');
    const taken = itemIds(start)[0]!; // sections and items share one id space
    expect(apply(start, { type: 'section.add', id: taken })).toBe(start);
    expect(apply(start, { type: 'section.add', id: 'Bad Id' })).toBe(start);
    expect(freshSectionId(start)).toBe('section-1');
  });

  it('remove, rename, move, set the title and the weight', () => {
    const start = daily();
    const ids = sectionIds(start);
    expect(sectionIds(apply(start, { type: 'section.remove', sectionId: ids[1]! }))).toEqual(ids.toSpliced(1, 1));
    const renamed = apply(start, { type: 'section.rename', sectionId: ids[0]!, to: 'opening' });
    expect(renamed.sections[0]!.id).toBe('opening');
    expect(apply(start, { type: 'section.rename', sectionId: ids[0]!, to: ids[1]! })).toBe(start);
    expect(apply(start, { type: 'section.rename', sectionId: ids[0]!, to: itemIds(start, 1)[0]! })).toBe(start);
    expect(sectionIds(apply(start, { type: 'section.move', sectionId: ids[0]!, to: 'down' }))).toEqual([
      ids[1],
      ids[0],
      ...ids.slice(2),
    ]);
    expect(apply(start, { type: 'section.move', sectionId: ids[0]!, to: 'up' })).toBe(start);
    expect(sectionIds(apply(start, { type: 'section.move', sectionId: ids[0]!, to: 99 })).at(-1)).toBe(ids[0]);
    const titled = apply(
      start,
      { type: 'section.setTitle', sectionId: ids[0]!, lang: 'en', value: 'Opening' },
      { type: 'section.setWeight', sectionId: ids[0]!, weight: 3 },
    );
    expect(titled.sections[0]!.title.en).toBe('Opening');
    expect(titled.sections[0]!.weight).toBe(3);
    expect(apply(titled, { type: 'section.setWeight', sectionId: ids[0]! }).sections[0]).not.toHaveProperty('weight');
  });
});

describe('items', () => {
  it('add an item of each kind with a fresh unique id, where asked', () => {
    const start = daily();
    const section = start.sections[0]!;
    const first = section.items[0]!.id;
    let edited = start;
    for (const kind of ['yes-no', 'score', 'number', 'text'] as const) {
      edited = apply(edited, { type: 'item.add', sectionId: section.id, kind, id: freshItemId(edited) });
    }
    const added = edited.sections[0]!.items.slice(-4);
    expect(added).toEqual([
      { id: 'item-1', kind: 'yes-no', text: {} },
      { id: 'item-2', kind: 'score', text: {}, max: DEFAULT_SCORE_MAX },
      { id: 'item-3', kind: 'number', text: {} },
      { id: 'item-4', kind: 'text', text: {} },
    ]);
    const text = { 'zh-CN': '检查门禁', en: 'Check the door access control' };
    const id = freshItemId(edited, text);
    expect(id).toBe('check-the-door-access-control');
    edited = apply(edited, { type: 'item.add', sectionId: section.id, kind: 'yes-no', id, after: first, text });
    expect(edited.sections[0]!.items[1]).toEqual({ id, kind: 'yes-no', text });
    // The same English text again: the slug is taken, so the next one gets a number.
    expect(freshItemId(edited, text)).toBe(`${id}-1`);
    expect(apply(edited, { type: 'item.add', sectionId: section.id, kind: 'yes-no', id })).toBe(edited);
    expect(apply(edited, { type: 'item.add', sectionId: 'no-such-section', kind: 'yes-no', id: 'x' })).toBe(edited);
    expect(allIds(edited).size).toBe(idCount(edited));
  });

  it('fresh ids: ASCII words of the English text, within the slug limit, else item-N', () => {
    expect(slugFromText('  Fire exits: clear & lit!  ')).toBe('fire-exits-clear-lit');
    expect(slugFromText('灭火器')).toBe('');
    expect(slugFromText('a'.repeat(100)).length).toBeLessThanOrEqual(60);
    expect(freshItemId(daily(), { 'zh-CN': '灭火器' })).toBe('item-1');
  });

  it('remove, rename (never to a taken id), move up and down, move to another section', () => {
    const start = daily();
    const [a, b, c] = itemIds(start);
    expect(itemIds(apply(start, { type: 'item.remove', itemId: b! })).slice(0, 2)).toEqual([a, c]);
    expect(item(apply(start, { type: 'item.rename', itemId: a!, to: 'renamed' }), 'renamed').text).toEqual(
      item(start, a!).text,
    );
    expect(apply(start, { type: 'item.rename', itemId: a!, to: b! })).toBe(start);
    expect(apply(start, { type: 'item.rename', itemId: a!, to: start.sections[1]!.id })).toBe(start);
    expect(itemIds(apply(start, { type: 'item.move', itemId: a!, to: 'down' })).slice(0, 3)).toEqual([b, a, c]);
    expect(itemIds(apply(start, { type: 'item.move', itemId: b!, to: 'up' })).slice(0, 3)).toEqual([b, a, c]);
    expect(apply(start, { type: 'item.move', itemId: a!, to: 'up' })).toBe(start);
    const target = start.sections[2]!;
    const moved = apply(start, { type: 'item.moveToSection', itemId: a!, sectionId: target.id });
    expect(itemIds(moved)[0]).toBe(b);
    expect(itemIds(moved, 2).at(-1)).toBe(a);
    const atTop = apply(start, { type: 'item.moveToSection', itemId: a!, sectionId: target.id, index: 0 });
    expect(itemIds(atTop, 2)[0]).toBe(a);
    expect(apply(start, { type: 'item.moveToSection', itemId: a!, sectionId: start.sections[0]!.id })).toBe(start);
    for (const edited of [moved, atTop]) expect(allIds(edited).size).toBe(idCount(edited));
  });

  it('set texts, flags and numbers; a field the kind lacks is left alone', () => {
    const start = daily();
    const id = start.sections[0]!.items[0]!.id;
    const edited = apply(
      start,
      { type: 'item.setText', itemId: id, field: 'text', lang: 'en', value: 'Look around first' },
      { type: 'item.setText', itemId: id, field: 'evidence', lang: 'zh-CN', value: '整改照片' },
      { type: 'item.setFlag', itemId: id, field: 'critical', value: true },
      { type: 'item.setFlag', itemId: id, field: 'photo', value: true },
      { type: 'item.setFlag', itemId: id, field: 'allowNa', value: false },
      { type: 'item.setNumber', itemId: id, field: 'rectifyDays', value: 3 },
      { type: 'item.setNumber', itemId: id, field: 'weight', value: 2 },
    );
    expect(item(edited, id)).toMatchObject({
      text: { en: 'Look around first' },
      evidence: { 'zh-CN': '整改照片' },
      critical: true,
      photo: true,
      allowNa: false,
      rectifyDays: 3,
      weight: 2,
    });
    const cleared = apply(
      edited,
      { type: 'item.setFlag', itemId: id, field: 'critical', value: false },
      { type: 'item.setFlag', itemId: id, field: 'allowNa' },
      { type: 'item.setNumber', itemId: id, field: 'rectifyDays' },
      { type: 'item.setText', itemId: id, field: 'evidence', lang: 'zh-CN', value: '' },
    );
    for (const gone of ['critical', 'allowNa', 'rectifyDays', 'evidence'])
      expect(item(cleared, id)).not.toHaveProperty(gone);
    // A yes/no item has no max, passAt, min or unit.
    expect(apply(start, { type: 'item.setNumber', itemId: id, field: 'max', value: 5 })).toBe(start);
    expect(apply(start, { type: 'item.setText', itemId: id, field: 'unit', lang: 'en', value: 's' })).toBe(start);
    // A score item keeps its max when the field is emptied: the schema requires one.
    const score = apply(start, { type: 'item.setKind', itemId: id, kind: 'score' });
    expect(apply(score, { type: 'item.setNumber', itemId: id, field: 'max' })).toBe(score);
    expect(apply(score, { type: 'item.setFlag', itemId: id, field: 'allowNa', value: true })).toBe(score);
    expect(item(apply(score, { type: 'item.setNumber', itemId: id, field: 'passAt', value: 6 }), id)).toMatchObject({
      max: DEFAULT_SCORE_MAX,
      passAt: 6,
    });
  });

  it('edits naming nothing change nothing', () => {
    const start = daily();
    const nothing: ChecklistEdit[] = [
      { type: 'item.remove', itemId: 'missing' },
      { type: 'item.move', itemId: 'missing', to: 'down' },
      { type: 'item.setKind', itemId: 'missing', kind: 'score' },
      { type: 'item.setText', itemId: 'missing', field: 'text', lang: 'en', value: 'x' },
      { type: 'section.remove', sectionId: 'missing' },
      { type: 'section.setTitle', sectionId: 'missing', lang: 'en', value: 'x' },
    ];
    for (const edit of nothing) expect(apply(start, edit)).toBe(start);
  });
});

describe('changing an item kind', () => {
  const full: ChecklistItem = {
    id: 'alarm-seconds',
    kind: 'number',
    text: { 'zh-CN': '报警响应时间', en: 'Alarm response time' },
    guidance: { 'zh-CN': '计时', en: 'Time it' },
    weight: 2,
    critical: true,
    photo: true,
    evidence: { 'zh-CN': '测试记录', en: 'Test log' },
    rectifyDays: 3,
    unit: { 'zh-CN': '秒', en: 's' },
    min: 0,
    max: 60,
    allowNa: true,
  };
  const common = {
    id: full.id,
    text: full.text,
    guidance: full.guidance,
    weight: 2,
    critical: true,
    photo: true,
    evidence: full.evidence,
    rectifyDays: 3,
  };

  it('keeps every item’s own fields and drops the ones the new kind does not have', () => {
    expect(withKind(full, 'yes-no')).toEqual({ ...common, kind: 'yes-no', allowNa: true });
    // A number's max is an upper limit, a score's its top score: not carried over.
    expect(withKind(full, 'score')).toEqual({ ...common, kind: 'score', max: DEFAULT_SCORE_MAX });
    expect(withKind(full, 'text')).toEqual({ ...common, kind: 'text' });
    const score = { ...withKind(full, 'score'), passAt: 6 } as ChecklistItem;
    expect(withKind(score, 'number')).toEqual({ ...common, kind: 'number' });
    expect(withKind(full, 'number')).toBe(full);
  });

  it('each result matches the schema of its kind', () => {
    for (const kind of ['yes-no', 'score', 'number', 'text'] as const) {
      const checklist = { ...daily(), sections: [{ id: 's', title: { 'zh-CN': '组', en: 'S' }, items: [full] }] };
      const edited = apply(checklist, { type: 'item.setKind', itemId: full.id, kind });
      const check = checkChecklistDocument(edited);
      expect(check.checklist, kind).toBeDefined();
      // Only the text kind complains: a critical item that can never fail, and (the template's one item no longer
      // scoring) a pass mark that can never be reached.
      const codes = check.findings.filter((f) => f.severity === 'error').map((f) => f.code);
      expect(codes).toEqual(kind === 'text' ? ['critical-text-item', 'scores-cannot-add-up'] : []);
    }
  });
});

describe('the shape the form edits', () => {
  it('takes a template and refuses what it cannot show', () => {
    const start = daily();
    expect(editableChecklist(start)).toBe(start);
    // Broken values are the check's business, not the form's.
    expect(editableChecklist({ ...start, passScore: 'high' })).toBeDefined();
    expect(editableChecklist({ ...start, sections: 'none' })).toBeUndefined();
    expect(editableChecklist({ ...start, title: 'plain' })).toBeUndefined();
    const badItem = { ...start.sections[0]!, items: [{ id: 'x', kind: 'photo', text: {} }] };
    expect(editableChecklist({ ...start, sections: [badItem] })).toBeUndefined();
    expect(editableChecklist(null)).toBeUndefined();
  });
});

describe('undo and redo', () => {
  it('typing into one field is one step; undo restores, redo reapplies', () => {
    const start = daily();
    const id = itemIds(start)[0]!;
    let state = createChecklistEditor(start);
    for (const [i, value] of ['a', 'ab', 'abc'].entries()) {
      state = performEdit(state, { type: 'item.setText', itemId: id, field: 'text', lang: 'en', value }, i * 10);
    }
    state = performEdit(state, { type: 'item.setKind', itemId: id, kind: 'score' }, 50);
    expect(state.past).toHaveLength(2);
    const edited = state.checklist;
    state = undo(undo(state));
    expect(state.checklist).toEqual(start);
    expect(canUndo(state)).toBe(false);
    state = redo(redo(state));
    expect(state.checklist).toEqual(edited);
    expect(canRedo(state)).toBe(false);
    // The same field again after a pause is a new step.
    const later = performEdit(state, { type: 'item.setText', itemId: id, field: 'text', lang: 'en', value: 'x' }, 5000);
    expect(later.past).toHaveLength(3);
    expect(performEdit(later, { type: 'item.remove', itemId: 'missing' })).toBe(later);
  });

  it('adds the library’s own findings to the live ones, once', () => {
    const start = daily();
    const broken = apply(start, { type: 'template.setText', field: 'title', lang: 'zh-CN', value: '' });
    const live = checkChecklistDocument(broken).findings;
    const extra = { ...live[0]!, code: 'version-damaged' as const, path: 'file' };
    expect(libraryFindings([...live, extra], broken)).toEqual([extra]);
    expect(withLibraryFindings(live, [extra])).toEqual([...live, extra]);
    expect(withLibraryFindings(live, [live[0]!])).toEqual(live);
  });
});

describe('finding targets', () => {
  it('lead to the input of the field a finding names, opening its item', () => {
    const start = daily();
    const [a, b] = itemIds(start);
    const broken = apply(
      start,
      { type: 'item.setText', itemId: b!, field: 'text', lang: 'zh-CN', value: '' },
      { type: 'item.setKind', itemId: a!, kind: 'score' },
      { type: 'item.setNumber', itemId: a!, field: 'passAt', value: 99 },
    );
    const targets = checkChecklistDocument(broken)
      .findings.filter((f) => f.severity === 'error')
      .map((f) => ({ code: f.code, ...findingTarget(broken, f.path) }));
    expect(targets).toEqual([
      { code: 'pass-above-max', itemId: a, inputId: itemField(0, 0, 'passAt') },
      { code: 'missing-translation', itemId: b, inputId: itemField(0, 1, 'text', 'zh-CN') },
    ]);
    expect(findingTarget(broken, 'sections')).toEqual({ inputId: 'ck-add-section' });
    expect(findingTarget(broken, 'sections[1].title.en')).toEqual({ inputId: 'ck-s1-title-en' });
    expect(findingTarget(broken, 'passScore')).toEqual({ inputId: 'ck-tpl-passScore' });
  });
});

// ---- random edit sequences on every bundled template ----

interface Seed {
  op: number;
  a: number;
  b: number;
  text: string;
  flag: boolean;
}

const seedArb: fc.Arbitrary<Seed> = fc.record({
  op: fc.nat(),
  a: fc.nat(),
  b: fc.nat(),
  text: fc.oneof(fc.constant(''), fc.string({ maxLength: 6 }), fc.constantFrom('新检查项', 'Door locked', 'x-1')),
  flag: fc.boolean(),
});

const pickOf = <T>(items: readonly T[], n: number): T | undefined => items[n % Math.max(1, items.length)];
const LANGS = ['zh-CN', 'en'] as const;
const KINDS = ['yes-no', 'score', 'number', 'text'] as const;

/** Any edit of the template as it is now, with values the schema accepts; ids mostly of things that exist. */
function anyEdit(checklist: Checklist, seed: Seed): ChecklistEdit {
  const sections = [...sectionIds(checklist), 'missing'];
  const items = [...checklist.sections.flatMap((s) => s.items.map((i) => i.id)), 'missing'];
  const sectionId = pickOf(sections, seed.a)!;
  const itemId = pickOf(items, seed.b)!;
  const lang = pickOf(LANGS, seed.a)!;
  const newId = seed.flag ? slugFromText(seed.text) || 'n' : pickOf(items, seed.a)!;
  const edits: (() => ChecklistEdit)[] = [
    () => ({
      type: 'template.setText',
      field: pickOf(['title', 'shortTitle', 'summary', 'basis'] as const, seed.a)!,
      lang,
      value: seed.text,
    }),
    () => ({ type: 'template.setUse', use: seed.flag ? 'daily' : 'other' }),
    () => ({ type: 'template.setPassScore', ...(seed.flag ? { passScore: seed.a % 101 } : {}) }),
    () => ({ type: 'section.add', id: freshSectionId(checklist), ...(seed.flag ? { after: sectionId } : {}) }),
    () => ({ type: 'section.remove', sectionId }),
    () => ({ type: 'section.rename', sectionId, to: newId }),
    () => ({ type: 'section.move', sectionId, to: seed.flag ? 'up' : seed.b % 7 }),
    () => ({ type: 'section.setTitle', sectionId, lang, value: seed.text }),
    () => ({ type: 'section.setWeight', sectionId, ...(seed.flag ? { weight: seed.b % 5 } : {}) }),
    () => ({
      type: 'item.add',
      sectionId,
      kind: pickOf(KINDS, seed.b)!,
      id: freshItemId(checklist, { en: seed.text }),
    }),
    () => ({ type: 'item.remove', itemId }),
    () => ({ type: 'item.rename', itemId, to: newId }),
    () => ({ type: 'item.move', itemId, to: seed.flag ? 'down' : seed.a % 9 }),
    () => ({ type: 'item.moveToSection', itemId, sectionId, ...(seed.flag ? { index: seed.a % 4 } : {}) }),
    () => ({
      type: 'item.setText',
      itemId,
      field: pickOf(['text', 'guidance', 'evidence', 'unit'] as const, seed.a)!,
      lang,
      value: seed.text,
    }),
    () => ({
      type: 'item.setFlag',
      itemId,
      field: pickOf(['critical', 'photo', 'allowNa'] as const, seed.a)!,
      ...(seed.b % 3 ? { value: seed.flag } : {}),
    }),
    () => ({ type: 'item.setNumber', itemId, field: 'weight', ...(seed.flag ? { value: seed.a % 4 } : {}) }),
    () => ({ type: 'item.setNumber', itemId, field: 'rectifyDays', ...(seed.flag ? { value: seed.a % 366 } : {}) }),
    () => ({
      type: 'item.setNumber',
      itemId,
      field: pickOf(['max', 'passAt', 'min'] as const, seed.a)!,
      value: 1 + (seed.b % 100),
    }),
    () => ({ type: 'item.setKind', itemId, kind: pickOf(KINDS, seed.a)! }),
  ];
  return pickOf(edits, seed.op)!();
}

/** Edits that keep a sound template sound: moves, complete new items, texts filled in, kinds that can fail. */
function soundEdit(checklist: Checklist, seed: Seed): ChecklistEdit {
  const sections = sectionIds(checklist);
  const items = checklist.sections.flatMap((s) => s.items.map((i) => i.id));
  const sectionId = pickOf(sections, seed.a)!;
  const itemId = pickOf(items, seed.b)!;
  const text = { 'zh-CN': `检查${seed.a}`, en: `Check ${seed.text}` };
  const edits: (() => ChecklistEdit)[] = [
    () => ({ type: 'section.move', sectionId, to: seed.flag ? 'up' : seed.b % 7 }),
    () => ({ type: 'item.move', itemId, to: seed.flag ? 'down' : seed.a % 9 }),
    () => ({ type: 'item.moveToSection', itemId, sectionId, ...(seed.flag ? { index: seed.a % 4 } : {}) }),
    () => ({
      type: 'item.add',
      sectionId,
      kind: seed.flag ? 'yes-no' : 'score',
      id: freshItemId(checklist, text),
      text,
    }),
    () => ({ type: 'item.setText', itemId, field: 'text', lang: pickOf(LANGS, seed.a)!, value: `文字 ${seed.text}` }),
    () => ({ type: 'item.setKind', itemId, kind: seed.flag ? 'yes-no' : 'score' }),
    () => ({ type: 'item.setFlag', itemId, field: 'photo', value: seed.flag }),
    () => ({ type: 'item.setNumber', itemId, field: 'rectifyDays', value: seed.a % 366 }),
  ];
  return pickOf(edits, seed.op)!();
}

function run(start: Checklist, seeds: readonly Seed[], make: typeof anyEdit): ChecklistEditorState {
  let state = createChecklistEditor(start);
  seeds.forEach((seed, i) => (state = performEdit(state, make(state.checklist, seed), i * (COALESCE_MS / 4))));
  return state;
}

describe.each(FILES)('random edits of %s', (file) => {
  const start = load(file);

  it('keep ids unique and the schema whole, place every finding, and undo to the exact template', () => {
    fc.assert(
      fc.property(fc.array(seedArb, { maxLength: 40 }), (seeds) => {
        let state = run(start, seeds, anyEdit);
        const { checklist } = state;
        expect(allIds(checklist).size).toBe(idCount(checklist));
        const check = checkChecklistDocument(checklist);
        expect(check.checklist).toBeDefined();
        expect(check.findings.filter((f) => f.code === 'schema' || f.code === 'duplicate-id')).toEqual([]);
        for (const f of check.findings) expect(findingTarget(checklist, f.path).inputId).toMatch(/^ck-/);
        while (canUndo(state)) state = undo(state);
        expect(state.checklist).toEqual(start);
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('moves, complete new items, filled texts and scored kinds leave a sound template without errors', () => {
    expect(errors(start)).toEqual([]);
    fc.assert(
      fc.property(fc.array(seedArb, { maxLength: 30 }), (seeds) => {
        const { checklist } = run(start, seeds, soundEdit);
        expect(errors(checklist)).toEqual([]);
        expect(allIds(checklist).size).toBe(idCount(checklist));
      }),
      { numRuns: 150 },
    );
  }, 60_000);
});
