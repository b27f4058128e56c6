// Rectifications (整改) through the backend on a real temp data folder: an inspection's failed item becomes an action
// closed only by a fix reported with evidence and checked by someone else — never by hand; a guard reports only their
// own; a rejection says why and sends it back; the evidence is read back against its hash. Drill actions keep closing
// by hand and by a published version of their plan.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ActionView } from '../../shared/actions/actionView';
import type { InspectionView } from '../../shared/inspections/inspectionView';
import type { JournalEvent } from '../../shared/journal/format';
import { ACTION_MESSAGES as am } from '../../shared/messages/actions';
import type { Plan } from '../../shared/plan/schema';
import { backendFixtures, refusal } from '../support/backends';
import { FILLED_DIRECTORY } from '../support/directory';
import {
  conductSigned,
  EVIDENCE,
  flipByte,
  inspectionBranch,
  type InspectionBranch,
} from '../support/inspectionBranch';
import { call, PINS } from '../support/people';
import { SMALL_PNG_BASE64, TINY_PNG_BASE64 } from '../support/photos';

const fixtures = backendFixtures('guardbook-rectifications-');

async function branch(): Promise<InspectionBranch> {
  const dataDir = fixtures.tempDir();
  return inspectionBranch(await fixtures.start(dataDir), dataDir);
}

const sha256 = (base64: string) => createHash('sha256').update(Buffer.from(base64, 'base64')).digest('hex');
const png = (name: string, base64 = TINY_PNG_BASE64) => ({ name, base64 });

/** A sealed guard-post inspection failing three items: one the guard's, one the trainer's, one an outsider's. */
async function signedWithRectifications(b: InspectionBranch) {
  const owners = {
    'post-attentive': { userId: b.users.guard.id, name: b.users.guard.name },
    'dress-tidy': { userId: b.users.trainer.id, name: b.users.trainer.name },
  };
  const signed: InspectionView = await conductSigned(b, {
    checklistId: 'guard-post',
    fail: ['post-attentive', 'dress-tidy', 'equip-torch'],
    owners,
    owner: { name: '外包保安公司 刘经理' },
  });
  const actionOf = (itemId: string) => signed.signedOff!.rectifications.find((r) => r.itemId === itemId)!.actionId;
  return { guards: actionOf('post-attentive'), trainers: actionOf('dress-tidy'), outsiders: actionOf('equip-torch') };
}

describe('an inspection rectification', () => {
  it('is closed only by a fix with its evidence, checked by someone else; a rejection says why and sends it back', async () => {
    const b = await branch();
    const { backend, windows, users } = b;
    const { guards, trainers, outsiders } = await signedWithRectifications(b);
    const fix = (actionId: string, files: { name: string; base64: string }[]) =>
      backend.call('actions.fix', { actionId, note: '已整改', files }, windows.guard);
    const check = (actionId: string, accepted: boolean, note: string, window = windows.manager) =>
      backend.call('actions.check', { actionId, accepted, note }, window);

    // Not done by hand, and not reported fixed without the evidence it names.
    expect(
      refusal(await backend.call('actions.finish', { actionId: guards, status: 'done', note: '' }, windows.trainer)),
    ).toEqual({ code: 'invalid-input', message: am.checkedFixOnly(guards) });
    expect(refusal(await fix(guards, []))).toEqual({
      code: 'invalid-input',
      message: am.evidenceRequired(guards, EVIDENCE),
    });
    // A guard reports their own, not anyone else's.
    expect(refusal(await fix(trainers, [png('a.png')]))).toEqual({ code: 'forbidden', message: am.notYours(trainers) });
    expect(refusal(await fix(outsiders, [png('a.png')])).code).toBe('forbidden');
    const fixed = await call<ActionView>(
      backend,
      'actions.fix',
      { actionId: guards, note: '已提醒并补训', files: [png('培训记录.png')] },
      windows.guard,
    );
    expect(fixed).toMatchObject({
      status: 'fixed',
      fixed: {
        by: { userId: users.guard.id },
        note: '已提醒并补训',
        attachments: [{ name: '培训记录.png', sha256: sha256(TINY_PNG_BASE64) }],
      },
    });

    // Checked by a trainer or above, and never by whoever reported the fix.
    expect(refusal(await check(guards, true, '', windows.guard)).code).toBe('forbidden');
    await call(backend, 'actions.fix', { actionId: trainers, note: '已整改', files: [png('b.png')] }, windows.trainer);
    expect(refusal(await check(trainers, true, '', windows.trainer))).toEqual({
      code: 'forbidden',
      message: am.secondPerson(trainers, users.trainer.name),
    });

    // Sent back only with a reason; then it is in progress again, with nothing to check until fixed again.
    expect(refusal(await check(guards, false, ''))).toEqual({
      code: 'invalid-input',
      message: am.rejectNeedsNote(guards),
    });
    const rejected = await call<ActionView>(
      backend,
      'actions.check',
      { actionId: guards, accepted: false, note: '照片看不清' },
      windows.manager,
    );
    expect(rejected.status).toBe('in-progress');
    expect(rejected.fixed).toBeUndefined();
    expect(rejected.history.at(-1)).toMatchObject({
      what: 'rejected',
      note: '照片看不清',
      by: { userId: users.manager.id },
    });
    expect(refusal(await check(guards, true, ''))).toEqual({ code: 'invalid-input', message: am.notFixed(guards) });

    await call(
      backend,
      'actions.fix',
      { actionId: guards, note: '重新拍照', files: [png('清晰.png', SMALL_PNG_BASE64)] },
      windows.guard,
    );
    const done = await call<ActionView>(
      backend,
      'actions.check',
      { actionId: guards, accepted: true, note: '已核实' },
      windows.manager,
    );
    expect(done).toMatchObject({
      status: 'done',
      closed: {
        status: 'done',
        by: { userId: users.manager.id },
        note: '已核实',
        checkedFix: {
          by: { userId: users.guard.id },
          note: '重新拍照',
          attachments: [{ name: '清晰.png', sha256: sha256(SMALL_PNG_BASE64) }],
        },
      },
    });
    expect(refusal(await fix(guards, [png('c.png')])).code).toBe('invalid-input');

    // The trail: fixed, sent back, fixed again, accepted.
    const audit = await call<{ entries: JournalEvent[] }>(backend, 'audit.list', { limit: 500 }, windows.manager);
    const trail = audit.entries
      .filter((e) => e.type === 'rectification.changed' && (e.data as { actionId: string }).actionId === guards)
      .reverse()
      .map((e) => (e.data as { action: string }).action);
    expect(trail).toEqual(['fixed', 'rejected', 'fixed', 'accepted']);
  });

  it('keeps its evidence under its hash: read back whole, refused once a byte changes; only the owner’s', async () => {
    const b = await branch();
    const { backend, windows, dataDir } = b;
    const { guards, trainers } = await signedWithRectifications(b);
    await call(
      backend,
      'actions.fix',
      { actionId: guards, note: '', files: [png('p.png', SMALL_PNG_BASE64)] },
      windows.guard,
    );
    await call(backend, 'actions.fix', { actionId: trainers, note: '', files: [png('t.png')] }, windows.trainer);
    const sha = sha256(SMALL_PNG_BASE64);
    const stored = join(dataDir, 'actions', 'files', `${sha}.png`);
    expect(readFileSync(stored)).toEqual(Buffer.from(SMALL_PNG_BASE64, 'base64'));

    const evidence = (actionId: string, sha256: string, window = windows.guard) =>
      backend.call('actions.evidence', { actionId, sha256 }, window);
    const read = await evidence(guards, sha);
    expect(read.ok && read.value).toEqual({ name: 'p.png', mime: 'image/png', base64: SMALL_PNG_BASE64 });
    // A trainer reads anyone's; a guard not someone else's.
    expect((await evidence(guards, sha, windows.trainer)).ok).toBe(true);
    expect(refusal(await evidence(trainers, sha256(TINY_PNG_BASE64))).code).toBe('forbidden');
    expect(refusal(await evidence(guards, 'f'.repeat(64))).code).toBe('not-found');

    flipByte(stored, 40);
    expect(refusal(await evidence(guards, sha)).code).toBe('storage');
  });

  it('actions.mine lists the caller’s own rectifications only', async () => {
    const b = await branch();
    const { backend, windows } = b;
    const { guards, trainers } = await signedWithRectifications(b);
    const mine = async (window: { sessionId: string }) =>
      (await call<ActionView[]>(backend, 'actions.mine', {}, window)).map((a) => a.id);
    expect(await mine(windows.guard)).toEqual([guards]);
    expect(await mine(windows.trainer)).toEqual([trainers]);
    expect(await mine(windows.manager)).toEqual([]);
    // All of them are a trainer's to list; a guard may not list them all.
    expect((await call<ActionView[]>(backend, 'actions.list', {}, windows.trainer)).length).toBe(3);
    expect(refusal(await backend.call('actions.list', {}, windows.guard)).code).toBe('forbidden');
    expect(refusal(await backend.call('actions.mine', {}, { sessionId: 'nobody' })).code).toBe('locked');
  });
});

describe('a drill action', () => {
  it('still closes by hand, and by the version of its plan published for it', async () => {
    const b = await branch();
    const { backend, windows, users } = b;
    await call(backend, 'settings.update', { contacts: FILLED_DIRECTORY }, windows.admin);
    const exercise = await call<{ id: string }>(
      backend,
      'drills.plan',
      {
        spec: {
          title: '消防演练',
          planId: 'fire',
          planVersion: 1,
          scheduledAt: '2026-12-05T10:00:00+08:00',
          announced: true,
        },
      },
      windows.trainer,
    );
    const open = (title: string, planId?: string) =>
      call<ActionView>(
        backend,
        'actions.open',
        {
          spec: {
            title,
            source: { kind: 'drill', exerciseId: exercise.id, title: '' },
            owner: { name: '李主管' },
            due: '2099-12-31',
            ...(planId ? { planId } : {}),
          },
        },
        windows.trainer,
      );
    const byHand = await open('灭火器过期：更换');
    const finished = await call<ActionView>(
      backend,
      'actions.finish',
      { actionId: byHand.id, status: 'done', note: '已更换' },
      windows.trainer,
    );
    expect(finished).toMatchObject({ status: 'done', closed: { status: 'done', note: '已更换' } });

    const byVersion = await open('火警按钮被挡住：写入预案', 'fire');
    const view = await call<{ draft: { plan: Plan; revision: number } }>(
      backend,
      'actions.revisePlan',
      { actionId: byVersion.id },
      windows.manager,
    );
    const plan = { ...view.draft.plan, summary: { ...view.draft.plan.summary, 'zh-CN': '火警按钮已移到柜台外侧' } };
    await call(backend, 'plans.saveDraft', { planId: 'fire', revision: view.draft.revision, plan }, windows.manager);
    const submitted = await call<{ draft: { submitted: { contentHash: string } } }>(
      backend,
      'plans.submit',
      { planId: 'fire', note: '整改：火警按钮位置' },
      windows.manager,
    );
    await call(
      backend,
      'plans.approve',
      { planId: 'fire', contentHash: submitted.draft.submitted.contentHash, pin: PINS.admin },
      windows.admin,
    );
    const closed = (await call<ActionView[]>(backend, 'actions.list', {}, windows.trainer)).find(
      (a) => a.id === byVersion.id,
    );
    expect(closed).toMatchObject({
      status: 'done',
      closed: {
        version: { planId: 'fire', version: 2, contentHash: submitted.draft.submitted.contentHash },
        by: { userId: users.admin.id },
      },
    });
  });
});
