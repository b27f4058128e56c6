// The branch's record of its exchange with head office (`<data>/sync/sync.jsonl`, the journals' line format and
// hash chain): each sealed record head office acknowledged (with its head, so a record is never taken as sent in
// another version), each conflict head office reported (the same record id stored with another head: possible
// tampering, kept for the branch to see), each register head witnessed, each plan release received or refused.
// What is still to send is worked out from the registers of seals and this log, so a crash at any moment loses
// nothing and sends nothing twice: a record is acknowledged only once head office's receipt names its head.
import { z } from 'zod';
import type { JournalEvent } from '../journal/format';
import type { ChainFormat } from '../journal/verify';
import { RECORD_KINDS, type RecordKind } from '../hq/receivedRecord';
import { PlanReleaseSchema } from '../hq/release';

export const SYNC_DIR = 'sync';
export const SYNC_LOG_FILE = 'sync.jsonl';

const Hash = z.string().regex(/^[0-9a-f]{64}$/);

export const syncLogData = {
  'sync.started': z.object({
    installation: z.string(),
    afterDamaged: z.object({ file: z.string(), line: z.number().int(), reason: z.string() }).optional(),
  }),
  /** Head office's receipt for a record: it holds this head, received at its own clock's time. */
  'record.acked': z.object({
    kind: z.enum(RECORD_KINDS),
    recordId: z.string(),
    head: Hash,
    receivedAt: z.string(),
  }),
  /** Head office holds this record id with another head: never resent, shown to the branch and to head office. */
  'record.conflict': z.object({ kind: z.enum(RECORD_KINDS), recordId: z.string(), head: Hash, storedHead: Hash }),
  /** The seal register's head as head office has now seen it: the witness a local administrator cannot reach. */
  'register.witnessed': z.object({ seals: z.number().int().min(0), head: Hash }),
  /** A plan version head office released to this branch, its signature and content verified; the file is kept. */
  'release.received': z.object({ release: PlanReleaseSchema, signature: z.string(), file: z.string() }),
  /** A release that did not verify (wrong key, changed after signing, not a plan): refused, with why. */
  'release.refused': z.object({ planId: z.string(), version: z.number().int(), reason: z.string() }),
  /** An inspection rectification's status as of `changedAt`, reported to head office (electron/hq/migrations/008). */
  'rectification.reported': z.object({ actionId: z.string(), status: z.string(), changedAt: z.string() }),
  'sync.recovered': z.object({ sidecar: z.string(), bytes: z.number().int(), reason: z.string() }),
} as const;

export const SYNC_LOG_FORMAT: ChainFormat = { firstType: 'sync.started', dataSchemas: syncLogData };

export type SyncLogData<T extends keyof typeof syncLogData> = z.infer<(typeof syncLogData)[T]>;

export interface SyncState {
  /** `${kind}:${recordId}` → the head head office acknowledged. */
  acked: Map<string, string>;
  /** `${kind}:${recordId}` → the conflict reported. */
  conflicts: Map<string, SyncLogData<'record.conflict'> & { at: string }>;
  witnessed?: SyncLogData<'register.witnessed'> & { at: string };
  /** `${planId}@${version}` → the release received. */
  releases: Map<string, SyncLogData<'release.received'> & { at: string }>;
  refused: Map<string, SyncLogData<'release.refused'> & { at: string }>;
  /** `${actionId}|${status}|${changedAt}` of every rectification status head office has. */
  rectifications: Set<string>;
}

export const rectificationKey = (r: { actionId: string; status: string; changedAt: string }) =>
  `${r.actionId}|${r.status}|${r.changedAt}`;

export const recordKey = (kind: RecordKind, recordId: string) => `${kind}:${recordId}`;

export function syncStateOf(entries: readonly JournalEvent[]): SyncState {
  const state: SyncState = {
    acked: new Map(),
    conflicts: new Map(),
    releases: new Map(),
    refused: new Map(),
    rectifications: new Set(),
  };
  for (const entry of entries) {
    switch (entry.type) {
      case 'record.acked': {
        const d = entry.data as SyncLogData<'record.acked'>;
        state.acked.set(recordKey(d.kind, d.recordId), d.head);
        break;
      }
      case 'record.conflict': {
        const d = entry.data as SyncLogData<'record.conflict'>;
        state.conflicts.set(recordKey(d.kind, d.recordId), { ...d, at: entry.at });
        break;
      }
      case 'register.witnessed':
        state.witnessed = { ...(entry.data as SyncLogData<'register.witnessed'>), at: entry.at };
        break;
      case 'release.received': {
        const d = entry.data as SyncLogData<'release.received'>;
        state.releases.set(`${d.release.planId}@${d.release.version}`, { ...d, at: entry.at });
        break;
      }
      case 'rectification.reported':
        state.rectifications.add(rectificationKey(entry.data as SyncLogData<'rectification.reported'>));
        break;
      case 'release.refused': {
        const d = entry.data as SyncLogData<'release.refused'>;
        state.refused.set(`${d.planId}@${d.version}`, { ...d, at: entry.at });
        break;
      }
    }
  }
  return state;
}
