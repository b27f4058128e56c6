// Checking checklist templates, fuzzed: a valid template's text mutated the ways a hand-edited or damaged file goes
// wrong (keys deleted, wrong types, items duplicated or moved, ids reused, numbers pushed out of range, text cut or
// bytes flipped, JSON that is not an object). The checker never throws; every finding has a known code, a severity,
// a path, a line and both languages; and a finding whose path goes through an item names that item.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkChecklistDocument } from '../../shared/checklist/checkChecklist';
import { checkChecklistText } from '../../shared/checklist/checkChecklistText';
import { CHECKLIST_FINDING_CODES, type ChecklistFindingCode } from '../../shared/checklist/findings';

const RUNS = Number(process.env.GUARDBOOK_CHECKLIST_FUZZ_RUNS ?? 2000);
const SEED = 20261207;

const text = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const TEMPLATE = {
  $schema: './checklist.schema.json',
  schemaVersion: 1,
  kind: 'checklist',
  id: 'fuzz-sample',
  version: 1,
  use: 'inspection',
  title: text('明查暗访（样例）', 'Inspection (sample)'),
  shortTitle: text('明查暗访', 'Inspection'),
  summary: text('检查门禁、监控、报警与押运交接。', 'Doors, cameras, alarms and cash handover.'),
  basis: text('银行营业场所安全防范要求', 'Bank premises security rules'),
  passScore: 85,
  sections: [
    {
      id: 'doors',
      title: text('门禁', 'Doors'),
      weight: 2,
      items: [
        {
          id: 'vault-door',
          kind: 'yes-no',
          text: text('金库门已上锁', 'The vault door is locked'),
          guidance: text('双人核对', 'Two people check it'),
          critical: true,
          photo: true,
          evidence: text('修复后的门锁照片', 'A photo of the repaired lock'),
          rectifyDays: 1,
        },
        { id: 'side-door', kind: 'yes-no', text: text('侧门关闭', 'The side door is shut'), allowNa: false },
        { id: 'cctv', kind: 'score', text: text('监控画面清晰', 'The CCTV picture is clear'), max: 10, passAt: 6 },
      ],
    },
    {
      id: 'alarms',
      title: text('报警', 'Alarms'),
      weight: 1,
      items: [
        {
          id: 'alarm-seconds',
          kind: 'number',
          text: text('报警联动响应时间', 'Alarm link response time'),
          unit: text('秒', 's'),
          min: 0,
          max: 60,
          weight: 2,
        },
        { id: 'alarm-log', kind: 'text', text: text('报警记录', 'Alarm log'), photo: true },
      ],
    },
  ],
};
const BASE = JSON.stringify(TEMPLATE, null, 2);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

// ---- JSON surgery ----

function parsed(source: string): Json | undefined {
  try {
    return JSON.parse(source) as Json;
  } catch {
    return undefined;
  }
}

/** Every path in the value whose value `keep` accepts, in document order. */
function pathsOf(root: Json, keep: (value: Json, path: Path) => boolean): Path[] {
  const found: Path[] = [];
  const visit = (value: Json, path: Path): void => {
    if (keep(value, path)) found.push(path);
    if (Array.isArray(value)) value.forEach((v, i) => visit(v, [...path, i]));
    else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) visit(v, [...path, k]);
    }
  };
  visit(root, []);
  return found;
}

function at(root: Json, path: Path): Json {
  let node: Json = root;
  for (const segment of path) node = (node as Record<string | number, Json>)[segment]!;
  return node;
}

const pick = <T>(items: readonly T[], n: number): T | undefined => items[n % Math.max(items.length, 1)];
const isItem = (_: Json, p: Path) => p.length === 4 && p[0] === 'sections' && p[2] === 'items';
const isItemList = (v: Json, p: Path) => Array.isArray(v) && p.at(-1) === 'items';

/** A change to the parsed document; text that no longer parses is left as it is. */
function onJson(change: (doc: Json) => void): (source: string) => string {
  return (source) => {
    const doc = parsed(source);
    if (doc === undefined) return source;
    change(doc);
    return JSON.stringify(doc, null, 2);
  };
}

const wrongValue = fc.oneof(
  fc.constantFrom<Json>(null, true, false, 0, -1, 1.5, 101, 1e9, '', 'x', 'Bad Id', [], {}, { 'zh-CN': 1 }),
  fc.constantFrom<Json>('yes-no', 'score', 'number', 'text', 'checkbox', 'checklist', 'daily', 'other'),
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
);

/** Fields and values that each break, or come close to breaking, an analysis rule. */
const ruleBreaker = fc.oneof(
  fc.constantFrom<[string, Json]>(
    ['critical', true],
    ['rectifyDays', 3],
    ['evidence', text('证据', 'Proof')],
    ['weight', 0],
    ['passAt', 0],
    ['kind', 'text'],
    ['kind', 'number'],
    ['items', []],
  ),
  fc.tuple(fc.constantFrom('passAt', 'max', 'min', 'weight', 'rectifyDays'), fc.integer({ min: -5, max: 120 })),
);

const mutation: fc.Arbitrary<(source: string) => string> = fc.oneof(
  fc.nat().map((n) =>
    onJson((doc) => {
      const path = pick(
        pathsOf(doc, (_, p) => typeof p.at(-1) === 'string'),
        n,
      );
      if (path) delete (at(doc, path.slice(0, -1)) as Record<string, Json>)[path.at(-1)!];
    }),
  ),
  fc.tuple(fc.nat(), wrongValue).map(([n, value]) =>
    onJson((doc) => {
      const path = pick(
        pathsOf(doc, (_, p) => p.length > 0),
        n,
      );
      if (path) (at(doc, path.slice(0, -1)) as Record<string | number, Json>)[path.at(-1)!] = value;
    }),
  ),
  fc.tuple(fc.nat(), fc.nat()).map(([from, to]) =>
    onJson((doc) => {
      // An item copied whole into a list of items (its own or another section's): a repeated id.
      const item = pick(pathsOf(doc, isItem), from);
      const list = pick(pathsOf(doc, isItemList), to);
      if (item && list) (at(doc, list) as Json[]).push(structuredClone(at(doc, item)));
    }),
  ),
  fc.tuple(fc.nat(), fc.nat()).map(([from, to]) =>
    onJson((doc) => {
      // One id given to another section or item.
      const owners = pathsOf(doc, (v, p) => typeof (v as { id?: unknown })?.id === 'string' && p.length > 0);
      const source = pick(owners, from);
      const target = pick(owners, to);
      if (source && target) (at(doc, target) as { id: Json }).id = (at(doc, source) as { id: Json }).id;
    }),
  ),
  fc.tuple(fc.nat(), ruleBreaker).map(([n, [key, value]]) =>
    onJson((doc) => {
      // A plausible field on an item or a section, with a value that may break a rule of the analysis.
      const path = pick(
        pathsOf(doc, (_, p) => isItem(_, p) || (p.length === 2 && p[0] === 'sections')),
        n,
      );
      const node = path && at(doc, path);
      if (node && typeof node === 'object' && !Array.isArray(node)) node[key] = value;
    }),
  ),
  fc.tuple(fc.nat(), fc.nat({ max: 50 })).map(([n, by]) =>
    onJson((doc) => {
      // Limits crossed: a lower bound above the upper one (min above max, passAt above max).
      const path = pick(pathsOf(doc, isItem), n);
      const node = path && at(doc, path);
      if (!node || typeof node !== 'object' || Array.isArray(node) || typeof node.max !== 'number') return;
      node[node.kind === 'score' ? 'passAt' : 'min'] = node.max + 1 + by;
    }),
  ),
  fc.tuple(fc.nat(), fc.constantFrom('zh-CN', 'en')).map(([n, lang]) =>
    onJson((doc) => {
      const localized = pathsOf(doc, (v) => typeof v === 'object' && v !== null && 'zh-CN' in v);
      const path = pick(localized, n);
      if (path) delete (at(doc, path) as Record<string, Json>)[lang];
    }),
  ),
  fc.nat().map((n) => (source: string) => source.slice(0, n % (source.length + 1))),
  fc.tuple(fc.nat(), fc.nat({ max: 6 })).map(([n, bit]) => (source: string) => {
    const i = n % Math.max(source.length, 1);
    return source.slice(0, i) + String.fromCharCode(source.charCodeAt(i) ^ (1 << bit)) + source.slice(i + 1);
  }),
  (fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>).map((value) => () => JSON.stringify(value)),
);

/** The id of the item a path goes through, in the document as it was checked, if it has a string one. */
function itemIdOnPath(doc: Json | undefined, path: string): string | undefined {
  const match = /^sections\[(\d+)\]\.items\[(\d+)\]/.exec(path);
  if (!match || doc === undefined) return undefined;
  const sections = (doc as { sections?: unknown }).sections;
  const item = Array.isArray(sections)
    ? (sections[Number(match[1])] as { items?: unknown } | undefined)?.items
    : undefined;
  const id = Array.isArray(item) ? (item[Number(match[2])] as { id?: unknown } | undefined)?.id : undefined;
  return typeof id === 'string' ? id : undefined;
}

const HAN = /\p{Script=Han}/u;
const REFUSALS: readonly ChecklistFindingCode[] = ['not-json', 'schema', 'unsupported-schema-version'];

describe('checking mutated checklist templates', () => {
  it(`never throws on ${RUNS} mutated files, and explains every finding in both languages`, () => {
    expect(RUNS).toBeGreaterThanOrEqual(1000);
    const codes = new Map<ChecklistFindingCode, number>();
    let clean = 0;
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        const source = mutations.reduce((t, m) => m(t), BASE);
        const result = checkChecklistText(source);
        const doc = parsed(source);
        if (result.findings.length === 0) clean++;
        for (const f of result.findings) {
          codes.set(f.code, (codes.get(f.code) ?? 0) + 1);
          expect(CHECKLIST_FINDING_CODES).toContain(f.code);
          expect(['error', 'warning']).toContain(f.severity);
          expect(typeof f.path).toBe('string');
          expect(f.message['zh-CN'], f.code).toMatch(HAN);
          expect(f.message.en.trim(), f.code).not.toBe('');
          expect(f.line, `${f.code} at ${f.path}`).toBeGreaterThanOrEqual(1);
          expect(f.column, `${f.code} at ${f.path}`).toBeGreaterThanOrEqual(1);
          const itemId = itemIdOnPath(doc, f.path);
          if (itemId !== undefined) expect(f.itemId, `${f.code} at ${f.path}`).toBe(itemId);
        }
        // The text checker adds only positions to what the document checker finds.
        if (doc !== undefined) {
          expect(result.findings.map((f) => `${f.code} ${f.path}`)).toEqual(
            checkChecklistDocument(doc).findings.map((f) => `${f.code} ${f.path}`),
          );
        }
        // A template is returned exactly when the text is JSON the schema accepts.
        const refused = result.findings.some((f) => REFUSALS.includes(f.code));
        expect(result.checklist === undefined).toBe(refused);
      }),
      { numRuns: RUNS, seed: SEED },
    );
    // The mutations reached every stage: syntax, the schema, and the analysis rules.
    for (const code of [
      'not-json',
      'schema',
      'duplicate-id',
      'missing-translation',
      'pass-above-max',
      'limits-reversed',
      'critical-text-item',
    ] as const) {
      expect(codes.get(code) ?? 0, code).toBeGreaterThan(0);
    }
    expect(clean).toBeGreaterThan(0);
  });
});
