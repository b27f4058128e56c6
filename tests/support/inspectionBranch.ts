// Inspections for backend tests, through the API on a real temp data folder: a branch with a user of each role in
// their own unlocked window, the bundled templates read apart from the backend (so a test computes what to expect on
// its own), answers that pass or fail an item, an inspection conducted and signed, photos of any size whose bytes
// still sniff as PNG, and the journal and logs read straight from disk.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Backend } from '../../electron/backend/backend';
import { PLANS_DIR } from '../../electron/build/projectPaths';
import { ChainLog, verifyChainFile } from '../../electron/journal/chainLog';
import type { Caller } from '../../shared/api/dispatch';
import { checkChecklistText } from '../../shared/checklist/checkChecklistText';
import type { Checklist, ChecklistItem } from '../../shared/checklist/schema';
import { checklistItems, passAtOf, type Answer } from '../../shared/checklist/score';
import { INSPECTIONS_DIR } from '../../shared/inspections/inspectionLog';
import type { InspectionView } from '../../shared/inspections/inspectionView';
import type { JournalEvent } from '../../shared/journal/format';
import type { ChainFormat } from '../../shared/journal/verify';
import type { PublicUser, Role } from '../../shared/people/roles';
import { call, PINS, usersOfEachRole } from './people';
import { TINY_PNG_BASE64 } from './photos';

export type Windows = Record<Role, Caller>;

export interface InspectionBranch {
  backend: Backend;
  dataDir: string;
  users: Record<Role, PublicUser>;
  windows: Windows;
}

/** A user of each role on a fresh backend, each unlocked in a window of their own; the branch in Shanghai. */
export async function inspectionBranch(backend: Backend, dataDir: string): Promise<InspectionBranch> {
  const windows: Windows = {
    guard: { sessionId: 'guard-window' },
    trainer: { sessionId: 'trainer-window' },
    manager: { sessionId: 'manager-window' },
    admin: { sessionId: 'admin-window' },
  };
  const users = await usersOfEachRole(backend, windows.admin);
  await unlockAll(backend, users, windows);
  await call(backend, 'settings.update', { timeZone: 'Asia/Shanghai' }, windows.admin);
  return { backend, dataDir, users, windows };
}

/** Unlocks every window again (after a restart: sessions live in memory). */
export async function unlockAll(backend: Backend, users: Record<Role, PublicUser>, windows: Windows): Promise<void> {
  for (const role of ['guard', 'trainer', 'manager', 'admin'] as const) {
    await call(backend, 'session.unlock', { userId: users[role].id, pin: PINS[role] }, windows[role]);
  }
}

/** A bundled template as its file says, read without the backend. */
export function bundledChecklist(id: string): Checklist {
  const checked = checkChecklistText(readFileSync(join(PLANS_DIR, 'checklists', `${id}.json`), 'utf8'));
  if (!checked.checklist) throw new Error(`plans/checklists/${id}.json does not check`);
  return checked.checklist;
}

export function itemsOf(checklist: Checklist): ChecklistItem[] {
  return checklistItems(checklist).map(({ item }) => item);
}

/** An answer that passes the item, or one that fails it (a text item is recorded either way). */
export function answerFor(item: ChecklistItem, fail = false): Answer {
  switch (item.kind) {
    case 'yes-no':
      return { kind: 'yes-no', value: fail ? 'no' : 'yes' };
    case 'score':
      return { kind: 'score', value: fail ? passAtOf(item) - 1 : item.max };
    case 'number':
      if (item.min !== undefined) return { kind: 'number', value: fail ? item.min - 1 : item.min };
      return { kind: 'number', value: fail ? (item.max ?? 0) + 1 : (item.max ?? 0) };
    case 'text':
      return { kind: 'text', value: fail ? '发现问题，已当场指出' : '情况正常' };
  }
}

export interface ConductOptions {
  checklistId: string;
  /** Items answered so they fail. */
  fail?: readonly string[];
  /** Each failed item's owner (by item id; else `owner`). */
  owners?: Readonly<Record<string, { userId?: string; name: string }>>;
  owner?: { userId?: string; name: string };
  /** Each failed item's due date (by item id; else `due`). */
  dues?: Readonly<Record<string, string>>;
  due?: string;
  announced?: boolean;
  /** The photo of an item that must be photographed (by item id; else a tiny PNG). */
  photos?: Readonly<Record<string, Buffer>>;
}

export const EVIDENCE = '整改后照片';

/** Begins an inspection, answers every item (photographing those that must be), and leaves it unsigned. */
export async function conductUnsigned(
  branch: InspectionBranch,
  options: ConductOptions,
  window: Caller = branch.windows.trainer,
): Promise<InspectionView> {
  const { backend } = branch;
  let view = await call<InspectionView>(
    backend,
    'inspections.start',
    { checklistId: options.checklistId, announced: options.announced ?? true, place: '营业厅', inspectors: ['陈培训'] },
    window,
  );
  const inspectionId = view.summary.id;
  for (const item of itemsOf(view.body)) {
    const answer = answerFor(item, options.fail?.includes(item.id));
    view = await call<InspectionView>(backend, 'inspections.answer', { inspectionId, itemId: item.id, answer }, window);
    if (item.photo) view = await attachPhoto(backend, window, inspectionId, item.id, options.photos?.[item.id]);
  }
  return view;
}

/** The rectifications a sign-off gives for these failed items. */
export function rectificationsFor(
  failed: readonly string[],
  options: Pick<ConductOptions, 'owners' | 'owner' | 'dues' | 'due'>,
) {
  return failed.map((itemId) => ({
    itemId,
    owner: options.owners?.[itemId] ?? options.owner ?? { name: '李主管' },
    due: options.dues?.[itemId] ?? options.due ?? '2099-12-31',
    evidence: EVIDENCE,
  }));
}

/** Conducts and signs an inspection as the trainer (PIN asked again), each failed item with its rectification. */
export async function conductSigned(branch: InspectionBranch, options: ConductOptions): Promise<InspectionView> {
  const view = await conductUnsigned(branch, options);
  return call<InspectionView>(
    branch.backend,
    'inspections.signOff',
    {
      inspectionId: view.summary.id,
      summary: '总体良好，个别问题限期整改。',
      branchRepresentative: '王行长',
      rectifications: rectificationsFor(view.score.failed, options),
      pin: PINS.trainer,
    },
    branch.windows.trainer,
  );
}

export function attachPhoto(
  backend: Backend,
  window: Caller,
  inspectionId: string,
  itemId: string,
  bytes: Buffer = Buffer.from(TINY_PNG_BASE64, 'base64'),
  name = `${itemId}.png`,
): Promise<InspectionView> {
  return call<InspectionView>(
    backend,
    'inspections.attach',
    { inspectionId, itemId, file: { name, base64: bytes.toString('base64') } },
    window,
  );
}

/** A real PNG followed by `size - png` bytes of `fill`: other bytes for each fill, still a PNG by its header. */
export function paddedPng(size: number, fill = 0): Buffer {
  const png = Buffer.from(TINY_PNG_BASE64, 'base64');
  return Buffer.concat([png, Buffer.alloc(Math.max(0, size - png.length), fill)]);
}

export function inspectionsDir(dataDir: string): string {
  return join(dataDir, INSPECTIONS_DIR);
}

export function journalFile(dataDir: string, inspectionId: string): string {
  return join(inspectionsDir(dataDir), `${inspectionId}.jsonl`);
}

/** The journal's lines as parsed JSON, straight from disk. */
export function journalLines(dataDir: string, inspectionId: string): JournalEvent[] {
  return readFileSync(journalFile(dataDir, inspectionId), 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as JournalEvent);
}

/** Flips one byte of a file in place (the same length, other bytes). */
export function flipByte(file: string, offset: number): void {
  const bytes = readFileSync(file);
  bytes[offset] = bytes[offset]! ^ 0x01;
  writeFileSync(file, bytes);
}

/**
 * Writes a chain log again from its first entry with only the entries `keep` accepts, chained and hashed as the app
 * would (each at its original time): a log that never got those lines, as after a crash before they were written.
 * The backend holding the log must be closed.
 */
export function rewriteChainLog(
  dir: string,
  fileName: string,
  format: ChainFormat,
  recoveredType: string,
  keep: (entry: JournalEvent) => boolean,
): void {
  const file = join(dir, fileName);
  const verified = verifyChainFile(file, format);
  if (!verified.ok) throw new Error(`${file} does not verify`);
  const [first, ...rest] = verified.events;
  rmSync(file);
  let at = first!.at;
  const { log } = ChainLog.open(
    dir,
    { format, fileName, recoveredType, startData: () => first!.data },
    () => new Date(at),
  );
  for (const entry of rest.filter(keep)) {
    at = entry.at;
    log.append(entry.type, entry.by, entry.data);
  }
  log.close();
}
