// Head office's test data: branches enrolled with real installation keys (each its own temp data folder and login
// role), sealed journals made in memory in the journal line format (the chain and seal as JournalFile writes them,
// without an fsync per line, so thousands are quick), the pushes a branch makes of them (`recordPushOf`), and those
// pushes inserted on the branch's own connection, as its sync does.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { addBranch, branchRoleName } from '../../electron/hq/branchRoles';
import { nodeJournalCrypto, sha256Hex } from '../../electron/journal/nodeCrypto';
import { loadOrCreateSigningKey, type SigningKey } from '../../electron/journal/signingKey';
import { checkChecklistText } from '../../shared/checklist/checkChecklistText';
import { checklistContentHash } from '../../shared/checklist/contentHash';
import type { Checklist } from '../../shared/checklist/schema';
import { recordPushOf, type RecordKind, type RecordPush } from '../../shared/hq/receivedRecord';
import { journalLine, nextEvent, type JournalEvent } from '../../shared/journal/format';
import type { Plan } from '../../shared/plan/schema';
import type { PgCluster } from './pgCluster';
import { sketchPlan, startedData, T0, tempDir } from './runJournal';

export interface TestBranch {
  code: string;
  region: string;
  /** The branch's installation key, in its own temp data folder. */
  key: SigningKey;
  dataDir: string;
  /** Connected as the branch's own login role. */
  client: pg.Client;
}

/** Enrols a branch (as `admin`, who needs CREATEROLE) with a fresh installation key, and connects as it. */
export async function enrolTestBranch(
  cluster: PgCluster,
  admin: pg.ClientBase,
  database: string,
  code: string,
  region: string,
): Promise<TestBranch> {
  const dataDir = tempDir('guardbook-hq-branch-');
  const key = loadOrCreateSigningKey(dataDir);
  const password = randomBytes(18).toString('base64');
  await addBranch(admin, { code, name: `支行 ${code}`, region, publicKey: key.publicKey, keyId: key.keyId, password });
  const client = await cluster.connect(branchRoleName(code), password, database);
  return { code, region, key, dataDir, client };
}

type Append = (type: string, by: string | null, data: unknown) => void;

/** A chain built line by line on a clock that ticks one second per line from `startMs`. */
function chain(startMs: number): { events: JournalEvent[]; append: Append; text: () => string } {
  const events: JournalEvent[] = [];
  let ms = startMs;
  return {
    events,
    append: (type, by, data) => {
      events.push(nextEvent(events, new Date((ms += 1000)), type, by, data, sha256Hex));
    },
    text: () => events.map(journalLine).join(''),
  };
}

function sealWith(append: Append, events: readonly JournalEvent[], key: SigningKey, type: string): void {
  const head = events.at(-1)!.hash;
  append(type, 'system', { head, signature: key.sign(head), publicKey: key.publicKey, keyId: key.keyId });
}

export interface RunOptions {
  plan?: Plan;
  /** Time of the first line; every later line one second on. */
  startMs?: number;
  note?: string;
}

let sketch: Plan | undefined;

/** A sealed drill run's journal: the sample's events (tests/support/journalSample.ts) under its own run id. */
export function sealedRunJournal(key: SigningKey, runId: string, options: RunOptions = {}): string {
  const { events, append, text } = chain(options.startMs ?? T0);
  append('run.started', '张三', startedData(options.plan ?? (sketch ??= sketchPlan()), runId));
  append('step.completed', '张三', { step: 'raise-alarm' });
  append('checklist.ticked', '李四', { step: 'observe', item: 'face' });
  append('note.added', '李四', { text: options.note ?? '嫌疑人向北逃离', step: 'observe' });
  append('contact.called', '张三', { step: 'call-police', contact: 'police', phone: '110' });
  append('run.ended', 'system', { outcome: 'handed-to-police', endStep: 'handed-over' });
  append('run.signedOff', '王五', { name: '王五', note: '已核对' });
  sealWith(append, events, key, 'run.sealed');
  return text();
}

let checklist: { body: Checklist; hash: string } | undefined;
/** A bundled checklist template, read once. */
function guardPostChecklist(): { body: Checklist; hash: string } {
  if (!checklist) {
    const path = fileURLToPath(new URL('../../plans/checklists/guard-post.json', import.meta.url));
    const body = checkChecklistText(readFileSync(path, 'utf8')).checklist;
    if (!body) throw new Error(`${path} does not check`);
    checklist = { body, hash: checklistContentHash(body, sha256Hex) };
  }
  return checklist;
}

/** A sealed inspection's journal whose sign-off states `percent` and whether it passed. */
export function sealedInspectionJournal(
  key: SigningKey,
  inspectionId: string,
  percent: number | null,
  passed: boolean,
): string {
  const { body, hash } = guardPostChecklist();
  const inspector = { userId: 'inspector-1', name: '赵六' };
  const { events, append, text } = chain(T0);
  append('inspection.started', '赵六', {
    inspectionId,
    announced: false,
    checklist: { id: body.id, version: body.version, contentHash: hash },
    body,
    branch: '测试支行',
    place: '营业厅',
    inspectors: ['赵六'],
    by: inspector,
  });
  append('inspection.signedOff', '赵六', {
    percent,
    passed,
    failed: [],
    criticalFailed: [],
    summary: '',
    inspector,
    branchRepresentative: '王五',
    rectifications: [],
  });
  sealWith(append, events, key, 'inspection.sealed');
  return text();
}

/** The push a branch makes of a sealed journal (throws if it is not one). */
export function pushOf(kind: RecordKind, journal: string): RecordPush {
  const push = recordPushOf(kind, journal, nodeJournalCrypto);
  if (!push) throw new Error(`not a sealed ${kind} journal`);
  return push;
}

/** What a branch inserts for a push, column by column; a test may change any of them first. */
export interface RecordRow {
  branch_code: string;
  kind: string;
  record_id: string;
  head_hash: string;
  seal: string;
  journal: Buffer;
  plan_id: string | null;
  plan_version: number | null;
  plan_hash: string | null;
  category: string | null;
  is_drill: boolean | null;
  started_at: string | null;
  ended_at: string | null;
  score: number | string | null;
  passed: boolean | null;
}

export function rowOf(branchCode: string, push: RecordPush): RecordRow {
  const s = push.summary;
  return {
    branch_code: branchCode,
    kind: push.kind,
    record_id: push.recordId,
    head_hash: push.headHash,
    seal: JSON.stringify(push.seal),
    journal: Buffer.from(push.journal, 'utf8'),
    plan_id: s.planId,
    plan_version: s.planVersion,
    plan_hash: s.planHash,
    category: s.category,
    is_drill: s.isDrill,
    started_at: s.startedAt,
    ended_at: s.endedAt,
    score: s.score,
    passed: s.passed,
  };
}

const COLUMNS = [
  'branch_code',
  'kind',
  'record_id',
  'head_hash',
  'seal',
  'journal',
  'plan_id',
  'plan_version',
  'plan_hash',
  'category',
  'is_drill',
  'started_at',
  'ended_at',
  'score',
  'passed',
] as const satisfies readonly (keyof RecordRow)[];
const TYPES = [
  'text',
  'text',
  'text',
  'text',
  'jsonb',
  'bytea',
  'text',
  'integer',
  'text',
  'text',
  'boolean',
  'timestamptz',
  'timestamptz',
  'numeric',
  'boolean',
];

/** Inserts rows on `client` (a branch's own connection), a few hundred per statement; returns how many were new. */
export async function insertRecords(client: pg.ClientBase, rows: readonly RecordRow[]): Promise<number> {
  let inserted = 0;
  for (let start = 0; start < rows.length; start += 500) {
    const chunk = rows.slice(start, start + 500);
    const params = COLUMNS.map((column) => chunk.map((row) => row[column]));
    const result = await client.query(
      `INSERT INTO guardbook.received_records (${COLUMNS.join(', ')})
       SELECT * FROM unnest(${TYPES.map((type, i) => `$${i + 1}::${type}[]`).join(', ')})
       ON CONFLICT DO NOTHING`,
      params,
    );
    inserted += result.rowCount ?? 0;
  }
  return inserted;
}
