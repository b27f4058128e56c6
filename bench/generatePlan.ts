// Generates a valid plan of about N steps (actions, decisions, parallel steps with tracks) for benchmarks.
import type { Plan, Step } from '../shared/plan/schema';

const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/** `variant` goes into every step id: plans of one size that are not the same plan (nor the same diagram). */
export function generatePlan(stepCount: number, variant = ''): Plan {
  const steps: Step[] = [];
  let made = 0;
  let block = 0;
  const id = (name: string) => `${name}-${variant}${block}`;
  const nextBlock = () => `act-${variant}${block + 1}`;
  for (let last = false; !last;) {
    last = made + 9 + 9 > stepCount;
    const after = last ? 'done' : nextBlock();
    steps.push(
      {
        id: id('act'),
        kind: 'action',
        role: 'guard',
        targetSeconds: 30,
        contacts: ['police'],
        checklist: [{ id: 'a', text: t('检查', 'Check') }],
        title: t(`步骤 ${block}`, `Step ${block}`),
        next: id('ask'),
      },
      {
        id: id('ask'),
        kind: 'decision',
        role: 'teller',
        title: t('是否继续？', 'Go on?'),
        options: [
          { id: 'yes', label: t('是', 'Yes'), next: id('both') },
          { id: 'retry', label: t('重做', 'Retry'), next: id('act') },
        ],
      },
      {
        id: id('both'),
        kind: 'parallel',
        title: t('同时处置', 'Act together'),
        timeout: { seconds: 600, next: after },
        next: after,
        tracks: ['guard', 'teller'].map((role) => ({
          role,
          start: id(`${role}-do`),
          steps: [
            { id: id(`${role}-do`), kind: 'action' as const, title: t('执行', 'Do'), next: id(`${role}-check`) },
            {
              id: id(`${role}-check`),
              kind: 'action' as const,
              title: t('确认', 'Confirm'),
              targetSeconds: 60,
              next: id(`${role}-end`),
            },
            { id: id(`${role}-end`), kind: 'end' as const },
          ],
        })),
      },
    );
    made += 9;
    block++;
  }
  steps.push({ id: 'done', kind: 'end', title: t('结束', 'Done'), outcome: 'resolved' });
  return {
    schemaVersion: 1,
    id: `generated-${stepCount}`,
    version: 1,
    category: 'other',
    severity: 'low',
    title: t('生成的预案', 'Generated plan'),
    summary: t('基准测试用', 'For benchmarks'),
    roles: [
      { id: 'guard', title: t('保安', 'Guard') },
      { id: 'teller', title: t('柜员', 'Teller') },
    ],
    contacts: [{ id: 'police', name: t('报警', 'Police'), phone: '110' }],
    drill: { everyDays: 182 },
    start: `act-${variant}0`,
    steps,
  };
}

export function countSteps(plan: Plan): number {
  return plan.steps.reduce(
    (n, s) => n + 1 + (s.kind === 'parallel' ? s.tracks.reduce((m, t) => m + t.steps.length, 0) : 0),
    0,
  );
}
