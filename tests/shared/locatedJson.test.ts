import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  locateNearest,
  MAX_JSON_DEPTH,
  parseLocatedJson,
  type LocatedJson,
  type TextPosition,
} from '../../shared/json/locatedJson';
import { checkPlanText } from '../../shared/plan/checkPlanText';
import { formatPath, parsePath, type PathSegment } from '../../shared/json/jsonPath';
import { minimalPlan, withChange } from '../fixtures/minimalPlan';

type Located = Extract<LocatedJson, { ok: true }>;
type Failed = Extract<LocatedJson, { ok: false }>;

function parsed(text: string): Located {
  const result = parseLocatedJson(text);
  if (!result.ok)
    throw new Error(`expected valid JSON, got ${result.message.en} at ${JSON.stringify(result.position)}`);
  return result;
}

function failed(text: string): Failed {
  const result = parseLocatedJson(text);
  if (result.ok) throw new Error(`expected a syntax error for ${JSON.stringify(text)}`);
  return result;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** The 1-based line and column of a 0-based offset, counted independently of the code under test. */
function positionOf(text: string, offset: number): TextPosition {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

const SAMPLE = [
  '{',
  '  "start": "a",',
  '  "steps": [',
  '    { "id": "a", "next": "b" },',
  '    { "id": "b", "next": "c", "tags": [1, 2.5, -3e2, true, null] }',
  '  ]',
  '}',
].join('\n');

describe('parseLocatedJson on valid text', () => {
  it('gives the same value as JSON.parse', () => {
    expect(parsed(SAMPLE).value).toEqual(JSON.parse(SAMPLE));
  });

  it('locates values by path, 1-based, at the first character of the value', () => {
    const { locate } = parsed(SAMPLE);
    expect(locate('')).toEqual({ line: 1, column: 1 });
    expect(locate('start')).toEqual({ line: 2, column: 12 });
    expect(locate('steps')).toEqual({ line: 3, column: 12 });
    expect(locate('steps[0]')).toEqual({ line: 4, column: 5 });
    expect(locate('steps[0].next')).toEqual({ line: 4, column: 26 });
    expect(locate('steps[1].next')).toEqual({ line: 5, column: 26 });
    expect(locate('steps[1].tags[2]')).toEqual({ line: 5, column: 48 });
    expect(locate('steps[1].tags[4]')).toEqual({ line: 5, column: 60 });
  });

  it('returns undefined for a path that is not in the text', () => {
    const { locate } = parsed(SAMPLE);
    expect(locate('steps[2]')).toBeUndefined();
    expect(locate('steps[1].outcome')).toBeUndefined();
    expect(locate('nope')).toBeUndefined();
  });

  it('locateNearest falls back to the nearest ancestor that exists', () => {
    const located = parsed(SAMPLE);
    expect(locateNearest(located, parsePath('steps[1].options[0].next'))).toEqual({ line: 5, column: 5 });
    expect(locateNearest(located, parsePath('steps[1].next'))).toEqual({ line: 5, column: 26 });
    expect(locateNearest(located, parsePath('missing'))).toEqual({ line: 1, column: 1 });
  });

  it('accepts a leading byte order mark and counts columns after it', () => {
    const located = parsed('\uFEFF{"a": [1, 2]}');
    expect(located.value).toEqual({ a: [1, 2] });
    expect(located.locate('a[1]')).toEqual({ line: 1, column: 11 });
  });

  it('counts CRLF line endings as one line break', () => {
    const located = parsed('{\r\n  "a": 1,\r\n  "b": 2\r\n}');
    expect(located.locate('b')).toEqual({ line: 3, column: 8 });
  });

  it('accepts escapes, unicode and scalars at the top level', () => {
    expect(parsed('"a\\"b\\u00e9\\n/\\/"').value).toBe('a"bé\n//');
    expect(parsed(' 42 ').value).toBe(42);
    expect(parsed('null').value).toBeNull();
    expect(parsed('{"保安": "值班"}').value).toEqual({ 保安: '值班' });
  });

  // The scanner reads at most 400 characters of a number; JSON.parse has no such limit.
  // BUG (shared/json/locatedJson.ts, Scanner.number): a valid number literal longer than 400 characters
  // (e.g. '1' followed by 500 zeros) is rejected with "expected ... after" instead of parsing like JSON.parse.
  it('accepts a number literal longer than 400 characters, as JSON.parse does', () => {
    const text = `[1${'0'.repeat(500)}]`;
    expect(isJson(text)).toBe(true);
    expect(parseLocatedJson(text).ok).toBe(true);
  });

  it('refuses absurdly deep nesting with a clear error instead of overflowing the stack', () => {
    const text = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    const result = parseLocatedJson(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message.en).toBe(`nested more than ${MAX_JSON_DEPTH} levels deep`);
    expect(result.position).toEqual({ line: 1, column: MAX_JSON_DEPTH + 2 });
    expect(checkPlanText(text).findings.map((f) => f.code)).toEqual(['not-json']);
  });

  it('accepts nesting up to the limit', () => {
    const text = `${'['.repeat(MAX_JSON_DEPTH + 1)}${']'.repeat(MAX_JSON_DEPTH + 1)}`;
    expect(parseLocatedJson(text).ok).toBe(true);
  });
});

describe('parseLocatedJson on syntax errors', () => {
  const cases: Array<[string, string, TextPosition, string]> = [
    ['a trailing comma in an object', '{\n  "a": 1,\n}', { line: 3, column: 1 }, 'expected a property name'],
    ['a trailing comma in an array', '[1, 2,]', { line: 1, column: 7 }, "unexpected character ']'"],
    ['a single-quoted key', "{\n  'a': 1\n}", { line: 2, column: 3 }, 'expected a property name in double quotes'],
    ['a single-quoted string value', '{"a": \'b\'}', { line: 1, column: 7 }, 'double quotes'],
    ['a missing colon', '{\n  "a" 1\n}', { line: 2, column: 7 }, "expected ':'"],
    ['an unterminated string (at its opening quote)', '{\n  "a": "abc', { line: 2, column: 8 }, 'unterminated string'],
    ['a raw line break inside a string', '["ab\ncd"]', { line: 1, column: 5 }, 'control character'],
    ['garbage after the document', '{"a": 1}\n  x', { line: 2, column: 3 }, 'after the end of the document'],
    ['a second document', '{} {}', { line: 1, column: 4 }, 'after the end of the document'],
    ['empty input', '', { line: 1, column: 1 }, 'the document ends where a value was expected'],
    ['whitespace only', '  \n ', { line: 2, column: 2 }, 'the document ends where a value was expected'],
    ['a missing comma between properties', '{"a": 1 "b": 2}', { line: 1, column: 9 }, "expected ',' or '}'"],
    ['a missing comma between elements', '[1 2]', { line: 1, column: 4 }, "expected ',' or ']'"],
    ['an unclosed object', '{"a": 1', { line: 1, column: 8 }, "expected ',' or '}'"],
    ['a lone minus sign', '[-]', { line: 1, column: 2 }, 'malformed number'],
    ['a leading zero', '[01]', { line: 1, column: 3 }, "expected ',' or ']'"],
    ['a bad escape', '"a\\x"', { line: 1, column: 3 }, 'bad escape'],
    ['a bad unicode escape', '"\\u12G4"', { line: 1, column: 2 }, 'bad \\u escape'],
    ['a bare word', '{"a": yes}', { line: 1, column: 7 }, "unexpected character 'y'"],
  ];

  it.each(cases)('reports %s at the right place', (_name, text, position, en) => {
    expect(isJson(text)).toBe(false);
    const result = failed(text);
    expect(result.position).toEqual(position);
    expect(result.message.en).toContain(en);
    expect(result.message['zh-CN'].trim()).not.toBe('');
    expect(result.message['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('checkPlanText', () => {
  const lineOf = (text: string, needle: string) => {
    const offset = text.indexOf(needle);
    expect(offset, needle).toBeGreaterThanOrEqual(0);
    expect(text.indexOf(needle, offset + 1), `${needle} is unique`).toBe(-1);
    return offset;
  };

  it('passes the minimal plan with no findings and returns it', () => {
    const result = checkPlanText(JSON.stringify(minimalPlan(), null, 2));
    expect(result.findings).toEqual([]);
    expect(result.plan).toEqual(minimalPlan());
  });

  it('places an analysis finding at the line and column of the value', () => {
    const text = JSON.stringify(
      withChange((p) => {
        const step = p.steps[1];
        if (step?.kind === 'decision') step.options[0]!.next = 'nowhere';
      }),
      null,
      2,
    );
    const { findings, plan } = checkPlanText(text);
    expect(plan).toBeDefined();
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      code: 'unknown-target',
      path: 'steps[1].options[0].next',
      ...positionOf(text, lineOf(text, '"nowhere"')),
    });
  });

  it('places a schema finding for a misspelled key at that key, and the missing key at its object', () => {
    const original = JSON.stringify(minimalPlan(), null, 2);
    const text = original.replace('"next": "assess"', '"nxet": "assess"');
    expect(text).not.toBe(original);
    const { findings, plan } = checkPlanText(text);
    expect(plan).toBeUndefined();
    const byPath = new Map(findings.map((f) => [f.path, f]));
    expect(byPath.get('steps[0].nxet')).toMatchObject({
      code: 'schema',
      stepId: 'alarm',
      ...positionOf(text, lineOf(text, '"nxet": "assess"') + '"nxet": '.length),
    });
    // steps[0].next is not in the text: the finding goes to the nearest ancestor, the step object.
    const stepsArray = text.indexOf('"steps": [');
    expect(byPath.get('steps[0].next')).toMatchObject({
      code: 'schema',
      stepId: 'alarm',
      ...positionOf(text, text.indexOf('{', stepsArray)),
    });
    expect(findings).toHaveLength(2);
  });

  it('places a finding about a missing top-level key at the document start', () => {
    const text = JSON.stringify({ ...minimalPlan(), drill: undefined }, null, 2);
    const { findings } = checkPlanText(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'schema', path: 'drill', line: 1, column: 1 });
  });

  it('reports text that is not JSON as not-json, with its position and message in both languages', () => {
    const { findings, plan } = checkPlanText('{\n  "schemaVersion": 1,\n  "id": \'x\'\n}');
    expect(plan).toBeUndefined();
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'not-json', severity: 'error', path: '', line: 3, column: 9 });
    expect(findings[0]!.message.en).toContain('Not valid JSON');
    expect(findings[0]!.message['zh-CN']).toContain('不是有效的 JSON');
  });

  it('reports unsupported-schema-version at the schemaVersion line', () => {
    const text = JSON.stringify({ ...minimalPlan(), schemaVersion: 2 }, null, 2);
    const { findings } = checkPlanText(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'unsupported-schema-version', line: 2, column: 20 });
  });
});

/** Every path in a value. */
function paths(value: unknown, segments: PathSegment[] = []): PathSegment[][] {
  const out: PathSegment[][] = [segments];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...segments, i])));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...segments, k]));
  }
  return out;
}

/** `a.b[0]` notation cannot tell the key "a.b" from a → b, nor a root key "" from the root. */
function hasAmbiguousKeys(value: unknown): boolean {
  return paths(value).some((segments) => segments.some((s) => s === '' || (typeof s === 'string' && /[.[\]]/.test(s))));
}

function valueAt(value: unknown, segments: PathSegment[]): unknown {
  return segments.reduce<unknown>((v, s) => (v as Record<PathSegment, unknown>)[s], value);
}

/** Lines and columns within the text (a line counted without its line break, plus one column after it). */
function expectInside(text: string, position: TextPosition): void {
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  expect(position.line).toBeGreaterThanOrEqual(1);
  expect(position.line).toBeLessThanOrEqual(lines.length);
  expect(position.column).toBeGreaterThanOrEqual(1);
  expect(position.column).toBeLessThanOrEqual(lines[position.line - 1]!.length + 1);
}

describe('parseLocatedJson properties', () => {
  it('parses any JSON value serialised with indentation, like JSON.parse, and locates every value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const text = JSON.stringify(v, null, 2);
        const located = parsed(text);
        const expected: unknown = JSON.parse(text);
        expect(located.value).toEqual(expected);
        const lineStarts = [0];
        for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
        if (hasAmbiguousKeys(expected)) return;
        for (const segments of paths(expected)) {
          const position = located.locate(formatPath(segments));
          expect(position, formatPath(segments)).toBeDefined();
          const offset = lineStarts[position!.line - 1]! + position!.column - 1;
          // JSON.stringify indents a value at depth d by 2·d more spaces on each of its inner lines.
          const rendered = JSON.stringify(valueAt(expected, segments), null, 2).replace(
            /\n/g,
            `\n${' '.repeat(2 * segments.length)}`,
          );
          expect(text.startsWith(rendered, offset), formatPath(segments)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('parses any compact JSON value like JSON.parse', () => {
    fc.assert(
      fc.property(fc.jsonValue({ stringUnit: 'binary' }), (v) => {
        const text = JSON.stringify(v);
        expect(parsed(text).value).toEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  const jsonish = fc.string({
    unit: fc.constantFrom(...'{}[],:"\'0123456789-+.eE \n\t\\/ubnrtfalsex'.split('')),
    maxLength: 30,
  });
  const mutated = fc
    .tuple(fc.jsonValue({ maxDepth: 3 }), fc.nat(), fc.constantFrom('delete', 'insert', 'replace'), fc.string())
    .map(([v, at, how, s]) => {
      const text = JSON.stringify(v, null, 1);
      const i = at % (text.length + 1);
      if (how === 'delete') return text.slice(0, i) + text.slice(i + 1);
      if (how === 'insert') return text.slice(0, i) + s + text.slice(i);
      return text.slice(0, i) + s + text.slice(i + s.length);
    });

  it('never throws on random text and agrees with JSON.parse on whether it is valid', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), jsonish, mutated), (text) => {
        const result = parseLocatedJson(text);
        // A leading BOM is accepted on purpose, where JSON.parse rejects it.
        const withoutBom = text.replace(/^\uFEFF/, '');
        expect(result.ok).toBe(isJson(withoutBom));
        if (result.ok) expect(result.value).toEqual(JSON.parse(withoutBom));
        else {
          expectInside(text, result.position);
          expect(result.message.en).not.toBe('');
          expect(result.message['zh-CN']).not.toBe('');
        }
      }),
      { numRuns: 2000 },
    );
  });
});
