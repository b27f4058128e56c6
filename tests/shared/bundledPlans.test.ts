import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkPlanText } from '../../shared/plan/checkPlanText';
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
