// Checklist templates through the backend on real temp data folders: the bundled templates seeded as the branch's
// version 1; a manager's revision autosaved, checked, submitted with a reason and approved by another manager with
// their PIN (the maker-checker rule and the wrong PIN refused, writing nothing); inspections begun afterwards follow
// the new version while one already under way keeps its own; history, rollback, retirement, import and template
// updates; damage on disk found and never used; every change on the audit trail; who may do what.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLANS_DIR } from '../../electron/build/projectPaths';
import { CHECKLIST_LIBRARY_DIR } from '../../electron/checklists/checklistLibrary';
import { checklistHashOf } from '../../electron/checklists/checklistFiles';
import type { ChecklistDetail, ChecklistDraftView, ChecklistSummary, PlanHistoryView } from '../../shared/api/channels';
import type { Checklist, ChecklistItem } from '../../shared/checklist/schema';
import type { InspectionView } from '../../shared/inspections/inspectionView';
import type { JournalEvent } from '../../shared/journal/format';
import { backendFixtures } from '../support/backends';
import {
  bundledChecklist,
  inspectionBranch,
  itemsOf,
  journalLines,
  unlockAll,
  type InspectionBranch,
} from '../support/inspectionBranch';
import { ADMIN_PIN, call, PINS, setupAdmin } from '../support/people';

const fixtures = backendFixtures('guardbook-checklist-library-');
const ID = 'daily-opening-closing';

async function branch(plansDir = PLANS_DIR): Promise<InspectionBranch> {
  const dataDir = fixtures.tempDir();
  return inspectionBranch(await fixtures.start(dataDir, { plansDir }), dataDir);
}

async function restart(b: InspectionBranch, plansDir = PLANS_DIR): Promise<InspectionBranch> {
  await fixtures.stop(b.backend);
  const backend = await fixtures.start(b.dataDir, { plansDir });
  await unlockAll(backend, b.users, b.windows);
  return { ...b, backend };
}

/** A new item for the first section: a yes/no check that must be photographed and fails the inspection. */
const NEW_ITEM: ChecklistItem = {
  id: 'fire-door-unlocked',
  kind: 'yes-no',
  text: { 'zh-CN': '消防通道门在营业期间未上锁', en: 'The fire exit door is not locked during business hours' },
  critical: true,
  photo: true,
};

function withNewItem(checklist: Checklist): Checklist {
  const [first, ...rest] = checklist.sections;
  return { ...checklist, sections: [{ ...first!, items: [...first!.items, NEW_ITEM] }, ...rest] };
}

async function result(b: InspectionBranch, channel: string, input: unknown, window = b.windows.manager) {
  return b.backend.call(channel, input, window);
}

/** Manager revises, saves the new item and submits; returns the draft in review. */
async function submitRevision(b: InspectionBranch, edit: (c: Checklist) => Checklist = withNewItem) {
  const { manager } = b.windows;
  const opened = await call<ChecklistDraftView>(b.backend, 'checklists.revise', { checklistId: ID }, manager);
  expect(opened.draft).toMatchObject({ planId: ID, origin: 'revision', status: 'draft', base: { version: 1 } });
  const edited = edit(opened.draft.plan as unknown as Checklist);
  const saved = await call<ChecklistDraftView>(
    b.backend,
    'checklists.saveDraft',
    { checklistId: ID, revision: opened.draft.revision, checklist: edited },
    manager,
  );
  expect(saved.findings.filter((f) => f.severity === 'error')).toEqual([]);
  return call<ChecklistDraftView>(
    b.backend,
    'checklists.submit',
    { checklistId: ID, note: '增加消防通道检查' },
    manager,
  );
}

const auditOf = async (b: InspectionBranch) =>
  (await call<{ entries: JournalEvent[] }>(b.backend, 'audit.list', { limit: 500 }, b.windows.manager)).entries
    .filter((e) => e.type === 'checklist.changed')
    .map((e) => ({ by: e.by, ...(e.data as { checklistId: string; action: string }) }));

describe('the checklist library', () => {
  it('seeds every bundled template as the branch’s version 1, and inspections use those versions', async () => {
    const b = await branch();
    const list = await call<ChecklistSummary[]>(b.backend, 'checklists.list', {}, b.windows.trainer);
    expect(list.map((c) => c.id).sort()).toEqual([
      'alarm-110-link-test',
      'cash-in-transit-handover',
      'daily-opening-closing',
      'guard-post',
      'unannounced-inspection',
    ]);
    for (const summary of list) {
      const template = bundledChecklist(summary.id);
      expect(summary).toMatchObject({
        version: 1,
        status: 'published',
        source: 'template',
        contentHash: checklistHashOf(template),
        items: itemsOf(template).length,
        errors: 0,
      });
      // The version file is the template's content, byte for byte what its hash was taken of.
      const file = join(b.dataDir, CHECKLIST_LIBRARY_DIR, 'versions', summary.id, '1.json');
      const { $schema: _hint, ...content } = template;
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(content);
    }
    const offered = await call<{ id: string; version: number }[]>(
      b.backend,
      'inspections.checklists',
      {},
      b.windows.trainer,
    );
    expect(offered.map((c) => `${c.id}@${c.version}`).sort()).toEqual(list.map((c) => `${c.id}@1`).sort());
  });

  it('a revision is reviewed and approved by another manager with their PIN, and inspections follow it', async () => {
    const b = await branch();
    const { manager, admin, trainer } = b.windows;
    // An inspection under way on version 1 keeps it whatever is published meanwhile.
    const before = await call<InspectionView>(
      b.backend,
      'inspections.start',
      { checklistId: ID, announced: true, place: '营业厅', inspectors: ['陈培训'] },
      trainer,
    );
    const inReview = await submitRevision(b);
    expect(inReview.draft.status).toBe('in-review');
    const hash = inReview.contentHash!;
    expect(inReview.draft.submitted).toMatchObject({ note: '增加消防通道检查', contentHash: hash });

    // The submitter cannot approve their own change where another manager could (the admin here).
    const self = await result(b, 'checklists.approve', { checklistId: ID, contentHash: hash, pin: PINS.manager });
    expect(self.ok || self.error.code).toBe('forbidden');
    // A wrong PIN, and a hash other than the one submitted, are refused and publish nothing.
    const wrongPin = await result(
      b,
      'checklists.approve',
      { checklistId: ID, contentHash: hash, pin: '000000' },
      admin,
    );
    expect(wrongPin.ok).toBe(false);
    const otherHash = await result(
      b,
      'checklists.approve',
      { checklistId: ID, contentHash: `sha256:${'0'.repeat(64)}`, pin: PINS.admin },
      admin,
    );
    expect(otherHash.ok).toBe(false);
    expect(
      (await call<ChecklistDetail>(b.backend, 'checklists.get', { checklistId: ID }, manager)).summary.version,
    ).toBe(1);

    const approved = await call<ChecklistSummary>(
      b.backend,
      'checklists.approve',
      { checklistId: ID, contentHash: hash, pin: PINS.admin },
      admin,
    );
    expect(approved).toMatchObject({ version: 2, status: 'published', source: 'revision', contentHash: hash });
    expect(approved.draft).toBeUndefined();

    // The next inspection carries version 2 with the new item; the one under way still has version 1.
    const after = await call<InspectionView>(
      b.backend,
      'inspections.start',
      { checklistId: ID, announced: true, place: '营业厅', inspectors: ['陈培训'] },
      trainer,
    );
    expect(after.summary.checklist).toMatchObject({ id: ID, version: 2, contentHash: hash });
    expect(itemsOf(after.body).map((i) => i.id)).toContain(NEW_ITEM.id);
    const started = journalLines(b.dataDir, after.summary.id)[0]!.data as { body: Checklist };
    expect(checklistHashOf(started.body)).toBe(hash);
    const still = await call<InspectionView>(
      b.backend,
      'inspections.get',
      { inspectionId: before.summary.id },
      trainer,
    );
    expect(still.summary.checklist?.version).toBe(1);
    expect(itemsOf(still.body).map((i) => i.id)).not.toContain(NEW_ITEM.id);

    // History names who wrote and who approved it, and why; both versions verify against their hashes.
    const history = await call<PlanHistoryView>(b.backend, 'checklists.history', { checklistId: ID }, trainer);
    expect(history.versions.map((v) => ({ version: v.version, source: v.source, offered: v.offered }))).toEqual([
      { version: 1, source: 'template', offered: false },
      { version: 2, source: 'revision', offered: true },
    ]);
    expect(history.versions[1]).toMatchObject({
      author: { userId: b.users.manager.id },
      approver: { userId: b.users.admin.id },
      selfApproved: false,
      note: '增加消防通道检查',
      derivedFrom: { version: 1 },
    });
    const v1 = await call<{ checklist?: Checklist }>(
      b.backend,
      'checklists.version',
      { checklistId: ID, version: 1 },
      trainer,
    );
    expect(checklistHashOf(v1.checklist!)).toBe(history.versions[0]!.contentHash);

    expect(await auditOf(b)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          checklistId: ID,
          action: 'draftStarted',
          origin: 'revision',
          by: b.users.manager.id,
        }),
        expect.objectContaining({ checklistId: ID, action: 'submitted', contentHash: hash }),
        expect.objectContaining({ checklistId: ID, action: 'published', version: 2, by: b.users.admin.id }),
      ]),
    );

    // Published versions survive a restart, and the library offers version 2 again.
    const again = await restart(b);
    const offered = await call<ChecklistDetail>(again.backend, 'checklists.get', { checklistId: ID }, trainer);
    expect(offered.summary).toMatchObject({ version: 2, contentHash: hash, status: 'published' });
  });

  it('a draft with errors is saved but cannot be submitted; its findings name the item', async () => {
    const b = await branch();
    const { manager } = b.windows;
    const opened = await call<ChecklistDraftView>(b.backend, 'checklists.revise', { checklistId: ID }, manager);
    const draft = opened.draft.plan as unknown as Checklist;
    const duplicate = itemsOf(draft)[0]!;
    const broken = withNewItem({ ...draft });
    broken.sections[0]!.items.push({ ...duplicate });
    const saved = await call<ChecklistDraftView>(
      b.backend,
      'checklists.saveDraft',
      { checklistId: ID, revision: 0, checklist: broken },
      manager,
    );
    const error = saved.findings.find((f) => f.severity === 'error');
    expect(error).toMatchObject({ code: 'duplicate-id', itemId: duplicate.id });
    const submit = await result(b, 'checklists.submit', { checklistId: ID, note: '试试' });
    expect(submit.ok || submit.error.message['zh-CN']).toMatch(/错误/);
    // A save from an older revision (another window) is refused rather than lost silently.
    const stale = await result(b, 'checklists.saveDraft', { checklistId: ID, revision: 0, checklist: draft });
    expect(stale.ok).toBe(false);
    expect(
      (await call<ChecklistDraftView>(b.backend, 'checklists.draft', { checklistId: ID }, manager)).draft.revision,
    ).toBe(1);
  });

  it('the only manager may approve their own change, recorded as self-approved', async () => {
    // A branch with one administrator and nobody else who could review.
    const backend = await fixtures.start(fixtures.tempDir());
    const window = { sessionId: 'only-admin' };
    await setupAdmin(backend, window);
    const opened = await call<ChecklistDraftView>(backend, 'checklists.revise', { checklistId: ID }, window);
    await call(
      backend,
      'checklists.saveDraft',
      { checklistId: ID, revision: 0, checklist: withNewItem(opened.draft.plan as unknown as Checklist) },
      window,
    );
    const inReview = await call<ChecklistDraftView>(
      backend,
      'checklists.submit',
      { checklistId: ID, note: '增加' },
      window,
    );
    const approved = await call<ChecklistSummary>(
      backend,
      'checklists.approve',
      { checklistId: ID, contentHash: inReview.contentHash, pin: ADMIN_PIN },
      window,
    );
    expect(approved.version).toBe(2);
    const history = await call<PlanHistoryView>(backend, 'checklists.history', { checklistId: ID }, window);
    expect(history.versions.at(-1)).toMatchObject({ selfApproved: true });
  });

  it('rolls back by publishing an earlier version’s content as the next version; history is never rewritten', async () => {
    const b = await branch();
    const { manager, admin } = b.windows;
    const inReview = await submitRevision(b);
    await call(
      b.backend,
      'checklists.approve',
      { checklistId: ID, contentHash: inReview.contentHash, pin: PINS.admin },
      admin,
    );
    const rollback = await call<ChecklistDraftView>(
      b.backend,
      'checklists.rollback',
      { checklistId: ID, version: 1 },
      manager,
    );
    expect(rollback.draft).toMatchObject({ origin: 'rollback', rollbackOf: 1 });
    const submitted = await call<ChecklistDraftView>(
      b.backend,
      'checklists.submit',
      { checklistId: ID, note: '恢复原检查表' },
      manager,
    );
    const v3 = await call<ChecklistSummary>(
      b.backend,
      'checklists.approve',
      { checklistId: ID, contentHash: submitted.contentHash, pin: PINS.admin },
      admin,
    );
    const { $schema: _hint, ...original } = bundledChecklist(ID);
    expect(v3).toMatchObject({ version: 3, source: 'rollback', items: itemsOf(original).length });
    const history = await call<PlanHistoryView>(b.backend, 'checklists.history', { checklistId: ID }, manager);
    expect(history.versions.map((v) => v.version)).toEqual([1, 2, 3]);
  });

  it('a retired template is not offered to inspections until a new version is published', async () => {
    const b = await branch();
    const { manager, trainer } = b.windows;
    const retired = await call<ChecklistSummary>(
      b.backend,
      'checklists.retire',
      { checklistId: 'alarm-110-link-test', note: '由分行统一测试' },
      manager,
    );
    expect(retired.status).toBe('retired');
    const offered = await call<{ id: string }[]>(b.backend, 'inspections.checklists', {}, trainer);
    expect(offered.map((c) => c.id)).not.toContain('alarm-110-link-test');
    const start = await b.backend.call(
      'inspections.start',
      { checklistId: 'alarm-110-link-test', announced: true, place: '营业厅', inspectors: ['陈培训'] },
      trainer,
    );
    expect(start.ok || start.error.code).toBe('not-found');
    // Managers still read it, with its history.
    expect((await call<ChecklistSummary[]>(b.backend, 'checklists.list', {}, trainer)).map((c) => c.id)).toContain(
      'alarm-110-link-test',
    );
  });

  it('imports a template file as a draft, or refuses it with file line and item id (nothing changes)', async () => {
    const b = await branch();
    const { manager } = b.windows;
    const template = bundledChecklist('guard-post');
    const night = { ...template, id: 'guard-post-night', title: { 'zh-CN': '夜间保安检查', en: 'Night guard check' } };
    const accepted = await call<{ accepted: boolean; draft?: ChecklistDraftView }>(
      b.backend,
      'checklists.import',
      { fileName: 'night.json', content: JSON.stringify(night, null, 2) },
      manager,
    );
    expect(accepted).toMatchObject({ accepted: true, draft: { draft: { planId: 'guard-post-night', origin: 'new' } } });
    const listed = await call<ChecklistSummary[]>(b.backend, 'checklists.list', {}, manager);
    expect(listed.find((c) => c.id === 'guard-post-night')).toMatchObject({ status: 'unpublished', version: 0 });
    // Not offered to inspections before it is published.
    const offered = await call<{ id: string }[]>(b.backend, 'inspections.checklists', {}, manager);
    expect(offered.map((c) => c.id)).not.toContain('guard-post-night');

    const first = template.sections[0]!;
    const broken = {
      ...template,
      id: 'guard-post-broken',
      sections: [{ ...first, items: [...first.items, { ...first.items[0]! }] }, ...template.sections.slice(1)],
    };
    const text = JSON.stringify(broken, null, 2);
    const refused = await call<{ accepted: boolean; findings: { code: string; itemId?: string; line?: number }[] }>(
      b.backend,
      'checklists.import',
      { fileName: 'broken.json', content: text },
      manager,
    );
    expect(refused.accepted).toBe(false);
    const duplicate = refused.findings.find((f) => f.code === 'duplicate-id')!;
    expect(duplicate.itemId).toBe(first.items[0]!.id);
    expect(duplicate.line).toBeGreaterThan(1);
    expect(text.split('\n')[duplicate.line! - 1]).toContain(first.items[0]!.id);
    expect((await call<ChecklistSummary[]>(b.backend, 'checklists.list', {}, manager)).map((c) => c.id)).not.toContain(
      'guard-post-broken',
    );
  });

  it('offers a newer bundled template after an app update as a draft to review, never taking it silently', async () => {
    const plansDir = fixtures.tempDir('guardbook-plans-');
    cpSync(PLANS_DIR, plansDir, { recursive: true });
    const b = await branch(plansDir);
    const file = join(plansDir, 'checklists', `${ID}.json`);
    const updated = withNewItem(JSON.parse(readFileSync(file, 'utf8')) as Checklist);
    writeFileSync(file, JSON.stringify({ ...updated, version: 2 }, null, 2));
    const b2 = await restart(b, plansDir);
    const { manager } = b2.windows;
    const summary = (await call<ChecklistSummary[]>(b2.backend, 'checklists.list', {}, manager)).find(
      (c) => c.id === ID,
    )!;
    expect(summary).toMatchObject({ version: 1, templateUpdate: { version: 2 } });
    // Inspections still use the branch's version 1.
    const offered = await call<{ id: string; version: number; items: number }[]>(
      b2.backend,
      'inspections.checklists',
      {},
      manager,
    );
    expect(offered.find((c) => c.id === ID)).toMatchObject({ version: 1, items: summary.items });
    const taken = await call<ChecklistDraftView>(
      b2.backend,
      'checklists.takeTemplateUpdate',
      { checklistId: ID },
      manager,
    );
    expect(taken.draft.origin).toBe('template-update');
    expect(itemsOf(taken.draft.plan as unknown as Checklist).map((i) => i.id)).toContain(NEW_ITEM.id);
  });

  it('a version file changed on disk is found at start, reported, and never used for an inspection', async () => {
    const b = await branch();
    const file = join(b.dataDir, CHECKLIST_LIBRARY_DIR, 'versions', 'guard-post', '1.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"critical": true', '"critical": false'));
    const b2 = await restart(b);
    const detail = await call<ChecklistDetail>(
      b2.backend,
      'checklists.get',
      { checklistId: 'guard-post' },
      b2.windows.trainer,
    );
    expect(detail.checklist).toBeUndefined();
    expect(detail.findings).toEqual([expect.objectContaining({ code: 'version-damaged', severity: 'error' })]);
    expect(detail.findings[0]!.message.en).toContain('does not match the hash');
    const start = await b2.backend.call(
      'inspections.start',
      { checklistId: 'guard-post', announced: true, place: '营业厅', inspectors: ['陈培训'] },
      b2.windows.trainer,
    );
    expect(start.ok).toBe(false);
  });

  it('only managers change templates; trainers read them and their drafts; guards do not', async () => {
    const b = await branch();
    const { guard, trainer, manager } = b.windows;
    await call(b.backend, 'checklists.revise', { checklistId: ID }, manager);
    for (const [channel, input] of [
      ['checklists.revise', { checklistId: 'guard-post' }],
      ['checklists.saveDraft', { checklistId: ID, revision: 0, checklist: {} }],
      ['checklists.submit', { checklistId: ID, note: '提交' }],
      ['checklists.discardDraft', { checklistId: ID }],
      ['checklists.retire', { checklistId: ID, note: '停用' }],
    ] as const) {
      const refused = await b.backend.call(channel, input, trainer);
      expect({ channel, code: refused.ok || refused.error.code }).toEqual({ channel, code: 'forbidden' });
    }
    expect((await b.backend.call('checklists.draft', { checklistId: ID }, trainer)).ok).toBe(true);
    expect((await b.backend.call('checklists.list', {}, guard)).ok).toBe(false);
    // Nothing the refused calls asked for happened.
    const draft = await call<ChecklistDraftView>(b.backend, 'checklists.draft', { checklistId: ID }, trainer);
    expect(draft.draft).toMatchObject({ revision: 0, status: 'draft' });
  });
});
