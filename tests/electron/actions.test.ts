// Improvement actions through the backend: a drill's area for improvement becomes an action with an owner and a due
// date, overdue by the branch's local calendar; one that needs the plan changed opens a draft naming it, and the
// version published from that draft closes it — the action names the version, and the plan's history names the
// action and the drill it came from. Trainers track actions; guards cannot; revising is a manager's.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend/backend';
import { ACTIONS_DIR } from '../../electron/actions/actionTracker';
import { nodeJournalCrypto } from '../../electron/journal/nodeCrypto';
import { ACTION_LOG_FILE, ACTION_LOG_FORMAT } from '../../shared/actions/actionLog';
import type { ActionView } from '../../shared/actions/actionView';
import { verifyJournalText } from '../../shared/journal/verify';
import type { Plan } from '../../shared/plan/schema';
import { FILLED_DIRECTORY } from '../support/directory';
import { TEST_PIN_HASH_COST } from '../support/pinHashCost';
import { call, PINS, usersOfEachRole } from '../support/people';
import { tempDir } from '../support/runJournal';

const PLANS_DIR = fileURLToPath(new URL('../../plans/', import.meta.url));
const opened: Backend[] = [];
afterEach(async () => {
  for (const b of opened.splice(0)) await b.close();
});

/** A backend at 2026-12-05 10:00 Shanghai time, with a user of each role, each in their own unlocked window. */
async function branch(clock = { ms: Date.parse('2026-12-05T02:00:00Z') }) {
  const dataDir = tempDir('guardbook-actions-');
  const backend = await createBackend({
    dataDir,
    plansDir: PLANS_DIR,
    host: 'web',
    version: 'test',
    log: () => {},
    pinHashCost: TEST_PIN_HASH_COST,
    clock: () => clock.ms,
  });
  opened.push(backend);
  const admin = { sessionId: 'admin-window' };
  const users = await usersOfEachRole(backend, admin);
  const windows = { guard: { sessionId: 'g' }, trainer: { sessionId: 't' }, manager: { sessionId: 'm' }, admin };
  for (const role of ['guard', 'trainer', 'manager'] as const) {
    await call(backend, 'session.unlock', { userId: users[role].id, pin: PINS[role] }, windows[role]);
  }
  await call(backend, 'settings.update', { contacts: FILLED_DIRECTORY, timeZone: 'Asia/Shanghai' }, admin);
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
  return { backend, dataDir, users, windows, exercise, clock };
}

const spec = (exerciseId: string, due: string, planId?: string) => ({
  title: '火警按钮被柜子挡住：移到柜台外侧并写入预案',
  source: { kind: 'drill', exerciseId, title: '' },
  owner: { name: '李主管' },
  due,
  ...(planId ? { planId } : {}),
});

describe('improvement actions', () => {
  it('are due by the branch’s local calendar, overdue from the day after', async () => {
    const { backend, windows, exercise, clock, users } = await branch();
    // The window locks itself after a day of idling: unlocked again after the clock moves.
    const unlock = () =>
      call(backend, 'session.unlock', { userId: users.trainer.id, pin: PINS.trainer }, windows.trainer);
    const action = await call<ActionView>(
      backend,
      'actions.open',
      { spec: spec(exercise.id, '2026-12-06') },
      windows.trainer,
    );
    expect(action).toMatchObject({
      status: 'open',
      daysLeft: 1,
      overdue: false,
      spec: { source: { title: '消防演练' } },
    });
    // 2026-12-06 23:59 Shanghai (15:59 UTC): due today, not overdue.
    clock.ms = Date.parse('2026-12-06T15:59:00Z');
    await unlock();
    expect((await call<ActionView[]>(backend, 'actions.list', {}, windows.trainer))[0]).toMatchObject({
      daysLeft: 0,
      overdue: false,
    });
    // One minute later it is 12-07 in Shanghai while still 12-06 in UTC: overdue.
    clock.ms = Date.parse('2026-12-06T16:00:00Z');
    await unlock();
    expect((await call<ActionView[]>(backend, 'actions.list', {}, windows.trainer))[0]).toMatchObject({
      daysLeft: -1,
      overdue: true,
    });

    const finished = await call<ActionView>(
      backend,
      'actions.finish',
      { actionId: action.id, status: 'done', note: '已移位' },
      windows.trainer,
    );
    expect(finished).toMatchObject({ status: 'done', closed: { note: '已移位' } });
    expect(finished.overdue).toBeUndefined();
    const again = await backend.call('actions.update', { actionId: action.id, note: '再改' }, windows.trainer);
    expect(again.ok ? 'ok' : again.error.code).toBe('invalid-input');
    // An action must come from a drill the branch has.
    const orphan = await backend.call(
      'actions.open',
      { spec: spec('ex-20000101-000000', '2027-01-01') },
      windows.trainer,
    );
    expect(orphan.ok ? 'ok' : orphan.error.code).toBe('invalid-input');
  });

  it('that need a plan change open a draft naming them, and the published version closes them, linked both ways', async () => {
    const { backend, dataDir, users, windows, exercise } = await branch();
    const action = await call<ActionView>(
      backend,
      'actions.open',
      { spec: spec(exercise.id, '2027-01-31', 'fire') },
      windows.trainer,
    );
    // Revising is a manager's: a trainer is refused by the backend, as is a guard for anything about actions.
    const byTrainer = await backend.call('actions.revisePlan', { actionId: action.id }, windows.trainer);
    expect(byTrainer.ok ? 'ok' : byTrainer.error.code).toBe('forbidden');
    const byGuard = await backend.call('actions.list', {}, windows.guard);
    expect(byGuard.ok ? 'ok' : byGuard.error.code).toBe('forbidden');

    const view = await call<{ draft: { plan: Plan; revision: number; forActions: unknown[] } }>(
      backend,
      'actions.revisePlan',
      { actionId: action.id },
      windows.manager,
    );
    expect(view.draft.forActions).toEqual([{ actionId: action.id, title: action.spec.title, source: '消防演练' }]);
    const listed = await call<ActionView[]>(backend, 'actions.list', {}, windows.trainer);
    expect(listed[0]!.status).toBe('in-progress');

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
      (a) => a.id === action.id,
    )!;
    expect(closed).toMatchObject({
      status: 'done',
      closed: {
        version: { planId: 'fire', version: 2, contentHash: submitted.draft.submitted.contentHash },
        by: { userId: users.admin.id },
      },
    });
    const history = await call<{ versions: { version: number; forActions?: unknown[] }[] }>(backend, 'plans.history', {
      planId: 'fire',
    });
    expect(history.versions.find((v) => v.version === 2)?.forActions).toEqual([
      { actionId: action.id, title: action.spec.title, source: '消防演练' },
    ]);
    const log = readFileSync(join(dataDir, ACTIONS_DIR, ACTION_LOG_FILE), 'utf8');
    const verified = verifyJournalText(log, nodeJournalCrypto, { format: ACTION_LOG_FORMAT });
    expect(verified.ok).toBe(true);
    expect(verified.events.map((e) => e.type)).toEqual([
      'actions.started',
      'action.opened',
      'action.draftOpened',
      'action.closed',
    ]);
  });
});
