// diffPlans and describeDiff: versions of a bundled plan with one small edit each, then the hand-checked golden
// cases in tests/fixtures/diff (expected.txt in Chinese, expected.en.txt in English).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DIFF_FIELD_LABELS, DIFF_ITEM_LABELS } from '../../shared/messages/diff';
import { describeCounts, describeDiff } from '../../shared/plan/describeDiff';
import { countChanges, diffPlans, isEmpty, longestIncreasing, type PlanDiff } from '../../shared/plan/diff';
import type { ActionStep, DecisionStep, ParallelStep, Plan, Step, TrackStep } from '../../shared/plan/schema';
import { indexSteps } from '../../shared/plan/stepIndex';

const PLANS = fileURLToPath(new URL('../../plans/', import.meta.url));
const GOLDEN = fileURLToPath(new URL('../fixtures/diff/', import.meta.url));

const readPlan = (file: string): Plan => JSON.parse(readFileSync(file, 'utf8')) as Plan;
const robbery = (): Plan => readPlan(`${PLANS}armed-robbery.json`);

/** The robbery plan with one edit applied to a copy. */
function edited(recipe: (plan: Plan) => void): Plan {
  const plan = structuredClone(robbery());
  recipe(plan);
  return plan;
}

function stepOf<S extends Step | TrackStep>(plan: Plan, id: string): S {
  const found = indexSteps(plan).get(id);
  if (!found) throw new Error(`no step ${id}`);
  return found.step as S;
}

const kinds = (diff: PlanDiff) => diff.steps.map((s) => [s.kind, s.stepId]);

describe('diffPlans', () => {
  it('finds nothing between a plan and its copy, for every bundled plan', () => {
    for (const file of readdirSync(PLANS).filter((f) => f.endsWith('.json') && f !== 'plan.schema.json')) {
      const plan = readPlan(PLANS + file);
      const diff = diffPlans(plan, structuredClone(plan));
      expect(diff, file).toEqual({ fields: [], steps: [], edges: [] });
      expect(isEmpty(diff)).toBe(true);
      expect(describeDiff(diff, 'zh-CN')).toEqual([]);
      expect(describeCounts(diff, 'en')).toBe('no differences');
    }
  });

  it('ignores the editor hint $schema and the order keys were written in', () => {
    const before = robbery();
    const after = edited((p) => {
      p.$schema = 'elsewhere/plan.schema.json';
      const step = p.steps[0]!;
      p.steps[0] = Object.fromEntries(Object.entries(step).reverse()) as Step;
    });
    expect(isEmpty(diffPlans(before, after))).toBe(true);
  });

  it('reports one Chinese character changed in a step title as one field with character segments', () => {
    const after = edited((p) => {
      stepOf<ActionStep>(p, 'press-alarm').title['zh-CN'] = '立刻触发一键报警';
    });
    const diff = diffPlans(robbery(), after);
    expect(diff.fields).toEqual([]);
    expect(diff.edges).toEqual([]);
    expect(diff.steps).toHaveLength(1);
    expect(diff.steps[0]).toMatchObject({ kind: 'changed', stepId: 'press-alarm', scope: { kind: 'plan' } });
    expect(diff.steps[0]!.fields).toEqual([
      {
        path: 'title.zh-CN',
        kind: 'changed',
        before: '立即触发一键报警',
        after: '立刻触发一键报警',
        text: [
          { op: 'equal', text: '立' },
          { op: 'delete', text: '即' },
          { op: 'insert', text: '刻' },
          { op: 'equal', text: '触发一键报警' },
        ],
      },
    ]);
    expect(describeDiff(diff, 'zh-CN')).toEqual([
      '~ 步骤 press-alarm：标题（中文） "立即触发一键报警" → "立刻触发一键报警"',
    ]);
  });

  it('compares English text word by word', () => {
    const after = edited((p) => {
      stepOf<ActionStep>(p, 'press-alarm').title.en = 'Press the alarm now';
    });
    const [field] = diffPlans(robbery(), after).steps[0]!.fields;
    expect(field!.text).toEqual([
      { op: 'equal', text: 'Press the ' },
      { op: 'delete', text: 'one-key ' },
      { op: 'equal', text: 'alarm now' },
    ]);
  });

  it('reports an inserted step as added, and no later step as moved', () => {
    const after = edited((p) => {
      stepOf<ActionStep>(p, 'press-alarm').next = 'warn-colleagues';
      p.steps.splice(1, 0, {
        id: 'warn-colleagues',
        kind: 'action',
        role: 'teller',
        title: { 'zh-CN': '暗示同事', en: 'Warn colleagues discreetly' },
        next: 'secure-and-observe',
      });
    });
    const diff = diffPlans(robbery(), after);
    expect(kinds(diff)).toEqual([
      ['changed', 'press-alarm'],
      ['added', 'warn-colleagues'],
    ]);
    expect(diff.steps.some((s) => s.moved)).toBe(false);
    expect(diff.steps[0]!.fields).toMatchObject([
      { path: 'next', kind: 'changed', before: 'secure-and-observe', after: 'warn-colleagues' },
    ]);
    expect(diff.edges).toEqual([
      { kind: 'removed', from: 'press-alarm', to: 'secure-and-observe', via: { kind: 'next' } },
      { kind: 'added', from: 'press-alarm', to: 'warn-colleagues', via: { kind: 'next' } },
      { kind: 'added', from: 'warn-colleagues', to: 'secure-and-observe', via: { kind: 'next' } },
    ]);
  });

  it('reports two swapped steps as exactly one moved, with its old and new positions', () => {
    const after = edited((p) => {
      [p.steps[2], p.steps[3]] = [p.steps[3]!, p.steps[2]!];
    });
    const diff = diffPlans(robbery(), after);
    expect(diff.steps).toHaveLength(1);
    expect(diff.steps[0]!.kind).toBe('moved');
    const { moved } = diff.steps[0]!;
    expect([moved!.from.index, moved!.to.index].sort()).toEqual([2, 3]);
    expect(diff.steps[0]!.fields).toEqual([]);
    expect(diff.edges).toEqual([]);
  });

  it('reports a step taken from near the start to the end as the one moved step', () => {
    const after = edited((p) => {
      const [calm] = p.steps.splice(2, 1);
      p.steps.push(calm!);
    });
    const diff = diffPlans(robbery(), after);
    const last = after.steps.length - 1;
    expect(diff.steps).toEqual([
      expect.objectContaining({
        kind: 'moved',
        stepId: 'calm-suspect',
        moved: { from: { scope: { kind: 'plan' }, index: 2 }, to: { scope: { kind: 'plan' }, index: last } },
      }),
    ]);
    expect(describeDiff(diff, 'en')).toEqual([`↕ step calm-suspect moved: position 3 → position ${last + 1}`]);
  });

  it('reports a renamed id once, without the references that follow it as changes', () => {
    const after = edited((p) => {
      stepOf<ActionStep>(p, 'contain-and-wait').id = 'hold-and-wait';
      const engage = stepOf<DecisionStep>(p, 'safe-to-engage');
      engage.timeout!.next = 'hold-and-wait';
      engage.options.find((o) => o.next === 'contain-and-wait')!.next = 'hold-and-wait';
      // The start step too: the plan's `start` follows it.
      stepOf<ActionStep>(p, 'press-alarm').id = 'alarm-first';
      p.start = 'alarm-first';
    });
    const diff = diffPlans(robbery(), after);
    expect(diff.steps).toEqual([
      expect.objectContaining({ kind: 'renamed', stepId: 'alarm-first', previousId: 'press-alarm', fields: [] }),
      expect.objectContaining({ kind: 'renamed', stepId: 'hold-and-wait', previousId: 'contain-and-wait', fields: [] }),
    ]);
    expect(diff.fields).toEqual([]);
    expect(diff.edges).toEqual([]);
  });

  it('renames a step whose title changed in English only, and reports that title', () => {
    const after = edited((p) => {
      const step = stepOf<ActionStep>(p, 'debrief');
      step.id = 'count-and-debrief';
      step.title.en = 'Count the losses; debrief';
      stepOf<ActionStep>(p, 'hand-over-police').next = 'count-and-debrief';
    });
    const diff = diffPlans(robbery(), after);
    expect(kinds(diff)).toEqual([['renamed', 'count-and-debrief']]);
    expect(diff.steps[0]!.fields.map((f) => f.path)).toEqual(['title.en']);
    expect(diff.edges).toEqual([]);
  });

  it('keeps the steps of a renamed parallel step in their tracks: neither moved nor renamed', () => {
    const after = edited((p) => {
      stepOf<ParallelStep>(p, 'secure-and-observe').id = 'lock-watch-call';
      stepOf<ActionStep>(p, 'press-alarm').next = 'lock-watch-call';
    });
    const diff = diffPlans(robbery(), after);
    expect(kinds(diff)).toEqual([['renamed', 'lock-watch-call']]);
    expect(diff.edges).toEqual([]);
  });

  it('reports a retargeted option as a field change, one edge removed and one added', () => {
    const after = edited((p) => {
      stepOf<DecisionStep>(p, 'robber-left').options[1]!.next = 'contain-and-wait';
    });
    const before = robbery();
    const option = stepOf<DecisionStep>(before, 'robber-left').options[1]!;
    const diff = diffPlans(before, after);
    expect(diff.steps).toEqual([
      {
        kind: 'changed',
        stepId: 'robber-left',
        title: stepOf<DecisionStep>(before, 'robber-left').title,
        scope: { kind: 'plan' },
        fields: [
          {
            path: `options[${option.id}].next`,
            kind: 'changed',
            before: 'safe-to-engage',
            after: 'contain-and-wait',
          },
        ],
      },
    ]);
    const via = { kind: 'option', option: option.id };
    expect(diff.edges).toEqual([
      { kind: 'removed', from: 'robber-left', to: 'safe-to-engage', via },
      { kind: 'added', from: 'robber-left', to: 'contain-and-wait', via },
    ]);
  });

  it('compares options by id: reordering them is one "reordered" change, not a change of every label', () => {
    const after = edited((p) => stepOf<DecisionStep>(p, 'anyone-hurt').options.reverse());
    const ids = stepOf<DecisionStep>(robbery(), 'anyone-hurt').options.map((o) => o.id);
    const diff = diffPlans(robbery(), after);
    expect(diff.steps[0]!.fields).toEqual([
      { path: 'options', kind: 'reordered', before: ids, after: [...ids].reverse() },
    ]);
    expect(diff.edges).toEqual([]);
  });

  it('compares checklist items by id: one removed and one added, the others untouched', () => {
    const before = robbery();
    const after = edited((p) => {
      const checklist = stepOf<ActionStep>(p, 'lock-cash').checklist!;
      checklist.shift();
      checklist.push({ id: 'alarm-confirmed', text: { 'zh-CN': '已确认报警成功', en: 'Alarm confirmed' } });
    });
    const first = stepOf<ActionStep>(before, 'lock-cash').checklist![0]!;
    const diff = diffPlans(before, after);
    expect(diff.steps).toHaveLength(1);
    expect(diff.steps[0]).toMatchObject({
      stepId: 'lock-cash',
      scope: { kind: 'track', parallel: 'secure-and-observe', track: 'teller' },
    });
    expect(diff.steps[0]!.fields).toEqual([
      { path: `checklist[${first.id}]`, kind: 'removed', before: first },
      {
        path: 'checklist[alarm-confirmed]',
        kind: 'added',
        after: { id: 'alarm-confirmed', text: { 'zh-CN': '已确认报警成功', en: 'Alarm confirmed' } },
      },
    ]);
  });

  it('reports a role added to the plan by its id', () => {
    const role = { id: 'cashier-supervisor', title: { 'zh-CN': '运营主管', en: 'Operations supervisor' } };
    const diff = diffPlans(
      robbery(),
      edited((p) => p.roles.push(role)),
    );
    expect(diff).toEqual({
      fields: [{ path: 'roles[cashier-supervisor]', kind: 'added', after: role }],
      steps: [],
      edges: [],
    });
    expect(describeDiff(diff, 'zh-CN')).toEqual(['~ 预案：新增角色 cashier-supervisor "运营主管"']);
  });

  it('names the track a step was added to', () => {
    const after = edited((p) => {
      const track = stepOf<ParallelStep>(p, 'secure-and-observe').tracks.find((t) => t.role === 'guard')!;
      track.steps.splice(1, 0, {
        id: 'note-suspect',
        kind: 'action',
        title: { 'zh-CN': '记下嫌疑人特征', en: 'Note what the suspect looks like' },
        next: 'guard-done',
      });
      stepOf<ActionStep>(p, 'keep-distance').next = 'note-suspect';
    });
    const diff = diffPlans(robbery(), after);
    const added = diff.steps.find((s) => s.kind === 'added');
    expect(added).toMatchObject({
      stepId: 'note-suspect',
      scope: { kind: 'track', parallel: 'secure-and-observe', track: 'guard' },
    });
    expect(describeDiff(diff, 'zh-CN')).toContain(
      '+ 步骤 note-suspect「记下嫌疑人特征」新增（secure-and-observe 的 guard 分支）',
    );
    expect(diff.steps.some((s) => s.moved)).toBe(false);
  });

  it('reports a step taken out of a track to the top level as moved between scopes', () => {
    const after = edited((p) => {
      const parallel = stepOf<ParallelStep>(p, 'rescue-injured');
      const track = parallel.tracks[0]!;
      const [handOver] = track.steps.splice(1, 1);
      stepOf<ActionStep>(p, 'call-ambulance').next = 'lobby-manager-done';
      p.steps.push({ ...(handOver as ActionStep), role: 'lobby-manager' });
    });
    const diff = diffPlans(robbery(), after);
    const moved = diff.steps.find((s) => s.stepId === 'hand-to-medics')!;
    expect(moved.moved).toEqual({
      from: { scope: { kind: 'track', parallel: 'rescue-injured', track: 'lobby-manager' }, index: 1 },
      to: { scope: { kind: 'plan' }, index: after.steps.length - 1 },
    });
    expect(moved.fields.map((f) => f.path)).toEqual(['role']);
    expect(describeDiff(diff, 'zh-CN')).toContain(
      `↕ 步骤 hand-to-medics 移动：rescue-injured 的 lobby-manager 分支第 2 位 → 预案顶层第 ${after.steps.length} 位`,
    );
  });

  it('reports a plan-level title change with its text segments, and nothing else', () => {
    const after = edited((p) => {
      p.title['zh-CN'] = '营业网点持械抢劫现场应急处置方案';
    });
    const diff = diffPlans(robbery(), after);
    expect(diff.steps).toEqual([]);
    expect(diff.edges).toEqual([]);
    expect(diff.fields).toEqual([
      {
        path: 'title.zh-CN',
        kind: 'changed',
        before: '营业网点持械抢劫现场处置方案',
        after: '营业网点持械抢劫现场应急处置方案',
        text: [
          { op: 'equal', text: '营业网点持械抢劫现场' },
          { op: 'insert', text: '应急' },
          { op: 'equal', text: '处置方案' },
        ],
      },
    ]);
  });

  it('counts each sort of change for the summary line', () => {
    const after = edited((p) => {
      p.version = 2;
      [p.steps[2], p.steps[3]] = [p.steps[3]!, p.steps[2]!];
      stepOf<DecisionStep>(p, 'robber-left').options[1]!.next = 'contain-and-wait';
    });
    const diff = diffPlans(robbery(), after);
    expect(countChanges(diff)).toEqual({
      stepsAdded: 0,
      stepsRemoved: 0,
      stepsRenamed: 0,
      stepsMoved: 1,
      stepsChanged: 1,
      planFields: 1,
      edgesAdded: 1,
      edgesRemoved: 1,
    });
    expect(describeCounts(diff, 'en')).toBe(
      'steps: 0 added, 0 removed, 1 changed, 1 moved, 0 renamed; plan: 1 field changed; edges: 1 added, 1 removed',
    );
  });

  it('is deterministic and survives JSON', () => {
    const after = edited((p) => {
      p.steps.reverse();
      p.contacts.pop();
    });
    const diff = diffPlans(robbery(), after);
    expect(diffPlans(robbery(), after)).toEqual(diff);
    expect(JSON.parse(JSON.stringify(diff))).toEqual(diff);
  });
});

describe('longestIncreasing', () => {
  it('keeps one longest increasing run, so only the others count as moved', () => {
    expect([...longestIncreasing([0, 4, 1, 2, 3])].sort()).toEqual([0, 2, 3, 4]);
    expect([...longestIncreasing([1, 0])]).toHaveLength(1);
    expect(longestIncreasing([]).size).toBe(0);
    expect(longestIncreasing([5, 6, 7, 0, 1]).size).toBe(3);
  });
});

describe('the words of a diff line', () => {
  it('names every field in Chinese and English', () => {
    for (const [name, label] of Object.entries({ ...DIFF_FIELD_LABELS, ...DIFF_ITEM_LABELS })) {
      expect(label['zh-CN'], name).toMatch(/[\u4e00-\u9fff]/);
      expect(label.en.trim(), name).not.toBe('');
    }
  });
});

describe('golden diffs (tests/fixtures/diff)', () => {
  const cases = readdirSync(GOLDEN, { withFileTypes: true }).filter((e) => e.isDirectory());

  it('has the cases it promises', () => {
    expect(cases.map((c) => c.name).sort()).toEqual([
      'chinese-char-edit',
      'moved-steps',
      'renamed-ids',
      'retargeted-decision',
      'roles-and-checklist',
      'track-steps',
    ]);
  });

  for (const { name } of cases) {
    it(`${name}: the readable list in both languages`, () => {
      const read = (file: string) => readFileSync(`${GOLDEN}${name}/${file}`, 'utf8');
      const diff = diffPlans(JSON.parse(read('before.json')) as Plan, JSON.parse(read('after.json')) as Plan);
      expect(describeDiff(diff, 'zh-CN')).toEqual(read('expected.txt').trimEnd().split('\n'));
      expect(describeDiff(diff, 'en')).toEqual(read('expected.en.txt').trimEnd().split('\n'));
    });
  }
});
