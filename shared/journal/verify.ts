// Verifies a journal's text: every line parses, numbers follow on, each hash chains to the one before,
// and a seal's signature covers the head. Reports the first bad line, its byte offset and why.
import type { z } from 'zod';
import type { Sha256Hex } from '../json/canonicalJson';
import type { Text } from '../text';
import { RECORD_MESSAGES as m } from '../messages/records';
import { journalEventData } from './events';
import { eventHash, GENESIS_HASH, type JournalEvent } from './format';

export interface JournalCrypto {
  sha256: Sha256Hex;
  /** Ed25519 over the UTF-8 message; the key as base64 SPKI DER, the signature as base64. */
  verifySignature(publicKey: string, message: string, signature: string): boolean;
  /** SHA-256 of the pieces one after the other, without joining them first (optional, for speed). */
  sha256Parts?: (parts: readonly string[]) => string;
  /** UTF-8 byte length without encoding (optional, for speed). */
  byteLength?: (text: string) => number;
}

export const FAILURE_REASONS = [
  'torn',
  'bad-json',
  'bad-event',
  'not-started',
  'seq-gap',
  'seq-duplicate',
  'broken-chain',
  'bad-hash',
  'bad-signature',
  'untrusted-key',
  'after-seal',
] as const;
export type FailureReason = (typeof FAILURE_REASONS)[number];

export interface JournalFailure {
  /** 1-based line number. */
  line: number;
  /** Byte offset of the line's first byte. */
  offset: number;
  reason: FailureReason;
  message: Text;
}

export interface JournalVerification {
  ok: boolean;
  /** The events before the first failure (all of them when ok). */
  events: JournalEvent[];
  failure?: JournalFailure;
  /** Byte length of the intact prefix: where a torn tail starts. */
  intactBytes: number;
  seal: 'none' | 'valid' | 'invalid' | 'untrusted';
  keyId?: string;
  /** The public key the seal names (base64 SPKI), when there is a seal. */
  publicKey?: string;
}

/** What a chain of this kind holds: the type its first line must have, and each event type's data schema. */
export interface ChainFormat {
  firstType: string;
  dataSchemas: Readonly<Record<string, z.ZodType>>;
  /**
   * The type of the line that seals a chain of this kind (its data: head, signature, publicKey, keyId); nothing may
   * follow it. Absent: this kind is never sealed.
   */
  sealType?: string;
}

/** A run's journal. */
export const RUN_JOURNAL_FORMAT: ChainFormat = {
  firstType: 'run.started',
  dataSchemas: journalEventData,
  sealType: 'run.sealed',
};

export interface VerifyOptions {
  /** Public keys (base64 SPKI) the seal must be made with; absent: any key in the seal is checked, not pinned. */
  trustedKeys?: readonly string[];
  /** The run journal's unless told otherwise (the audit trail shares the line format and chain). */
  format?: ChainFormat;
}

const MESSAGES: Record<FailureReason, (detail: string) => Text> = {
  torn: m.journalTorn,
  'bad-json': m.journalBadJson,
  'bad-event': m.journalBadEvent,
  'not-started': m.journalNotStarted,
  'seq-gap': m.journalSeqGap,
  'seq-duplicate': m.journalSeqDuplicate,
  'broken-chain': m.journalBrokenChain,
  'bad-hash': m.journalBadHash,
  'bad-signature': m.journalBadSignature,
  'untrusted-key': m.journalUntrustedKey,
  'after-seal': m.journalAfterSeal,
};

export function verifyJournalText(
  text: string,
  crypto: JournalCrypto,
  options: VerifyOptions = {},
): JournalVerification {
  const format = options.format ?? RUN_JOURNAL_FORMAT;
  const events: JournalEvent[] = [];
  // Byte offsets are worked out only where needed (a failure, the end): counting UTF-8 per line is costly.
  let charOffset = 0;
  let prev = GENESIS_HASH;
  let seal: JournalVerification['seal'] = 'none';
  let keyId: string | undefined;
  let publicKey: string | undefined;
  const lines = text.split('\n');
  const fail = (index: number, reason: FailureReason, detail = ''): JournalVerification => {
    const offset = (crypto.byteLength ?? utf8Length)(text.slice(0, charOffset));
    return {
      ok: false,
      events,
      failure: { line: index + 1, offset, reason, message: MESSAGES[reason](detail) },
      intactBytes: offset,
      seal: seal === 'valid' ? 'valid' : seal,
      ...(keyId ? { keyId } : {}),
      ...(publicKey ? { publicKey } : {}),
    };
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const isLast = i === lines.length - 1;
    if (isLast) {
      if (line === '') break; // the text ended with a newline, as it should
      return fail(i, 'torn');
    }
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      return fail(i, 'bad-json', error instanceof Error ? error.message : String(error));
    }
    const shapeProblem = problemWithShape(value, format);
    if (shapeProblem) return fail(i, 'bad-event', shapeProblem);
    const event = value as JournalEvent;
    if (seal !== 'none') return fail(i, 'after-seal');
    if (event.seq !== events.length + 1) {
      const detail = `${event.seq} ≠ ${events.length + 1}`;
      return fail(i, event.seq < events.length + 1 ? 'seq-duplicate' : 'seq-gap', detail);
    }
    if (events.length === 0 && event.type !== format.firstType) return fail(i, 'not-started', format.firstType);
    if (event.prev !== prev) return fail(i, 'broken-chain');
    if (!hashMatches(line, prev, event, crypto)) return fail(i, 'bad-hash');
    if (event.type === format.sealType) {
      const data = event.data as { head: string; signature: string; publicKey: string; keyId: string };
      keyId = data.keyId;
      publicKey = data.publicKey;
      if (data.head !== prev || !crypto.verifySignature(data.publicKey, data.head, data.signature)) {
        seal = 'invalid';
        return fail(i, 'bad-signature');
      }
      if (options.trustedKeys && !options.trustedKeys.includes(data.publicKey)) {
        seal = 'untrusted';
        return fail(i, 'untrusted-key', data.keyId);
      }
      seal = 'valid';
    }
    events.push(event);
    prev = event.hash;
    charOffset += line.length + 1;
  }
  return {
    ok: true,
    events,
    intactBytes: (crypto.byteLength ?? utf8Length)(text.slice(0, charOffset)),
    seal,
    ...(keyId ? { keyId } : {}),
    ...(publicKey ? { publicKey } : {}),
  };
}

const HASH_KEY = ',"hash":"';
const PREV_KEY = '","prev":"';
const SECTION_LENGTH = HASH_KEY.length + 64 + PREV_KEY.length + 64 + 1;

/**
 * Whether a line's hash covers its content. Lines are written canonically, so the hashed text is the line
 * without its `hash` and `prev` members: hashing that slice avoids re-serialising every event. The slice's
 * bytes are exactly what parses to the event, so a match is proof; on a mismatch the canonical form is
 * computed as the format defines it, so a line written by another faithful tool is judged the same way.
 */
function hashMatches(line: string, prev: string, event: JournalEvent, crypto: JournalCrypto): boolean {
  const at = line.lastIndexOf(HASH_KEY);
  const hashAt = at + HASH_KEY.length;
  const prevAt = hashAt + 64 + PREV_KEY.length;
  if (
    at > 0 &&
    line.startsWith(event.hash, hashAt) &&
    line.startsWith(PREV_KEY, hashAt + 64) &&
    line.startsWith(event.prev, prevAt) &&
    line.charCodeAt(prevAt + 64) === 0x22 // the closing quote
  ) {
    const before = line.slice(0, at);
    const after = line.slice(at + SECTION_LENGTH);
    const digest = crypto.sha256Parts
      ? crypto.sha256Parts([prev, before, after])
      : crypto.sha256(prev + before + after);
    if (digest === event.hash) return true;
  }
  return eventHash(prev, event, crypto.sha256) === event.hash;
}

function problemWithShape(value: unknown, format: ChainFormat): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not an object';
  const e = value as Record<string, unknown>;
  if (!Number.isInteger(e.seq)) return 'seq';
  if (typeof e.at !== 'string' || Number.isNaN(Date.parse(e.at))) return 'at';
  if (typeof e.type !== 'string') return 'type';
  if (e.by !== null && typeof e.by !== 'string') return 'by';
  if (typeof e.prev !== 'string' || typeof e.hash !== 'string') return 'prev/hash';
  const schema = Object.hasOwn(format.dataSchemas, e.type) ? format.dataSchemas[e.type] : undefined;
  if (!schema) return `unknown type ${e.type}`;
  const parsed = schema.safeParse(e.data);
  if (!parsed.success) return `${e.type}: ${parsed.error.issues.map((x) => x.path.join('.') || x.message).join(', ')}`;
  return undefined;
}

// TextEncoder exists in every JavaScript platform this code runs on (Node, Chromium, Electron), but the
// ES library types that shared/ compiles against do not declare it.
declare const TextEncoder: (new () => { encode(text: string): { length: number } }) | undefined;
const encoder = typeof TextEncoder === 'undefined' ? undefined : new TextEncoder();

/** UTF-8 byte length of a string. */
export function utf8Length(text: string): number {
  return encoder ? encoder.encode(text).length : countUtf8(text);
}

function countUtf8(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
