import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analysePlan } from '../../shared/plan/analysis';
import { checkPlanDocument } from '../../shared/plan/checkPlan';
import { FINDING_CODES, type Finding, type FindingCode, type Severity } from '../../shared/plan/findings';
import type { ActionStep, DecisionStep, ParallelStep, Plan, Step, TrackStep } from '../../shared/plan/schema';
import { minimalPlan, withChange } from '../fixtures/minimalPlan';

interface Expected {
  code: FindingCode;
  severity: Severity;
  path: string;
  stepId?: string;
}

const CJK = /[\u4e00-\u9fff]/;

function expectBilingual(f: Finding): void {
  expect(f.message['zh-CN'].trim(), `zh-CN message of ${f.code} at ${f.path}`).not.toBe('');
  expect(f.message['zh-CN'], `zh-CN message of ${f.code} at ${f.path}`).toMatch(CJK);
  expect(f.message.en.trim(), `en message of ${f.code} at ${f.path}`).not.toBe('');
  expect(f.message.en).not.toBe(f.message['zh-CN']);
}

function brief(f: Finding): Expected {
  return { code: f.code, severity: f.severity, path: f.path, ...(f.stepId === undefined ? {} : { stepId: f.stepId }) };
}

const byKey = (a: Expected, b: Expected) =>
  `${a.path}|${a.code}|${a.stepId ?? ''}`.localeCompare(`${b.path}|${b.code}|${b.stepId ?? ''}`);

/** Exactly these findings (in any order), each with a message in both languages. */
function expectFindings(findings: Finding[], expected: Expected[]): void {
  findings.forEach(expectBilingual);
  expect(findings.map(brief).sort(byKey)).toEqual([...expected].sort(byKey));
}

function analyse(recipe: (draft: Plan) => void): Finding[] {
  return analysePlan(withChange(recipe));
}

// Narrowing accessors for the steps of the minimal plan (see tests/fixtures/minimalPlan.ts).
function stepAt<K extends Step['kind']>(plan: Plan, i: number, kind: K): Extract<Step, { kind: K }> {
  const step = plan.steps[i];
  if (step?.kind !== kind) throw new Error(`steps[${i}] is not a ${kind} step`);
  return step as Extract<Step, { kind: K }>;
}
const alarm = (p: Plan): ActionStep => stepAt(p, 0, 'action');
const assess = (p: Plan): DecisionStep => stepAt(p, 1, 'decision');
const respond = (p: Plan): ParallelStep => stepAt(p, 2, 'parallel');
function trackStep(p: Plan, track: number, i: number): TrackStep {
  const step = respond(p).tracks[track]?.steps[i];
  if (!step) throw new Error(`no step ${i} in track ${track}`);
  return step;
}
function trackAction(p: Plan, track: number): ActionStep {
  const step = trackStep(p, track, 0);
  if (step.kind !== 'action') throw new Error('the first track step is not an action');
  return step;
}

function action(id: string, next: string): ActionStep {
  return { id, kind: 'action', title: { 'zh-CN': `步骤 ${id}`, en: `Step ${id}` }, role: 'guard', next };
}
function end(id: string): Step {
  return { id, kind: 'end', title: { 'zh-CN': '结束', en: 'End' }, outcome: 'resolved' };
}

const ANALYSIS_CODES: FindingCode[] = [
  'duplicate-id',
  'missing-start',
  'unknown-target',
  'unreachable-step',
  'no-path-to-end',
  'cycle-without-exit',
  'decision-too-few-options',
  'parallel-too-few-tracks',
  'track-never-ends',
  'unknown-role',
  'missing-role',
  'unknown-contact',
  'unused-role',
  'unused-contact',
  'missing-translation',
  'timer-out-of-range',
  'target-after-timeout',
  'drill-interval',
  'not-silent',
  'unknown-follow-on',
  'follow-on-self',
];

describe('the minimal plan', () => {
  it('has no findings', () => {
    expect(analysePlan(minimalPlan())).toEqual([]);
    const check = checkPlanDocument(minimalPlan());
    expect(check.findings).toEqual([]);
    expect(check.plan).toEqual(minimalPlan());
  });

  it('still has no findings after a JSON round trip', () => {
    expect(checkPlanDocument(JSON.parse(JSON.stringify(minimalPlan()))).findings).toEqual([]);
  });

  it('every finding code has a test here (unreadable and not-json belong to file and text checks, version-* to the library)', () => {
    const tested = [
      ...ANALYSIS_CODES,
      'schema',
      'unsupported-schema-version',
      'unreadable',
      'not-json',
      'version-damaged',
      'version-conflict',
      'unfilled-contact',
    ];
    expect([...FINDING_CODES].sort()).toEqual([...tested].sort());
  });
});

describe('duplicate-id', () => {
  it('reports a second top-level step with the same id', () => {
    const findings = analyse((p) => {
      p.steps.push(end('done'));
    });
    expectFindings(findings, [{ code: 'duplicate-id', severity: 'error', path: 'steps[4].id', stepId: 'done' }]);
    expect(findings[0]!.message.en).toContain('"done"');
    expect(findings[0]!.message.en).toContain('steps[3]');
  });

  it('reports a track step that reuses the id of a top-level step (step ids are plan-wide)', () => {
    const findings = analyse((p) => {
      trackStep(p, 0, 1).id = 'alarm';
      trackAction(p, 0).next = 'alarm';
    });
    expectFindings(findings, [
      { code: 'duplicate-id', severity: 'error', path: 'steps[2].tracks[0].steps[1].id', stepId: 'alarm' },
    ]);
    expect(findings[0]!.message.en).toContain('steps[0]');
  });

  it('reports a top-level step that reuses the id of an earlier track step', () => {
    const findings = analyse((p) => {
      trackStep(p, 1, 1).id = 'done';
      trackAction(p, 1).next = 'done';
    });
    expectFindings(findings, [{ code: 'duplicate-id', severity: 'error', path: 'steps[3].id', stepId: 'done' }]);
    expect(findings[0]!.message.en).toContain('steps[2].tracks[1].steps[1]');
  });

  it('reports a duplicate role id', () => {
    const findings = analyse((p) => {
      p.roles.push({ id: 'guard', title: { 'zh-CN': '保安二', en: 'Second guard' } });
    });
    expectFindings(findings, [{ code: 'duplicate-id', severity: 'error', path: 'roles[2].id' }]);
    expect(findings[0]!.message.en).toContain('role');
    expect(findings[0]!.message.en).toContain('roles[0]');
  });

  it('reports a duplicate contact id', () => {
    const findings = analyse((p) => {
      p.contacts.push({ id: 'police', name: { 'zh-CN': '派出所', en: 'Police station' } });
    });
    expectFindings(findings, [{ code: 'duplicate-id', severity: 'error', path: 'contacts[1].id' }]);
  });

  it('reports a duplicate option id within a decision', () => {
    const findings = analyse((p) => {
      assess(p).options[1]!.id = 'serious';
    });
    expectFindings(findings, [
      { code: 'duplicate-id', severity: 'error', path: 'steps[1].options[1].id', stepId: 'assess' },
    ]);
    expect(findings[0]!.message.en).toContain('option');
  });

  it('reports a duplicate checklist item id within an action', () => {
    const findings = analyse((p) => {
      alarm(p).checklist!.push({ id: 'pressed', text: { 'zh-CN': '再按', en: 'Press again' } });
    });
    expectFindings(findings, [
      { code: 'duplicate-id', severity: 'error', path: 'steps[0].checklist[1].id', stepId: 'alarm' },
    ]);
  });

  it('allows the same option id in two different decisions', () => {
    const findings = analyse((p) => {
      p.steps.splice(3, 0, {
        id: 'recheck',
        kind: 'decision',
        title: { 'zh-CN': '复核', en: 'Recheck' },
        role: 'guard',
        options: [
          { id: 'serious', label: { 'zh-CN': '严重', en: 'Serious' }, next: 'done' },
          { id: 'minor', label: { 'zh-CN': '轻微', en: 'Minor' }, next: 'done' },
        ],
      });
      respond(p).next = 'recheck';
    });
    expect(findings).toEqual([]);
  });
});

describe('missing-start', () => {
  it('reports a plan start that is not a step', () => {
    const findings = analyse((p) => {
      p.start = 'nowhere';
    });
    expectFindings(findings, [{ code: 'missing-start', severity: 'error', path: 'start' }]);
    expect(findings[0]!.message.en).toContain('"nowhere"');
  });

  it('reports a track start that is not a step of that track', () => {
    const findings = analyse((p) => {
      respond(p).tracks[1]!.start = 'nowhere';
    });
    expectFindings(findings, [
      { code: 'missing-start', severity: 'error', path: 'steps[2].tracks[1].start', stepId: 'respond' },
    ]);
    expect(findings[0]!.message.en).toContain('"teller" track');
  });

  it('reports a track start that names a top-level step', () => {
    const findings = analyse((p) => {
      respond(p).tracks[0]!.start = 'alarm';
    });
    expectFindings(findings, [
      { code: 'missing-start', severity: 'error', path: 'steps[2].tracks[0].start', stepId: 'respond' },
    ]);
  });
});

describe('unknown-target', () => {
  it('reports an unknown next (and the step, now a dead end)', () => {
    const findings = analyse((p) => {
      respond(p).next = 'nowhere';
    });
    expectFindings(findings, [
      { code: 'unknown-target', severity: 'error', path: 'steps[2].next', stepId: 'respond' },
      { code: 'no-path-to-end', severity: 'error', path: 'steps[2]', stepId: 'respond' },
    ]);
    expect(findings.find((f) => f.code === 'unknown-target')!.message.en).toContain('"nowhere"');
  });

  it('reports an unknown option target', () => {
    const findings = analyse((p) => {
      assess(p).options[0]!.next = 'nowhere';
    });
    expectFindings(findings, [
      { code: 'unknown-target', severity: 'error', path: 'steps[1].options[0].next', stepId: 'assess' },
    ]);
  });

  it('reports an unknown timeout target', () => {
    const findings = analyse((p) => {
      assess(p).timeout!.next = 'nowhere';
    });
    expectFindings(findings, [
      { code: 'unknown-target', severity: 'error', path: 'steps[1].timeout.next', stepId: 'assess' },
    ]);
  });

  it('reports a track step that points at a top-level step (tracks are closed scopes)', () => {
    const findings = analyse((p) => {
      trackAction(p, 0).next = 'done';
    });
    expectFindings(findings, [
      {
        code: 'unknown-target',
        severity: 'error',
        path: 'steps[2].tracks[0].steps[0].next',
        stepId: 'guard-secure',
      },
      { code: 'unreachable-step', severity: 'error', path: 'steps[2].tracks[0].steps[1]', stepId: 'guard-done' },
      { code: 'track-never-ends', severity: 'error', path: 'steps[2].tracks[0]', stepId: 'respond' },
      { code: 'no-path-to-end', severity: 'error', path: 'steps[2].tracks[0].steps[0]', stepId: 'guard-secure' },
    ]);
    expect(findings.find((f) => f.code === 'unknown-target')!.message.en).toContain('"guard" track');
  });

  it('reports a top-level step that points into a track', () => {
    const findings = analyse((p) => {
      assess(p).timeout!.next = 'teller-lock';
    });
    expectFindings(findings, [
      { code: 'unknown-target', severity: 'error', path: 'steps[1].timeout.next', stepId: 'assess' },
    ]);
  });
});

describe('unreachable-step', () => {
  it('reports a step nothing leads to', () => {
    const findings = analyse((p) => {
      p.steps.push(action('orphan', 'done'));
    });
    expectFindings(findings, [{ code: 'unreachable-step', severity: 'error', path: 'steps[4]', stepId: 'orphan' }]);
  });

  it('reports every step of an unreachable chain, but not a step reached only from the start', () => {
    const findings = analyse((p) => {
      p.steps.push(action('orphan-a', 'orphan-b'), action('orphan-b', 'done'));
    });
    expectFindings(findings, [
      { code: 'unreachable-step', severity: 'error', path: 'steps[4]', stepId: 'orphan-a' },
      { code: 'unreachable-step', severity: 'error', path: 'steps[5]', stepId: 'orphan-b' },
    ]);
  });

  it('reports an unreachable step inside a track', () => {
    const findings = analyse((p) => {
      respond(p).tracks[0]!.steps.push({
        id: 'guard-extra',
        kind: 'action',
        title: { 'zh-CN': '多余', en: 'Extra' },
        next: 'guard-done',
      });
    });
    expectFindings(findings, [
      { code: 'unreachable-step', severity: 'error', path: 'steps[2].tracks[0].steps[2]', stepId: 'guard-extra' },
    ]);
  });
});

describe('no-path-to-end', () => {
  it('reports a step that leads only into a loop, and the loop once', () => {
    const findings = analyse((p) => {
      assess(p).options[1]!.next = 'into';
      p.steps.push(action('into', 'loop-a'), action('loop-a', 'loop-b'), action('loop-b', 'loop-a'));
    });
    expectFindings(findings, [
      { code: 'no-path-to-end', severity: 'error', path: 'steps[4]', stepId: 'into' },
      { code: 'cycle-without-exit', severity: 'error', path: 'steps[5]', stepId: 'loop-a' },
    ]);
  });

  it('reports a decision with no options and no timeout', () => {
    const findings = analyse((p) => {
      p.steps.push({
        id: 'stuck',
        kind: 'decision',
        title: { 'zh-CN': '卡住', en: 'Stuck' },
        role: 'guard',
        options: [],
      });
      assess(p).options[1]!.next = 'stuck';
    });
    expectFindings(findings, [
      { code: 'decision-too-few-options', severity: 'error', path: 'steps[4].options', stepId: 'stuck' },
      { code: 'no-path-to-end', severity: 'error', path: 'steps[4]', stepId: 'stuck' },
    ]);
  });
});

describe('cycle-without-exit', () => {
  it('reports a loop with no exit once, at its first step, listing its steps', () => {
    const findings = analyse((p) => {
      assess(p).options[1]!.next = 'loop-b';
      p.steps.push(action('loop-a', 'loop-b'), action('loop-b', 'loop-c'), action('loop-c', 'loop-a'));
    });
    expectFindings(findings, [{ code: 'cycle-without-exit', severity: 'error', path: 'steps[4]', stepId: 'loop-a' }]);
    expect(findings[0]!.message.en).toContain('loop-a → loop-b → loop-c');
    expect(findings[0]!.message['zh-CN']).toContain('loop-a → loop-b → loop-c');
  });

  it('reports each of two separate loops once', () => {
    const findings = analyse((p) => {
      assess(p).options[1]!.next = 'a1';
      assess(p).options.push({ id: 'other', label: { 'zh-CN': '其他', en: 'Other' }, next: 'b1' });
      p.steps.push(action('a1', 'a2'), action('a2', 'a1'), action('b1', 'b2'), action('b2', 'b1'));
    });
    expectFindings(findings, [
      { code: 'cycle-without-exit', severity: 'error', path: 'steps[4]', stepId: 'a1' },
      { code: 'cycle-without-exit', severity: 'error', path: 'steps[6]', stepId: 'b1' },
    ]);
  });

  it('reports a step that loops to itself', () => {
    const findings = analyse((p) => {
      respond(p).next = 'respond';
    });
    expectFindings(findings, [{ code: 'cycle-without-exit', severity: 'error', path: 'steps[2]', stepId: 'respond' }]);
    expect(findings[0]!.message.en).toMatch(/: respond$/);
  });

  it('reports a loop inside a track (with the track that never ends)', () => {
    const findings = analyse((p) => {
      trackAction(p, 1).next = 'teller-lock';
    });
    expectFindings(findings, [
      { code: 'cycle-without-exit', severity: 'error', path: 'steps[2].tracks[1].steps[0]', stepId: 'teller-lock' },
      { code: 'track-never-ends', severity: 'error', path: 'steps[2].tracks[1]', stepId: 'respond' },
      { code: 'unreachable-step', severity: 'error', path: 'steps[2].tracks[1].steps[1]', stepId: 'teller-done' },
    ]);
  });

  it('does not report a loop that has a way out', () => {
    const findings = analyse((p) => {
      assess(p).options[0]!.next = 'recheck';
      p.steps.push(action('recheck', 'assess'));
    });
    expect(findings).toEqual([]);
  });

  it('does not report a self-loop through a decision option when another option leaves', () => {
    const findings = analyse((p) => {
      assess(p).options[0]!.next = 'assess';
    });
    expect(findings).toEqual([]);
  });
});

describe('decision-too-few-options', () => {
  it('reports a decision with one option', () => {
    const findings = analyse((p) => {
      assess(p).options.pop();
      assess(p).options[0]!.next = 'respond';
    });
    expectFindings(findings, [
      { code: 'decision-too-few-options', severity: 'error', path: 'steps[1].options', stepId: 'assess' },
    ]);
    expect(findings[0]!.message.en).toContain('1');
  });

  it('reports a decision with no options (the timeout still leads on)', () => {
    const findings = analyse((p) => {
      assess(p).options = [];
    });
    expectFindings(findings, [
      { code: 'decision-too-few-options', severity: 'error', path: 'steps[1].options', stepId: 'assess' },
    ]);
    expect(findings[0]!.message.en).toContain('it has 0');
  });
});

describe('parallel-too-few-tracks', () => {
  it('reports a parallel step with one track', () => {
    const findings = analyse((p) => {
      respond(p).tracks.pop();
      alarm(p).role = 'teller';
    });
    expectFindings(findings, [
      { code: 'parallel-too-few-tracks', severity: 'error', path: 'steps[2].tracks', stepId: 'respond' },
    ]);
    expect(findings[0]!.message.en).toContain('it has 1');
  });

  it('reports a parallel step with no tracks', () => {
    const findings = analyse((p) => {
      respond(p).tracks = [];
      alarm(p).role = 'teller';
    });
    expectFindings(findings, [
      { code: 'parallel-too-few-tracks', severity: 'error', path: 'steps[2].tracks', stepId: 'respond' },
    ]);
  });
});

describe('track-never-ends', () => {
  it('reports a track whose start cannot reach its end', () => {
    const findings = analyse((p) => {
      respond(p).tracks[0]!.steps = [
        { id: 'guard-secure', kind: 'action', title: { 'zh-CN': '警戒', en: 'Secure' }, next: 'guard-wait' },
        { id: 'guard-wait', kind: 'action', title: { 'zh-CN': '等待', en: 'Wait' }, next: 'guard-secure' },
      ];
    });
    expectFindings(findings, [
      { code: 'track-never-ends', severity: 'error', path: 'steps[2].tracks[0]', stepId: 'respond' },
      { code: 'cycle-without-exit', severity: 'error', path: 'steps[2].tracks[0].steps[0]', stepId: 'guard-secure' },
    ]);
    expect(findings.find((f) => f.code === 'track-never-ends')!.message.en).toContain('"guard" track');
  });

  it('does not report a track whose start is its end', () => {
    const findings = analyse((p) => {
      respond(p).tracks[0]!.steps = [{ id: 'guard-done', kind: 'end' }];
      respond(p).tracks[0]!.start = 'guard-done';
    });
    expect(findings).toEqual([]);
  });
});

describe('unknown-role', () => {
  it('reports a step role that is not defined', () => {
    const findings = analyse((p) => {
      alarm(p).role = 'manager';
    });
    expectFindings(findings, [{ code: 'unknown-role', severity: 'error', path: 'steps[0].role', stepId: 'alarm' }]);
    expect(findings[0]!.message.en).toContain('"manager"');
  });

  it('reports a track role that is not defined, against the parallel step', () => {
    const findings = analyse((p) => {
      respond(p).tracks[1]!.role = 'manager';
      alarm(p).role = 'teller';
    });
    expectFindings(findings, [
      { code: 'unknown-role', severity: 'error', path: 'steps[2].tracks[1].role', stepId: 'respond' },
    ]);
  });

  it('reports a role on a track step that is not defined', () => {
    const findings = analyse((p) => {
      trackAction(p, 0).role = 'manager';
    });
    expectFindings(findings, [
      { code: 'unknown-role', severity: 'error', path: 'steps[2].tracks[0].steps[0].role', stepId: 'guard-secure' },
    ]);
  });
});

describe('missing-role', () => {
  it('warns about a top-level action without a role', () => {
    const findings = analyse((p) => {
      delete alarm(p).role;
    });
    expectFindings(findings, [{ code: 'missing-role', severity: 'warning', path: 'steps[0]', stepId: 'alarm' }]);
  });

  it('warns about a decision without a role', () => {
    const findings = analyse((p) => {
      delete assess(p).role;
    });
    expectFindings(findings, [{ code: 'missing-role', severity: 'warning', path: 'steps[1]', stepId: 'assess' }]);
  });

  it('does not warn about track steps, parallel steps or ends without a role (the track has one)', () => {
    // The minimal plan already has such steps; this pins that down.
    const plan = minimalPlan();
    expect(trackAction(plan, 0).role).toBeUndefined();
    expect(respond(plan).role).toBeUndefined();
    expect(analysePlan(plan)).toEqual([]);
  });
});

describe('unknown-contact', () => {
  it('reports a contact id that is not defined', () => {
    const findings = analyse((p) => {
      alarm(p).contacts!.push('fire-brigade');
    });
    expectFindings(findings, [
      { code: 'unknown-contact', severity: 'error', path: 'steps[0].contacts[1]', stepId: 'alarm' },
    ]);
    expect(findings[0]!.message.en).toContain('"fire-brigade"');
  });

  it('reports an undefined contact on a track step', () => {
    const findings = analyse((p) => {
      trackAction(p, 1).contacts = ['bank-security'];
    });
    expectFindings(findings, [
      {
        code: 'unknown-contact',
        severity: 'error',
        path: 'steps[2].tracks[1].steps[0].contacts[0]',
        stepId: 'teller-lock',
      },
    ]);
  });
});

describe('unused-role and unused-contact', () => {
  it('warns about a role no step or track uses', () => {
    const findings = analyse((p) => {
      p.roles.push({ id: 'manager', title: { 'zh-CN': '经理', en: 'Manager' } });
    });
    expectFindings(findings, [{ code: 'unused-role', severity: 'warning', path: 'roles[2]' }]);
    expect(findings[0]!.message.en).toContain('"manager"');
  });

  it('counts a role used only as a track role', () => {
    const plan = minimalPlan();
    expect(plan.steps.some((s) => 'role' in s && s.role === 'teller')).toBe(false);
    expect(analysePlan(plan)).toEqual([]);
  });

  it('warns about a contact no step calls', () => {
    const findings = analyse((p) => {
      p.contacts.push({ id: 'fire', name: { 'zh-CN': '火警', en: 'Fire brigade' }, phone: '119' });
    });
    expectFindings(findings, [{ code: 'unused-contact', severity: 'warning', path: 'contacts[1]' }]);
    expect(findings[0]!.message.en).toContain('"fire"');
  });

  it('counts a contact called only from a track step', () => {
    const findings = analyse((p) => {
      delete alarm(p).contacts;
      trackAction(p, 0).contacts = ['police'];
    });
    expect(findings).toEqual([]);
  });
});

describe('missing-translation', () => {
  const cases: Array<[string, (p: Plan) => void, Expected]> = [
    [
      'a step title without zh-CN (error)',
      (p) => void delete alarm(p).title['zh-CN'],
      { code: 'missing-translation', severity: 'error', path: 'steps[0].title.zh-CN', stepId: 'alarm' },
    ],
    [
      'a role title without en (warning)',
      (p) => void delete p.roles[1]!.title.en,
      { code: 'missing-translation', severity: 'warning', path: 'roles[1].title.en' },
    ],
    [
      'a blank en option label (warning)',
      (p) => void (assess(p).options[1]!.label.en = '   '),
      { code: 'missing-translation', severity: 'warning', path: 'steps[1].options[1].label.en', stepId: 'assess' },
    ],
    [
      'an empty zh-CN option label (error)',
      (p) => void (assess(p).options[0]!.label['zh-CN'] = ''),
      { code: 'missing-translation', severity: 'error', path: 'steps[1].options[0].label.zh-CN', stepId: 'assess' },
    ],
    [
      'a plan summary without en',
      (p) => void delete p.summary.en,
      { code: 'missing-translation', severity: 'warning', path: 'summary.en' },
    ],
    [
      'a plan title with a whitespace-only zh-CN',
      (p) => void (p.title['zh-CN'] = ' \n\t'),
      { code: 'missing-translation', severity: 'error', path: 'title.zh-CN' },
    ],
    [
      'role duties without zh-CN',
      (p) => void delete p.roles[0]!.duties!['zh-CN'],
      { code: 'missing-translation', severity: 'error', path: 'roles[0].duties.zh-CN' },
    ],
    [
      'a contact name without en',
      (p) => void (p.contacts[0]!.name.en = ''),
      { code: 'missing-translation', severity: 'warning', path: 'contacts[0].name.en' },
    ],
    [
      'a step detail without en',
      (p) => void delete alarm(p).detail!.en,
      { code: 'missing-translation', severity: 'warning', path: 'steps[0].detail.en', stepId: 'alarm' },
    ],
    [
      'a checklist item without zh-CN',
      (p) => void delete alarm(p).checklist![0]!.text['zh-CN'],
      { code: 'missing-translation', severity: 'error', path: 'steps[0].checklist[0].text.zh-CN', stepId: 'alarm' },
    ],
    [
      'a track end title without zh-CN',
      (p) => void delete trackStep(p, 0, 1).title!['zh-CN'],
      {
        code: 'missing-translation',
        severity: 'error',
        path: 'steps[2].tracks[0].steps[1].title.zh-CN',
        stepId: 'guard-done',
      },
    ],
    [
      'an end step title without en',
      (p) => void delete stepAt(p, 3, 'end').title.en,
      { code: 'missing-translation', severity: 'warning', path: 'steps[3].title.en', stepId: 'done' },
    ],
  ];

  it.each(cases)('reports %s', (_name, recipe, expected) => {
    expectFindings(analyse(recipe), [expected]);
  });

  it('reports both languages of an empty text', () => {
    const findings = analyse((p) => {
      respond(p).title = {};
    });
    expectFindings(findings, [
      { code: 'missing-translation', severity: 'error', path: 'steps[2].title.zh-CN', stepId: 'respond' },
      { code: 'missing-translation', severity: 'warning', path: 'steps[2].title.en', stepId: 'respond' },
    ]);
    expect(findings.find((f) => f.path.endsWith('zh-CN'))!.message.en).toContain('Chinese');
    expect(findings.find((f) => f.path.endsWith('.en'))!.message.en).toContain('English');
  });

  it('does not report an optional text that is left out', () => {
    const findings = analyse((p) => {
      delete alarm(p).detail;
      delete p.roles[0]!.duties;
      delete trackStep(p, 0, 1).title;
    });
    expect(findings).toEqual([]);
  });
});

describe('timer-out-of-range', () => {
  const bad = [0, -5, 86_401, 1_000_000];

  it.each(bad)('reports targetSeconds %d', (seconds) => {
    const findings = analyse((p) => {
      assess(p).targetSeconds = seconds;
      delete assess(p).timeout;
    });
    expectFindings(findings, [
      { code: 'timer-out-of-range', severity: 'error', path: 'steps[1].targetSeconds', stepId: 'assess' },
    ]);
    expect(findings[0]!.message.en).toContain(`${seconds} s`);
  });

  it.each(bad)('reports timeout.seconds %d', (seconds) => {
    const findings = analyse((p) => {
      assess(p).timeout!.seconds = seconds;
      delete assess(p).targetSeconds;
    });
    expectFindings(findings, [
      { code: 'timer-out-of-range', severity: 'error', path: 'steps[1].timeout.seconds', stepId: 'assess' },
    ]);
  });

  it('reports timers on action and parallel steps', () => {
    const findings = analyse((p) => {
      alarm(p).targetSeconds = 0;
      respond(p).timeout = { seconds: -1, next: 'done' };
    });
    expectFindings(findings, [
      { code: 'timer-out-of-range', severity: 'error', path: 'steps[0].targetSeconds', stepId: 'alarm' },
      { code: 'timer-out-of-range', severity: 'error', path: 'steps[2].timeout.seconds', stepId: 'respond' },
    ]);
  });

  it('reports timers on track steps', () => {
    const findings = analyse((p) => {
      trackAction(p, 0).targetSeconds = 90_000;
    });
    expectFindings(findings, [
      {
        code: 'timer-out-of-range',
        severity: 'error',
        path: 'steps[2].tracks[0].steps[0].targetSeconds',
        stepId: 'guard-secure',
      },
    ]);
  });

  it('accepts the bounds 1 s and 86400 s', () => {
    expect(
      analyse((p) => {
        assess(p).targetSeconds = 1;
        assess(p).timeout!.seconds = 86_400;
      }),
    ).toEqual([]);
    expect(
      analyse((p) => {
        alarm(p).targetSeconds = 86_400;
        alarm(p).timeout = { seconds: 86_400, next: 'assess' };
      }),
    ).toEqual([]);
  });

  it('reports a drill interval below one day as an error with its own message', () => {
    const findings = analyse((p) => {
      p.drill.everyDays = 0;
    });
    expectFindings(findings, [{ code: 'drill-interval', severity: 'error', path: 'drill.everyDays' }]);
    expect(findings[0]!.message.en).toContain('at least 1 day');
  });
});

describe('target-after-timeout', () => {
  it('warns when the target is later than the timeout', () => {
    const findings = analyse((p) => {
      assess(p).targetSeconds = 121;
    });
    expectFindings(findings, [
      { code: 'target-after-timeout', severity: 'warning', path: 'steps[1].targetSeconds', stepId: 'assess' },
    ]);
    expect(findings[0]!.message.en).toContain('121 s');
    expect(findings[0]!.message.en).toContain('120 s');
  });

  it('accepts a target equal to the timeout', () => {
    expect(
      analyse((p) => {
        assess(p).targetSeconds = 120;
      }),
    ).toEqual([]);
  });
});

describe('not-silent', () => {
  it('warns when a robbery or hostage plan is not silent, whether silent is false or left out', () => {
    expectFindings(
      analyse((p) => {
        delete p.silent;
      }),
      [{ code: 'not-silent', severity: 'warning', path: 'silent' }],
    );
    expectFindings(
      analyse((p) => {
        p.category = 'hostage';
        p.silent = false;
      }),
      [{ code: 'not-silent', severity: 'warning', path: 'silent' }],
    );
  });

  it('says nothing of a plan of another category, silent or not', () => {
    expect(
      analyse((p) => {
        p.category = 'fire';
        delete p.silent;
      }),
    ).toEqual([]);
    expect(
      analyse((p) => {
        p.category = 'medical';
      }),
    ).toEqual([]);
  });
});

describe('unknown-follow-on and follow-on-self', () => {
  const withFollowOns = (p: Plan) => {
    alarm(p).followOn = 'hostage-taking';
    assess(p).options[0]!.followOn = 'fire';
    trackAction(p, 1).followOn = 'medical-emergency';
    const done = p.steps[3];
    if (done?.kind === 'end') done.followOn = 'nowhere';
  };

  it('reports each follow-on that names no plan of the library, with the step, the option and the id', () => {
    const findings = analysePlan(withChange(withFollowOns), { knownPlanIds: new Set(['fire', 'hostage-taking']) });
    expectFindings(findings, [
      {
        code: 'unknown-follow-on',
        severity: 'warning',
        path: 'steps[2].tracks[1].steps[0].followOn',
        stepId: 'teller-lock',
      },
      { code: 'unknown-follow-on', severity: 'warning', path: 'steps[3].followOn', stepId: 'done' },
    ]);
    expect(findings[0]!.message['zh-CN']).toContain('medical-emergency');
    expect(findings[1]!.message.en).toBe('The follow-on plan "nowhere" of step "done" is not in the plan library');
  });

  it('names the option of a decision whose follow-on is unknown', () => {
    const [f] = analysePlan(withChange(withFollowOns), {
      knownPlanIds: new Set(['hostage-taking', 'medical-emergency', 'nowhere']),
    });
    expect(f).toMatchObject({ code: 'unknown-follow-on', path: 'steps[1].options[0].followOn', stepId: 'assess' });
    expect(f!.message.en).toContain('option "serious"');
    expect(f!.message['zh-CN']).toContain('选项“serious”');
  });

  it('does not check follow-on targets when the library is not known', () => {
    expect(analysePlan(withChange(withFollowOns))).toEqual([]);
  });

  it('reports a follow-on that names the plan itself, library known or not', () => {
    const plan = withChange((p) => {
      assess(p).options[1]!.followOn = 'minimal';
    });
    expectFindings(analysePlan(plan), [
      { code: 'follow-on-self', severity: 'warning', path: 'steps[1].options[1].followOn', stepId: 'assess' },
    ]);
    expect(analysePlan(plan, { knownPlanIds: new Set(['minimal']) }).map((f) => f.code)).toEqual(['follow-on-self']);
  });

  it('refuses a follow-on that is not a plan id (schema)', () => {
    const check = checkPlanDocument(
      withChange((p) => {
        alarm(p).followOn = 'Not An Id';
      }),
    );
    expect(check.findings.map((f) => [f.code, f.path])).toEqual([['schema', 'steps[0].followOn']]);
  });
});

describe('drill-interval', () => {
  it('warns about drills less often than every 182 days', () => {
    const findings = analyse((p) => {
      p.drill.everyDays = 183;
    });
    expectFindings(findings, [{ code: 'drill-interval', severity: 'warning', path: 'drill.everyDays' }]);
    expect(findings[0]!.message.en).toContain('183');
  });

  it('accepts 1 and 182 days', () => {
    for (const everyDays of [1, 182]) {
      expect(
        analyse((p) => {
          p.drill.everyDays = everyDays;
        }),
      ).toEqual([]);
    }
  });
});

/** The plan as plain JSON, to break it in ways its type does not allow. */
function planDocument(): Record<string, unknown> & { steps: Array<Record<string, unknown>> } {
  return JSON.parse(JSON.stringify(minimalPlan())) as ReturnType<typeof planDocument>;
}

describe('schema (checkPlanDocument)', () => {
  it('reports a misspelled key at its path, with the step id, and no plan', () => {
    const doc = planDocument();
    const step = doc.steps[0]!;
    step.nxet = step.next;
    delete step.next;
    const check = checkPlanDocument(doc);
    expect(check.plan).toBeUndefined();
    expectFindings(check.findings, [
      { code: 'schema', severity: 'error', path: 'steps[0].nxet', stepId: 'alarm' },
      { code: 'schema', severity: 'error', path: 'steps[0].next', stepId: 'alarm' },
    ]);
    expect(check.findings.find((f) => f.path === 'steps[0].nxet')!.message.en).toContain('"nxet"');
  });

  it('names the track step a schema issue lies in', () => {
    const doc = planDocument();
    const tracks = doc.steps[2]!.tracks as Array<{ steps: Array<Record<string, unknown>> }>;
    tracks[1]!.steps[0]!.colour = 'red';
    expectFindings(checkPlanDocument(doc).findings, [
      { code: 'schema', severity: 'error', path: 'steps[2].tracks[1].steps[0].colour', stepId: 'teller-lock' },
    ]);
  });

  it('reports a bad id with the slug rule in both languages', () => {
    const doc = planDocument();
    doc.steps[3]!.id = 'Done_Step';
    const { findings } = checkPlanDocument(doc);
    expectFindings(findings, [{ code: 'schema', severity: 'error', path: 'steps[3].id', stepId: 'Done_Step' }]);
    expect(findings[0]!.message.en).toContain('lower-case letters, digits and single hyphens');
    expect(findings[0]!.message['zh-CN']).toContain('小写字母');
  });

  it('reports a bad phone number with its own message', () => {
    const doc = planDocument();
    (doc.contacts as Array<Record<string, unknown>>)[0]!.phone = 'call 110!';
    const { findings } = checkPlanDocument(doc);
    expectFindings(findings, [{ code: 'schema', severity: 'error', path: 'contacts[0].phone' }]);
    expect(findings[0]!.message.en).toContain('a phone number is');
    expect(findings[0]!.message['zh-CN']).toContain('电话号码');
  });

  it('reports a wrong type and an unknown enum value, with zod messages in both languages', () => {
    const doc = planDocument();
    doc.steps[1]!.targetSeconds = '30';
    doc.severity = 'extreme';
    const { findings } = checkPlanDocument(doc);
    expectFindings(findings, [
      { code: 'schema', severity: 'error', path: 'severity' },
      { code: 'schema', severity: 'error', path: 'steps[1].targetSeconds', stepId: 'assess' },
    ]);
  });

  it('reports a missing required field', () => {
    const doc = planDocument();
    delete doc.drill;
    expectFindings(checkPlanDocument(doc).findings, [{ code: 'schema', severity: 'error', path: 'drill' }]);
  });

  it.each([null, 'plan', 42, [], [1, 2]])('reports a document that is not an object (%j) without throwing', (doc) => {
    const check = checkPlanDocument(doc);
    expect(check.plan).toBeUndefined();
    expect(check.findings.length).toBeGreaterThan(0);
    for (const f of check.findings) {
      expect(f.code).toBe('schema');
      expectBilingual(f);
    }
  });

  it('runs the analysis only when the schema passes, and returns the plan with its findings', () => {
    const doc = planDocument();
    doc.start = 'nowhere';
    const check = checkPlanDocument(doc);
    expect(check.plan?.start).toBe('nowhere');
    expectFindings(check.findings, [{ code: 'missing-start', severity: 'error', path: 'start' }]);
  });
});

describe('unsupported-schema-version', () => {
  it('reports schemaVersion 2 alone, before the schema', () => {
    const doc = { ...planDocument(), schemaVersion: 2, futureField: true };
    const check = checkPlanDocument(doc);
    expect(check.plan).toBeUndefined();
    expectFindings(check.findings, [{ code: 'unsupported-schema-version', severity: 'error', path: 'schemaVersion' }]);
    expect(check.findings[0]!.message.en).toContain('schemaVersion 2');
    expect(check.findings[0]!.message.en).toContain('schemaVersion 1');
  });

  it('treats a schemaVersion that is not a number as a schema error', () => {
    const doc = { ...planDocument(), schemaVersion: '1' };
    expectFindings(checkPlanDocument(doc).findings, [{ code: 'schema', severity: 'error', path: 'schemaVersion' }]);
  });
});

describe('analysePlan on odd but schema-valid plans', () => {
  const odd: Array<[string, (p: Plan) => void]> = [
    ['no steps at all', (p) => void (p.steps = [])],
    ['no roles and no contacts', (p) => void ((p.roles = []), (p.contacts = []))],
    ['a plan that is only its end', (p) => void ((p.steps = [end('done')]), (p.start = 'done'))],
    ['every text empty', (p) => void ((p.title = {}), (p.summary = {}), p.steps.forEach((s) => (s.title = {})))],
    ['a decision with no options and no timeout', (p) => void ((assess(p).options = []), delete assess(p).timeout)],
    ['a parallel step with empty tracks', (p) => void respond(p).tracks.forEach((t) => (t.steps = []))],
    ['a negative drill interval', (p) => void (p.drill.everyDays = -30)],
    ['every step pointing at itself', (p) => void p.steps.forEach((s) => 'next' in s && (s.next = s.id))],
    ['the same id everywhere', (p) => void p.steps.forEach((s) => (s.id = 'same'))],
  ];

  it.each(odd)('handles %s', (_name, recipe) => {
    let findings: Finding[] = [];
    expect(() => (findings = analyse(recipe))).not.toThrow();
    // analysePlan turns its own exceptions into a `schema` finding: there must be none.
    expect(findings.filter((f) => f.code === 'schema')).toEqual([]);
    findings.forEach(expectBilingual);
  });

  it('reports an empty plan as a missing start (plus the roles and contacts nobody uses)', () => {
    expectFindings(
      analyse((p) => {
        p.steps = [];
      }),
      [
        { code: 'missing-start', severity: 'error', path: 'start' },
        { code: 'unused-role', severity: 'warning', path: 'roles[0]' },
        { code: 'unused-role', severity: 'warning', path: 'roles[1]' },
        { code: 'unused-contact', severity: 'warning', path: 'contacts[0]' },
      ],
    );
  });
});

describe('large plans', () => {
  const N = 10_000;
  const chain = (next: (i: number) => string) => Array.from({ length: N }, (_, i) => action(`c${i}`, next(i)));

  it('analyses a 10,000-step linear chain without overflowing the stack', () => {
    const findings = analyse((p) => {
      p.steps.unshift(...chain((i) => (i === N - 1 ? 'alarm' : `c${i + 1}`)));
      p.start = 'c0';
    });
    expect(findings).toEqual([]);
  });

  it('reports a 10,000-step loop with no exit once', () => {
    const findings = analyse((p) => {
      p.steps.unshift(...chain((i) => `c${(i + 1) % N}`));
      p.start = 'c0';
    });
    const cycles = findings.filter((f) => f.code === 'cycle-without-exit');
    expect(cycles.map(brief)).toEqual([
      { code: 'cycle-without-exit', severity: 'error', path: 'steps[0]', stepId: 'c0' },
    ]);
    expect(cycles[0]!.message.en.split(' → ')).toHaveLength(N);
    expect(findings.filter((f) => f.code !== 'cycle-without-exit').map((f) => f.code)).toEqual(
      Array(4).fill('unreachable-step'),
    );
  });

  it('reports every step of a 10,000-step chain that runs into a dead loop', () => {
    const findings = analyse((p) => {
      p.steps.unshift(...chain((i) => (i === N - 1 ? `c${i}` : `c${i + 1}`)));
      p.start = 'c0';
    });
    expect(findings.filter((f) => f.code === 'no-path-to-end')).toHaveLength(N - 1);
    expect(findings.filter((f) => f.code === 'cycle-without-exit').map(brief)).toEqual([
      { code: 'cycle-without-exit', severity: 'error', path: `steps[${N - 1}]`, stepId: `c${N - 1}` },
    ]);
  });
});

describe('graph findings agree with a brute-force reachability check', () => {
  const UNKNOWN = -1;
  const nodeArb = (n: number) =>
    fc.record({
      kind: fc.constantFrom('action', 'decision', 'end'),
      targets: fc.array(fc.integer({ min: UNKNOWN, max: n - 1 }), { minLength: 1, maxLength: 3 }),
    });
  const graphArb = fc.integer({ min: 1, max: 9 }).chain((n) => fc.array(nodeArb(n), { minLength: n, maxLength: n }));

  it('reports exactly the unreachable steps and the reachable steps that cannot reach an end', () => {
    fc.assert(
      fc.property(graphArb, (nodes) => {
        const id = (i: number) => (i === UNKNOWN ? 'nowhere' : `s${i}`);
        const steps: Step[] = nodes.map((node, i) => {
          if (node.kind === 'end') return end(id(i));
          if (node.kind === 'action') return action(id(i), id(node.targets[0]!));
          return {
            id: id(i),
            kind: 'decision',
            title: { 'zh-CN': '决定', en: 'Decide' },
            role: 'guard',
            options: node.targets.map((t, o) => ({ id: `o${o}`, label: { 'zh-CN': '选', en: 'Pick' }, next: id(t) })),
          };
        });
        const findings = analysePlan(
          withChange((p) => {
            p.steps = steps;
            p.start = 's0';
          }),
        );
        findings.forEach(expectBilingual);

        // Reference: plain breadth-first search forwards from the start and backwards from the ends.
        const succ = nodes.map((node) =>
          node.kind === 'end' ? [] : node.kind === 'action' ? node.targets.slice(0, 1) : node.targets,
        );
        const search = (roots: number[], next: (i: number) => number[]) => {
          const seen = new Set(roots);
          const queue = [...roots];
          while (queue.length > 0)
            for (const j of next(queue.shift()!))
              if (j !== UNKNOWN && !seen.has(j)) {
                seen.add(j);
                queue.push(j);
              }
          return seen;
        };
        const reachable = search([0], (i) => succ[i]!);
        const ends = nodes.flatMap((node, i) => (node.kind === 'end' ? [i] : []));
        const reachesEnd = search(ends, (i) => succ.flatMap((outs, from) => (outs.includes(i) ? [from] : [])));
        const all = nodes.map((_, i) => i);

        const idsOf = (code: FindingCode) => findings.filter((f) => f.code === code).map((f) => f.stepId);
        expect(idsOf('unreachable-step').sort()).toEqual(
          all
            .filter((i) => !reachable.has(i))
            .map(id)
            .sort(),
        );
        const inCycles = findings
          .filter((f) => f.code === 'cycle-without-exit')
          .flatMap((f) => f.message.en.split(': ')[1]!.split(' → '));
        const dead = [...idsOf('no-path-to-end'), ...inCycles];
        expect(dead.sort()).toEqual(
          all
            .filter((i) => reachable.has(i) && !reachesEnd.has(i))
            .map(id)
            .sort(),
        );
        const unknownEdges = succ.flat().filter((t) => t === UNKNOWN).length;
        expect(findings.filter((f) => f.code === 'unknown-target')).toHaveLength(unknownEdges);
      }),
      { numRuns: 300 },
    );
  });
});
