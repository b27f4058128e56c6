// fast-check arbitraries for bad input: API inputs built from a channel's real keys with plausible and odd values,
// and the bytes of a damaged file (random bytes, text, JSON, and real content cut short or with a bit flipped).
import fc from 'fast-check';
import type { z } from 'zod';

/** Strings that have broken programs before: prototype keys, paths, control and surrogate characters, huge text. */
export const ODD_STRINGS: readonly string[] = [
  '',
  ' ',
  '   \t\n',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '../../etc/passwd',
  '..\\..\\Windows\\win.ini',
  '/etc/passwd',
  'C:\\Windows\\System32',
  'CON',
  'nul',
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\uDFFF',
  'x\uD83D',
  '\uDE00x',
  '\uFEFF',
  '\u202Eevil',
  '\r\n',
  '%00',
  '${process.exit()}',
  '<script>alert(1)</script>',
  '=HYPERLINK("x")',
  "'; DROP TABLE users; --",
  'NaN',
  'Infinity',
  '-0',
  '1e400',
  'x'.repeat(100_000),
  '王'.repeat(41),
  'a'.repeat(65),
  'a-'.repeat(40),
  'Not A Slug',
];

/** Keys API inputs use, or could plausibly be sent with. */
export const PLAUSIBLE_KEYS: readonly string[] = [
  'id',
  'planId',
  'runId',
  'userId',
  'pin',
  'currentPin',
  'newPin',
  'name',
  'role',
  'disabled',
  'from',
  'to',
  'format',
  'mode',
  'command',
  'offset',
  'limit',
  'branch',
  'contacts',
  'language',
  'theme',
  'sound',
  'idleLockMinutes',
  'category',
  'outcome',
  'operator',
  'text',
  'type',
  'step',
  'option',
  'item',
  'contact',
  'reason',
  'note',
  'code',
];

export const ODD_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype', '', ' id', 'ID', '0', 'id\u0000'];

/**
 * Real names the values can be drawn from, so that many random inputs are valid and reach the handlers. Arrays
 * are read when a value is drawn, so a test may add to them as it goes (runs started, users added).
 */
export interface ValuePools {
  /** Any slug worth aiming at: plan, step, option, item and contact ids. */
  slugs: readonly string[];
  planIds: readonly string[];
  userIds: readonly string[];
  runIds: readonly string[];
  pins: readonly string[];
}

/** One of `values` as they are when the value is drawn (they may grow between runs). */
export function oneOfNow<T>(values: readonly T[]): fc.Arbitrary<T> {
  return fc.nat().map((n) => values[n % values.length]!);
}

const WORDS = [
  'guard',
  'trainer',
  'manager',
  'admin',
  'owner',
  'json',
  'csv',
  'pdf',
  'zip',
  'drill',
  'incident',
  'zh-CN',
  'en',
  'fr',
  'standard',
  'high-contrast',
  'robbery',
  'fire',
  'resolved',
  'aborted',
  'complete',
  'choose',
  'check',
  'called',
  'note',
  'abort',
  'signOff',
];

const TIMES = [
  '2025-03-04',
  '2026-02-30',
  '1970-01-01',
  '9999-12-31',
  '2025-03-04T08:00:00+08:00',
  '2025-03-04T08:00:00Z',
  '2025-03-04T25:00:00Z',
  '2100-01-01T00:00:00.123456789-12:00',
  'yesterday',
  '2025-03-04T08:00:00',
];

const PHONES = ['110', '119', '021-5555 0101', '+86 (21) 5555-0101', '', ' ', 'call me', '1'.repeat(25)];

/** Small numbers around the edges of every bound the API has, and a few huge or fractional ones. */
const NUMBERS = fc.oneof(
  fc.integer({ min: -3, max: 70 }),
  fc.constantFrom(-0, 0.5, 1.5, 499, 500, 501, 10_000_000, 10_000_001, 2 ** 31, 2 ** 53, 1e308, -1e308, 5e-324),
);

/** A value for any key: real ids, PINs, words, times, numbers, odd strings, small nested JSON. */
export function plausibleValue(pools: ValuePools): fc.Arbitrary<unknown> {
  const leaf = fc.oneof(
    oneOfNow(pools.slugs),
    oneOfNow(pools.userIds),
    oneOfNow(pools.runIds),
    oneOfNow(pools.pins),
    fc.constantFrom(...WORDS),
    fc.constantFrom(...TIMES),
    fc.constantFrom(...ODD_STRINGS),
    NUMBERS,
    fc.boolean(),
    fc.constant(null),
    fc.string({ maxLength: 24 }),
    fc.string({ unit: 'binary', maxLength: 24 }),
  );
  return fc.oneof(
    { weight: 8, arbitrary: leaf },
    { weight: 1, arbitrary: commandValue(pools, leaf) },
    { weight: 1, arbitrary: branchValue(leaf) },
    { weight: 1, arbitrary: contactsValue(pools) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  );
}

/** A run command: a real or bogus type with step, option, item … drawn from real slugs and odd strings. */
export function commandValue(pools: ValuePools, leaf: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const part = fc.oneof({ weight: 4, arbitrary: oneOfNow(pools.slugs) }, { weight: 1, arbitrary: leaf });
  const text = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom(...ODD_STRINGS), fc.constant('x'.repeat(4000)));
  return fc.record(
    {
      type: fc.oneof(
        {
          weight: 6,
          arbitrary: fc.oneof(
            { weight: 4, arbitrary: fc.constantFrom('complete', 'choose', 'check', 'called', 'note') },
            { weight: 1, arbitrary: fc.constantFrom('abort', 'signOff') },
          ),
        },
        { weight: 1, arbitrary: leaf },
      ),
      step: part,
      option: part,
      item: part,
      contact: part,
      text,
      reason: text,
      name: text,
      note: text,
    },
    { requiredKeys: ['type'] },
  );
}

function branchValue(leaf: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const text = fc.oneof(fc.string({ maxLength: 90 }), leaf);
  return fc.record({ name: text, code: text }, { requiredKeys: [] });
}

/** A contact directory: real and odd ids, each with numbers that are, or are not, numbers. */
function contactsValue(pools: ValuePools): fc.Arbitrary<unknown> {
  const phone = fc.oneof(fc.constantFrom(...PHONES), fc.constantFrom(...ODD_STRINGS), NUMBERS);
  return fc.dictionary(
    fc.oneof(
      fc.constantFrom(...pools.slugs, 'head-office-security', 'local-police-station'),
      fc.constantFrom(...ODD_KEYS),
    ),
    fc.oneof(
      { weight: 4, arbitrary: fc.record({ phones: fc.array(phone, { maxLength: 5 }) }) },
      { weight: 1, arbitrary: fc.record({ phones: phone, name: fc.constantFrom(...ODD_STRINGS) }) },
      { weight: 1, arbitrary: phone },
    ),
    { maxKeys: 3 },
  );
}

/** The top-level keys of an object schema (strict objects, picks and refined objects alike); [] otherwise. */
export function keysOf(schema: z.ZodType): string[] {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  return shape && typeof shape === 'object' ? Object.keys(shape) : [];
}

/** Values sent as a whole input: not objects, or objects with own `__proto__` keys JSON.parse makes. */
const ODD_INPUTS: readonly unknown[] = [
  undefined,
  null,
  0,
  -1,
  true,
  '',
  'text',
  [],
  [{}],
  {},
  JSON.parse('{"__proto__": {"admin": true}}'),
  JSON.parse('{"__proto__": null, "id": "fire"}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": true}}}'),
];

/** A value that is valid for a key of that name in some channel, most of the time. */
export function likelyValid(key: string, pools: ValuePools): fc.Arbitrary<unknown> | undefined {
  const text = (max: number) =>
    fc.oneof(
      fc.constantFrom('王保安', '新同事', '  李  ', 'Zhang Wei', 'fire'),
      fc.string({ minLength: 1, maxLength: max }),
    );
  switch (key) {
    case 'id':
    case 'planId':
      return oneOfNow(pools.planIds);
    case 'runId':
      return oneOfNow(pools.runIds);
    case 'userId':
      return fc.oneof({ weight: 5, arbitrary: oneOfNow(pools.userIds) }, fc.constant(null));
    case 'pin':
    case 'currentPin':
    case 'newPin':
      return oneOfNow(pools.pins);
    case 'name':
    case 'operator':
      return text(40);
    case 'text':
      return text(200);
    case 'role':
      return fc.constantFrom(...ROLE_NAMES);
    case 'disabled':
    case 'sound':
      return fc.boolean();
    case 'from':
    case 'to':
      return fc.constantFrom(
        '2025-03-04',
        '2020-01-01',
        '2099-12-31',
        '2025-03-04T08:00:00+08:00',
        '2025-03-04T00:00:00Z',
      );
    case 'format':
      return fc.constantFrom('json', 'csv');
    case 'mode':
      return fc.constantFrom('drill', 'incident');
    case 'offset':
      return fc.nat({ max: 20 });
    case 'limit':
      return fc.integer({ min: 1, max: 500 });
    case 'language':
      return fc.constantFrom('zh-CN', 'en');
    case 'theme':
      return fc.constantFrom('standard', 'high-contrast');
    case 'idleLockMinutes':
      return fc.integer({ min: 1, max: 60 });
    case 'branch':
      return fc.record(
        { name: fc.string({ maxLength: 80 }), code: fc.string({ maxLength: 32 }) },
        { requiredKeys: [] },
      );
    case 'contacts':
      return fc.dictionary(
        fc.constantFrom('head-office-security', 'local-police-station', 'property-management'),
        fc.record(
          {
            name: fc.record({ 'zh-CN': fc.string({ maxLength: 80 }), en: fc.string({ maxLength: 80 }) }),
            role: fc.string({ maxLength: 80 }),
            phones: fc.array(fc.constantFrom(...PHONES), { minLength: 1, maxLength: 4 }),
            notes: fc.string({ maxLength: 500 }),
          },
          { requiredKeys: ['phones'] },
        ),
        { maxKeys: 2 },
      );
    case 'category':
      return fc.constantFrom('robbery', 'fire', 'medical', 'natural-disaster', 'fraud');
    case 'outcome':
      return fc.constantFrom('resolved', 'evacuated', 'aborted', 'handed-to-police');
    default:
      return undefined;
  }
}

const ROLE_NAMES = ['guard', 'trainer', 'manager', 'admin'] as const;

/**
 * Input for one channel: objects over the channel's own keys with mostly valid values (so many calls reach the
 * handler), the same with keys left out or values from anywhere, dictionaries over the channel's keys, other
 * plausible keys and odd ones, arbitrary JSON, odd whole inputs, and any `extra` arbitraries a test adds.
 */
export function channelInput(
  schema: z.ZodType,
  pools: ValuePools,
  extra: readonly fc.Arbitrary<unknown>[] = [],
): fc.Arbitrary<unknown> {
  const keys = keysOf(schema);
  const value = plausibleValue(pools);
  const near = (key: string) => {
    const valid = likelyValid(key, pools);
    return valid ? fc.oneof({ weight: 5, arbitrary: valid }, { weight: 1, arbitrary: value }) : value;
  };
  const model = (pick: (key: string) => fc.Arbitrary<unknown>) => Object.fromEntries(keys.map((k) => [k, pick(k)]));
  const allKeys = fc.record(model(near));
  const someKeys = fc.record(model(near), { requiredKeys: [] });
  const anyValues = fc.record(
    model(() => value),
    { requiredKeys: [] },
  );
  const anyKeys = fc.dictionary(fc.constantFrom(...new Set([...keys, ...PLAUSIBLE_KEYS, ...ODD_KEYS])), value, {
    maxKeys: 5,
  });
  return fc.oneof(
    { weight: 6, arbitrary: allKeys },
    { weight: 3, arbitrary: someKeys },
    { weight: 2, arbitrary: anyValues },
    { weight: 2, arbitrary: anyKeys },
    { weight: 2, arbitrary: fc.jsonValue() },
    { weight: 1, arbitrary: fc.constantFrom(...ODD_INPUTS) },
    ...extra.map((arbitrary) => ({ weight: 6, arbitrary })),
  );
}

/** Text serialised every way a hand-edited or half-written file could be. */
function serialised(value: fc.Arbitrary<unknown>): fc.Arbitrary<Uint8Array> {
  return fc
    .tuple(value, fc.constantFrom(undefined, 0, 2, '\t'), fc.constantFrom('', '\n', '\r\n', '\uFEFF'))
    .map(([v, indent, extra]) => {
      const text = JSON.stringify(v, null, indent) ?? 'undefined';
      return Buffer.from(extra === '\uFEFF' ? extra + text : text + extra, 'utf8');
    });
}

/** Sound content damaged the way disks and crashes do: cut short, a bit flipped, bytes inserted or appended. */
export function damagedCopy(sound: Uint8Array): fc.Arbitrary<Buffer> {
  const bytes = Buffer.from(sound);
  return fc.oneof(
    fc.nat({ max: bytes.length - 1 }).map((at) => bytes.subarray(0, at)),
    fc
      .tuple(fc.nat({ max: bytes.length - 1 }), fc.nat({ max: 7 }))
      .map(([at, bit]) => Buffer.from(bytes.map((b, i) => (i === at ? b ^ (1 << bit) : b)))),
    fc
      .tuple(fc.nat({ max: bytes.length }), fc.uint8Array({ minLength: 1, maxLength: 8 }))
      .map(([at, extra]) => Buffer.concat([bytes.subarray(0, at), extra, bytes.subarray(at)])),
    fc.uint8Array({ minLength: 1, maxLength: 40 }).map((extra) => Buffer.concat([bytes, extra])),
  );
}

/**
 * The bytes of a damaged file: random bytes, random text, random JSON, JSON shaped like the file with random
 * values (`shaped`), and — given the sound content — that content damaged as `damagedCopy` does.
 */
export function damagedBytes(shaped: fc.Arbitrary<unknown>, sound?: Uint8Array): fc.Arbitrary<Buffer> {
  const arbitraries: fc.Arbitrary<Uint8Array>[] = [
    fc.uint8Array({ maxLength: 600 }),
    fc.string({ unit: 'binary', maxLength: 200 }).map((s) => Buffer.from(s, 'utf8')),
    fc.string({ maxLength: 200 }).map((s) => Buffer.from(s, 'utf8')),
    serialised(fc.jsonValue()),
    ...Array.from({ length: 4 }, () => serialised(shaped)), // often valid: the "used as it is" side is tried too
    fc.constantFrom(
      new Uint8Array(0),
      Buffer.from('\n'),
      Buffer.from('\uFEFF{}'),
      Buffer.from('null'),
      Buffer.from('{"__proto__": {}}'),
      Buffer.from([0xef, 0xbb]),
      Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]), // {} in UTF-16 LE with its BOM
    ),
  ];
  const all = arbitraries.map((arbitrary) => ({ weight: 1, arbitrary }));
  if (sound && sound.length > 0) all.push({ weight: 4, arbitrary: damagedCopy(sound) });
  return fc.oneof(...all).map((bytes) => Buffer.from(bytes));
}
