// The branch plan library on real temp folders: templates seeded as version 1, drafts that survive a restart,
// review and publishing, retirement, rollback, import, template updates, and damage reported rather than offered.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BranchLibrary, LIBRARY_DIR, LIBRARY_LOG_FILE } from '../../electron/plans/branchLibrary';
import { contentHashOf } from '../../electron/plans/contentHash';
import { verifyChainFile } from '../../electron/journal/chainLog';
import { ApiError } from '../../shared/api/errors';
import { LIBRARY_LOG_FORMAT, type PersonRef } from '../../shared/library/libraryLog';
import type { Plan } from '../../shared/plan/schema';
import { bundledPlanFiles, loadBundledPlan, PLANS_DIR } from '../support/bundledPlans';
import { createBackend } from '../../electron/backend/backend';
import { ADMIN_PIN, call, PINS, usersOfEachRole } from '../support/people';
import { TEST_PIN_HASH_COST } from '../support/pinHashCost';
import { FILLED_DIRECTORY } from '../support/directory';

const LI: PersonRef = { userId: 'li', name: '李主管' };
const WANG: PersonRef = { userId: 'wang', name: '王经理' };

const tempDirs: string[] = [];
afterEach(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(prefix = 'guardbook-library-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

let clock = Date.parse('2026-12-05T02:00:00Z');
const now = () => new Date((clock += 1000));

async function open(dataDir: string, templatesDir = PLANS_DIR): Promise<BranchLibrary> {
  return BranchLibrary.open({ dataDir, templatesDir, installation: 'test', now });
}

/** Opens, runs `fn`, closes: the log's lock is held only while a library is open. */
async function withLibrary<T>(dataDir: string, fn: (library: BranchLibrary) => T | Promise<T>, templates?: string) {
  const library = await open(dataDir, templates);
  try {
    return await fn(library);
  } finally {
    library.close();
  }
}

function apiError(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected an ApiError');
}

/** Revises a plan, edits it with `edit`, submits and approves it (by `approver`): the new version's number. */
function publishRevision(library: BranchLibrary, planId: string, edit: (plan: Plan) => void, approver = WANG): number {
  const { draft } = library.revise(planId, LI);
  const plan = structuredClone(draft.plan) as unknown as Plan;
  edit(plan);
  library.saveDraft(planId, plan as unknown as Record<string, unknown>, draft.revision, LI);
  const submitted = library.submit(planId, '修订', LI);
  return library.approve(planId, approver, submitted.draft.submitted!.contentHash, false).publication.version;
}

describe('first start', () => {
  it('publishes every bundled template as its version 1, byte for byte verifiable, and only once', async () => {
    const dataDir = tempDir();
    await withLibrary(dataDir, (library) => {
      const list = library.list();
      expect(list.map((p) => `${p.id}.json`).sort()).toEqual(bundledPlanFiles());
      for (const summary of list) {
        expect(summary).toMatchObject({ version: 1, status: 'published', source: 'template', errors: 0 });
        const file = join(dataDir, LIBRARY_DIR, 'versions', summary.id, '1.json');
        const stored = JSON.parse(readFileSync(file, 'utf8')) as Plan;
        expect(contentHashOf(stored)).toBe(summary.contentHash);
        // The template's own hash is kept, so a newer template can be recognised after an update.
        const history = library.history(summary.id);
        expect(history.versions).toHaveLength(1);
        expect(history.versions[0]).toMatchObject({
          source: 'template',
          templateHash: contentHashOf(loadBundledPlan(`${summary.id}.json`)),
          author: null,
          approver: null,
          derivedFrom: null,
          offered: true,
        });
      }
    });
    const log = join(dataDir, LIBRARY_DIR, LIBRARY_LOG_FILE);
    const entries = verifyChainFile(log, LIBRARY_LOG_FORMAT);
    expect(entries.ok).toBe(true);
    const published = entries.events.filter((e) => e.type === 'plan.published').length;
    expect(published).toBe(bundledPlanFiles().length);
    // A second start finds them published and adds nothing.
    await withLibrary(dataDir, (library) => expect(library.list().every((p) => p.version === 1)).toBe(true));
    expect(verifyChainFile(log, LIBRARY_LOG_FORMAT).events).toHaveLength(entries.events.length);
  });
});

describe('drafts', () => {
  it('a revision autosaves to the data folder and survives a restart; a save from an older revision is refused', async () => {
    const dataDir = tempDir();
    await withLibrary(dataDir, (library) => {
      const { draft } = library.revise('fire', LI);
      expect(draft).toMatchObject({ origin: 'revision', status: 'draft', revision: 0, base: { version: 1 } });
      expect(draft.plan.version).toBe(2);
      const plan = structuredClone(draft.plan) as unknown as Plan;
      plan.title = { ...plan.title, 'zh-CN': '营业网点火灾现场处置方案（修订）' };
      const saved = library.saveDraft('fire', plan as never, 0, LI);
      expect(saved.draft.revision).toBe(1);
      expect(saved.findings.filter((f) => f.severity === 'error')).toEqual([]);
      // Another window still at revision 0 loses nothing silently: its save is refused.
      expect(apiError(() => library.saveDraft('fire', plan as never, 0, WANG)).body.message.en).toMatch(
        /saved elsewhere/,
      );
      expect(library.get('fire').summary.draft).toMatchObject({ status: 'draft', revision: 1, updatedBy: '李主管' });
      // Home still offers version 1 while the draft is open.
      expect(library.get('fire').summary).toMatchObject({ version: 1, status: 'published' });
    });
    await withLibrary(dataDir, (library) => {
      const view = library.draft('fire');
      expect((view.draft.plan.title as { 'zh-CN': string })['zh-CN']).toBe('营业网点火灾现场处置方案（修订）');
      expect(view.draft.revision).toBe(1);
      // Revising again opens the same draft.
      expect(library.revise('fire', WANG).draft.revision).toBe(1);
    });
  });

  it('a draft with errors saves, but is refused for review; the library sets its id and version', async () => {
    const dataDir = tempDir();
    await withLibrary(dataDir, (library) => {
      const { draft } = library.revise('fire', LI);
      const plan = structuredClone(draft.plan) as unknown as Plan;
      const step = plan.steps.find((s) => s.kind === 'action')!;
      if (step.kind === 'action') step.next = 'nowhere';
      const saved = library.saveDraft('fire', { ...plan, id: 'other', version: 99 } as never, 0, LI);
      expect(saved.draft.plan).toMatchObject({ id: 'fire', version: 2 });
      expect(saved.findings.some((f) => f.code === 'unknown-target' && f.stepId === step.id)).toBe(true);
      expect(apiError(() => library.submit('fire', '试试', LI)).body.message.en).toMatch(/still has \d+ error/);
      expect(library.draft('fire').draft.status).toBe('draft');
    });
  });
});

describe('the contact directory', () => {
  it('a draft naming a contact with no number anywhere cannot be submitted; the published plan only warns', async () => {
    const directory: Record<string, { phones: string[] }> = {};
    const library = await BranchLibrary.open({
      dataDir: tempDir(),
      templatesDir: PLANS_DIR,
      installation: 'test',
      now,
      directory: () => directory,
    });
    try {
      // fire.json leaves head-office-security and property-management for the branch to fill in.
      const published = library.get('fire');
      const warned = published.findings.filter((f) => f.code === 'unfilled-contact');
      expect(warned.map((f) => f.severity)).toEqual(['warning', 'warning']);
      expect(published.summary).toMatchObject({ errors: 0, status: 'published' });
      const view = library.revise('fire', LI);
      const unfilled = view.findings.filter((f) => f.code === 'unfilled-contact');
      expect(unfilled.map((f) => [f.severity, f.message.en.match(/"([^"]+)"/)?.[1]])).toEqual([
        ['error', 'head-office-security'],
        ['error', 'property-management'],
      ]);
      expect(apiError(() => library.submit('fire', '试试', LI)).body.message.en).toMatch(/still has 2 error/);
      directory['head-office-security'] = { phones: ['010-6660 0110'] };
      directory['property-management'] = { phones: ['0571-8888 1234'] };
      expect(library.draft('fire').findings.filter((f) => f.code === 'unfilled-contact')).toEqual([]);
      expect(library.submit('fire', '通讯录已填', LI).draft.status).toBe('in-review');
    } finally {
      library.close();
    }
  });
});

describe('review and publishing', () => {
  it('publishes the reviewed content as version 2 with author, approver, note and the version it came from', async () => {
    const dataDir = tempDir();
    await withLibrary(dataDir, (library) => {
      const v1 = library.get('fire').summary.contentHash;
      const { draft } = library.revise('fire', LI);
      const plan = structuredClone(draft.plan) as unknown as Plan;
      plan.summary = { ...plan.summary, 'zh-CN': '新的摘要' };
      library.saveDraft('fire', plan as never, 0, LI);
      const submitted = library.submit('fire', '更新摘要', LI);
      const hash = submitted.draft.submitted!.contentHash;
      // In review the draft is frozen.
      expect(apiError(() => library.saveDraft('fire', plan as never, 1, LI)).body.message.en).toMatch(/in review/);
      // Approval names the content reviewed; anything else is refused.
      expect(apiError(() => library.approve('fire', WANG, v1, false)).body.message.en).toMatch(/not the content/);
      // The submitter may not approve their own change where another manager exists.
      expect(apiError(() => library.approve('fire', LI, hash, false)).body.code).toBe('forbidden');
      const { publication, before } = library.approve('fire', WANG, hash, false);
      expect(before?.contentHash).toBe(v1);
      expect(publication).toMatchObject({
        version: 2,
        contentHash: hash,
        source: 'revision',
        derivedFrom: { version: 1, contentHash: v1 },
        author: LI,
        approver: WANG,
        selfApproved: false,
        note: '更新摘要',
      });
      expect(library.get('fire').summary).toMatchObject({ version: 2, contentHash: hash, status: 'published' });
      expect(library.get('fire').summary.draft).toBeUndefined();
      expect(library.hasDraft('fire')).toBe(false);
      // Version 1 is still there, byte for byte, for the records that followed it.
      const first = library.version('fire', 1);
      expect(first.plan && contentHashOf(first.plan)).toBe(v1);
      expect(library.history('fire').versions.map((v) => [v.version, v.offered])).toEqual([
        [1, false],
        [2, true],
      ]);
    });
    // After a restart: version 2 offered, its file verifies, no draft left.
    await withLibrary(dataDir, (library) => {
      expect(library.get('fire').summary.version).toBe(2);
      expect(library.get('fire').findings.filter((f) => f.severity === 'error')).toEqual([]);
      expect(existsSync(join(dataDir, LIBRARY_DIR, 'drafts', 'fire.json'))).toBe(false);
    });
  });

  it('self-approval is allowed where the caller says so, and recorded as such', async () => {
    await withLibrary(tempDir(), (library) => {
      library.revise('flood-typhoon', LI);
      const hash = library.submit('flood-typhoon', '只有一位主管', LI).draft.submitted!.contentHash;
      expect(library.approve('flood-typhoon', LI, hash, true).publication.selfApproved).toBe(true);
    });
  });

  it('a reviewer can send a draft back with a comment; it can then be edited again', async () => {
    await withLibrary(tempDir(), (library) => {
      library.revise('fire', LI);
      library.submit('fire', '第一稿', LI);
      const back = library.sendBack('fire', '联系人电话不对', WANG);
      expect(back.draft).toMatchObject({ status: 'draft', sentBack: { by: WANG, comment: '联系人电话不对' } });
      expect(back.draft.submitted).toBeUndefined();
      expect(library.saveDraft('fire', back.draft.plan, back.draft.revision, LI).draft.revision).toBe(
        back.draft.revision + 1,
      );
    });
  });
});

describe('retirement and rollback', () => {
  it('a retired plan leaves Home but stays readable; publishing a new version brings it back', async () => {
    await withLibrary(tempDir(), (library) => {
      library.retire('earthquake', '本网点不在地震带', LI);
      expect(library.get('earthquake').summary.status).toBe('retired');
      expect(library.history('earthquake').retired).toMatchObject({ version: 1, note: '本网点不在地震带' });
      expect(apiError(() => library.retire('earthquake', '再次', LI)).body.code).toBe('invalid-input');
      expect(publishRevision(library, 'earthquake', () => {})).toBe(2);
      expect(library.get('earthquake').summary.status).toBe('published');
    });
  });

  it('a rollback is a new version whose content is the old one', async () => {
    await withLibrary(tempDir(), (library) => {
      const v1 = library.version('fire', 1).plan!;
      publishRevision(library, 'fire', (plan) => (plan.summary = { 'zh-CN': '改坏了', en: 'broken' }));
      const { draft } = library.rollback('fire', 1, LI);
      expect(draft).toMatchObject({ origin: 'rollback', rollbackOf: 1, base: { version: 2 } });
      const hash = library.submit('fire', '回退到第 1 版', LI).draft.submitted!.contentHash;
      const { publication } = library.approve('fire', WANG, hash, false);
      expect(publication).toMatchObject({ version: 3, source: 'rollback' });
      const v3 = library.version('fire', 3).plan!;
      expect({ ...v3, version: 1 }).toEqual(v1);
      expect(library.history('fire').versions.map((v) => v.version)).toEqual([1, 2, 3]);
    });
  });
});

describe('import', () => {
  it('refuses a file that is not a plan, saying where, and changes nothing', async () => {
    const dataDir = tempDir();
    await withLibrary(dataDir, (library) => {
      const before = JSON.stringify(library.list());
      const bad = library.importFile('broken.json', '{\n  "id": "fire",\n  "version": 2,\n', LI);
      expect(bad.accepted).toBe(false);
      if (!bad.accepted) expect(bad.findings[0]).toMatchObject({ code: 'not-json', line: expect.any(Number) });
      const wrong = library.importFile('wrong.json', JSON.stringify({ ...loadBundledPlan('fire.json'), start: 7 }), LI);
      expect(wrong.accepted).toBe(false);
      if (!wrong.accepted) expect(wrong.findings.some((f) => f.code === 'schema' && f.path === 'start')).toBe(true);
      expect(JSON.stringify(library.list())).toBe(before);
      expect(library.hasDraft('fire')).toBe(false);
    });
    expect(existsSync(join(dataDir, LIBRARY_DIR, 'drafts'))).toBe(false);
  });

  it('keeps an accepted file as a draft (never over a published version); a new plan id is a new plan', async () => {
    await withLibrary(tempDir(), (library) => {
      const fire = loadBundledPlan('fire.json');
      const changed = { ...fire, version: 5, summary: { ...fire.summary, 'zh-CN': '总行下发的修订' } };
      const result = library.importFile('fire-hq.json', JSON.stringify(changed), LI);
      expect(result.accepted).toBe(true);
      if (result.accepted) {
        expect(result.draft.draft).toMatchObject({
          origin: 'import',
          importedFrom: 'fire-hq.json',
          base: { version: 1 },
        });
        expect(result.draft.draft.plan.version).toBe(2);
      }
      expect(library.get('fire').summary.version).toBe(1);
      // Same content as the version in use: nothing to import.
      expect(
        apiError(() => library.importFile('same.json', JSON.stringify(loadBundledPlan('flood-typhoon.json')), LI)).body
          .message.en,
      ).toMatch(/same content/);
      const annex = library.importFile('annex.json', JSON.stringify({ ...fire, id: 'fire-annex' }), LI);
      expect(annex.accepted).toBe(true);
      expect(library.get('fire-annex').summary).toMatchObject({ status: 'unpublished', version: 0 });
    });
  });

  it('refuses a file whose version number the library already uses for other content', async () => {
    await withLibrary(tempDir(), (library) => {
      const fire = loadBundledPlan('fire.json');
      const result = library.importFile('v1.json', JSON.stringify({ ...fire, summary: { 'zh-CN': '别的内容' } }), LI);
      expect(result.accepted).toBe(false);
      if (!result.accepted) expect(result.findings[0]!.code).toBe('version-conflict');
    });
  });
});

describe('template updates', () => {
  it('offers a newer bundled template with its hash, never takes it silently; take or dismiss', async () => {
    const dataDir = tempDir();
    const templates = tempDir('guardbook-templates-');
    cpSync(PLANS_DIR, templates, { recursive: true });
    await withLibrary(dataDir, () => {}, templates);
    const fire = loadBundledPlan('fire.json');
    const newer = { ...fire, version: 2, summary: { ...fire.summary, 'zh-CN': '新版模板' } };
    writeFileSync(join(templates, 'fire.json'), JSON.stringify(newer, null, 2));
    writeFileSync(
      join(templates, 'medical-emergency.json'),
      JSON.stringify({
        ...loadBundledPlan('medical-emergency.json'),
        version: 2,
        summary: { 'zh-CN': '新版急救模板', en: 'New first-aid template' },
      }),
    );
    await withLibrary(
      dataDir,
      (library) => {
        const summary = library.get('fire').summary;
        expect(summary).toMatchObject({
          version: 1,
          templateUpdate: { version: 2, contentHash: contentHashOf(newer) },
        });
        expect(library.get('fire').plan!.summary['zh-CN']).toBe(fire.summary['zh-CN']);
        const { draft } = library.takeTemplateUpdate('fire', LI);
        expect(draft).toMatchObject({ origin: 'template-update', templateHash: contentHashOf(newer) });
        const hash = library.submit('fire', '采用新模板', LI).draft.submitted!.contentHash;
        library.approve('fire', WANG, hash, false);
        expect(library.get('fire').summary.templateUpdate).toBeUndefined();
        library.dismissTemplateUpdate('medical-emergency', LI);
        expect(library.get('medical-emergency').summary.templateUpdate).toBeUndefined();
      },
      templates,
    );
    await withLibrary(
      dataDir,
      (library) => {
        expect(library.get('fire').summary.templateUpdate).toBeUndefined();
        expect(library.get('medical-emergency').summary.templateUpdate).toBeUndefined();
      },
      templates,
    );
  });
});

describe('damage', () => {
  it('a version file changed on disk is reported (which file, what is wrong) and never offered', async () => {
    const dataDir = tempDir();
    await withLibrary(dataDir, () => {});
    const file = join(dataDir, LIBRARY_DIR, 'versions', 'fire', '1.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('119', '911'));
    rmSync(join(dataDir, LIBRARY_DIR, 'versions', 'hostage-taking', '1.json'));
    await withLibrary(dataDir, (library) => {
      const fire = library.get('fire');
      expect(fire.summary.errors).toBeGreaterThan(0);
      const damaged = fire.findings.find((f) => f.code === 'version-damaged')!;
      expect(damaged.message.en).toContain(file);
      expect(damaged.message.en).toMatch(/does not match the hash/);
      expect(library.get('hostage-taking').findings.find((f) => f.code === 'version-damaged')?.message.en).toMatch(
        /missing/,
      );
      expect(apiError(() => library.revise('fire', LI)).body.code).toBe('storage');
    });
  });

  it('a version file left by a publish that crashed before its log line is never offered, and is kept aside', async () => {
    const dataDir = tempDir();
    await withLibrary(dataDir, () => {});
    const orphan = join(dataDir, LIBRARY_DIR, 'versions', 'fire', '2.json');
    writeFileSync(orphan, '{"half": ');
    await withLibrary(dataDir, (library) => {
      expect(library.get('fire').summary.version).toBe(1);
      expect(publishRevision(library, 'fire', () => {})).toBe(2);
      expect(library.get('fire').summary.errors).toBe(0);
    });
    expect(
      readdirSync(join(dataDir, LIBRARY_DIR, 'versions', 'fire')).some((n) => n.startsWith('2.json.unlogged-')),
    ).toBe(true);
  });

  it('a damaged log is kept aside and its readable publications carried over: the branch keeps its versions', async () => {
    const dataDir = tempDir();
    await withLibrary(dataDir, (library) => publishRevision(library, 'fire', () => {}));
    const log = join(dataDir, LIBRARY_DIR, LIBRARY_LOG_FILE);
    const lines = readFileSync(log, 'utf8').split('\n');
    // Damage the third line (a template publication): what came before it is carried over.
    lines[2] = lines[2]!.replace('"template"', '"import"');
    writeFileSync(log, lines.join('\n'));
    await withLibrary(dataDir, (library) => {
      expect(library.problems.map((p) => p.en).join()).toMatch(/damaged at line 3/);
      // Templates whose lines were lost are seeded again as version 1; nothing published is offered unverified.
      expect(library.list().every((p) => p.errors === 0)).toBe(true);
    });
    expect(readdirSync(join(dataDir, LIBRARY_DIR)).some((n) => n.startsWith('library.damaged-'))).toBe(true);
  });

  it('an unreadable draft is kept aside and reported, not dropped', async () => {
    const dataDir = tempDir();
    await withLibrary(dataDir, (library) => library.revise('fire', LI));
    writeFileSync(join(dataDir, LIBRARY_DIR, 'drafts', 'fire.json'), '{not json');
    await withLibrary(dataDir, (library) => {
      expect(library.hasDraft('fire')).toBe(false);
      expect(library.problems.map((p) => p.en).join()).toMatch(/draft file fire\.json could not be read/);
    });
    expect(readdirSync(join(dataDir, LIBRARY_DIR, 'drafts')).some((n) => n.startsWith('fire.json.damaged-'))).toBe(
      true,
    );
  });
});

describe('through the backend: roles, PINs and the audit trail', () => {
  it('publishing is a manager’s with their PIN; guards and trainers are refused by the backend itself', async () => {
    const dataDir = tempDir();
    const backend = await createBackend({
      dataDir,
      plansDir: PLANS_DIR,
      host: 'web',
      version: 'test',
      log: () => {},
      pinHashCost: TEST_PIN_HASH_COST,
    });
    try {
      const admin = { sessionId: 'admin-window' };
      const users = await usersOfEachRole(backend, admin);
      const windows = { guard: { sessionId: 'g' }, trainer: { sessionId: 't' }, manager: { sessionId: 'm' } };
      for (const role of ['guard', 'trainer', 'manager'] as const) {
        await call(backend, 'session.unlock', { userId: users[role].id, pin: PINS[role] }, windows[role]);
      }
      const refused = async (channel: string, input: unknown, caller: { sessionId: string }) => {
        const result = await backend.call(channel, input, caller);
        return result.ok ? 'ok' : result.error.code;
      };
      expect(await refused('plans.revise', { planId: 'fire' }, windows.guard)).toBe('forbidden');
      expect(await refused('plans.revise', { planId: 'fire' }, windows.trainer)).toBe('forbidden');
      expect(await refused('plans.revise', { planId: 'fire' }, { sessionId: 'nobody' })).toBe('locked');

      await call(backend, 'settings.update', { contacts: FILLED_DIRECTORY }, admin);
      const view = await call<{ draft: { revision: number; plan: Plan } }>(
        backend,
        'plans.revise',
        { planId: 'fire' },
        windows.manager,
      );
      const plan = { ...view.draft.plan, summary: { ...view.draft.plan.summary, en: 'Revised summary' } };
      await call(backend, 'plans.saveDraft', { planId: 'fire', revision: 0, plan }, windows.manager);
      const submitted = await call<{ draft: { submitted: { contentHash: string } } }>(
        backend,
        'plans.submit',
        { planId: 'fire', note: '英文摘要' },
        windows.manager,
      );
      const hash = submitted.draft.submitted.contentHash;
      // A trainer can read the draft but not approve it; the submitter cannot approve (an admin exists too).
      expect(await refused('plans.draft', { planId: 'fire' }, windows.trainer)).toBe('ok');
      expect(
        await refused('plans.approve', { planId: 'fire', contentHash: hash, pin: PINS.trainer }, windows.trainer),
      ).toBe('forbidden');
      expect(
        await refused('plans.approve', { planId: 'fire', contentHash: hash, pin: PINS.manager }, windows.manager),
      ).toBe('forbidden');
      // A wrong PIN is refused and nothing is published.
      expect(await refused('plans.approve', { planId: 'fire', contentHash: hash, pin: '000000' }, admin)).toBe(
        'forbidden',
      );
      expect((await call<{ summary: { version: number } }>(backend, 'plans.get', { id: 'fire' })).summary.version).toBe(
        1,
      );
      const summary = await call<{ version: number; contentHash: string }>(
        backend,
        'plans.approve',
        { planId: 'fire', contentHash: hash, pin: ADMIN_PIN },
        admin,
      );
      expect(summary).toMatchObject({ version: 2, contentHash: hash });
      // Home starts version 2, and the record names it.
      const run = await call<{ planRef: { version: number; contentHash: string } }>(backend, 'runs.start', {
        planId: 'fire',
        mode: 'drill',
      });
      expect(run.planRef).toMatchObject({ version: 2, contentHash: hash });
      const trail = backend.audit.entries.map((e) => e.type);
      expect(trail).toEqual(expect.arrayContaining(['plan.draftStarted', 'plan.submitted', 'plan.published']));
      const published = backend.audit.entries.find((e) => e.type === 'plan.published')!;
      expect(published.data).toMatchObject({ planId: 'fire', version: 2, after: hash, selfApproved: false });
      expect((published.data as { before: string }).before).toMatch(/^sha256:/);
    } finally {
      await backend.close();
    }
  });
});

describe('leftovers of an interrupted write', () => {
  it('removes temp files of whole-file writes at start (never read, so they would only pile up)', async () => {
    const dataDir = tempDir();
    await withLibrary(dataDir, (library) => library.revise('fire', LI));
    const temps = [
      join(dataDir, LIBRARY_DIR, 'versions', 'fire', '2.json.4242.tmp'),
      join(dataDir, LIBRARY_DIR, 'drafts', 'fire.json.4242.tmp'),
    ];
    for (const file of temps) writeFileSync(file, '{"half":');
    await withLibrary(dataDir, (library) => expect(library.hasDraft('fire')).toBe(true));
    for (const file of temps) expect(existsSync(file)).toBe(false);
  });
});

describe('telling other windows', () => {
  it('tells them of a new draft and of review steps, not of every autosave by the same person', async () => {
    let changes = 0;
    const library = await BranchLibrary.open({
      dataDir: tempDir(),
      templatesDir: PLANS_DIR,
      installation: 'test',
      now,
      onChange: () => changes++,
    });
    try {
      const { draft } = library.revise('fire', LI);
      expect(changes).toBe(1);
      let revision = draft.revision;
      for (let i = 0; i < 5; i++) revision = library.saveDraft('fire', draft.plan, revision, LI).draft.revision;
      expect(changes).toBe(1);
      // Another manager takes over the draft: that is news.
      library.saveDraft('fire', draft.plan, revision, WANG);
      expect(changes).toBe(2);
      library.submit('fire', '提交', WANG);
      expect(changes).toBe(3);
    } finally {
      library.close();
    }
  });
});
