// Checking checklist templates (shared/checklist/): each analysis rule broken alone in a small template that is
// otherwise clean, the schema step (kind, schemaVersion, zod's messages in both languages, the item a schema issue
// lies in), lines and columns in a file's text, and the content hash.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyseChecklist } from '../../shared/checklist/analysis';
import { checkChecklistDocument } from '../../shared/checklist/checkChecklist';
import { checkChecklistText } from '../../shared/checklist/checkChecklistText';
import { checklistContentHash } from '../../shared/checklist/contentHash';
import {
  CHECKLIST_FINDING_CODES,
  countBySeverity,
  type ChecklistFinding,
  type ChecklistFindingCode,
  type Severity,
} from '../../shared/checklist/findings';
import type { Checklist } from '../../shared/checklist/schema';
import { scoreChecklist, type Answer } from '../../shared/checklist/score';

const PLAN_FIXTURE = fileURLToPath(new URL('../fixtures/plans/sketch-robbery.json', import.meta.url));
const CJK = /\p{Script=Han}/u;
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** A small template with every item kind, that checks clean. */
const TEMPLATE = {
  $schema: './checklist.schema.json',
  schemaVersion: 1,
  kind: 'checklist',
  id: 'daily-sample',
  version: 1,
  use: 'daily',
  title: { 'zh-CN': '每日安全检查（样例）', en: 'Daily security check (sample)' },
  summary: { 'zh-CN': '营业前检查门禁、监控与报警。', en: 'Doors, cameras and alarms before opening.' },
  passScore: 80,
  sections: [
    {
      id: 'doors',
      title: { 'zh-CN': '门禁', en: 'Doors' },
      weight: 2,
      items: [
        {
          id: 'vault-door-locked',
          kind: 'yes-no',
          text: { 'zh-CN': '金库门已上锁', en: 'The vault door is locked' },
          guidance: { 'zh-CN': '双人核对', en: 'Two people check it' },
          critical: true,
          photo: true,
          evidence: { 'zh-CN': '修复后的门锁照片', en: 'A photo of the repaired lock' },
        },
        {
          id: 'cctv-quality',
          kind: 'score',
          text: { 'zh-CN': '监控画面清晰', en: 'The CCTV picture is clear' },
          max: 5,
          passAt: 3,
        },
      ],
    },
    {
      id: 'alarms',
      title: { 'zh-CN': '报警', en: 'Alarms' },
      items: [
        {
          id: 'alarm-response',
          kind: 'number',
          text: { 'zh-CN': '报警联动响应时间', en: 'Alarm link response time' },
          unit: { 'zh-CN': '秒', en: 's' },
          min: 0,
          max: 60,
          rectifyDays: 3,
        },
        {
          id: 'remarks',
          kind: 'text',
          text: { 'zh-CN': '其他情况', en: 'Anything else' },
          photo: true,
        },
      ],
    },
  ],
};

type Doc = typeof TEMPLATE & Record<string, unknown>;
type Json = Record<string, unknown>;

/** The template with one change made to a copy. */
function changed(change: (doc: Doc) => void): Doc {
  const doc = structuredClone(TEMPLATE) as Doc;
  change(doc);
  return doc;
}

const item = (doc: Doc, section: number, index: number) => doc.sections[section]!.items[index] as unknown as Json;
const section = (doc: Doc, index: number) => doc.sections[index] as unknown as Json;

/** The codes the cases below raised: the last test checks that no rule of the catalogue went untried. */
const SEEN = new Set<ChecklistFindingCode>();

interface Expected {
  code: ChecklistFindingCode;
  severity: Severity;
  path: string;
  itemId?: string;
  sectionId?: string;
}

function expectBilingual(f: ChecklistFinding): void {
  expect(f.message['zh-CN'], `zh-CN message of ${f.code} at ${f.path}`).toMatch(CJK);
  expect(f.message.en.trim(), `en message of ${f.code} at ${f.path}`).not.toBe('');
  expect(f.message.en).not.toBe(f.message['zh-CN']);
}

function brief(f: ChecklistFinding): Expected {
  const { code, severity, path, itemId, sectionId } = f;
  return { code, severity, path, ...(itemId === undefined ? {} : { itemId }), ...(sectionId ? { sectionId } : {}) };
}

/** The document checks with exactly these findings (in any order), each in both languages. */
function expectFindings(doc: unknown, expected: Expected[]): ChecklistFinding[] {
  const { findings } = checkChecklistDocument(doc);
  findings.forEach(expectBilingual);
  for (const f of findings) SEEN.add(f.code);
  const key = (e: Expected) => `${e.path}|${e.code}`;
  expect(findings.map(brief).sort((a, b) => key(a).localeCompare(key(b)))).toEqual(
    [...expected].sort((a, b) => key(a).localeCompare(key(b))),
  );
  return findings;
}

describe('a valid template', () => {
  it('checks clean as a document and as text, and parses to the template', () => {
    const check = checkChecklistDocument(TEMPLATE);
    expect(check.findings).toEqual([]);
    expect(check.checklist?.sections.flatMap((s) => s.items.map((i) => i.id))).toEqual([
      'vault-door-locked',
      'cctv-quality',
      'alarm-response',
      'remarks',
    ]);
    expect(checkChecklistText(JSON.stringify(TEMPLATE, null, 2)).findings).toEqual([]);
  });
});

describe('ids', () => {
  it('an item may not reuse a section id: sections and items share one id space', () => {
    const [f] = expectFindings(
      changed((d) => (item(d, 1, 1).id = 'doors')),
      [
        {
          code: 'duplicate-id',
          severity: 'error',
          path: 'sections[1].items[1].id',
          itemId: 'doors',
          sectionId: 'alarms',
        },
      ],
    );
    expect(f!.message.en).toContain('first used at sections[0]');
  });

  it('an item id repeated in another section names the later item and where the first is', () => {
    const [f] = expectFindings(
      changed((d) => (item(d, 1, 0).id = 'cctv-quality')),
      [
        {
          code: 'duplicate-id',
          severity: 'error',
          path: 'sections[1].items[0].id',
          itemId: 'cctv-quality',
          sectionId: 'alarms',
        },
      ],
    );
    expect(f!.message['zh-CN']).toContain('sections[0].items[1]');
  });

  it('a repeated section id names the section', () => {
    expectFindings(
      changed((d) => (section(d, 1).id = 'doors')),
      [{ code: 'duplicate-id', severity: 'error', path: 'sections[1].id', sectionId: 'doors' }],
    );
  });

  it('stays linear: ten thousand items with one id give one finding each after the first', () => {
    const doc = changed((d) => {
      const one = item(d, 0, 0);
      d.sections[0]!.items = Array.from({ length: 10_000 }, () => structuredClone(one)) as never;
    });
    const findings = checkChecklistDocument(doc).findings;
    expect(findings).toHaveLength(9_999);
    expect(new Set(findings.map((f) => f.path)).size).toBe(9_999);
    expect(findings.every((f) => f.code === 'duplicate-id' && f.itemId === 'vault-door-locked')).toBe(true);
  });
});

describe('content', () => {
  it('a template with no sections has nothing to check', () => {
    expectFindings(
      changed((d) => (d.sections = [])),
      [{ code: 'no-items', severity: 'error', path: 'sections' }],
    );
  });

  it('a template whose sections are all empty has nothing to check, and each empty section is named', () => {
    expectFindings(
      changed((d) => d.sections.forEach((s) => (s.items = []))),
      [
        { code: 'no-items', severity: 'error', path: 'sections' },
        { code: 'empty-section', severity: 'warning', path: 'sections[0].items', sectionId: 'doors' },
        { code: 'empty-section', severity: 'warning', path: 'sections[1].items', sectionId: 'alarms' },
      ],
    );
  });

  it('an empty section among others is a warning', () => {
    const spare = { id: 'spare', title: { 'zh-CN': '备用', en: 'Spare' }, items: [] };
    expectFindings(
      changed((d) => d.sections.push(spare as never)),
      [{ code: 'empty-section', severity: 'warning', path: 'sections[2].items', sectionId: 'spare' }],
    );
  });
});

describe('translations', () => {
  const cases: [string, (d: Doc) => Json, string, Omit<Expected, 'code' | 'severity' | 'path'>][] = [
    ['title', (d) => d.title, 'title', {}],
    ['summary', (d) => d.summary, 'summary', {}],
    ['a section title', (d) => section(d, 1).title as Json, 'sections[1].title', { sectionId: 'alarms' }],
    [
      'item text',
      (d) => item(d, 0, 1).text as Json,
      'sections[0].items[1].text',
      { itemId: 'cctv-quality', sectionId: 'doors' },
    ],
    [
      'guidance',
      (d) => item(d, 0, 0).guidance as Json,
      'sections[0].items[0].guidance',
      { itemId: 'vault-door-locked', sectionId: 'doors' },
    ],
    [
      'evidence',
      (d) => item(d, 0, 0).evidence as Json,
      'sections[0].items[0].evidence',
      { itemId: 'vault-door-locked', sectionId: 'doors' },
    ],
    [
      'a unit',
      (d) => item(d, 1, 0).unit as Json,
      'sections[1].items[0].unit',
      { itemId: 'alarm-response', sectionId: 'alarms' },
    ],
  ];

  it.each(cases)('%s: Chinese missing is an error, English missing (or blank) a warning', (_, at, path, subject) => {
    expectFindings(
      changed((d) => delete at(d)['zh-CN']),
      [{ code: 'missing-translation', severity: 'error', path: `${path}.zh-CN`, ...subject }],
    );
    expectFindings(
      changed((d) => (at(d).en = '  ')),
      [{ code: 'missing-translation', severity: 'warning', path: `${path}.en`, ...subject }],
    );
  });

  it('optional texts are checked when given (shortTitle, basis)', () => {
    expectFindings(
      changed((d) => Object.assign(d, { shortTitle: { 'zh-CN': '日检' }, basis: { en: 'Rules' } })),
      [
        { code: 'missing-translation', severity: 'warning', path: 'shortTitle.en' },
        { code: 'missing-translation', severity: 'error', path: 'basis.zh-CN' },
      ],
    );
  });
});

describe('items', () => {
  const cctv = { itemId: 'cctv-quality', sectionId: 'doors' };
  const alarm = { itemId: 'alarm-response', sectionId: 'alarms' };
  const remarks = { itemId: 'remarks', sectionId: 'alarms' };

  it('a score item whose passAt is above its max can never pass', () => {
    const [f] = expectFindings(
      changed((d) => (item(d, 0, 1).passAt = 6)),
      [{ code: 'pass-above-max', severity: 'error', path: 'sections[0].items[1].passAt', ...cctv }],
    );
    expect(f!.message.en).toBe('passAt 6 is above max 5: this item can never pass');
  });

  it('a score item with passAt equal to its max is fine; passAt 0 can never fail', () => {
    expectFindings(
      changed((d) => (item(d, 0, 1).passAt = 5)),
      [],
    );
    expectFindings(
      changed((d) => (item(d, 0, 1).passAt = 0)),
      [{ code: 'cannot-fail', severity: 'warning', path: 'sections[0].items[1].passAt', ...cctv }],
    );
  });

  it('a number item whose min is above its max lets no value pass', () => {
    expectFindings(
      changed((d) => (item(d, 1, 0).min = 90)),
      [{ code: 'limits-reversed', severity: 'error', path: 'sections[1].items[0].min', ...alarm }],
    );
  });

  it('a number item with neither min nor max can never fail; one limit is enough', () => {
    expectFindings(
      changed((d) => {
        delete item(d, 1, 0).min;
        delete item(d, 1, 0).max;
      }),
      [{ code: 'cannot-fail', severity: 'warning', path: 'sections[1].items[0]', ...alarm }],
    );
    expectFindings(
      changed((d) => delete item(d, 1, 0).min),
      [],
    );
  });

  it('a critical text item is an error: a text item can never fail', () => {
    expectFindings(
      changed((d) => (item(d, 1, 1).critical = true)),
      [{ code: 'critical-text-item', severity: 'error', path: 'sections[1].items[1].critical', ...remarks }],
    );
    expectFindings(
      changed((d) => (item(d, 1, 1).critical = false)),
      [],
    );
  });

  it('rectifyDays or evidence on a text item is a warning: nothing is ever rectified', () => {
    expectFindings(
      changed((d) => (item(d, 1, 1).rectifyDays = 3)),
      [{ code: 'rectify-on-text-item', severity: 'warning', path: 'sections[1].items[1].rectifyDays', ...remarks }],
    );
    expectFindings(
      changed((d) => (item(d, 1, 1).evidence = { 'zh-CN': '照片', en: 'A photo' })),
      [{ code: 'rectify-on-text-item', severity: 'warning', path: 'sections[1].items[1].evidence', ...remarks }],
    );
  });

  it('photo is fine on any kind of item', () => {
    expectFindings(
      changed((d) => d.sections.forEach((s) => s.items.forEach((i) => ((i as Json).photo = true)))),
      [],
    );
  });
});

describe('scores that cannot add up', () => {
  /** Every item answered: yes, full marks, a value within limits, some text. */
  const answersFor = (checklist: Checklist) =>
    new Map<string, Answer>(
      checklist.sections.flatMap((s) =>
        s.items.map((i): [string, Answer] => {
          if (i.kind === 'yes-no') return [i.id, { kind: 'yes-no', value: 'yes' }];
          if (i.kind === 'score') return [i.id, { kind: 'score', value: i.max }];
          if (i.kind === 'number') return [i.id, { kind: 'number', value: i.min ?? 0 }];
          return [i.id, { kind: 'text', value: '无' }];
        }),
      ),
    );

  it('a section of weight > 0 with text items only never counts (and scoring agrees)', () => {
    const doc = changed((d) => d.sections[1]!.items.splice(0, 1));
    expectFindings(doc, [
      { code: 'section-scores-nothing', severity: 'warning', path: 'sections[1].weight', sectionId: 'alarms' },
    ]);
    const checklist = checkChecklistDocument(doc).checklist!;
    expect(scoreChecklist(checklist, answersFor(checklist)).sections[1]!.percent).toBeNull();
  });

  it('a section whose items all weigh 0 never counts; with weight 0 itself it is fine', () => {
    const zeroed = (d: Doc) => d.sections[1]!.items.forEach((i) => ((i as Json).weight = 0));
    expectFindings(changed(zeroed), [
      { code: 'section-scores-nothing', severity: 'warning', path: 'sections[1].weight', sectionId: 'alarms' },
    ]);
    expectFindings(
      changed((d) => {
        zeroed(d);
        section(d, 1).weight = 0;
      }),
      [],
    );
  });

  it('passScore with every section weighing 0 is an error (and scoring would pass anything)', () => {
    const doc = changed((d) => d.sections.forEach((s) => ((s as Json).weight = 0)));
    expectFindings(doc, [{ code: 'scores-cannot-add-up', severity: 'error', path: 'passScore' }]);
    const checklist = checkChecklistDocument(doc).checklist!;
    const answers = answersFor(checklist);
    answers.set('cctv-quality', { kind: 'score', value: 0 });
    const score = scoreChecklist(checklist, answers);
    expect(score).toMatchObject({ percent: null, passed: true });
    // Without a pass mark, a template that scores nothing (a log to fill in) is fine.
    expectFindings(
      changed((d) => {
        d.sections.forEach((s) => ((s as Json).weight = 0));
        delete (d as Json).passScore;
      }),
      [],
    );
  });

  it('passScore with nothing scorable anywhere is an error, besides each section that scores nothing', () => {
    expectFindings(
      changed((d) => d.sections.forEach((s) => s.items.forEach((i) => ((i as Json).weight = 0)))),
      [
        { code: 'section-scores-nothing', severity: 'warning', path: 'sections[0].weight', sectionId: 'doors' },
        { code: 'section-scores-nothing', severity: 'warning', path: 'sections[1].weight', sectionId: 'alarms' },
        { code: 'scores-cannot-add-up', severity: 'error', path: 'passScore' },
      ],
    );
  });
});

describe('the schema step', () => {
  it('refuses an unsupported schemaVersion with one finding', () => {
    expectFindings(
      changed((d) => ((d as Json).schemaVersion = 2)),
      [{ code: 'unsupported-schema-version', severity: 'error', path: 'schemaVersion' }],
    );
  });

  it('refuses a plan file with one schema finding on kind, saying it is a plan', () => {
    const plan = JSON.parse(readFileSync(PLAN_FIXTURE, 'utf8')) as unknown;
    const [f] = expectFindings(plan, [{ code: 'schema', severity: 'error', path: 'kind' }]);
    expect(f!.message.en).toContain('plan file');
    expect(f!.message['zh-CN']).toContain('应急预案');
    expectFindings(
      changed((d) => ((d as Json).kind = 'plan')),
      [{ code: 'schema', severity: 'error', path: 'kind' }],
    );
  });

  it('a template that forgot kind shows that and its other problems at once', () => {
    const findings = checkChecklistDocument(
      changed((d) => {
        delete (d as Json).kind;
        delete (d as Json).use;
      }),
    ).findings;
    expect(findings.map((f) => `${f.code} ${f.path}`).sort()).toEqual(['schema kind', 'schema use']);
  });

  it('names the item a schema issue lies in, with zod’s messages in both languages', () => {
    const findings = expectFindings(
      changed((d) => {
        item(d, 1, 0).kind = 'checkbox';
        item(d, 0, 0).critcal = true;
      }),
      [
        {
          code: 'schema',
          severity: 'error',
          path: 'sections[0].items[0].critcal',
          itemId: 'vault-door-locked',
          sectionId: 'doors',
        },
        {
          code: 'schema',
          severity: 'error',
          path: 'sections[1].items[0].kind',
          itemId: 'alarm-response',
          sectionId: 'alarms',
        },
      ],
    );
    expect(findings.find((f) => f.path.endsWith('critcal'))!.message.en).toContain('"critcal"');
  });

  it('a bad section or item id gets the id rule in words, not a regular expression', () => {
    const [f] = expectFindings(
      changed((d) => (section(d, 0).id = 'Doors 1')),
      [{ code: 'schema', severity: 'error', path: 'sections[0].id', sectionId: 'Doors 1' }],
    );
    expect(f!.message).toEqual({
      'zh-CN': '格式不符：编号只能由小写字母、数字和单个连字符组成',
      en: 'Does not match the checklist format: an id is lower-case letters, digits and single hyphens',
    });
  });

  it('refuses what is not an object', () => {
    for (const doc of [null, 3, 'checklist', [TEMPLATE]]) {
      const { findings, checklist } = checkChecklistDocument(doc);
      expect(checklist).toBeUndefined();
      expect(findings.map((f) => f.code)).toEqual(['schema']);
    }
  });
});

describe('a template’s text', () => {
  const lineColumnOf = (text: string, needle: string) => {
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes(needle));
    return { line: line + 1, column: lines[line]!.indexOf(needle) + 1 };
  };

  it('places each finding at the line and column of its value', () => {
    const text = JSON.stringify(
      changed((d) => (item(d, 0, 1).passAt = 6)),
      null,
      2,
    );
    const { findings, checklist } = checkChecklistText(text);
    expect(checklist?.id).toBe('daily-sample');
    const where = lineColumnOf(text, '"passAt": 6');
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'pass-above-max',
        itemId: 'cctv-quality',
        line: where.line,
        column: where.column + '"passAt": '.length,
      }),
    ]);
  });

  it('places a missing key at its nearest ancestor, and a syntax error where the text goes wrong', () => {
    const text = JSON.stringify(
      changed((d) => delete (item(d, 1, 0).unit as Json).en),
      null,
      2,
    );
    const [f] = checkChecklistText(text).findings;
    expect(f).toMatchObject({ path: 'sections[1].items[0].unit.en', line: lineColumnOf(text, '"unit": {').line });

    const cut = text.slice(0, text.indexOf('"alarms"') + 4);
    const broken = checkChecklistText(cut);
    expect(broken.checklist).toBeUndefined();
    const lastLine = cut.split('\n');
    expect(broken.findings).toEqual([
      expect.objectContaining({ code: 'not-json', path: '', line: lastLine.length, column: expect.any(Number) }),
    ]);
    expect(broken.findings[0]!.message.en).toMatch(/^Not valid JSON: /);
    SEEN.add('not-json');
  });
});

describe('countBySeverity', () => {
  it('counts errors and warnings of checklist findings', () => {
    const findings = analyseChecklist(
      checkChecklistDocument(
        changed((d) => {
          item(d, 1, 1).critical = true;
          item(d, 1, 1).rectifyDays = 1;
        }),
      ).checklist!,
    );
    expect(countBySeverity(findings)).toEqual({ errors: 1, warnings: 1 });
  });
});

describe('content hash', () => {
  const parse = (doc: unknown) => checkChecklistDocument(doc).checklist!;

  it('is sha256: and the hash of the canonical JSON, blind to the $schema editor hint and to key order', () => {
    const hash = checklistContentHash(parse(TEMPLATE), sha256);
    expect(hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(checklistContentHash(parse(changed((d) => delete (d as Json).$schema)), sha256)).toBe(hash);
    const reordered = Object.fromEntries(Object.entries(TEMPLATE).reverse());
    expect(checklistContentHash(parse(reordered), sha256)).toBe(hash);
  });

  it('changes with any content', () => {
    const hash = checklistContentHash(parse(TEMPLATE), sha256);
    expect(checklistContentHash(parse(changed((d) => (item(d, 0, 1).passAt = 4))), sha256)).not.toBe(hash);
    expect(checklistContentHash(parse(changed((d) => (d.version = 2))), sha256)).not.toBe(hash);
  });
});

describe('the catalogue', () => {
  it('every code but the file-level ones (tried by the CLI’s tests) was raised by a case above', () => {
    const fileLevel: ChecklistFindingCode[] = ['unreadable', 'version-conflict', 'version-damaged'];
    expect(CHECKLIST_FINDING_CODES.filter((c) => !SEEN.has(c) && !fileLevel.includes(c))).toEqual([]);
  });
});
