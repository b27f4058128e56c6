// The branch's side of head office: in the background, never in a guard's way. Each pass connects as the branch's
// own login, sends every sealed record head office has not acknowledged (oldest first), witnesses the seal
// register's head, and takes the plan versions released to this branch that verify against the pinned head-office
// key. A pass that fails is retried later with a growing wait (capped); the status says when it last got through,
// what is queued and why the last attempt failed. What is queued is worked out from the registers of seals and the
// sync log each time, so a crash or a kill at any moment loses nothing and sends nothing twice (ON CONFLICT DO
// NOTHING at head office; a record is acknowledged here only once head office's receipt names its head).
import { randomInt } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { recordPushOf, type RecordKind } from '../../shared/hq/receivedRecord';
import type { PlanRelease } from '../../shared/hq/release';
import { verifyRelease } from '../../shared/hq/verifyRelease';
import { checkPlanText } from '../../shared/plan/checkPlanText';
import { planContentHash } from '../../shared/plan/contentHash';
import type { Plan } from '../../shared/plan/schema';
import { SYNC_MESSAGES as m } from '../../shared/messages/sync';
import {
  recordKey,
  rectificationKey,
  SYNC_DIR,
  SYNC_LOG_FILE,
  SYNC_LOG_FORMAT,
  syncStateOf,
  type SyncState,
} from '../../shared/sync/syncLog';
import { inBothLanguages, type Text } from '../../shared/text';
import { writeFileAtomic } from '../files/atomicFile';
import { ChainLog, type ChainLogSpec } from '../journal/chainLog';
import { nodeJournalCrypto, sha256Hex } from '../journal/nodeCrypto';
import { HeadOfficeLink, type HeadOfficeConnection, type RectificationState } from './headOfficeLink';

/** A sealed record this branch holds, as its register names it. */
export interface SealedRecordRef {
  kind: RecordKind;
  recordId: string;
  head: string;
  file: string;
}

export interface SyncServiceOptions {
  dataDir: string;
  installation: string;
  /** Every sealed record the registers hold, oldest first. */
  sealed: () => SealedRecordRef[];
  /** The seal register's count and head now. */
  register: () => { seals: number; head: string };
  /** Where each inspection rectification stands now (absent: none are reported). */
  rectifications?: () => RectificationState[];
  /** Where head office is and how to log in; undefined while not configured (then nothing is attempted). */
  connection: () => HeadOfficeConnection | undefined;
  /** Head office's public key as an administrator pinned it. */
  pinnedKey: () => string | undefined;
  now?: () => Date;
  readOnly?: boolean;
  /** The first wait after a failure, doubled after each further one up to `maxRetryMs`. */
  firstRetryMs?: number;
  maxRetryMs?: number;
  /**
   * How often a pass runs while all is well (default 15 minutes, with jitter): a new seal asks for one within a second
   * anyway (`kick`), so this only carries register heads and releases — and 15,000 branches logging in every minute
   * would cost head office 250 logins a second (docs/capacity-draft.md).
   */
  intervalMs?: number;
  onChange?: () => void;
  log?: (message: string) => void;
}

export interface SyncStatus {
  configured: boolean;
  state: 'off' | 'idle' | 'syncing' | 'waiting';
  queued: number;
  lastAttemptAt?: string;
  lastSuccessAt?: string;
  /** Why the last attempt failed (cleared by the next one that gets through). */
  failure?: { at: string; message: Text };
  nextAttemptAt?: string;
  conflicts: { kind: RecordKind; recordId: string; head: string; storedHead: string; at: string }[];
  /** Records that could not be read to send (damaged at the branch): never sent, shown. */
  unreadable: string[];
  releases: { received: number; refused: { planId: string; version: number; reason: string }[] };
}

export interface PassResult {
  sent: number;
  conflicts: number;
  releases: number;
  refused: number;
}

export class SyncService {
  private state: SyncState;
  /** What the passes have found out (the rest of the status is derived when asked). */
  private progress: Omit<SyncStatus, 'configured' | 'queued' | 'conflicts' | 'releases'> = {
    state: 'idle',
    unreadable: [],
  };
  private refused: SyncStatus['releases']['refused'] = [];
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<PassResult> | undefined;
  private failures = 0;
  private stopped = false;
  /** Set by close(): a pass under way stops after the record it is sending. */
  private closing = false;
  private readonly now: () => Date;
  private readonly planCache = new Map<string, Plan>();

  private constructor(
    private readonly log: ChainLog,
    private readonly options: SyncServiceOptions,
  ) {
    this.now = options.now ?? (() => new Date());
    this.state = syncStateOf(log.entries);
  }

  static open(options: SyncServiceOptions): SyncService {
    const dir = join(options.dataDir, SYNC_DIR);
    const spec = syncLogSpec(options.installation);
    const now = options.now ?? (() => new Date());
    if (options.readOnly) return new SyncService(ChainLog.openInMemory(dir, spec, now), options);
    const opened = ChainLog.open(dir, spec, now);
    if (opened.report.damaged) {
      // What was acknowledged before the damage still verifies and is carried over; anything after it is simply
      // sent again (head office's ON CONFLICT makes that harmless).
      const carried = (opened.report.intactBeforeDamage ?? []).filter((e) => e.type !== 'sync.started');
      for (const entry of carried) opened.log.append(entry.type, entry.by, entry.data);
      options.log?.(
        `sync log damaged at line ${opened.report.damaged.line}; kept aside, ${carried.length} entries carried`,
      );
    }
    return new SyncService(opened.log, options);
  }

  /** What is still to send: sealed records head office has not acknowledged with this head (conflicts aside). */
  pending(): SealedRecordRef[] {
    return this.options.sealed().filter((r) => {
      const key = recordKey(r.kind, r.recordId);
      return this.state.acked.get(key) !== r.head && !this.state.conflicts.has(key);
    });
  }

  status(): SyncStatus {
    return {
      configured: this.options.connection() !== undefined,
      ...this.progress,
      ...(this.options.connection() === undefined ? { state: 'off' as const } : {}),
      queued: this.pending().length,
      conflicts: [...this.state.conflicts.values()],
      releases: { received: this.state.releases.size, refused: this.refused },
    };
  }

  /** The verified releases kept here, in the order they came, each with its file. */
  releases(): (PlanRelease & { file: string; receivedAt: string })[] {
    return [...this.state.releases.values()].map((r) => ({
      ...r.release,
      receivedAt: r.at,
      file: join(this.options.dataDir, SYNC_DIR, r.file),
    }));
  }

  /** The released plans themselves, read once each (their files never change; one that no longer reads is left out). */
  releasedPlans(): { release: PlanRelease; receivedAt: string; plan: Plan }[] {
    const plans: { release: PlanRelease; receivedAt: string; plan: Plan }[] = [];
    for (const { file, receivedAt, ...release } of this.releases()) {
      let plan = this.planCache.get(file);
      if (!plan) {
        try {
          const check = checkPlanText(readFileSync(file, 'utf8'));
          if (!check.plan || planContentHash(check.plan, sha256Hex) !== release.contentHash) continue;
          plan = check.plan;
          this.planCache.set(file, plan);
        } catch {
          continue;
        }
      }
      plans.push({ release, receivedAt, plan });
    }
    return plans;
  }

  /** Runs one pass now (or joins the one under way). Throws when it cannot get through; the status says why. */
  syncOnce(): Promise<PassResult> {
    this.running ??= this.pass().finally(() => (this.running = undefined));
    return this.running;
  }

  /** Keeps passes going in the background: soon after start, then every interval, retrying failures with a wait. */
  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Something was sealed: a pass soon rather than at the next interval (unless waiting out a failure). */
  kick(): void {
    if (this.stopped || this.options.connection() === undefined || this.failures > 0) return;
    // Records change at every tap of a run under way; only a new seal (or a rectification's change) is worth a pass.
    if (this.pending().length === 0 && !this.rectificationsPending()) return;
    this.schedule(1000);
  }

  private rectificationsPending(): boolean {
    return (this.options.rectifications?.() ?? []).some((r) => !this.state.rectifications.has(rectificationKey(r)));
  }

  /** Ends the background passes (a pass may still be asked for with syncOnce). */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running?.catch(() => {});
  }

  close(): void {
    this.stopped = true;
    this.closing = true;
    clearTimeout(this.timer);
    this.log.close();
  }

  // ---- internals ----

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.background(), delayMs);
    this.timer.unref?.();
  }

  private async background(): Promise<void> {
    if (this.stopped) return;
    if (this.options.connection() === undefined) return this.schedule(60_000); // cheap: nothing leaves the machine
    try {
      await this.syncOnce();
      this.failures = 0;
      this.schedule(jittered(this.options.intervalMs ?? 15 * 60_000));
    } catch {
      this.failures += 1;
      const first = this.options.firstRetryMs ?? 5_000;
      // Jittered: a thousand branches coming back after head office's outage do not all call at once.
      const delay = jittered(Math.min(first * 2 ** (this.failures - 1), this.options.maxRetryMs ?? 600_000));
      this.setStatus({ state: 'waiting', nextAttemptAt: new Date(this.now().getTime() + delay).toISOString() });
      this.schedule(delay);
    }
  }

  private async pass(): Promise<PassResult> {
    const connection = this.options.connection();
    if (!connection) throw new Error('head office is not configured');
    const at = this.now().toISOString();
    this.setStatus({ state: 'syncing', lastAttemptAt: at });
    let link: HeadOfficeLink | undefined;
    try {
      link = await HeadOfficeLink.connect(connection);
      if ((await link.branchCode()) === null) throw new SyncRefusal(m.syncNotEnrolled(connection.user));
      const result: PassResult = { sent: 0, conflicts: 0, releases: 0, refused: 0 };
      const unreadable: string[] = [];
      for (const ref of this.pending()) {
        if (this.closing) break;
        const push = this.readPush(ref);
        if (!push) {
          unreadable.push(ref.file);
          continue;
        }
        const outcome = await link.push(push);
        if (outcome.outcome === 'acknowledged') {
          this.append('record.acked', {
            kind: ref.kind,
            recordId: ref.recordId,
            head: ref.head,
            receivedAt: outcome.receivedAt,
          });
          result.sent += 1;
        } else {
          this.append('record.conflict', {
            kind: ref.kind,
            recordId: ref.recordId,
            head: ref.head,
            storedHead: outcome.storedHead,
          });
          result.conflicts += 1;
          this.options.log?.(`head office holds ${ref.kind} ${ref.recordId} with another head: possible tampering`);
        }
      }
      // Each rectification's status is reported once per change, after the records it came from.
      for (const r of this.options.rectifications?.() ?? []) {
        if (this.closing) break;
        if (this.state.rectifications.has(rectificationKey(r))) continue;
        await link.reportRectification(r);
        this.append('rectification.reported', { actionId: r.actionId, status: r.status, changedAt: r.changedAt });
      }
      // Each change of the register's head is reported once; one that goes back to an earlier head is a change too,
      // and head office, which keeps every sighting in order, sees the count fall.
      const register = this.options.register();
      if (this.state.witnessed?.head !== register.head || this.state.witnessed.seals !== register.seals) {
        await link.witnessRegister(register.seals, register.head);
        this.append('register.witnessed', register);
      }
      const pulled = await this.pullReleases(link);
      result.releases = pulled.received;
      result.refused = pulled.refused;
      this.setStatus({
        state: 'idle',
        lastSuccessAt: this.now().toISOString(),
        unreadable,
        failure: undefined,
        nextAttemptAt: undefined,
      });
      return result;
    } catch (error) {
      this.setStatus({ state: 'idle', failure: { at, message: failureMessage(error, connection.host) } });
      throw error;
    } finally {
      await link?.close();
    }
  }

  /** Takes the releases that verify against the pinned key; refusals are shown (and logged once each). */
  private async pullReleases(link: HeadOfficeLink): Promise<{ received: number; refused: number }> {
    const rows = await link.releases(new Set(this.state.releases.keys()));
    const refused: SyncStatus['releases']['refused'] = [];
    let received = 0;
    for (const row of rows) {
      const key = `${row.release.planId}@${row.release.version}`;
      if (this.state.releases.has(key)) continue;
      const check = verifyRelease(row, this.options.pinnedKey(), nodeJournalCrypto);
      if (!check.ok) {
        const reason = inBothLanguages(check.message);
        refused.push({ planId: row.release.planId, version: row.release.version, reason });
        // Kept on record once per reason; checked again at every pass, so pinning the right key takes it then.
        if (check.reason !== 'no-pinned-key' && this.state.refused.get(key)?.reason !== reason) {
          this.append('release.refused', { planId: row.release.planId, version: row.release.version, reason });
        }
        continue;
      }
      const file = join('releases', row.release.planId, `${row.release.version}.json`);
      if (!this.options.readOnly) {
        mkdirSync(join(this.options.dataDir, SYNC_DIR, 'releases', row.release.planId), {
          recursive: true,
          mode: 0o700,
        });
        writeFileAtomic(join(this.options.dataDir, SYNC_DIR, file), row.content);
      }
      this.append('release.received', { release: row.release, signature: row.signature, file });
      received += 1;
    }
    this.refused = refused;
    return { received, refused: refused.length };
  }

  private readPush(ref: SealedRecordRef) {
    try {
      const push = recordPushOf(ref.kind, readFileSync(ref.file, 'utf8'), nodeJournalCrypto);
      // The journal must still be what the register sealed: a changed one is Records' to report, not to send.
      return push && push.headHash === ref.head && push.recordId === ref.recordId ? push : null;
    } catch {
      return null;
    }
  }

  private append(type: string, data: unknown): void {
    this.log.append(type, 'system', data);
    this.state = syncStateOf(this.log.entries);
  }

  private setStatus(change: Partial<SyncService['progress']>): void {
    const next = { ...this.progress, ...change };
    for (const key of Object.keys(change) as (keyof typeof change)[]) if (change[key] === undefined) delete next[key];
    this.progress = next;
    this.options.onChange?.();
  }
}

/** ±20 %, so branches started together drift apart. */
function jittered(ms: number): number {
  return Math.round((ms * randomInt(80, 121)) / 100);
}

class SyncRefusal extends Error {
  constructor(readonly text: Text) {
    super(text.en);
  }
}

/** Why a pass failed, in words a branch manager can act on. */
function failureMessage(error: unknown, host: string): Text {
  if (error instanceof SyncRefusal) return error.text;
  const e = error as { code?: string; message?: string };
  // PostgreSQL's own errors carry a five-character SQLSTATE; everything else is the network or TLS.
  if (e.code && /^[0-9A-Z]{5}$/.test(e.code)) return m.syncRefused(e.message ?? e.code);
  return m.syncUnreachable(host, e.code ?? e.message ?? String(error));
}

function syncLogSpec(installation: string): ChainLogSpec {
  return {
    format: SYNC_LOG_FORMAT,
    fileName: SYNC_LOG_FILE,
    recoveredType: 'sync.recovered',
    startData: (afterDamaged) => ({ installation, ...(afterDamaged ? { afterDamaged } : {}) }),
  };
}
