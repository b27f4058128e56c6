// Who may call what, proved against the backend itself: every channel called by every kind of caller (a window
// nobody unlocked, and windows unlocked as guard, trainer, manager and admin).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend/backend';
import { CHANNEL_ACCESS } from '../../shared/api/access';
import type { Channel } from '../../shared/api/channels';
import type { Caller } from '../../shared/api/dispatch';
import { CHANNEL_NAMES } from '../../shared/api/names';
import { mayAccess, ROLES, type Access, type Role } from '../../shared/people/roles';
import { call, PINS, usersOfEachRole } from '../support/people';

const PLANS_DIR = fileURLToPath(new URL('../../plans/', import.meta.url));

/**
 * The policy, written out once more by hand: changing who may call a channel means changing this table too,
 * on purpose. Emergencies never wait (runs: anyone); records are read by anyone but leave the machine only
 * with a trainer's PIN; settings that guards rely on and the audit trail need a manager; users an admin.
 */
const EXPECTED_POLICY: Record<Channel, Access> = {
  // Plans: read by anyone, drafts by trainers, and every change (publish = approve, send back, retire, roll back,
  // import, template updates) by a manager.
  'app.info': 'anyone',
  'plans.list': 'anyone',
  'plans.get': 'anyone',
  'plans.history': 'anyone',
  'plans.version': 'anyone',
  'plans.export': 'trainer',
  'plans.draft': 'trainer',
  'plans.revise': 'manager',
  'plans.saveDraft': 'manager',
  'plans.discardDraft': 'manager',
  'plans.submit': 'manager',
  'plans.sendBack': 'manager',
  'plans.approve': 'manager',
  'plans.retire': 'manager',
  'plans.rollback': 'manager',
  'plans.import': 'manager',
  'plans.takeTemplateUpdate': 'manager',
  'plans.dismissTemplateUpdate': 'manager',
  'plans.releases': 'trainer',
  'plans.takeRelease': 'manager',
  'settings.get': 'anyone',
  'settings.update': 'manager',
  'settings.setPreferences': 'anyone',
  'settings.dismissNotice': 'anyone',
  'session.get': 'anyone',
  'session.setOnDuty': 'anyone',
  'session.unlock': 'anyone',
  'session.lock': 'anyone',
  'session.touch': 'anyone',
  'users.list': 'anyone',
  'users.setup': 'anyone',
  'users.add': 'admin',
  'users.update': 'admin',
  'users.resetPin': 'admin',
  'users.changePin': 'guard',
  'users.clearLockout': 'admin',
  'audit.list': 'manager',
  'audit.verify': 'manager',
  'runs.start': 'anyone',
  'runs.escalate': 'anyone',
  'runs.get': 'anyone',
  'runs.command': 'anyone',
  'runs.unfinished': 'anyone',
  'records.list': 'anyone',
  'records.get': 'anyone',
  'records.reportPdf': 'anyone',
  'records.integrity': 'anyone',
  'records.export': 'trainer',
  'records.exportBatch': 'trainer',
  // Exercises: a trainer's; a guard can neither see one nor declare a run a drill.
  'drills.list': 'trainer',
  'drills.get': 'trainer',
  'drills.plan': 'trainer',
  'drills.update': 'trainer',
  'drills.cancel': 'trainer',
  'drills.start': 'trainer',
  'drills.declare': 'trainer',
  'drills.pause': 'trainer',
  'drills.resume': 'trainer',
  'drills.fire': 'trainer',
  'drills.evaluation': 'trainer',
  'drills.rate': 'trainer',
  'drills.note': 'trainer',
  'drills.close': 'trainer',
  'drills.reportPdf': 'trainer',
  'drills.coverage': 'trainer',
  'drills.trends': 'trainer',
  // Improvement actions: tracked by trainers; revising a plan for one is a manager's, as any revision.
  'actions.list': 'trainer',
  'actions.open': 'trainer',
  'actions.update': 'trainer',
  'actions.finish': 'trainer',
  'actions.revisePlan': 'manager',
  // Rectifications: whoever owns one reports it fixed (a guard, their own only: the backend checks); a second person,
  // a trainer or above, checks it. Inspections: read by staff who unlocked (guards see results, never edit); planned,
  // conducted and signed by trainers and managers, the branch's inspectors (no separate role: see ARCHITECTURE.md).
  'actions.mine': 'guard',
  'actions.fix': 'guard',
  'actions.check': 'trainer',
  'actions.evidence': 'guard',
  'inspections.checklists': 'trainer',
  'inspections.checklist': 'trainer',
  'inspections.list': 'guard',
  'inspections.get': 'guard',
  'inspections.plan': 'trainer',
  'inspections.cancel': 'trainer',
  'inspections.start': 'trainer',
  'inspections.answer': 'trainer',
  'inspections.note': 'trainer',
  'inspections.attach': 'trainer',
  'inspections.attachment': 'guard',
  'inspections.signOff': 'trainer',
  'inspections.reportPdf': 'trainer',
  'inspections.scorecard': 'guard',
  // Templates: read by those who inspect, changed by managers with the plans' maker-checker rule.
  'checklists.list': 'trainer',
  'checklists.get': 'trainer',
  'checklists.history': 'trainer',
  'checklists.version': 'trainer',
  'checklists.export': 'trainer',
  'checklists.revise': 'manager',
  'checklists.draft': 'trainer',
  'checklists.saveDraft': 'manager',
  'checklists.submit': 'manager',
  'checklists.sendBack': 'manager',
  'checklists.discardDraft': 'manager',
  'checklists.rollback': 'manager',
  'checklists.approve': 'manager',
  'checklists.retire': 'manager',
  'checklists.import': 'manager',
  'checklists.takeTemplateUpdate': 'manager',
  'checklists.dismissTemplateUpdate': 'manager',
  // Head office's connection is an administrator's (it names the branch's login and the key releases must carry);
  // managers follow the exchange and may ask for a pass now.
  'sync.status': 'manager',
  'sync.configure': 'admin',
  'sync.now': 'manager',
  // The head-office console: an administrator sets its viewer login; managers read the dashboard.
  'hq.status': 'manager',
  'hq.configure': 'admin',
  'hq.dashboard': 'manager',
  'hq.branch': 'manager',
  'hq.record': 'manager',
  'hq.releases': 'manager',
  'hq.publish': 'manager',
  // Self-study: anyone unlocked as themselves (the result goes into their record); the records are a trainer's.
  'training.quiz': 'guard',
  'training.submit': 'guard',
  'training.records': 'trainer',
};

type Who = Role | 'nobody';
const EVERYONE: Who[] = ['nobody', ...ROLES];

let dir: string;
let backend: Backend;
const callers = {} as Record<Who, Caller>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'guardbook-access-'));
  backend = await createBackend({
    dataDir: dir,
    plansDir: PLANS_DIR,
    host: 'web',
    version: '0',
    log: () => {},
    reportPdf: async () => Buffer.from('%PDF-1.7'),
  });
  const setupCaller = { sessionId: 'setup' };
  const users = await usersOfEachRole(backend, setupCaller);
  for (const who of EVERYONE) callers[who] = { sessionId: `window-of-${who}` };
  for (const role of ROLES) {
    await call(backend, 'session.unlock', { userId: users[role].id, pin: PINS[role] }, callers[role]);
  }
}, 30_000);

afterAll(async () => {
  await backend.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('channel access', () => {
  it('declares who may call every channel, as the policy says', () => {
    expect(CHANNEL_ACCESS).toEqual(EXPECTED_POLICY);
    expect(Object.keys(CHANNEL_ACCESS).sort()).toEqual([...CHANNEL_NAMES].sort());
  });

  it('the backend refuses every channel to every caller below its role, before reading the input', async () => {
    const table: string[] = [];
    for (const channel of CHANNEL_NAMES) {
      for (const who of EVERYONE) {
        // null is invalid input for every channel: an allowed caller gets invalid-input, a refused one never
        // gets that far.
        const result = await backend.call(channel, null, callers[who]);
        const code = result.ok ? 'ok' : result.error.code;
        const allowed = mayAccess(EXPECTED_POLICY[channel], who === 'nobody' ? null : who);
        const expected = allowed ? 'invalid-input' : who === 'nobody' ? 'locked' : 'forbidden';
        table.push(`${channel} × ${who}: ${code}${code === expected ? '' : ` (expected ${expected})`}`);
      }
    }
    expect(table.filter((line) => line.includes('expected'))).toEqual([]);
    expect(table).toHaveLength(CHANNEL_NAMES.length * EVERYONE.length);
  });

  it('lets each allowed caller through with valid input (protected channels shown working for their least role)', async () => {
    const { runId } = await call<{ runId: string }>(
      backend,
      'runs.start',
      { planId: 'fire', mode: 'drill' },
      callers.nobody,
    );
    const guard = (await call<{ id: string; role: Role }[]>(backend, 'users.list', {})).find(
      (u) => u.role === 'guard',
    )!;
    const cases: [Channel, Who, unknown][] = [
      ['records.export', 'trainer', { runId, format: 'json' }],
      ['records.exportBatch', 'trainer', { from: '2000-01-01', to: '2100-01-01' }],
      ['settings.update', 'manager', { branch: { code: 'SH-042' } }],
      ['audit.list', 'manager', {}],
      ['audit.verify', 'manager', {}],
      ['users.add', 'admin', { name: '新保安', role: 'guard', pin: '583920' }],
      ['users.update', 'admin', { userId: guard.id, name: '王保安（早班）' }],
      ['users.clearLockout', 'admin', { userId: guard.id }],
      ['runs.command', 'nobody', { runId, command: { type: 'note', text: '演练记录' } }],
      ['records.get', 'nobody', { runId }],
    ];
    for (const [channel, who, input] of cases) {
      const result = await backend.call(channel, input, callers[who]);
      expect({ channel, who, ok: result.ok, error: result.ok ? undefined : result.error.message.en }).toEqual({
        channel,
        who,
        ok: true,
        error: undefined,
      });
    }
    // And the one just below is refused with the same valid input.
    const below: [Channel, Who, unknown][] = [
      ['records.export', 'guard', { runId, format: 'json' }],
      ['settings.update', 'trainer', { branch: { code: 'SH-043' } }],
      ['audit.list', 'trainer', {}],
      ['users.add', 'manager', { name: '另一位', role: 'guard', pin: '583921' }],
    ];
    for (const [channel, who, input] of below) {
      const result = await backend.call(channel, input, callers[who]);
      expect(result.ok ? 'ok' : result.error.code, `${channel} × ${who}`).toBe('forbidden');
    }
  });
});
