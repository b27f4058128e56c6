// One connection to head office's PostgreSQL as this branch's own login role, and the few statements a branch may
// run there: send a sealed record (idempotent: the same record again changes nothing), read back head office's
// receipt for it, report a conflict, witness the seal register's head, read the plan releases in its scope. Row-level
// security at head office decides what this role sees and may insert (electron/hq/migrations/002_security.sql).
import pg from 'pg';
import { isLoopback } from '../../shared/hq/loopback';
import type { RecordKind, RecordPush } from '../../shared/hq/receivedRecord';
import type { PlanRelease, ReleaseScope } from '../../shared/hq/release';

export interface HeadOfficeConnection {
  host: string;
  port: number;
  database: string;
  /** The branch's login role (gb_branch_<code>). */
  user: string;
  password: string;
  /**
   * `verify-full`: TLS, the server's certificate checked against `ca` (or the system's) and its name against `host`.
   * `disable` is accepted for a loopback host only (a test cluster, a tunnel's local end).
   */
  sslMode: 'verify-full' | 'disable';
  /** PEM of the certificate authority head office's server certificate is issued by. */
  ca?: string;
}

/** How long a branch waits on head office before it gives up and retries later: a guard never waits on this. */
const TIMEOUT_MS = 15_000;

export class InsecureConnectionError extends Error {
  constructor(host: string) {
    super(`TLS is required to reach ${host}: sslmode=disable is for a loopback address only`);
    this.name = 'InsecureConnectionError';
  }
}

/**
 * The connection a settings section and its stored password make (the branch's link and head office's console
 * alike); undefined while any of host, user and password is missing: not configured.
 */
export function connectionOf(
  settings: {
    host: string;
    port: number;
    database: string;
    user: string;
    sslMode: HeadOfficeConnection['sslMode'];
    ca: string;
  },
  password: string | undefined,
): HeadOfficeConnection | undefined {
  if (!settings.host || !settings.user || !password) return undefined;
  return {
    host: settings.host,
    port: settings.port,
    database: settings.database,
    user: settings.user,
    password,
    sslMode: settings.sslMode,
    ...(settings.ca ? { ca: settings.ca } : {}),
  };
}

export function clientConfig(connection: HeadOfficeConnection): pg.ClientConfig {
  if (connection.sslMode === 'disable' && !isLoopback(connection.host)) {
    throw new InsecureConnectionError(connection.host);
  }
  return {
    host: connection.host,
    port: connection.port,
    database: connection.database,
    user: connection.user,
    password: connection.password,
    application_name: 'guardbook-branch',
    connectionTimeoutMillis: TIMEOUT_MS,
    // The client gives up waiting here; the server's own limit is set on the branch's role at enrolment, since a
    // pooler in transaction mode refuses it as a startup parameter.
    query_timeout: TIMEOUT_MS,
    ssl:
      connection.sslMode === 'verify-full'
        ? { rejectUnauthorized: true, servername: connection.host, ...(connection.ca ? { ca: connection.ca } : {}) }
        : false,
  };
}

/** An inspection rectification as the branch's action tracker has it now. */
export interface RectificationState {
  actionId: string;
  inspectionId: string;
  itemId?: string;
  status: string;
  due?: string;
  /** When it came to this status (the branch's clock). */
  changedAt: string;
}

export type PushOutcome =
  | { outcome: 'acknowledged'; receivedAt: string }
  /** Head office holds this record id with another head: never overwritten, reported to both sides. */
  | { outcome: 'conflict'; storedHead: string };

export interface ReleaseRow {
  release: PlanRelease;
  content: string;
  signature: string;
}

export class HeadOfficeLink {
  private constructor(private readonly client: pg.Client) {}

  static async connect(connection: HeadOfficeConnection): Promise<HeadOfficeLink> {
    const client = new pg.Client(clientConfig(connection));
    // A connection that drops while idle must not become an uncaught error in the app's main process.
    client.on('error', () => {});
    await client.connect();
    return new HeadOfficeLink(client);
  }

  /** This login's branch code as head office has it (null: not enrolled, or disabled). */
  async branchCode(): Promise<string | null> {
    const { rows } = await this.client.query<{ code: string | null }>('SELECT guardbook.current_branch() AS code');
    return rows[0]?.code ?? null;
  }

  /**
   * Sends one sealed record. Inserting what head office already holds does nothing (ON CONFLICT DO NOTHING); the
   * receipt then says which head it holds: this one (acknowledged) or another (a conflict, reported at once).
   */
  async push(push: RecordPush): Promise<PushOutcome> {
    const s = push.summary;
    await this.client.query(
      `INSERT INTO guardbook.received_records
         (branch_code, kind, record_id, head_hash, seal, journal, plan_id, plan_version, plan_hash, category,
          is_drill, started_at, ended_at, score, passed)
       VALUES (guardbook.current_branch(), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       ON CONFLICT DO NOTHING`,
      [
        push.kind,
        push.recordId,
        push.headHash,
        JSON.stringify(push.seal),
        Buffer.from(push.journal, 'utf8'),
        s.planId,
        s.planVersion,
        s.planHash,
        s.category,
        s.isDrill,
        s.startedAt,
        s.endedAt,
        s.score,
        s.passed,
      ],
    );
    const receipt = await this.receipt(push.kind, push.recordId);
    if (!receipt) throw new Error(`head office gave no receipt for ${push.kind} ${push.recordId}`);
    if (receipt.head === push.headHash) return { outcome: 'acknowledged', receivedAt: receipt.receivedAt };
    await this.client.query(
      `INSERT INTO guardbook.conflicts (branch_code, kind, record_id, stored_hash, offered_hash)
       VALUES (guardbook.current_branch(), $1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [push.kind, push.recordId, receipt.head, push.headHash],
    );
    return { outcome: 'conflict', storedHead: receipt.head };
  }

  async receipt(kind: RecordKind, recordId: string): Promise<{ head: string; receivedAt: string } | undefined> {
    const { rows } = await this.client.query<{ head_hash: string; received_at: Date }>(
      'SELECT head_hash, received_at FROM guardbook.receipts WHERE kind = $1 AND record_id = $2',
      [kind, recordId],
    );
    const row = rows[0];
    return row && { head: row.head_hash, receivedAt: row.received_at.toISOString() };
  }

  /** Reports where an inspection rectification stands (the same status again changes nothing). */
  async reportRectification(r: RectificationState): Promise<void> {
    await this.client.query(
      `INSERT INTO guardbook.rectification_states
         (branch_code, action_id, inspection_id, item_id, status, due, changed_at)
       VALUES (guardbook.current_branch(), $1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
      [r.actionId, r.inspectionId, r.itemId ?? null, r.status, r.due ?? null, r.changedAt],
    );
  }

  /** Tells head office the seal register's count and head now: it keeps every sighting, in order. */
  async witnessRegister(seals: number, head: string): Promise<void> {
    await this.client.query(
      `INSERT INTO guardbook.register_heads (branch_code, seals, head) VALUES (guardbook.current_branch(), $1, $2)`,
      [seals, head],
    );
  }

  /**
   * The plan versions released to this branch that it does not have yet (row-level security keeps the others out
   * of sight). Their list is read first and the contents only of new ones: a plan's text is tens of kilobytes, and
   * every pass of every branch would otherwise read them all again.
   */
  async releases(known: ReadonlySet<string> = new Set()): Promise<ReleaseRow[]> {
    const { rows: list } = await this.client.query<{ plan_id: string; version: number }>(
      'SELECT plan_id, version FROM guardbook.plan_versions ORDER BY plan_id, version',
    );
    const wanted = list.filter((r) => !known.has(`${r.plan_id}@${r.version}`));
    if (wanted.length === 0) return [];
    const { rows } = await this.client.query<{
      plan_id: string;
      version: number;
      content_text: string;
      content_hash: string;
      signature: string;
      scope_kind: ReleaseScope['kind'];
      scope_regions: string[] | null;
      scope_branches: string[] | null;
      mandatory: boolean;
      effective_date: string | null;
    }>(
      `SELECT plan_id, version, content_text, content_hash, signature, scope_kind, scope_regions, scope_branches,
              mandatory, to_char(effective_date, 'YYYY-MM-DD') AS effective_date
         FROM guardbook.plan_versions
        WHERE (plan_id, version) IN (SELECT * FROM unnest($1::text[], $2::int[]))
        ORDER BY plan_id, version`,
      [wanted.map((r) => r.plan_id), wanted.map((r) => r.version)],
    );
    return rows.map((row) => ({
      release: {
        planId: row.plan_id,
        version: row.version,
        contentHash: row.content_hash,
        scope:
          row.scope_kind === 'all'
            ? { kind: 'all' }
            : row.scope_kind === 'regions'
              ? { kind: 'regions', regions: row.scope_regions ?? [] }
              : { kind: 'branches', branches: row.scope_branches ?? [] },
        mandatory: row.mandatory,
        effectiveDate: row.effective_date ?? '',
      },
      content: row.content_text,
      signature: row.signature,
    }));
  }

  async close(): Promise<void> {
    await this.client.end().catch(() => {});
  }
}
