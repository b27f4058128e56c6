// The run journal's line format and its hash chain: one JSON object per line,
// `hash = SHA-256(prev + canonical JSON of {seq, at, type, by, data})`. Platform-free: hashing is passed in.
import { canonicalJson, type Sha256Hex } from '../json/canonicalJson';

/** The `prev` of the first event. */
export const GENESIS_HASH = '0'.repeat(64);

export interface JournalEvent<T extends string = string, D = unknown> {
  /** 1, 2, 3… without gaps. */
  seq: number;
  /** ISO 8601 UTC with milliseconds, from the writer's clock. */
  at: string;
  type: T;
  /** Who did it, as best known (an operator's name, `system` for timers, null when unidentified). */
  by: string | null;
  data: D;
  prev: string;
  hash: string;
}

export type UnsealedEvent = Omit<JournalEvent, 'prev' | 'hash'>;

export function eventHash(prev: string, event: UnsealedEvent, sha256: Sha256Hex): string {
  const { seq, at, type, by, data } = event;
  return sha256(prev + canonicalJson({ seq, at, type, by, data }));
}

export function chainEvent(prev: string, event: UnsealedEvent, sha256: Sha256Hex): JournalEvent {
  const { seq, at, type, by, data } = event;
  return { seq, at, type, by, data, prev, hash: eventHash(prev, event, sha256) };
}

/** The event that follows `log` (numbered and chained after its last), at `at`. */
export function nextEvent(
  log: readonly JournalEvent[],
  at: Date,
  type: string,
  by: string | null,
  data: unknown,
  sha256: Sha256Hex,
): JournalEvent {
  return chainEvent(
    log.at(-1)?.hash ?? GENESIS_HASH,
    { seq: log.length + 1, at: at.toISOString(), type, by, data },
    sha256,
  );
}

/** The exact bytes of a journal line (canonical, so a re-serialised line is byte-identical). */
export function journalLine(event: JournalEvent): string {
  return canonicalJson(event) + '\n';
}
