// The bundled checklist templates (plans/checklists/*.json): each parses and checks with no error, has unique ids and
// both languages everywhere, and scores as the inspection screen will: every item passing gives 100 and a pass, and
// any one critical item failing fails the inspection whatever the rest.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkChecklistText } from '../../shared/checklist/checkChecklistText';
import { CHECKLIST_JSON_SCHEMA_FILE } from '../../shared/checklist/jsonSchema';
import { ChecklistSchema, type Checklist, type ChecklistItem } from '../../shared/checklist/schema';
import { answerFits, checklistItems, scoreChecklist, type Answer } from '../../shared/checklist/score';
import type { Localized } from '../../shared/plan/schema';

const CHECKLISTS_DIR = fileURLToPath(new URL('../../plans/checklists/', import.meta.url));
const REQUIRED_USES = ['daily', 'guard-post', 'alarm-test', 'cash-in-transit', 'inspection'];

const files = readdirSync(CHECKLISTS_DIR)
  .filter((name) => name.endsWith('.json') && name !== CHECKLIST_JSON_SCHEMA_FILE)
  .sort();

function load(file: string): Checklist {
  return ChecklistSchema.parse(JSON.parse(readFileSync(CHECKLISTS_DIR + file, 'utf8')));
}

/** Every Localized text of a template with where it is: the required ones always, the optional ones when present. */
function localizedTexts(checklist: Checklist): [string, Localized][] {
  const texts: [string, Localized | undefined][] = [
    ['title', checklist.title],
    ['shortTitle', checklist.shortTitle],
    ['summary', checklist.summary],
    ['basis', checklist.basis],
  ];
  for (const section of checklist.sections) {
    texts.push([`${section.id}.title`, section.title]);
    for (const item of section.items) {
      texts.push([`${item.id}.text`, item.text], [`${item.id}.guidance`, item.guidance]);
      texts.push([`${item.id}.evidence`, item.evidence]);
      if (item.kind === 'number') texts.push([`${item.id}.unit`, item.unit]);
    }
  }
  return texts.filter((entry): entry is [string, Localized] => entry[1] !== undefined);
}

function passingAnswer(item: ChecklistItem): Answer {
  switch (item.kind) {
    case 'yes-no':
      return { kind: 'yes-no', value: 'yes' };
    case 'score':
      return { kind: 'score', value: item.max };
    case 'number':
      return { kind: 'number', value: item.min ?? item.max ?? 0 };
    case 'text':
      return { kind: 'text', value: '无异常' };
  }
}

/** An answer that fails the item; a text item is only recorded and cannot fail. */
function failingAnswer(item: ChecklistItem): Answer {
  switch (item.kind) {
    case 'yes-no':
      return { kind: 'yes-no', value: 'no' };
    case 'score':
      return { kind: 'score', value: 0 };
    case 'number':
      if (item.min !== undefined) return { kind: 'number', value: item.min - 1 };
      if (item.max !== undefined) return { kind: 'number', value: item.max + 1 };
      throw new Error(`${item.id} has no limit and cannot fail`);
    case 'text':
      throw new Error(`${item.id} is a text item and cannot fail`);
  }
}

function allPassing(checklist: Checklist): Map<string, Answer> {
  return new Map(checklistItems(checklist).map(({ item }) => [item.id, passingAnswer(item)]));
}

describe('bundled checklist templates', () => {
  it('holds at least five templates, covering the daily, guard-post, alarm-test, cash-in-transit and inspection uses', () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
    expect(files.map((f) => load(f).use)).toEqual(expect.arrayContaining(REQUIRED_USES));
  });

  describe.each(files)('%s', (file) => {
    const checklist = load(file);
    const items = checklistItems(checklist).map(({ item }) => item);

    it('parses with the schema, checks with no error finding, and its id is its file name', () => {
      const { checklist: checked, findings } = checkChecklistText(readFileSync(CHECKLISTS_DIR + file, 'utf8'));
      expect(checked).toEqual(checklist);
      expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
      expect(`${checklist.id}.json`).toBe(file);
      expect(checklist.$schema).toBe(`./${CHECKLIST_JSON_SCHEMA_FILE}`);
    });

    it('has ids unique across its sections and items', () => {
      const ids = [...checklist.sections.map((s) => s.id), ...items.map((i) => i.id)];
      expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    });

    it('has both languages, non-empty, on every text', () => {
      const texts = localizedTexts(checklist);
      expect(texts.length).toBeGreaterThan(items.length);
      for (const [where, text] of texts) {
        expect(text['zh-CN']?.trim(), `${where} zh-CN`).toBeTruthy();
        expect(text.en?.trim(), `${where} en`).toBeTruthy();
      }
    });

    it('has at least one critical item and at least one item to photograph', () => {
      expect(items.some((i) => i.critical === true)).toBe(true);
      expect(items.some((i) => i.photo === true)).toBe(true);
    });

    it('scores 100 and passes when every item is answered passing', () => {
      const answers = allPassing(checklist);
      for (const item of items) expect(answerFits(item, answers.get(item.id)!), item.id).toBe(true);
      const score = scoreChecklist(checklist, answers);
      expect(score.unanswered).toEqual([]);
      expect(score.failed).toEqual([]);
      expect(score.percent).toBe(100);
      expect(score.passed).toBe(true);
    });

    it.each(items.filter((i) => i.critical === true).map((i) => [i.id, i] as const))(
      'fails the whole inspection when the critical item %s fails',
      (id, item) => {
        const answers = allPassing(checklist);
        const failing = failingAnswer(item);
        expect(answerFits(item, failing)).toBe(true);
        answers.set(id, failing);
        const score = scoreChecklist(checklist, answers);
        expect(score.criticalFailed).toEqual([id]);
        expect(score.passed).toBe(false);
      },
    );
  });
});
