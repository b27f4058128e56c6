// The typed API (dispatch, the handler map, the client), the renderer's CSP meta tag, where data lives, and
// "build what is stale".
import type { ReportPage } from '../../electron/backend/reportPage';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend, LOCAL_CALLER, type Backend } from '../../electron/backend/backend';
import { isStale } from '../../electron/build/staleness';
import { APP_DIR_NAME, dataDirOverride, defaultDataDir } from '../../electron/dataDir';
import {
  AppInfoSchema,
  CHANNELS,
  channels,
  isChannel,
  PUSH_EVENTS,
  pushEvents,
  type Channel,
} from '../../shared/api/channels';
import { createClient, dispatch, type Handlers } from '../../shared/api/dispatch';
import { ApiError, type ApiErrorBody, type ApiResult } from '../../shared/api/errors';
import { ApiErrorSchema } from '../../shared/api/errorSchema';
import { CHANNEL_NAMES, PUSH_EVENT_NAMES } from '../../shared/api/names';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/contentSecurityPolicy';
import { DEFAULT_SETTINGS } from '../../shared/settings/schema';
import { ADMIN_PIN, setupAdmin } from '../support/people';
import { TINY_PNG_BASE64 } from '../support/photos';
import { loadBundledPlan } from '../support/bundledPlans';
import { FILLED_DIRECTORY } from '../support/directory';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PLANS_DIR = join(ROOT, 'plans');
/** An item of the bundled guard post checklist. */
const GUARD_POST_ITEM = 'post-at-position';

const tempDirs: string[] = [];

afterEach(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'guardbook-api-'));
  tempDirs.push(dir);
  return dir;
}

/** A stand-in for the Electron host's printToPDF: the service the host passes in, not storage. */
const fakePdf = async (page: ReportPage) =>
  Buffer.from(
    `%PDF-1.7 report of ${page.kind === 'run' ? page.runId : page.kind === 'drill' ? page.exerciseId : page.inspectionId}`,
  );

async function backend(logged: unknown[][] = [], reportPdf: typeof fakePdf | null = fakePdf): Promise<Backend> {
  return createBackend({
    dataDir: join(tempDir(), 'data'),
    plansDir: PLANS_DIR,
    host: 'electron',
    version: '1.2.3',
    log: (message, error) => logged.push([message, error]),
    ...(reportPdf ? { reportPdf } : {}),
  });
}

function failure(result: ApiResult<unknown>): ApiErrorBody {
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('expected a failure');
  return ApiErrorSchema.parse(result.error);
}

describe('dispatch', () => {
  it('answers an unknown channel with unknown-channel, whatever the name', async () => {
    const b = await backend();
    for (const name of ['plans.delete', '', 'toString', '__proto__', 'constructor', 'hasOwnProperty']) {
      const error = failure(await b.call(name, {}));
      expect(error.code).toBe('unknown-channel');
      expect(error.message['zh-CN']).toContain(name);
      expect(error.message.en).toContain(`"${name}"`);
    }
  });

  it('answers invalid input with invalid-input and each issue with its path', async () => {
    const b = await backend();
    const error = failure(await b.call('plans.get', { id: 42 }));
    expect(error.code).toBe('invalid-input');
    expect(error.message.en).toBe('Invalid input for "plans.get"');
    expect(error.issues).toEqual([{ path: 'id', message: expect.any(String) }]);

    await setupAdmin(b); // settings.update needs a PIN: without one it is refused before its input is read
    const nested = failure(await b.call('settings.update', { branch: { name: 'x'.repeat(81) }, sound: 'no' }));
    expect(nested.issues?.map((i) => i.path).sort()).toEqual(['branch.name', 'sound']);

    for (const input of [undefined, null, 'text', [], { extra: 1 }]) {
      expect(failure(await b.call('app.info', input)).code).toBe('invalid-input');
    }
    expect(failure(await b.call('plans.get', { id: 'Not A Slug' })).code).toBe('invalid-input');
  });

  it('passes an ApiError thrown by a handler through as its body', async () => {
    const b = await backend();
    const body: ApiErrorBody = {
      code: 'storage',
      message: { 'zh-CN': '磁盘已满', en: 'Disk full' },
      issues: [{ path: 'x', message: 'y' }],
    };
    const handlers: Handlers = {
      ...b.handlers,
      'settings.update': async () => {
        throw new ApiError(body);
      },
    };
    let internal = 0;
    const result = await dispatch(
      handlers,
      'settings.update',
      { sound: false },
      { caller: LOCAL_CALLER, onInternalError: () => (internal += 1) },
    );
    expect(result).toEqual({ ok: false, error: body });
    expect(internal).toBe(0);
    // And a real not-found from the plan library.
    expect(failure(await b.call('plans.get', { id: 'no-such-plan' }))).toEqual({
      code: 'not-found',
      message: { 'zh-CN': '找不到预案“no-such-plan”', en: 'No plan "no-such-plan"' },
    });
  });

  it('turns a plain Error into internal, reports it, and keeps serving', async () => {
    const b = await backend();
    const boom = new Error('boom: secret detail');
    const reported: unknown[] = [];
    const handlers: Handlers = {
      ...b.handlers,
      'app.info': async () => {
        throw boom;
      },
      'plans.list': () => Promise.reject('not even an Error'),
    };
    const report = { caller: LOCAL_CALLER, onInternalError: (error: unknown) => reported.push(error) };
    const result = await dispatch(handlers, 'app.info', {}, report);
    const error = failure(result);
    expect(error.code).toBe('internal');
    expect(JSON.stringify(error)).not.toContain('secret detail');
    expect(reported).toEqual([boom]);

    expect(failure(await dispatch(handlers, 'plans.list', {}, report)).code).toBe('internal');
    expect(reported).toEqual([boom, 'not even an Error']);
    // Without a reporter it still does not throw.
    expect(failure(await dispatch(handlers, 'app.info', {}, { caller: LOCAL_CALLER })).code).toBe('internal');
    // The other channels still work.
    const ok = await dispatch(handlers, 'settings.get', {}, { caller: LOCAL_CALLER });
    expect(ok).toEqual({ ok: true, value: { settings: DEFAULT_SETTINGS } });
  });

  it('hands the handler the parsed input, not the raw one', async () => {
    const b = await backend();
    const seen: unknown[] = [];
    const handlers: Handlers = {
      ...b.handlers,
      'settings.update': async (patch, caller) => {
        seen.push(patch);
        return b.handlers['settings.update'](patch, caller);
      },
    };
    await setupAdmin(b);
    await dispatch(handlers, 'settings.update', { branch: { name: '  Pudong  ' } }, { caller: LOCAL_CALLER });
    expect(seen).toEqual([{ branch: { name: 'Pudong' } }]);
  });

  it('app.info describes the backend', async () => {
    const b = await backend();
    const result = await b.call('app.info', {});
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(AppInfoSchema.parse(result.value)).toMatchObject({
        name: 'Guardbook',
        version: '1.2.3',
        host: 'electron',
        platform: process.platform,
      });
    }
  });
});

describe('channel and push event names', () => {
  it('CHANNEL_NAMES equals the keys of channels, in order', () => {
    expect([...CHANNEL_NAMES]).toEqual(Object.keys(channels));
    expect(CHANNELS).toEqual(CHANNEL_NAMES);
    for (const name of CHANNEL_NAMES) expect(isChannel(name)).toBe(true);
    expect(isChannel('toString')).toBe(false);
  });

  it('PUSH_EVENT_NAMES equals the keys of pushEvents, in order', () => {
    expect([...PUSH_EVENT_NAMES]).toEqual(Object.keys(pushEvents));
    expect(PUSH_EVENTS).toEqual(PUSH_EVENT_NAMES);
  });

  it('every channel has a handler, and no handler is left without a channel', async () => {
    const { handlers } = await backend();
    expect(Object.keys(handlers).sort()).toEqual([...CHANNEL_NAMES].sort());
    for (const name of CHANNEL_NAMES) expect(typeof handlers[name]).toBe('function');
  });

  it('every handler answers with output its schema accepts', async () => {
    const b = await backend();
    const admin = await setupAdmin(b); // this session is now unlocked as the administrator
    const started = await b.call('runs.start', { planId: 'armed-robbery', mode: 'drill' });
    const runId = started.ok ? (started.value as { runId: string }).runId : '';
    const fire = loadBundledPlan('fire.json');
    const guardPost = JSON.parse(readFileSync(join(PLANS_DIR, 'checklists', 'guard-post.json'), 'utf8'));
    // A revision of fire can be submitted only once the contacts it leaves to the branch have numbers.
    const filled = await b.call('settings.update', { contacts: FILLED_DIRECTORY });
    expect(filled.ok).toBe(true);
    // Exercises of the fire plan: one to start, pause, resume and fire an inject in; one to cancel; one unannounced,
    // declared on a live run of the plan.
    const exercise = async (announced: boolean) => {
      const planned = await b.call('drills.plan', { spec: fireExercise(announced) });
      return planned.ok ? (planned.value as { id: string }).id : '';
    };
    const [announced, toCancel, unannounced] = [await exercise(true), await exercise(true), await exercise(false)];
    // Improvement actions from the announced exercise: one to change and finish, one needing the fire plan changed.
    const action = async (planId?: string) => {
      const spec = {
        title: '火警按钮移到柜台外侧',
        source: { kind: 'drill', exerciseId: announced, title: '' },
        owner: { name: '王主管' },
        due: '2027-01-31',
        ...(planId ? { planId } : {}),
      };
      const opened = await b.call('actions.open', { spec });
      return opened.ok ? (opened.value as { id: string }).id : '';
    };
    const [toFinish, toRevise] = [await action(), await action('fire')];
    // Inspections: one begun (answered, noted, a photo attached), one planned to cancel, one planned to begin.
    const inspectors = ['李检查'];
    const begun = await b.call('inspections.start', {
      checklistId: 'guard-post',
      announced: true,
      place: '营业厅',
      inspectors,
    });
    const inspectionId = begun.ok ? (begun.value as { summary: { id: string } }).summary.id : '';
    const photo = Buffer.from(TINY_PNG_BASE64, 'base64');
    const photoSha = createHash('sha256').update(photo).digest('hex');
    const attached = await b.call('inspections.attach', {
      inspectionId,
      itemId: GUARD_POST_ITEM,
      file: { name: 'post.png', base64: TINY_PNG_BASE64 },
    });
    expect(attached.ok).toBe(true);
    const planInspection = async () => {
      const planned = await b.call('inspections.plan', {
        plan: { checklistId: 'guard-post', announced: false, date: '2027-01-05', place: '营业厅', inspectors },
      });
      return planned.ok ? (planned.value as { id: string }).id : '';
    };
    const [toCancelInspection, toBeginInspection] = [await planInspection(), await planInspection()];
    const live = await b.call('runs.start', { planId: 'fire', mode: 'incident' });
    const liveRunId = live.ok ? (live.value as { runId: string }).runId : '';
    const inputs: Record<Channel, unknown> = {
      'app.info': {},
      'plans.list': {},
      'plans.get': { id: 'armed-robbery' },
      'plans.history': { planId: 'fire' },
      'plans.version': { planId: 'fire', version: 1 },
      'plans.export': { planId: 'fire' },
      'plans.revise': { planId: 'fire' },
      'plans.draft': { planId: 'fire' },
      'plans.saveDraft': {
        planId: 'fire',
        revision: 0,
        plan: { ...fire, title: { ...fire.title, en: 'Fire (revised)' } },
      },
      'plans.submit': { planId: 'fire', note: '英文标题' },
      'plans.sendBack': { planId: 'fire', comment: '再看看' },
      'plans.discardDraft': { planId: 'fire' },
      'plans.rollback': { planId: 'fire', version: 1 },
      'plans.approve': { planId: 'fire', contentHash: 'sha256:0', pin: ADMIN_PIN },
      'plans.retire': { planId: 'earthquake', note: '本网点不在地震带' },
      'plans.import': { fileName: 'copy.json', content: JSON.stringify({ ...fire, id: 'fire-annex' }) },
      'plans.takeTemplateUpdate': { planId: 'fire' },
      'plans.dismissTemplateUpdate': { planId: 'fire' },
      'plans.releases': {},
      'plans.takeRelease': { planId: 'armed-robbery', version: 2 },
      'settings.get': {},
      'settings.update': { language: 'en' },
      'settings.setPreferences': { theme: 'high-contrast' },
      'settings.dismissNotice': {},
      'session.get': {},
      'session.setOnDuty': { userId: admin.id },
      'session.unlock': { userId: admin.id, pin: ADMIN_PIN },
      'session.lock': {},
      'session.touch': {},
      'users.list': {},
      'users.setup': { name: 'x', pin: '111111' },
      'users.add': { name: '新人', role: 'guard', pin: '192837' },
      'users.update': { userId: admin.id, name: '总管理员' },
      'users.resetPin': { userId: admin.id, pin: '918273' },
      'users.changePin': { currentPin: '918273', newPin: ADMIN_PIN },
      'users.clearLockout': { userId: admin.id },
      'audit.list': {},
      'audit.verify': {},
      'runs.start': { planId: 'fire', mode: 'incident' },
      'runs.escalate': { runId, planId: 'hostage-taking' },
      'runs.get': { runId },
      'runs.command': { runId, command: { type: 'complete', step: 'press-alarm' } },
      'runs.unfinished': {},
      'drills.list': {},
      'drills.get': { exerciseId: announced },
      'drills.plan': { spec: fireExercise(true) },
      'drills.update': { exerciseId: announced, spec: { ...fireExercise(true), title: '消防演练（改）' } },
      'drills.cancel': { exerciseId: toCancel, reason: '改期' },
      'drills.start': { exerciseId: announced },
      'drills.declare': { exerciseId: unannounced, runId: liveRunId },
      'drills.pause': { exerciseId: announced },
      'drills.resume': { exerciseId: announced },
      'drills.fire': { exerciseId: announced, injectId: 'smoke' },
      'drills.evaluation': { exerciseId: announced },
      'drills.rate': {
        exerciseId: announced,
        target: { objectiveId: 'alarm' },
        rating: 'S',
        observation: '报警晚了 20 秒',
      },
      'drills.note': { exerciseId: announced, kind: 'improvement', text: '火警按钮被柜子挡住', cause: 'resources' },
      'drills.close': { exerciseId: announced, hotWash: '复盘' },
      'drills.reportPdf': { exerciseId: announced },
      'drills.coverage': {},
      'drills.trends': {},
      'actions.list': {},
      'actions.open': {
        spec: {
          title: '补充灭火器',
          source: { kind: 'drill', exerciseId: announced, title: '' },
          owner: { name: '赵保安' },
          due: '2027-02-28',
        },
      },
      'actions.update': { actionId: toFinish, status: 'in-progress', note: '已联系厂家' },
      'actions.finish': { actionId: toFinish, status: 'done', note: '已移位' },
      'actions.revisePlan': { actionId: toRevise },
      'actions.mine': {},
      'actions.fix': { actionId: toRevise, note: '已修订', files: [{ name: 'fix.png', base64: TINY_PNG_BASE64 }] },
      'actions.check': { actionId: toRevise, accepted: true, note: '' },
      'actions.evidence': { actionId: toRevise, sha256: photoSha },
      'inspections.checklists': {},
      'inspections.checklist': { checklistId: 'daily-opening-closing' },
      'inspections.list': {},
      'inspections.get': { inspectionId },
      'inspections.plan': {
        plan: { checklistId: 'alarm-110-link-test', announced: true, date: '2027-01-06', place: '监控室', inspectors },
      },
      'inspections.cancel': { inspectionId: toCancelInspection, reason: '改期' },
      'inspections.start': { inspectionId: toBeginInspection },
      'inspections.answer': { inspectionId, itemId: GUARD_POST_ITEM, answer: { kind: 'yes-no', value: 'yes' } },
      'inspections.note': { inspectionId, itemId: GUARD_POST_ITEM, note: '在岗' },
      'inspections.attach': { inspectionId, itemId: GUARD_POST_ITEM, file: { name: 'b.png', base64: TINY_PNG_BASE64 } },
      'inspections.attachment': { inspectionId, sha256: photoSha },
      'inspections.signOff': {
        inspectionId,
        summary: '',
        branchRepresentative: '王行长',
        rectifications: [],
        pin: ADMIN_PIN,
      },
      'inspections.reportPdf': { inspectionId },
      'inspections.scorecard': {},
      'checklists.list': {},
      'checklists.get': { checklistId: 'guard-post' },
      'checklists.history': { checklistId: 'guard-post' },
      'checklists.version': { checklistId: 'guard-post', version: 1 },
      'checklists.export': { checklistId: 'guard-post' },
      'checklists.revise': { checklistId: 'guard-post' },
      'checklists.draft': { checklistId: 'guard-post' },
      'checklists.saveDraft': {
        checklistId: 'guard-post',
        revision: 0,
        checklist: { ...guardPost, title: { ...guardPost.title, en: 'Guard post check (revised)' } },
      },
      'checklists.submit': { checklistId: 'guard-post', note: '英文标题' },
      'checklists.sendBack': { checklistId: 'guard-post', comment: '再看看' },
      'checklists.discardDraft': { checklistId: 'guard-post' },
      'checklists.rollback': { checklistId: 'guard-post', version: 1 },
      'checklists.approve': { checklistId: 'guard-post', contentHash: 'sha256:0', pin: ADMIN_PIN },
      'checklists.retire': { checklistId: 'alarm-110-link-test', note: '本网点由分行统一测试' },
      'checklists.import': {
        fileName: 'copy.json',
        content: JSON.stringify({ ...guardPost, id: 'guard-post-night' }),
      },
      'checklists.takeTemplateUpdate': { checklistId: 'guard-post' },
      'checklists.dismissTemplateUpdate': { checklistId: 'guard-post' },
      'sync.status': {},
      // Nothing listens on port 9 of the loopback: the pass below fails at once, and says why in the status.
      'sync.configure': {
        host: '127.0.0.1',
        port: 9,
        database: 'guardbook',
        user: 'gb_branch_test',
        password: 'a-long-branch-password',
        sslMode: 'disable',
        ca: '',
        publicKey: '',
      },
      'sync.now': {},
      'hq.status': {},
      // No password: the console stays unconfigured, so the dashboard's channels below refuse (invalid-input).
      'hq.configure': {
        host: '127.0.0.1',
        port: 9,
        database: 'guardbook',
        user: 'hq_viewer',
        sslMode: 'disable',
        ca: '',
      },
      'hq.dashboard': {},
      'hq.branch': { code: 'east-001' },
      'hq.record': { code: 'east-001', kind: 'run', recordId: 'run-1' },
      'hq.releases': {},
      'hq.publish': {
        planId: 'fire',
        version: 1,
        scope: { kind: 'regions', regions: ['east'] },
        mandatory: true,
        effectiveDate: '2026-07-01',
        pin: ADMIN_PIN,
      },
      'training.quiz': { count: 3 },
      'training.submit': { questionIds: ['fire@1:first-step:raise-alarm'], answers: {} },
      'training.records': {},
      'records.list': { mode: 'drill' },
      'records.get': { runId },
      'records.reportPdf': { runId },
      'records.integrity': {},
      'records.export': { runId, format: 'csv' },
      'records.exportBatch': { from: '2000-01-01', to: '2100-12-31' },
    };
    // users.setup answers only at first start, and session.lock would lock the channels after it; runs.escalate
    // only where the run offers that follow-on (tests/electron/escalation.test.ts).
    // drills.close only once the drill's run has ended (tests/electron/evaluations.test.ts).
    // plans.approve needs a draft in review (the rollback's is not) and template updates a newer template: both in
    // tests/electron/branchLibrary.test.ts.
    // actions.check needs a second person (tests/electron/rectifications.test.ts); inspections.signOff every item
    // answered (tests/electron/inspections.test.ts).
    // The head-office console's dashboard and publishing need a configured connection to a head-office database
    // (tests/hq/dashboard.test.ts, tests/hq/consolePublish.test.ts, tests/e2e/headOffice.spec.ts): unconfigured,
    // each says so.
    const refusedHere: Channel[] = [
      'users.setup',
      'actions.check',
      'inspections.signOff',
      'runs.escalate',
      'plans.approve',
      'plans.takeTemplateUpdate',
      'plans.dismissTemplateUpdate',
      'checklists.approve',
      'checklists.takeTemplateUpdate',
      'checklists.dismissTemplateUpdate',
      'plans.takeRelease',
      'drills.close',
      'hq.dashboard',
      'hq.branch',
      'hq.record',
      'hq.releases',
      'hq.publish',
    ];
    const order = [...CHANNEL_NAMES.filter((n) => n !== 'session.lock'), 'session.lock' as const];
    for (const name of order) {
      const result = await b.call(name, inputs[name]);
      expect({ name, ok: result.ok }).toEqual({ name, ok: !refusedHere.includes(name) });
      if (result.ok) channels[name].output.parse(result.value);
    }
  });
});

describe('records.reportPdf', () => {
  it('returns the host-made PDF of a known run, as base64 with a file name', async () => {
    const b = await backend();
    const started = await b.call('runs.start', { planId: 'fire', mode: 'drill' });
    const runId = (started as { value: { runId: string } }).value.runId;
    const result = await b.call('records.reportPdf', { runId });
    expect(result).toEqual({
      ok: true,
      value: {
        fileName: `guardbook-${runId}.pdf`,
        mime: 'application/pdf',
        base64: Buffer.from(`%PDF-1.7 report of ${runId}`).toString('base64'),
      },
    });
    expect(failure(await b.call('records.reportPdf', { runId: 'no-such-run' })).code).toBe('not-found');
    await b.close();
  });

  it('is refused with a way forward where no host can print to PDF (the browser edition)', async () => {
    const b = await backend([], null);
    const error = failure(await b.call('records.reportPdf', { runId: 'any-run' }));
    expect(error.code).toBe('forbidden');
    expect(error.message['zh-CN']).toContain('另存为 PDF');
    expect(error.message.en).toContain('Save as PDF');
    await b.close();
  });
});

describe('createClient', () => {
  it('returns the value of a successful call and sends {} when no input is given', async () => {
    const calls: [Channel, unknown][] = [];
    const client = createClient(async (channel, input) => {
      calls.push([channel, input]);
      return { ok: true, value: { settings: DEFAULT_SETTINGS } };
    });
    await expect(client.call('settings.get')).resolves.toEqual({ settings: DEFAULT_SETTINGS });
    await client.call('settings.update', { sound: false });
    expect(calls).toEqual([
      ['settings.get', {}],
      ['settings.update', { sound: false }],
    ]);
  });

  it('throws an ApiError carrying the body of a failed call', async () => {
    const body: ApiErrorBody = { code: 'not-found', message: { 'zh-CN': '找不到预案“x”', en: 'No plan "x"' } };
    const client = createClient(async () => ({ ok: false, error: body }));
    const error: unknown = await client.call('plans.get', { id: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).body).toEqual(body);
    expect((error as ApiError).message).toBe('not-found: No plan "x"');
    expect((error as ApiError).name).toBe('ApiError');
  });

  it('works end to end over a real backend', async () => {
    const b = await backend();
    const client = createClient((channel, input) => b.call(channel, input));
    expect((await client.call('plans.list')).length).toBe(12);
    expect((await client.call('plans.get', { id: 'fire' })).summary.id).toBe('fire');
    await expect(client.call('plans.get', { id: 'nope' })).rejects.toBeInstanceOf(ApiError);
  });
});

describe('Content Security Policy', () => {
  it("renderer/index.html's meta tag carries the policy minus frame-ancestors", () => {
    const html = readFileSync(join(ROOT, 'renderer', 'index.html'), 'utf8');
    const tags = [...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>/gi)];
    expect(tags).toHaveLength(1);
    const expected = CONTENT_SECURITY_POLICY.split('; ')
      .filter((directive) => !directive.startsWith('frame-ancestors'))
      .join('; ');
    expect(tags[0]![1]).toBe(expected);
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(expected).not.toContain('frame-ancestors');
  });

  it('allows no inline or eval’d script and nothing remote', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0]!, d.split(' ').slice(1).join(' ')]),
    );
    expect(directives.get('default-src')).toBe("'self'");
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('object-src')).toBe("'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });
});

describe('data directory', () => {
  const home = '/home/guard';

  it('linux: $XDG_CONFIG_HOME/Guardbook, else ~/.config/Guardbook', () => {
    expect(APP_DIR_NAME).toBe('Guardbook');
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/xdg' }, 'linux', home)).toBe('/xdg/Guardbook');
    expect(defaultDataDir({}, 'linux', home)).toBe('/home/guard/.config/Guardbook');
    expect(defaultDataDir({ XDG_CONFIG_HOME: '' }, 'linux', home)).toBe('/home/guard/.config/Guardbook');
    expect(defaultDataDir({}, 'freebsd', home)).toBe('/home/guard/.config/Guardbook');
  });

  it('darwin: ~/Library/Application Support/Guardbook', () => {
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/xdg' }, 'darwin', '/Users/guard')).toBe(
      '/Users/guard/Library/Application Support/Guardbook',
    );
  });

  it('win32: %APPDATA%\\Guardbook, else AppData/Roaming under home', () => {
    // path.join is the host's: on Windows these are backslashes; here only the parts and their order matter.
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\guard\\AppData\\Roaming' }, 'win32', 'C:\\Users\\guard')).toBe(
      join('C:\\Users\\guard\\AppData\\Roaming', 'Guardbook'),
    );
    expect(defaultDataDir({}, 'win32', home)).toBe(join(home, 'AppData', 'Roaming', 'Guardbook'));
  });

  it('--data-dir X, --data-dir=X and GUARDBOOK_DATA_DIR override it, the command line first', () => {
    expect(dataDirOverride(['node', 'main', '--data-dir', '/tmp/a'], {})).toBe('/tmp/a');
    expect(dataDirOverride(['node', 'main', '--data-dir=/tmp/b'], {})).toBe('/tmp/b');
    expect(dataDirOverride(['node', 'main'], { GUARDBOOK_DATA_DIR: '/tmp/c' })).toBe('/tmp/c');
    expect(dataDirOverride(['--data-dir', '/tmp/a'], { GUARDBOOK_DATA_DIR: '/tmp/c' })).toBe('/tmp/a');
    expect(dataDirOverride(['--data-dir=/tmp/b'], { GUARDBOOK_DATA_DIR: '/tmp/c' })).toBe('/tmp/b');
    expect(dataDirOverride(['--data-dir=/tmp/with=sign'], {})).toBe('/tmp/with=sign');
  });

  it('has no override when none is given or it is empty', () => {
    expect(dataDirOverride(['node', 'main'], {})).toBeUndefined();
    expect(dataDirOverride(['--data-dir'], {})).toBeUndefined();
    expect(dataDirOverride(['--data-dir='], {})).toBeUndefined();
    expect(dataDirOverride([], { GUARDBOOK_DATA_DIR: '' })).toBeUndefined();
    expect(dataDirOverride(['--data-dir'], { GUARDBOOK_DATA_DIR: '/tmp/c' })).toBe('/tmp/c');
  });
});

describe('isStale', () => {
  const at = (seconds: number) => new Date(Date.UTC(2025, 0, 1) + seconds * 1000);

  function files() {
    const dir = tempDir();
    const output = join(dir, 'out.js');
    const source = join(dir, 'src.ts');
    writeFileSync(output, 'built');
    writeFileSync(source, 'source');
    return { dir, output, source };
  }

  it('is stale when the output is missing', () => {
    const { dir, source } = files();
    expect(isStale(join(dir, 'missing.js'), [source])).toBe(true);
    expect(isStale(join(dir, 'missing.js'), [])).toBe(true);
  });

  it('is stale when a source is newer than the output', () => {
    const { output, source } = files();
    utimesSync(output, at(0), at(0));
    utimesSync(source, at(10), at(10));
    expect(isStale(output, [source])).toBe(true);
  });

  it('is fresh when every source is older than the output, or missing', () => {
    const { dir, output, source } = files();
    utimesSync(source, at(0), at(0));
    utimesSync(output, at(10), at(10));
    expect(isStale(output, [source])).toBe(false);
    expect(isStale(output, [source, join(dir, 'gone.ts')])).toBe(false);
    expect(isStale(output, [])).toBe(false);
  });

  it('looks into source folders, skipping node_modules and dot folders', () => {
    const { dir, output } = files();
    const src = join(dir, 'src');
    mkdirSync(join(src, 'deep', 'node_modules'), { recursive: true });
    mkdirSync(join(src, '.cache'), { recursive: true });
    writeFileSync(join(src, 'deep', 'a.ts'), 'a');
    writeFileSync(join(src, 'deep', 'node_modules', 'dep.js'), 'dep');
    writeFileSync(join(src, '.cache', 'x'), 'x');
    for (const path of [
      join(src, 'deep', 'a.ts'),
      join(src, 'deep', 'node_modules'),
      join(src, '.cache'),
      join(src, 'deep'),
      src,
    ]) {
      utimesSync(path, at(0), at(0));
    }
    utimesSync(output, at(10), at(10));
    expect(isStale(output, [src])).toBe(false);
    // Newer files under node_modules or a dot folder do not count.
    utimesSync(join(src, 'deep', 'node_modules', 'dep.js'), at(20), at(20));
    utimesSync(join(src, '.cache', 'x'), at(20), at(20));
    expect(isStale(output, [src])).toBe(false);
    // A newer file deep in the tree does.
    utimesSync(join(src, 'deep', 'a.ts'), at(20), at(20));
    expect(isStale(output, [src])).toBe(true);
  });
});

/** A fire drill exercise with one contingency inject (the fire plan's roles and steps). */
function fireExercise(announced: boolean) {
  return {
    title: '消防演练',
    planId: 'fire',
    planVersion: 1,
    scheduledAt: '2026-12-10T10:00:00+08:00',
    announced,
    objectives: [{ id: 'alarm', text: '两分钟内报警', stepId: 'raise-alarm' }],
    participants: [{ name: '王保安', role: 'guard' }],
    injects: [{ id: 'smoke', contingency: true, text: '烟雾从库房门缝冒出', toRole: 'guard' }],
  };
}
