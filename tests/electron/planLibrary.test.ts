// The plan library on the bundled plans and on a temp folder with broken files, and the search keys behind the
// launcher's search box.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { PlanLibrary } from '../../electron/plans/planLibrary';
import { searchKeysFor } from '../../electron/plans/searchKeys';
import { PlanSummarySchema } from '../../shared/api/channels';
import { ApiError } from '../../shared/api/errors';
import { matchesSearch } from '../../shared/plan/search';
import { bundledPlanFiles, PLANS_DIR } from '../support/bundledPlans';

const FIXTURES = fileURLToPath(new URL('../fixtures/plans/', import.meta.url));

const tempDirs: string[] = [];

afterEach(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'guardbook-plans-'));
  tempDirs.push(dir);
  return dir;
}

function notFoundCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return (error as ApiError).body.code;
  }
  return undefined;
}

describe('PlanLibrary.loadBundled on plans/', () => {
  it('lists the 12 bundled plans, all without errors, each under the id of its file', async () => {
    const library = await PlanLibrary.loadBundled(PLANS_DIR);
    const list = library.list();
    expect(list).toHaveLength(12);
    expect(bundledPlanFiles()).toHaveLength(12);
    expect(list.map((p) => `${p.id}.json`).sort()).toEqual(bundledPlanFiles());
    for (const summary of list) {
      expect(PlanSummarySchema.parse(summary)).toEqual(summary);
      expect({ id: summary.id, errors: summary.errors }).toEqual({ id: summary.id, errors: 0 });
      expect(summary.contentHash).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(summary.shortTitle['zh-CN']).not.toBe('');
      expect(summary.shortTitle.en).not.toBe('');
      expect(summary.stepCount).toBeGreaterThan(0);
      expect(summary.source).toBe('template');
      const detail = library.get(summary.id);
      expect(detail.summary).toBe(summary);
      expect(basename(detail.file)).toBe(`${summary.id}.json`);
      expect(detail.plan?.id).toBe(summary.id);
      expect(detail.findings.filter((f) => f.severity === 'error')).toEqual([]);
    }
  });

  it('gives each plan a distinct content hash', async () => {
    const list = (await PlanLibrary.loadBundled(PLANS_DIR)).list();
    expect(new Set(list.map((p) => p.contentHash)).size).toBe(list.length);
  });

  it('throws an ApiError not-found for an unknown id', async () => {
    const library = await PlanLibrary.loadBundled(PLANS_DIR);
    expect(notFoundCode(() => library.get('no-such-plan'))).toBe('not-found');
    expect(notFoundCode(() => library.get(''))).toBe('not-found');
    expect(notFoundCode(() => library.get('__proto__'))).toBe('not-found');
  });
});

describe('PlanLibrary.loadBundled on a folder with broken plans', () => {
  async function mixedLibrary() {
    const dir = tempDir();
    copyFileSync(join(PLANS_DIR, 'armed-robbery.json'), join(dir, 'armed-robbery.json'));
    copyFileSync(join(FIXTURES, 'not-json.json'), join(dir, 'not-json.json'));
    copyFileSync(join(FIXTURES, 'graph-error.json'), join(dir, 'graph-error.json'));
    writeFileSync(join(dir, 'notes.txt'), 'not a plan');
    return { dir, library: await PlanLibrary.loadBundled(dir) };
  }

  it('lists the valid plan without errors and the broken ones with errors', async () => {
    const { library } = await mixedLibrary();
    const byId = new Map(library.list().map((p) => [p.id, p]));
    expect([...byId.keys()].sort()).toEqual(['armed-robbery', 'graph-error', 'not-json']);
    for (const summary of byId.values()) PlanSummarySchema.parse(summary);

    expect(byId.get('armed-robbery')?.errors).toBe(0);
    // Broken JSON: no plan, listed under its file name, with the syntax errors counted.
    const notJson = byId.get('not-json')!;
    expect(notJson.errors).toBeGreaterThan(0);
    expect(notJson.contentHash).toBe('');
    expect(library.get('not-json').plan).toBeUndefined();
    expect(library.get('not-json').findings.length).toBeGreaterThan(0);
    // A graph error: the plan parses, but analysis finds errors, so it is never offered.
    const graphError = byId.get('graph-error')!;
    expect(graphError.errors).toBeGreaterThan(0);
    expect(library.get('graph-error').plan?.id).toBe('graph-error');
    expect(library.get('graph-error').findings.map((f) => f.code)).toContain('unknown-target');

    const offered = library.list().filter((p) => p.errors === 0);
    expect(offered.map((p) => p.id)).toEqual(['armed-robbery']);
  });

  it('keeps the copied plan identical to the bundled one', async () => {
    const { library } = await mixedLibrary();
    const bundled = (await PlanLibrary.loadBundled(PLANS_DIR)).get('armed-robbery');
    // The same plan, but alone in its folder: its follow-ons (hostage taking, first aid) name plans not there.
    expect({ ...library.get('armed-robbery').summary, warnings: 0 }).toEqual(bundled.summary);
    expect(library.get('armed-robbery').findings.map((f) => [f.code, f.path])).toEqual([
      ['unknown-follow-on', 'steps[4].options[0].followOn'],
      ['unknown-follow-on', 'steps[10].options[0].followOn'],
    ]);
  });

  it('throws not-found for an unknown id', async () => {
    const { library } = await mixedLibrary();
    expect(notFoundCode(() => library.get('fire'))).toBe('not-found');
  });

  it('lists a second file claiming an id already taken under its file name', async () => {
    const dir = tempDir();
    copyFileSync(join(PLANS_DIR, 'armed-robbery.json'), join(dir, 'armed-robbery.json'));
    copyFileSync(join(PLANS_DIR, 'armed-robbery.json'), join(dir, 'zz-copy.json'));
    const library = await PlanLibrary.loadBundled(dir);
    expect(library.list().map((p) => p.id)).toEqual(['armed-robbery', 'zz-copy']);
    expect(basename(library.get('armed-robbery').file)).toBe('armed-robbery.json');
    expect(basename(library.get('zz-copy').file)).toBe('zz-copy.json');
  });

  it('keeps both files when one is named after the id the other also claims', async () => {
    const dir = tempDir();
    copyFileSync(join(PLANS_DIR, 'armed-robbery.json'), join(dir, 'armed-robbery.json'));
    copyFileSync(join(PLANS_DIR, 'armed-robbery.json'), join(dir, 'armed-robbery-copy.json'));
    const library = await PlanLibrary.loadBundled(dir);
    expect(
      library
        .list()
        .map((p) => basename(library.get(p.id).file))
        .sort(),
    ).toEqual(['armed-robbery-copy.json', 'armed-robbery.json']);
  });

  it('gives an id to the file named after it, and lists the other file under its own name', async () => {
    const dir = tempDir();
    copyFileSync(join(PLANS_DIR, 'armed-robbery.json'), join(dir, 'aaa.json'));
    const plan = JSON.parse(readFileSync(join(PLANS_DIR, 'armed-robbery.json'), 'utf8')) as { version: number };
    writeFileSync(join(dir, 'armed-robbery.json'), JSON.stringify({ ...plan, version: plan.version + 1 }));
    const library = await PlanLibrary.loadBundled(dir);
    expect(library.list()).toHaveLength(2);
    expect(basename(library.get('armed-robbery').file)).toBe('armed-robbery.json');
    expect(basename(library.get('aaa').file)).toBe('aaa.json');
  });

  it('makes keys unique when file names collide with taken ids too', async () => {
    const dir = tempDir();
    const plan = JSON.parse(readFileSync(join(PLANS_DIR, 'fire.json'), 'utf8')) as { id: string };
    writeFileSync(join(dir, 'fire.json'), JSON.stringify(plan));
    writeFileSync(join(dir, 'old.json'), JSON.stringify(plan));
    writeFileSync(join(dir, 'armed-robbery.json'), JSON.stringify({ ...plan, id: 'old' }));
    const library = await PlanLibrary.loadBundled(dir);
    const files = library.list().map((p) => [p.id, basename(library.get(p.id).file)]);
    expect(files).toHaveLength(3);
    expect(new Set(files.map(([id]) => id)).size).toBe(3);
    expect(files.map(([, file]) => file).sort()).toEqual(['armed-robbery.json', 'fire.json', 'old.json']);
  });
});

describe('search keys', () => {
  it('gives 持械抢劫 its text, pinyin initials and full pinyin', () => {
    const keys = searchKeysFor(['持械抢劫']);
    expect(keys).toEqual(expect.arrayContaining(['持械抢劫', 'cxqj', 'chixieqiangjie']));
  });

  it('lower-cases Latin text, skips empty texts and repeats nothing', () => {
    expect(searchKeysFor(['Armed Robbery', '', 'armed robbery'])).toEqual(['armed robbery']);
    expect(searchKeysFor(['停电/系统故障'])).toEqual(['停电/系统故障', 'tdxtgz', 'tingdianxitongguzhang']);
  });

  it('finds armed-robbery by pinyin, English and Chinese, and not by an unrelated word', async () => {
    const keys = (await PlanLibrary.loadBundled(PLANS_DIR)).get('armed-robbery').summary.searchKeys;
    for (const query of ['cxqj', 'qiangjie', 'Robbery', '抢劫', 'ARMED rob', '']) {
      expect({ query, found: matchesSearch(keys, query) }).toEqual({ query, found: true });
    }
    for (const query of ['fire', '火灾', 'hz']) {
      expect({ query, found: matchesSearch(keys, query) }).toEqual({ query, found: false });
    }
  });

  it('finds only the fire plan among the bundled plans by 火灾 and huozai', async () => {
    const list = (await PlanLibrary.loadBundled(PLANS_DIR)).list();
    for (const query of ['火灾', 'huozai']) {
      expect(list.filter((p) => matchesSearch(p.searchKeys, query)).map((p) => p.id)).toEqual(['fire']);
    }
  });
});
