// Importing plan files from elsewhere, fuzzed: the bundled plans' text mutated every way a file from another
// branch could be wrong (bytes flipped, cut short, keys deleted, wrong types, huge strings, duplicate ids, any
// Unicode, odd version numbers, another plan's id, JSON that is not an object, deep nesting). An import never throws
// but the API's `invalid-input` (identical content, a draft in the way), never touches a published version, explains
// a refusal in both languages (with a line number when the text is not JSON) and, accepted, only adds a draft.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChainFile } from '../../electron/journal/chainLog';
import { BranchLibrary, LIBRARY_DIR, LIBRARY_LOG_FILE } from '../../electron/plans/branchLibrary';
import { ApiError } from '../../shared/api/errors';
import { MAX_JSON_DEPTH } from '../../shared/json/locatedJson';
import { LIBRARY_LOG_FORMAT, type PersonRef } from '../../shared/library/libraryLog';
import { bundledPlanFiles, PLANS_DIR } from '../support/bundledPlans';

const RUNS = Number(process.env.GUARDBOOK_IMPORT_RUNS ?? 2000);
const SEED = 20261206;
const HQ: PersonRef = { userId: 'hq-manager', name: '总行预案管理员' };

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];
/** One mutation of a file's text, named for the figures. */
interface Mutation {
  kind: string;
  apply: (text: string) => string;
}

const FILES = bundledPlanFiles();
const TEXTS = FILES.map((name) => readFileSync(join(PLANS_DIR, name), 'utf8'));
const PLAN_IDS = FILES.map((name) => name.replace(/\.json$/, ''));

// ---- JSON surgery (iterative, so a mutation never recurses through a deeply nested value) ----

function parseOrUndefined(text: string): Json | undefined {
  try {
    return JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text) as Json;
  } catch {
    return undefined;
  }
}

/** Whether no value lies inside more than `limit` arrays and objects. */
function nestedWithin(root: Json, limit: number): boolean {
  const stack: [Json, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, enclosing] = stack.pop()!;
    if (enclosing > limit) return false;
    if (node !== null && typeof node === 'object') {
      for (const child of Object.values(node)) stack.push([child, enclosing + 1]);
    }
  }
  return true;
}

const isObject = (value: Json | undefined): value is { [key: string]: Json } =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Every path in the value whose value `keep` accepts, the root's `[]` included, in document order. */
function pathsOf(root: Json, keep: (value: Json, path: Path) => boolean): Path[] {
  const found: Path[] = [];
  const stack: [Json, Path][] = [[root, []]];
  while (stack.length > 0) {
    const [value, path] = stack.pop()!;
    if (keep(value, path)) found.push(path);
    if (Array.isArray(value)) value.forEach((v, i) => stack.push([v, [...path, i]]));
    else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) stack.push([v, [...path, k]]);
    }
  }
  return found;
}

function containerAt(root: Json, path: Path): Record<string | number, Json> {
  let node: Json = root;
  for (const segment of path) node = (node as Record<string | number, Json>)[segment]!;
  return node as Record<string | number, Json>;
}

/** The document with the value at `path` replaced (the whole document for `[]`). */
function setAt(root: Json, path: Path, value: Json): Json {
  if (path.length === 0) return value;
  containerAt(root, path.slice(0, -1))[path.at(-1)!] = value;
  return root;
}

function removeAt(root: Json, path: Path): Json {
  const parent = containerAt(root, path.slice(0, -1));
  if (Array.isArray(parent)) parent.splice(path.at(-1) as number, 1);
  else delete parent[path.at(-1)!];
  return root;
}

const pick = <T>(items: readonly T[], n: number): T | undefined => items[n % Math.max(items.length, 1)];
/** The `n`-th (modulo their number) of the paths whose value `keep` accepts. */
const pickPath = (doc: Json, n: number, keep: (value: Json, path: Path) => boolean) => pick(pathsOf(doc, keep), n);

/**
 * A mutation of the parsed document. Text that no longer parses (an earlier mutation broke it) is left as it is, and
 * so is a document nested deeper than plans ever are (an earlier deep nesting): walking it would cost too much.
 */
function onJson(kind: string, change: (doc: Json) => Json | undefined): Mutation {
  return {
    kind,
    apply: (text) => {
      const doc = parseOrUndefined(text);
      if (doc === undefined || !nestedWithin(doc, 2 * MAX_JSON_DEPTH)) return text;
      const changed = change(doc);
      return changed === undefined ? text : JSON.stringify(changed, null, 2);
    },
  };
}

// ---- the mutations ----

const CJK_AND_EMOJI = [
  '王',
  '预案',
  '應急',
  '灾',
  '한',
  'ｱ',
  '🔥',
  '🏦',
  '👨‍👩‍👧‍👦',
  '🇨🇳',
  'é',
  '\u200d',
  '\u202e',
  '\uD83D',
  '\u0000',
];
const unicodeText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom(...CJK_AND_EMOJI), minLength: 1, maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);
const wrongValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(null, true, false, 0, -1, 1.5, '', 'text', [], {}, [1, 2], { id: 'x' }),
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
);
const versionNumber = fc.constantFrom<Json>(
  -1,
  0,
  1,
  1.5,
  2,
  3,
  99,
  -0,
  2 ** 31,
  2 ** 53,
  2 ** 53 + 2,
  1e308,
  -1e308,
  5e-324,
  '2',
  'v2',
  null,
  true,
  [2],
);
const hugeString = fc
  .tuple(fc.constantFrom('x', '王', '🔥', 'a-', ' ', '\\', '"'), fc.integer({ min: 10_000, max: 200_000 }))
  .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)));
const nesting = fc.oneof(
  fc.integer({ min: 1, max: 300 }),
  fc.constantFrom(MAX_JSON_DEPTH - 1, MAX_JSON_DEPTH, MAX_JSON_DEPTH + 1, 10_000, 200_000),
);

const isStep = (value: Json): value is { [key: string]: Json } => isObject(value) && typeof value.id === 'string';

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.nat(), fc.nat({ max: 7 })).map(([at, bit]) => ({
    kind: 'byte flip',
    apply: (text: string) => {
      const bytes = Buffer.from(text, 'utf8');
      if (bytes.length > 0) bytes[at % bytes.length]! ^= 1 << bit;
      return bytes.toString('utf8');
    },
  })),
  fc.tuple(fc.nat(), fc.boolean()).map(([at, byBytes]) => ({
    kind: 'truncation',
    apply: (text: string) => {
      if (!byBytes) return text.slice(0, at % Math.max(text.length, 1));
      const bytes = Buffer.from(text, 'utf8'); // may cut a character in half
      return bytes.subarray(0, at % Math.max(bytes.length, 1)).toString('utf8');
    },
  })),
  fc.nat().map((n) =>
    onJson('deleted key', (doc) => {
      const path = pickPath(doc, n, (_, p) => p.length > 0 && typeof p.at(-1) === 'string');
      return path && removeAt(doc, path);
    }),
  ),
  fc.tuple(fc.nat(), wrongValue).map(([n, value]) =>
    onJson('wrong type', (doc) => {
      const path = pickPath(doc, n, (v, p) => p.length > 0 && v !== null && typeof v !== 'object');
      return path && setAt(doc, path, value);
    }),
  ),
  fc.tuple(fc.nat(), hugeString).map(([n, huge]) =>
    onJson('huge string', (doc) => {
      const path = pickPath(doc, n, (v) => typeof v === 'string');
      return path && setAt(doc, path, huge);
    }),
  ),
  fc.tuple(fc.nat(), fc.nat(), fc.boolean()).map(([from, to, copyWhole]) =>
    onJson('duplicate id', (doc) => {
      const steps = pathsOf(doc, (v, p) => isStep(v) && typeof p.at(-1) === 'number');
      const source = pick(steps, from);
      const target = pick(steps, to);
      if (!source || !target) return undefined;
      const step = containerAt(doc, source) as { [key: string]: Json };
      if (copyWhole) {
        const list = containerAt(doc, source.slice(0, -1)) as unknown as Json[];
        list.push(structuredClone(step));
      } else (containerAt(doc, target) as { [key: string]: Json }).id = step.id!;
      return doc;
    }),
  ),
  fc.tuple(fc.nat(), unicodeText).map(([n, text]) =>
    onJson('unicode value', (doc) => {
      const path = pickPath(doc, n, (v) => typeof v === 'string');
      return path && setAt(doc, path, text);
    }),
  ),
  fc.tuple(fc.nat(), unicodeText).map(([at, inserted]) => ({
    kind: 'unicode in the text',
    apply: (text: string) => {
      const i = at % (text.length + 1);
      return text.slice(0, i) + inserted + text.slice(i);
    },
  })),
  versionNumber.map((version) => onJson('version number', (doc) => (isObject(doc) ? { ...doc, version } : undefined))),
  fc
    .tuple(fc.nat(), fc.boolean())
    .map(([n, newVersion]) =>
      onJson('another plan’s id', (doc) =>
        isObject(doc) ? { ...doc, id: pick(PLAN_IDS, n)!, ...(newVersion ? { version: 2 } : {}) } : undefined,
      ),
    ),
  fc
    .jsonValue({ maxDepth: 3 })
    .filter((v) => v === null || typeof v !== 'object' || Array.isArray(v))
    .map((value) => ({ kind: 'not an object', apply: () => JSON.stringify(value) })),
  fc.tuple(fc.nat(), nesting, fc.boolean()).map(([n, depth, arrays]) => ({
    kind: 'deep nesting',
    apply: (text: string) => {
      const marker = '\u0001deep\u0001'; // a string no plan holds, replaced by the nested text
      const deep = arrays
        ? `${'['.repeat(depth)}0${']'.repeat(depth)}`
        : `${'{"a":'.repeat(depth)}0${'}'.repeat(depth)}`;
      const doc = parseOrUndefined(text);
      const walkable = doc !== undefined && nestedWithin(doc, 2 * MAX_JSON_DEPTH);
      const path = walkable ? pickPath(doc, n, () => true) : undefined;
      if (doc === undefined || !path) return deep;
      return JSON.stringify(setAt(doc, path, marker), null, 2).replace(JSON.stringify(marker), deep);
    },
  })),
);

/** A file to import: a bundled plan's text, mutated one to three times, under an ordinary or odd name. */
const importedFile = fc.record({
  base: fc.nat({ max: TEXTS.length - 1 }),
  mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }),
  name: fc.constantFrom('fire-hq.json', '总行下发预案.json', '预案 (1).json', '🔥.json', 'plan'),
});

// ---- what must hold ----

/** Whether the text is JSON (a byte-order mark allowed) nested no deeper than the reader takes. */
function isShallowJson(text: string): boolean {
  const value = parseOrUndefined(text);
  return value !== undefined && nestedWithin(value, MAX_JSON_DEPTH);
}

const HAN = /\p{Script=Han}/u;

describe('importing a damaged or hostile plan file', () => {
  let dir: string;
  let library: BranchLibrary;
  const logFile = () => join(dir, LIBRARY_DIR, LIBRARY_LOG_FILE);
  /** What must never change: each plan's published version as listed, and the log's length. */
  const publishedState = () => ({
    list: library.list().map((s) => `${s.id} v${s.version} ${s.contentHash} ${s.status}`),
    logEntries: verifyChainFile(logFile(), LIBRARY_LOG_FORMAT).events.length,
  });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'guardbook-import-fuzz-'));
    library = await BranchLibrary.open({ dataDir: dir, templatesDir: PLANS_DIR, installation: 'import-fuzz' });
  });
  afterAll(() => {
    library?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    `refuses or drafts ${RUNS} mutated plan files, never touching a published version`,
    { timeout: 180_000 },
    async () => {
      expect(RUNS).toBeGreaterThanOrEqual(1000);
      const began = performance.now();
      const baseline = publishedState();
      const outcomes = new Map<string, number>();
      const kinds = new Map<string, number>();
      const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

      fc.assert(
        fc.property(importedFile, ({ base, mutations, name }) => {
          const text = mutations.reduce((t, m) => m.apply(t), TEXTS[base]!);
          mutations.forEach((m) => count(kinds, m.kind));
          let result: ReturnType<BranchLibrary['importFile']>;
          try {
            result = library.importFile(name, text, HQ);
          } catch (error) {
            expect(error).toBeInstanceOf(ApiError);
            expect((error as ApiError).body.code).toBe('invalid-input');
            count(outcomes, 'refused as nothing to import (ApiError)');
            expect(publishedState()).toEqual(baseline);
            return;
          }
          if (result.accepted) {
            count(outcomes, 'accepted as a draft');
            const planId = result.draft.draft.planId;
            expect(result.draft.draft).toMatchObject({ status: 'draft', importedFrom: name, createdBy: HQ });
            expect(library.hasDraft(planId)).toBe(true);
            // Only a draft was added: every published version is as it was (a new plan id lists as unpublished).
            const during = publishedState();
            expect(during.logEntries).toBe(baseline.logEntries);
            expect(during.list.filter((s) => !s.endsWith(' unpublished'))).toEqual(baseline.list);
            library.discardDraft(planId);
            expect(existsSync(join(dir, LIBRARY_DIR, 'drafts', `${planId}.json`))).toBe(false);
          } else {
            const shallowJson = isShallowJson(text);
            count(outcomes, `refused: ${shallowJson ? result.findings[0]?.code : 'not JSON'}`);
            expect(result.findings.length).toBeGreaterThan(0);
            for (const finding of result.findings) {
              expect(finding.message['zh-CN'], finding.code).toMatch(HAN);
              expect(finding.message.en, finding.code).toMatch(/[A-Za-z]/);
            }
            if (!shallowJson) {
              const lines = text.split('\n').length;
              expect(result.findings.map((f) => f.code)).toEqual(['not-json']);
              // The library hands on the reader's findings, placed at their line and column.
              for (const finding of result.findings) {
                expect(finding.line).toBeGreaterThanOrEqual(1);
                expect(finding.line).toBeLessThanOrEqual(lines);
              }
            } else expect(result.findings.some((f) => f.code === 'not-json')).toBe(false);
          }
          expect(publishedState()).toEqual(baseline);
          expect(library.list().some((s) => s.draft !== undefined)).toBe(false);
        }),
        { numRuns: RUNS, seed: SEED },
      );

      // On disk too: a restart finds the same published versions and no draft.
      library.close();
      library = await BranchLibrary.open({ dataDir: dir, templatesDir: PLANS_DIR, installation: 'import-fuzz' });
      expect(library.problems).toEqual([]);
      expect(publishedState()).toEqual(baseline);
      expect(library.list().every((s) => s.draft === undefined && s.status === 'published')).toBe(true);

      const show = (map: Map<string, number>) => [...map].map(([k, n]) => `${n} ${k}`).join(', ');
      process.stdout.write(
        `import fuzz: ${RUNS} files in ${((performance.now() - began) / 1000).toFixed(1)} s; ${show(outcomes)}; ` +
          `mutations: ${show(kinds)}\n`,
      );
      // The mix reached every side: refusals of each kind and accepted drafts.
      expect(outcomes.get('accepted as a draft') ?? 0).toBeGreaterThan(0);
      expect(outcomes.get('refused: not JSON') ?? 0).toBeGreaterThan(0);
      expect(outcomes.get('refused: schema') ?? 0).toBeGreaterThan(0);
    },
  );
});
