// `npm run bench -- plans`: schema check, analysis and compilation of generated plans of 1k and 10k steps.
import { performance } from 'node:perf_hooks';
import { analysePlan } from '../shared/plan/analysis';
import { compilePlan } from '../shared/plan/compile';
import { PlanSchema } from '../shared/plan/schema';
import { countSteps, generatePlan } from './generatePlan';
import { fmt, medianMs } from './timing';

const GOAL_1K_MS = 20;

export function benchPlans(): void {
  // The first call in a fresh process, before the JIT has warmed up: what opening one plan costs.
  const first = generatePlan(1_000);
  const coldStart = performance.now();
  analysePlan(first);
  compilePlan(first);
  const cold = performance.now() - coldStart;
  const rows = [1_000, 10_000].map((size) => {
    const plan = generatePlan(size);
    const findings = analysePlan(plan);
    if (findings.length > 0) throw new Error(`generated plan is not clean: ${findings[0]!.code}`);
    const repeats = size > 5_000 ? 7 : 21;
    const parse = medianMs(() => PlanSchema.parse(plan), repeats);
    const analyse = medianMs(() => analysePlan(plan), repeats);
    const compile = medianMs(() => compilePlan(plan), repeats);
    return { size, steps: countSteps(plan), parse, analyse, compile, total: analyse + compile };
  });
  console.log('plans: schema parse, analysePlan and compilePlan on generated plans (median)');
  for (const r of rows) {
    console.log(
      `  ${String(r.steps).padStart(6)} steps  parse ${fmt(r.parse)}  analyse ${fmt(r.analyse)}  compile ${fmt(r.compile)}  analyse+compile ${fmt(r.total)}`,
    );
  }
  const [small, large] = rows as [(typeof rows)[0], (typeof rows)[0]];
  const ratio = large.total / small.total;
  const stepRatio = large.steps / small.steps;
  console.log(
    `  10k/1k ratio (analyse+compile): ${ratio.toFixed(2)} for ${stepRatio.toFixed(2)}× the steps (linear ≈ ${stepRatio.toFixed(0)})`,
  );
  console.log(`  cold (first analyse+compile in the process, 1k steps): ${fmt(cold)}`);
  console.log(
    `  goal: analyse+compile ≤ ${GOAL_1K_MS} ms at 1k steps: ${small.total <= GOAL_1K_MS ? 'met' : 'NOT met'}`,
  );
}
