import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analysePlan, followOnsOf } from '../../shared/plan/analysis';
import { checkPlanText } from '../../shared/plan/checkPlanText';
import { SILENT_CATEGORIES } from '../../shared/plan/schema';
import { planJsonSchemaText, PLAN_JSON_SCHEMA_FILE } from '../../shared/plan/jsonSchema';
import { bundledPlanFiles, loadBundledPlan, PLANS_DIR } from '../support/bundledPlans';
import { explorePlan } from '../support/explore';

const REQUIRED_PLANS = [
  'armed-robbery',
  'fire',
  'medical-emergency',
  'suspicious-item-bomb-threat',
  'violent-customer',
  'power-system-outage',
  'atm-skimmer',
  'flood-typhoon',
  'earthquake',
  'cash-in-transit-attack',
  'hostage-taking',
  'telecom-fraud-counter',
];

const files = bundledPlanFiles();

describe('bundled plan library', () => {
  it('holds the twelve plans a branch needs', () => {
    expect(files.map((f) => f.replace(/\.json$/, ''))).toEqual(expect.arrayContaining(REQUIRED_PLANS));
  });

  it('has a JSON Schema file that matches the zod schema (run `npm run plans:schema` when this fails)', () => {
    expect(readFileSync(PLANS_DIR + PLAN_JSON_SCHEMA_FILE, 'utf8')).toBe(planJsonSchemaText());
  });

  it('links every follow-on to a bundled plan, and analysis with the library known finds nothing', () => {
    const ids = new Set(files.map((f) => f.replace(/\.json$/, '')));
    const links = files.flatMap((file) => followOnsOf(loadBundledPlan(file)).map((f) => `${file}: ${f.planId}`));
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(ids.has(link.split(': ')[1]!), link).toBe(true);
    for (const file of files) expect(analysePlan(loadBundledPlan(file), { knownPlanIds: ids })).toEqual([]);
  });

  it('escalates an armed robbery to hostage taking where hostages are taken, and fire to first aid', () => {
    const hostage = followOnsOf(loadBundledPlan('armed-robbery.json')).find((f) => f.planId === 'hostage-taking');
    expect(hostage).toMatchObject({ stepId: 'hostage-check', option: 'hostage' });
    expect(followOnsOf(loadBundledPlan('fire.json')).map((f) => f.planId)).toContain('medical-emergency');
  });

  it('marks silent the plans where noise endangers staff', () => {
    const silent = files.filter((f) => loadBundledPlan(f).silent === true).map((f) => f.replace(/\.json$/, ''));
    expect(silent.sort()).toEqual(['armed-robbery', 'cash-in-transit-attack', 'hostage-taking']);
    for (const file of files) {
      const plan = loadBundledPlan(file);
      if (SILENT_CATEGORIES.includes(plan.category)) expect(plan.silent, file).toBe(true);
    }
  });

  describe.each(files)('%s', (file) => {
    const plan = loadBundledPlan(file);

    it('passes the checks with no error and no warning, and its id is its file name', () => {
      expect(checkPlanText(readFileSync(PLANS_DIR + file, 'utf8')).findings).toEqual([]);
      expect(`${plan.id}.json`).toBe(file);
    });

    it('has the shape of an on-site procedure: roles acting at once, real decisions, timed steps', () => {
      const kinds = plan.steps.map((s) => s.kind);
      expect(kinds).toContain('parallel');
      expect(kinds).toContain('decision');
      expect(plan.steps.some((s) => s.kind !== 'end' && s.targetSeconds !== undefined)).toBe(true);
      expect(plan.drill.everyDays).toBeLessThanOrEqual(182);
      expect(plan.roles.map((r) => r.id)).toEqual(expect.arrayContaining(['guard']));
    });

    it('reaches an end from every state its machine can be in, and every end is reachable', () => {
      const result = explorePlan(plan);
      expect(result.stuck).toEqual([]);
      const ends = plan.steps.filter((s) => s.kind === 'end').map((s) => s.id);
      expect([...result.endsReached].sort()).toEqual([...ends].sort());
    });
  });
});
