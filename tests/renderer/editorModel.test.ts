// The plan editor's model: each edit on a real plan, undo/redo, live findings, and random edit sequences on every
// bundled plan (never a throw; errors always placed; undo restores the exact plan, redo the exact edits).
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { finding, type Finding } from '../../shared/plan/findings';
import { planContentHash } from '../../shared/plan/contentHash';
import type { DecisionStep, ParallelStep, Plan } from '../../shared/plan/schema';
import {
  addStepEdit,
  canRedo,
  COALESCE_MS,
  createEditor,
  editablePlan,
  freshContactId,
  freshPartId,
  freshRoleId,
  HISTORY_LIMIT,
  libraryFindings,
  liveFindings,
  locateStep,
  perform,
  redo,
  undo,
  type EditorState,
  type PlanEdit,
  withLibraryFindings,
} from '../../renderer/src/editor/editorModel';
import { findingTarget, roleField, stepField } from '../../renderer/src/editor/fieldIds';
import { everyStep } from '../../renderer/src/editor/stepLocation';
import { bundledPlanFiles, loadBundledPlan } from '../support/bundledPlans';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const hashOf = (plan: Plan) => planContentHash(plan, sha256);
const fire = () => loadBundledPlan('fire.json');
const KNOWN = new Set(bundledPlanFiles().map((f) => f.replace(/\.json$/, '')));

function performAll(plan: Plan, edits: PlanEdit[]): EditorState {
  return edits.reduce((state, edit) => perform(state, edit), createEditor(plan));
}

function stepAt(plan: Plan, id: string) {
  const location = locateStep(plan, id);
  if (!location) throw new Error(`no step ${id}`);
  return location.step;
}

/** Every place a step id is referred to: next, option next, timeout next, plan start, track start. */
function references(plan: Plan): string[] {
  const refs = [plan.start];
  for (const { step } of everyStep(plan)) {
    if (step.kind === 'action' || step.kind === 'parallel') refs.push(step.next);
    if (step.kind === 'decision') refs.push(...step.options.map((o) => o.next));
    if (step.kind !== 'end' && step.timeout) refs.push(step.timeout.next);
    if (step.kind === 'parallel') refs.push(...step.tracks.map((t) => t.start));
  }
  return refs;
}

const errors = (findings: Finding[]) => findings.filter((f) => f.severity === 'error');

describe('editing a plan', () => {
  it('renames a step and every reference to it: next, option next, timeout next, start, track start', () => {
    const before = fire();
    const count = (plan: Plan, id: string) => references(plan).filter((r) => r === id).length;
    // evacuate: an option's next, a timeout's next, a parallel's timeout; raise-alarm: the plan's start.
    const { plan } = performAll(before, [
      { type: 'step.rename', stepId: 'evacuate', to: 'evacuate-all' },
      { type: 'step.rename', stepId: 'raise-alarm', to: 'alarm' },
      { type: 'step.rename', stepId: 'fight-initial-fire', to: 'fight-fire' },
    ]);
    expect(count(before, 'evacuate')).toBe(4);
    expect(count(plan, 'evacuate')).toBe(0);
    expect(count(plan, 'evacuate-all')).toBe(4);
    expect(plan.start).toBe('alarm');
    expect((stepAt(plan, 'initial-response') as ParallelStep).tracks[0]!.start).toBe('fight-fire');
    expect((stepAt(plan, 'assess-fire') as DecisionStep).timeout?.next).toBe('evacuate-all');
    expect(liveFindings(plan, KNOWN)).toEqual([]);
  });

  it('refuses a rename to an id in use or not a slug (references would merge, or the file break)', () => {
    const before = fire();
    const state = performAll(before, [
      { type: 'step.rename', stepId: 'evacuate', to: 'headcount' },
      { type: 'step.rename', stepId: 'evacuate', to: 'lock-cash' }, // a track step: ids are plan-wide
      { type: 'step.rename', stepId: 'evacuate', to: 'Evacuate now' },
    ]);
    expect(state.plan).toBe(before);
    expect(state.past).toHaveLength(0);
  });

  it('moves a step within its track only, by index and up/down', () => {
    const teller = (plan: Plan) => (stepAt(plan, 'evacuate') as ParallelStep).tracks[0]!.steps.map((s) => s.id);
    let state = createEditor(fire());
    state = perform(state, { type: 'step.move', stepId: 'teller-done', to: 'up' });
    expect(teller(state.plan)).toEqual(['lock-cash', 'teller-done', 'shut-terminals']);
    state = perform(state, { type: 'step.move', stepId: 'lock-cash', to: 99 });
    expect(teller(state.plan)).toEqual(['teller-done', 'shut-terminals', 'lock-cash']);
    state = perform(state, { type: 'step.move', stepId: 'teller-done', to: 'up' }); // already first
    expect(state.past).toHaveLength(2);
    expect(state.plan.steps.map((s) => s.id)).toEqual(fire().steps.map((s) => s.id));
    // Order in a scope is presentation only: the graph is the same, so is what analysis finds.
    expect(liveFindings(state.plan, KNOWN)).toEqual([]);
  });

  it('connects from the diagram: next, timeout next (adding a timeout), an option', () => {
    const { plan } = performAll(fire(), [
      { type: 'connect', from: 'raise-alarm', handle: 'next', to: 'evacuate' },
      { type: 'connect', from: 'assess-fire', handle: 'timeout', to: 'headcount' },
      { type: 'connect', from: 'report-missing', handle: 'timeout', to: 'meet-fire-brigade' },
      { type: 'connect', from: 'fire-status', handle: 'option:burning', to: 'end-evacuated' },
      { type: 'connect', from: 'end-resolved', handle: 'next', to: 'headcount' }, // an end has no next
      { type: 'connect', from: 'fire-status', handle: 'option:nope', to: 'headcount' },
    ]);
    expect(stepAt(plan, 'raise-alarm')).toMatchObject({ next: 'evacuate' });
    expect(stepAt(plan, 'assess-fire')).toMatchObject({ timeout: { seconds: 60, next: 'headcount' } });
    expect(stepAt(plan, 'report-missing')).toMatchObject({ timeout: { seconds: 60, next: 'meet-fire-brigade' } });
    const options = (stepAt(plan, 'fire-status') as DecisionStep).options;
    expect(options.map((o) => o.next)).toEqual(['end-evacuated', 'end-evacuated']);
    expect(stepAt(plan, 'end-resolved')).not.toHaveProperty('next');
  });

  it('leaves references to a removed step dangling, reported at the referring step', () => {
    const before = fire();
    const { plan } = performAll(before, [{ type: 'step.remove', stepId: 'secure-after-fire' }]);
    expect(locateStep(plan, 'secure-after-fire')).toBeUndefined();
    const check = plan.steps.findIndex((s) => s.id === 'fire-out-check');
    const unknown = liveFindings(plan, KNOWN).filter((f) => f.code === 'unknown-target');
    expect(unknown).toEqual([
      expect.objectContaining({ stepId: 'fire-out-check', path: `steps[${check}].options[0].next`, severity: 'error' }),
    ]);
  });

  it('adds a step after another that nothing leads to yet (unreachable), until connected', () => {
    const before = fire();
    const add = addStepEdit(before, 'action', { after: 'guard-cash-area' });
    expect(add.id).toBe('action-1');
    let state = perform(createEditor(before), add);
    const index = state.plan.steps.findIndex((s) => s.id === 'action-1');
    expect(state.plan.steps[index - 1]!.id).toBe('guard-cash-area');
    expect(stepAt(state.plan, 'action-1')).toMatchObject({ kind: 'action', next: 'meet-fire-brigade' });
    const found = liveFindings(state.plan, KNOWN);
    expect(found).toContainEqual(expect.objectContaining({ code: 'unreachable-step', path: `steps[${index}]` }));
    state = perform(state, { type: 'step.setText', stepId: 'action-1', lang: 'zh-CN', field: 'title', value: '报告' });
    state = perform(state, { type: 'step.setText', stepId: 'action-1', lang: 'en', field: 'title', value: 'Report' });
    state = perform(state, { type: 'step.setRole', stepId: 'action-1', role: 'guard' });
    state = perform(state, { type: 'connect', from: 'guard-cash-area', handle: 'next', to: 'action-1' });
    expect(liveFindings(state.plan, KNOWN)).toEqual([]);
  });

  it('adds steps to a track (a track end there, never a parallel step) and tracks to a parallel step', () => {
    const before = fire();
    const track = { parallelId: 'evacuate', track: 1 };
    const end = addStepEdit(before, 'end', { track });
    expect(end.id).toBe('track-end-1');
    const { plan } = performAll(before, [
      end,
      { type: 'step.add', kind: 'parallel', id: 'inner', track },
      { type: 'track.add', parallelId: 'evacuate' },
    ]);
    const evacuate = stepAt(plan, 'evacuate') as ParallelStep;
    expect(evacuate.tracks[1]!.steps.at(-1)).toEqual({ id: 'track-end-1', kind: 'end' });
    expect(locateStep(plan, 'inner')).toBeUndefined();
    expect(evacuate.tracks).toHaveLength(5);
    const added = evacuate.tracks[4]!;
    expect(added.steps.map((s) => s.kind)).toEqual(['action', 'end']);
    expect(added.start).toBe(added.steps[0]!.id);
    // The new track end is reached by nothing; the new track's action has no title yet.
    const parallelAt = plan.steps.indexOf(evacuate);
    expect(errors(liveFindings(plan, KNOWN)).map((f) => [f.code, f.path])).toEqual([
      ['unreachable-step', `steps[${parallelAt}].tracks[1].steps[3]`],
      ['missing-translation', `steps[${parallelAt}].tracks[4].steps[0].title.zh-CN`],
    ]);
  });

  it('edits roles and contacts; a rename follows into steps and tracks', () => {
    const before = fire();
    const role = freshRoleId(before);
    const contact = freshContactId(before);
    const { plan } = performAll(before, [
      { type: 'role.rename', roleId: 'guard', to: 'security' },
      { type: 'role.add', id: role },
      { type: 'role.setText', roleId: role, field: 'title', lang: 'zh-CN', value: '消防员' },
      { type: 'contact.add', id: contact },
      { type: 'contact.setPhone', contactId: contact, phone: '119' },
      { type: 'contact.rename', contactId: before.contacts[0]!.id, to: 'renamed' },
    ]);
    expect(everyStep(plan).some(({ step }) => 'role' in step && step.role === 'guard')).toBe(false);
    expect((stepAt(plan, 'initial-response') as ParallelStep).tracks[0]!.role).toBe('security');
    expect(plan.roles.at(-1)).toEqual({ id: 'role-1', title: { 'zh-CN': '消防员' } });
    expect(plan.contacts.at(-1)).toEqual({ id: 'contact-1', name: {}, phone: '119' });
    const codes = liveFindings(plan, KNOWN).map((f) => f.code);
    expect(codes).not.toContain('unknown-role');
    expect(codes).not.toContain('unknown-contact');
  });

  it('edits checklist items and options by id', () => {
    const before = fire();
    const item = freshPartId(before, 'raise-alarm', 'item');
    const option = freshPartId(before, 'fire-status', 'option');
    const { plan } = performAll(before, [
      { type: 'checklist.add', stepId: 'raise-alarm', id: item },
      { type: 'checklist.setText', stepId: 'raise-alarm', itemId: item, lang: 'zh-CN', value: '按下报警按钮' },
      { type: 'checklist.move', stepId: 'raise-alarm', itemId: item, to: 0 },
      { type: 'option.add', stepId: 'fire-status', id: option },
      { type: 'option.setLabel', stepId: 'fire-status', optionId: option, lang: 'en', value: 'Unsure' },
      { type: 'option.setNext', stepId: 'fire-status', optionId: option, next: 'end-handed-to-fire' },
      { type: 'option.setFollowOn', stepId: 'fire-status', optionId: option, planId: 'medical-emergency' },
    ]);
    const alarm = stepAt(plan, 'raise-alarm');
    expect(alarm.kind === 'action' && alarm.checklist?.[0]).toEqual({ id: item, text: { 'zh-CN': '按下报警按钮' } });
    expect((stepAt(plan, 'fire-status') as DecisionStep).options.at(-1)).toEqual({
      id: option,
      label: { en: 'Unsure' },
      next: 'end-handed-to-fire',
      followOn: 'medical-emergency',
    });
  });
});

describe('undo and redo', () => {
  it('takes back and replays edits, and typing into one field is one step', () => {
    const before = fire();
    const title = (value: string): PlanEdit => ({ type: 'plan.setText', field: 'title', lang: 'zh-CN', value });
    let state = createEditor(before);
    state = perform(state, title('营'), 0);
    state = perform(state, title('营业'), 500);
    state = perform(state, title('营业网点'), 900);
    state = perform(state, title('营业网点火'), 900 + COALESCE_MS + 1); // a pause: a new step
    expect(state.past).toHaveLength(2);
    state = undo(state);
    expect(state.plan.title['zh-CN']).toBe('营业网点');
    state = undo(state);
    expect(state.plan.title['zh-CN']).toBe(before.title['zh-CN']);
    expect(hashOf(state.plan)).toBe(hashOf(before));
    state = redo(redo(state));
    expect(state.plan.title['zh-CN']).toBe('营业网点火');
    expect(canRedo(state)).toBe(false);
  });

  it('forgets what was undone once a new edit is made, and keeps at most the last HISTORY_LIMIT steps', () => {
    let state = createEditor(fire());
    state = perform(state, { type: 'plan.setDrillDays', days: 30 });
    state = undo(state);
    state = perform(state, { type: 'plan.setSilent', silent: true });
    expect(canRedo(state)).toBe(false);
    for (let i = 0; i < HISTORY_LIMIT + 10; i++) {
      state = perform(state, { type: 'plan.setSilent', silent: i % 2 === 0 ? false : true });
    }
    expect(state.past).toHaveLength(HISTORY_LIMIT);
  });

  it('changes nothing for an edit that names nothing', () => {
    const state = createEditor(fire());
    expect(perform(state, { type: 'step.setNext', stepId: 'gone', next: 'x' })).toBe(state);
    expect(perform(state, { type: 'track.remove', track: { parallelId: 'evacuate', track: 9 } })).toBe(state);
  });
});

describe('live findings and editable drafts', () => {
  it('adds follow-ons to plans the library does not hold, once (the self-reference stays single)', () => {
    const { plan } = performAll(fire(), [
      { type: 'step.setFollowOn', stepId: 'raise-alarm', planId: 'no-such-plan' },
      { type: 'step.setFollowOn', stepId: 'guard-cash-area', planId: 'fire' },
    ]);
    const codes = liveFindings(plan, KNOWN).map((f) => f.code);
    expect(codes.filter((c) => c === 'unknown-follow-on')).toHaveLength(1);
    expect(codes.filter((c) => c === 'follow-on-self')).toHaveLength(1);
    expect(liveFindings(plan).map((f) => f.code)).not.toContain('unknown-follow-on');
  });

  it('keeps what only the library said of the saved plan (once), beside the live findings', () => {
    const saved = performAll(fire(), [{ type: 'step.setFollowOn', stepId: 'raise-alarm', planId: 'nope' }]).plan;
    // The backend's check of the saved draft: the plan's own findings, a follow-on to a plan it lacks, and (standing
    // for rules only the library has, such as its contact directory) one more.
    const directory = finding('unknown-contact', 'contacts[2]', { contact: 'head-office-security' });
    const backend = [...liveFindings(saved, KNOWN), directory];
    const library = libraryFindings(backend, saved);
    expect(library.map((f) => f.code)).toEqual(['unknown-follow-on', 'unknown-contact']);
    // Edited since: the live check says the follow-on itself (said once), the library's other finding stays.
    const edited = perform(createEditor(saved), { type: 'plan.setDrillDays', days: 400 }).plan;
    const shown = withLibraryFindings(liveFindings(edited, KNOWN), library);
    expect(shown.map((f) => f.code).sort()).toEqual(['drill-interval', 'unknown-contact', 'unknown-follow-on']);
  });

  it('edits drafts of the plan shape, and not documents of another shape', () => {
    expect(editablePlan(fire())).toBeDefined();
    expect(editablePlan({ ...fire(), steps: 'none' })).toBeUndefined();
    expect(editablePlan({ ...fire(), steps: [{ id: 'x', kind: 'jump', title: {} }] })).toBeUndefined();
    expect(editablePlan(null)).toBeUndefined();
  });
});

describe('finding paths to inputs', () => {
  it('selects the step a path goes through and names the input that edits what it names', () => {
    const plan = fire();
    const at = (id: string) => plan.steps.findIndex((s) => s.id === id);
    expect(findingTarget(plan, 'title.en')).toEqual({ inputId: 'ed-plan-title-en' });
    expect(findingTarget(plan, 'roles[2].duties.en')).toEqual({ inputId: roleField(2, 'duties', 'en') });
    expect(findingTarget(plan, `steps[${at('fire-out-check')}].options[0].next`)).toEqual({
      stepId: 'fire-out-check',
      inputId: stepField('fire-out-check', 'option', 'out', 'next'),
    });
    expect(findingTarget(plan, `steps[${at('evacuate')}].tracks[0].steps[1].title.zh-CN`)).toEqual({
      stepId: 'shut-terminals',
      inputId: stepField('shut-terminals', 'title', 'zh-CN'),
    });
    expect(findingTarget(plan, `steps[${at('evacuate')}].tracks[1].start`)).toEqual({
      stepId: 'evacuate',
      inputId: stepField('evacuate', 'track', 1, 'start'),
    });
    expect(findingTarget(plan, `steps[${at('assess-fire')}].timeout.next`).inputId).toBe(
      stepField('assess-fire', 'timeout-next'),
    );
    // A whole step: its first field, or the field that remedies the finding.
    expect(findingTarget(plan, `steps[${at('headcount')}]`)).toEqual({
      stepId: 'headcount',
      inputId: stepField('headcount', 'title', 'zh-CN'),
    });
    expect(findingTarget(plan, `steps[${at('headcount')}]`, 'missing-role').inputId).toBe(
      stepField('headcount', 'role'),
    );
    expect(findingTarget(plan, `steps[${at('headcount')}]`, 'no-path-to-end').inputId).toBe(
      stepField('headcount', 'option', 'all-safe', 'next'),
    );
    expect(findingTarget(plan, `steps[${at('evacuate')}].tracks[0].steps[1]`, 'no-path-to-end')).toEqual({
      stepId: 'shut-terminals',
      inputId: stepField('shut-terminals', 'next'),
    });
  });
});

// ---- random edit sequences on every bundled plan ----

interface Seed {
  op: number;
  a: number;
  b: number;
  text: string;
  number: number;
  flag: boolean;
}

const seedArb: fc.Arbitrary<Seed> = fc.record({
  op: fc.nat(),
  a: fc.nat(),
  b: fc.nat(),
  text: fc.oneof(fc.constant(''), fc.string({ maxLength: 6 }), fc.constantFrom('新步骤', 'renamed', 'Bad Id', 'x-1')),
  number: fc.integer({ min: -10, max: 100_000 }),
  flag: fc.boolean(),
});

const pick = <T>(items: readonly T[], n: number): T | undefined => items[n % Math.max(1, items.length)];
const LANGS = ['zh-CN', 'en'] as const;
const KINDS = ['action', 'decision', 'end', 'parallel'] as const;

/** An edit of the plan as it is now, chosen by `seed`: ids mostly of things that exist, sometimes of none. */
function editFrom(plan: Plan, seed: Seed): PlanEdit {
  const steps = everyStep(plan).map((l) => l.step);
  const ids = [...steps.map((s) => s.id), 'missing-step'];
  const stepId = pick(ids, seed.a)!;
  const other = pick(ids, seed.b)!;
  const step = steps.find((s) => s.id === stepId);
  const lang = pick(LANGS, seed.b)!;
  const options = step?.kind === 'decision' ? step.options.map((o) => o.id) : ['none'];
  const items = step?.kind === 'action' ? (step.checklist ?? []).map((i) => i.id) : ['none'];
  const parallels = plan.steps.filter((s) => s.kind === 'parallel').map((s) => s.id);
  const track = { parallelId: pick(parallels, seed.a) ?? 'none', track: seed.b % 5 };
  const roleId =
    pick(
      plan.roles.map((r) => r.id),
      seed.b,
    ) ?? 'none';
  const contactId =
    pick(
      plan.contacts.map((c) => c.id),
      seed.b,
    ) ?? 'none';
  const newId = seed.flag ? `${seed.text.toLowerCase().replace(/[^a-z0-9]+/g, '-') || 'n'}-${seed.a % 7}` : seed.text;
  const edits: (() => PlanEdit)[] = [
    () => ({
      type: 'plan.setText',
      field: pick(['title', 'shortTitle', 'summary'] as const, seed.a)!,
      lang,
      value: seed.text,
    }),
    () => ({ type: 'plan.setCategory', category: seed.flag ? 'fire' : 'robbery' }),
    () => ({ type: 'plan.toggleLocation', location: 'cash-vault', on: seed.flag }),
    () => ({ type: 'plan.setSilent', silent: seed.flag }),
    () => ({ type: 'plan.setDrillDays', days: seed.number }),
    () => ({ type: 'plan.setStart', stepId }),
    () => ({ type: 'role.add', id: freshRoleId(plan) }),
    () => ({ type: 'role.remove', roleId }),
    () => ({ type: 'role.rename', roleId, to: newId }),
    () => ({ type: 'role.setText', roleId, field: seed.flag ? 'title' : 'duties', lang, value: seed.text }),
    () => ({ type: 'contact.add', id: freshContactId(plan) }),
    () => ({ type: 'contact.remove', contactId }),
    () => ({ type: 'contact.rename', contactId, to: newId }),
    () => ({ type: 'contact.setPhone', contactId, phone: seed.flag ? '110' : seed.text }),
    () => addStepEdit(plan, pick(KINDS, seed.b)!, seed.flag ? { after: stepId } : {}),
    () => addStepEdit(plan, pick(KINDS, seed.b)!, { track }),
    () => ({ type: 'step.remove', stepId }),
    () => ({ type: 'step.rename', stepId, to: newId }),
    () => ({ type: 'step.move', stepId, to: seed.flag ? 'up' : seed.number % 9 }),
    () => ({ type: 'step.setText', stepId, field: seed.flag ? 'title' : 'detail', lang, value: seed.text }),
    () => ({ type: 'step.setRole', stepId, ...(seed.flag ? { role: roleId } : {}) }),
    () => ({ type: 'step.setTargetSeconds', stepId, ...(seed.flag ? { seconds: seed.number } : {}) }),
    () => ({
      type: 'step.setTimeout',
      stepId,
      ...(seed.flag ? { timeout: { seconds: seed.number, next: other } } : {}),
    }),
    () => ({ type: 'step.setNext', stepId, next: other }),
    () => ({ type: 'step.toggleContact', stepId, contactId, on: seed.flag }),
    () => ({ type: 'step.setFollowOn', stepId, ...(seed.flag ? { planId: pick([...KNOWN, 'nope'], seed.b)! } : {}) }),
    () => ({ type: 'step.setOutcome', stepId, outcome: seed.flag ? 'evacuated' : 'resolved' }),
    () => ({ type: 'checklist.add', stepId, id: freshPartId(plan, stepId, 'item') }),
    () => ({ type: 'checklist.remove', stepId, itemId: pick(items, seed.b)! }),
    () => ({ type: 'checklist.setText', stepId, itemId: pick(items, seed.b)!, lang, value: seed.text }),
    () => ({ type: 'checklist.move', stepId, itemId: pick(items, seed.b)!, to: seed.flag ? 'down' : seed.number }),
    () => ({ type: 'option.add', stepId, id: freshPartId(plan, stepId, 'option') }),
    () => ({ type: 'option.remove', stepId, optionId: pick(options, seed.b)! }),
    () => ({ type: 'option.setLabel', stepId, optionId: pick(options, seed.b)!, lang, value: seed.text }),
    () => ({ type: 'option.setNext', stepId, optionId: pick(options, seed.b)!, next: other }),
    () => ({ type: 'option.setFollowOn', stepId, optionId: pick(options, seed.b)!, planId: seed.flag ? 'fire' : '' }),
    () => ({ type: 'track.add', parallelId: track.parallelId }),
    () => ({ type: 'track.remove', track }),
    () => ({ type: 'track.setRole', track, role: roleId }),
    () => ({ type: 'track.setStart', track, start: other }),
    () => ({
      type: 'connect',
      from: stepId,
      handle: pick(['next', 'timeout', `option:${pick(options, seed.b)}`] as const, seed.number)!,
      to: other,
    }),
  ];
  return pick(edits, seed.op)!();
}

/**
 * Applies the seeds' edits a moment apart, so that typing goes on in one field now and then (the same text edit
 * again with more text): those coalesce into one step of history, which undo must take back whole.
 */
function editSequence(plan: Plan, seeds: readonly Seed[]): EditorState {
  let state = createEditor(plan);
  let previous: PlanEdit | undefined;
  seeds.forEach((seed, i) => {
    const typing = previous && 'value' in previous && seed.number % 3 === 0;
    const edit = typing
      ? { ...previous!, value: `${(previous as { value: string }).value}${seed.text || '字'}` }
      : editFrom(state.plan, seed);
    state = perform(state, edit as PlanEdit, i * (COALESCE_MS / 4));
    previous = edit as PlanEdit;
  });
  return state;
}

describe.each(bundledPlanFiles())('random edits of %s', (file) => {
  const start = loadBundledPlan(file);
  const startHash = hashOf(start);
  const sequences = fc.array(seedArb, { maxLength: 40 });

  it('never throw, place every error, and undo to the exact starting plan', () => {
    fc.assert(
      fc.property(sequences, (seeds) => {
        let state = editSequence(start, seeds);
        const findings = liveFindings(state.plan, KNOWN);
        for (const f of errors(findings)) expect(f.path, f.code).not.toBe('');
        for (const f of findings) expect(findingTarget(state.plan, f.path, f.code).inputId).toMatch(/^ed-/);
        while (state.past.length > 0) state = undo(state);
        expect(hashOf(state.plan)).toBe(startHash);
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it('any undos and redos across 20 edits, then redo all, give back the same plan', () => {
    const travels = fc.array(fc.constantFrom('undo', 'redo'), { maxLength: 40 });
    fc.assert(
      fc.property(fc.array(seedArb, { minLength: 20, maxLength: 20 }), travels, (seeds, moves) => {
        let state = editSequence(start, seeds);
        const edited = hashOf(state.plan);
        for (const move of moves) state = move === 'undo' ? undo(state) : redo(state);
        while (canRedo(state)) state = redo(state);
        expect(hashOf(state.plan)).toBe(edited);
      }),
      { numRuns: 200 },
    );
  }, 60_000);
});
