// The drill planning form's model (renderer/src/drills/planningForm.ts): scenario times typed as m:ss or h:mm:ss,
// row ids numbered from what is taken, an exercise's spec into the form and back unchanged (the branch's local date
// and time included), and the fields a spec cannot be made without.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExerciseSpecSchema, type ExerciseSpec } from '../../shared/drills/exercise';
import {
  emptyForm,
  fieldId,
  formOfSpec,
  formatScenarioTime,
  nextId,
  parseScenarioTime,
  specOfForm,
  withoutPlanReferences,
  type ExerciseForm,
} from '../../renderer/src/drills/planningForm';

const SHANGHAI = 'Asia/Shanghai';
const NAMES = new Map([
  ['u-guard', '王伟'],
  ['u-trainer', '陈培训'],
]);

/** A spec as the API would hold it: parsed, so its defaults are filled in. */
function spec(input: Partial<ExerciseSpec> = {}): ExerciseSpec {
  return ExerciseSpecSchema.parse({
    title: '2026 年上半年火灾疏散演练',
    planId: 'fire',
    planVersion: 3,
    scenario: '营业时间二楼档案室起火，大厅有客户 12 人。',
    objectives: [
      { id: 'obj-1', text: '30 秒内发现火情并报警', stepId: 'raise-alarm' },
      { id: 'obj-2', text: '客户全部从安全出口撤离' },
    ],
    participants: [
      { userId: 'u-guard', name: '王伟', role: 'guard' },
      { name: '刘大堂', role: 'lobby-manager' },
    ],
    evaluators: [{ userId: 'u-trainer', name: '陈培训' }],
    scheduledAt: '2026-03-12T01:30:00.000Z',
    announced: true,
    injects: [
      {
        id: 'inj-1',
        atSeconds: 3,
        text: '二楼档案室冒出浓烟',
        toRole: 'guard',
        expected: '按下消防报警按钮',
        stepId: 'raise-alarm',
        objectiveId: 'obj-1',
      },
      { id: 'inj-2', atSeconds: 3723, text: '消防车到达' },
      { id: 'inj-3', contingency: true, text: '一名客户拒绝离开大厅', toRole: 'lobby-manager' },
    ],
    ...input,
  });
}

describe('scenario times', () => {
  it.each([
    ['0:03', 3],
    ['10:00', 600],
    [' 5:07 ', 307],
    ['1:02:03', 3723],
    ['24:00:00', 86_400],
    ['90:00', 5400], // minutes past the hour are allowed without hours
  ])('reads %j as %i seconds', (typed, seconds) => {
    expect(parseScenarioTime(typed)).toBe(seconds);
  });

  it.each(['', '3 秒', '10', '1:5', '0:60', '1:60:00', '-0:30', '0:03.5', 'a:bc'])('refuses %j', (typed) => {
    expect(parseScenarioTime(typed)).toBeUndefined();
  });

  it('reads back every time it writes, up to a day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 86_400 }), (seconds) => {
        expect(parseScenarioTime(formatScenarioTime(seconds))).toBe(seconds);
      }),
    );
  });
});

describe('row ids', () => {
  it('numbers on from the highest id taken, whatever the gaps', () => {
    expect(nextId('obj', [])).toBe('obj-1');
    expect(nextId('obj', ['obj-1', 'obj-3'])).toBe('obj-4');
    expect(nextId('inj', ['inj-9', 'inj-10', 'inj-2'])).toBe('inj-11');
  });

  it('counts only ids of its own prefix and form', () => {
    expect(nextId('obj', ['inj-7', 'obj-x', 'objective-9', 'xobj-5', 'obj-2-copy'])).toBe('obj-1');
  });

  it('never hands out an id that is taken', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 500 }).map((n) => `inj-${n}`)), (taken) => {
        expect(taken).not.toContain(nextId('inj', taken));
      }),
    );
  });
});

describe('an exercise into the form and back', () => {
  it('comes back as it was', () => {
    const original = spec();
    const form = formOfSpec(original, SHANGHAI);
    expect(form).toMatchObject({ date: '2026-03-12', time: '09:30', announced: true });
    expect(form.injects.map((i) => i.at)).toEqual(['0:03', '1:02:03', '']);
    const result = specOfForm(form, original.planVersion, SHANGHAI, NAMES);
    expect(result).toEqual({ spec: original });
  });

  it('keeps the instant in a zone with summer time, on either side of the change', () => {
    const zone = 'Europe/Berlin';
    for (const scheduledAt of ['2026-03-28T09:00:00.000Z', '2026-03-30T08:00:00.000Z']) {
      const original = spec({ scheduledAt, announced: false });
      const result = specOfForm(formOfSpec(original, zone), original.planVersion, zone, NAMES);
      expect(result).toEqual({ spec: original });
    }
  });

  it('comes back unchanged for any objectives, injects and minute of the day', () => {
    const slugText = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() === s && s.length > 0);
    const inject = fc.record({
      contingency: fc.boolean(),
      atSeconds: fc.integer({ min: 0, max: 86_400 }),
      text: slugText,
      toRole: fc.option(fc.constantFrom('guard', 'teller'), { nil: undefined }),
    });
    fc.assert(
      fc.property(
        fc.array(slugText, { maxLength: 4 }),
        fc.array(inject, { maxLength: 5 }),
        fc.integer({ min: Date.UTC(2026, 0, 1) / 60_000, max: Date.UTC(2030, 0, 1) / 60_000 }),
        fc.boolean(),
        (objectives, injects, minute, announced) => {
          const original = spec({
            scheduledAt: new Date(minute * 60_000).toISOString(),
            announced,
            objectives: objectives.map((text, i) => ({ id: `obj-${i + 1}`, text })),
            injects: injects.map((i, n) => ({
              id: `inj-${n + 1}`,
              contingency: i.contingency,
              ...(i.contingency ? {} : { atSeconds: i.atSeconds }),
              text: i.text,
              ...(i.toRole ? { toRole: i.toRole } : {}),
            })),
          });
          const result = specOfForm(formOfSpec(original, SHANGHAI), original.planVersion, SHANGHAI, NAMES);
          expect(result).toEqual({ spec: original });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('names app users as the user list does now, and keeps typed names of people from outside', () => {
    const form = formOfSpec(spec(), SHANGHAI);
    const renamed = new Map([...NAMES, ['u-guard', '王伟（新名字）']]);
    const result = specOfForm(form, 3, SHANGHAI, renamed);
    if (!('spec' in result)) throw new Error('expected a spec');
    expect(result.spec.participants).toEqual([
      { userId: 'u-guard', name: '王伟（新名字）', role: 'guard' },
      { name: '刘大堂', role: 'lobby-manager' },
    ]);
  });
});

describe('what a spec cannot be made without', () => {
  const problemsOf = (form: ExerciseForm) => {
    const result = specOfForm(form, 1, SHANGHAI, NAMES);
    if (!('problems' in result)) throw new Error('expected problems');
    return Object.fromEntries(result.problems);
  };

  it('an empty form needs a plan and a title, and nothing else', () => {
    const form = emptyForm(SHANGHAI, Date.UTC(2026, 2, 12, 1, 30));
    expect(problemsOf(form)).toEqual({ 'ef-plan': 'required', 'ef-title': 'required' });
  });

  it('starts at the next full hour of the branch clock', () => {
    expect(emptyForm(SHANGHAI, Date.UTC(2026, 2, 12, 1, 30))).toMatchObject({ date: '2026-03-12', time: '10:00' });
    expect(emptyForm(SHANGHAI, Date.UTC(2026, 2, 12, 2, 0))).toMatchObject({ date: '2026-03-12', time: '11:00' });
    expect(emptyForm(SHANGHAI, Date.UTC(2026, 2, 12, 15, 59))).toMatchObject({ date: '2026-03-13', time: '00:00' });
  });

  it('says which row field is missing or not a time, by the id of its input', () => {
    const form: ExerciseForm = {
      ...formOfSpec(spec(), SHANGHAI),
      date: '2026-02-30',
      objectives: [{ id: 'obj-1', text: '  ', stepId: '' }],
      participants: [
        { key: 'p-1', userId: '', name: '', role: 'guard' },
        { key: 'p-2', userId: 'u-guard', name: '王伟', role: '' },
      ],
      evaluators: [{ key: 'e-1', userId: '' }],
      injects: [
        {
          id: 'inj-1',
          at: '3 秒',
          contingency: false,
          text: '浓烟',
          toRole: '',
          expected: '',
          stepId: '',
          objectiveId: '',
        },
        { id: 'inj-2', at: '', contingency: false, text: '', toRole: '', expected: '', stepId: '', objectiveId: '' },
        { id: 'inj-3', at: '', contingency: true, text: '备用', toRole: '', expected: '', stepId: '', objectiveId: '' },
      ],
    };
    expect(problemsOf(form)).toEqual({
      'ef-when': 'badWhen',
      [fieldId('objective', 'obj-1', 'text')]: 'required',
      [fieldId('participant', 'p-1', 'name')]: 'required',
      [fieldId('participant', 'p-2', 'role')]: 'required',
      [fieldId('evaluator', 'e-1', 'user')]: 'required',
      [fieldId('inject', 'inj-1', 'at')]: 'badTime',
      [fieldId('inject', 'inj-2', 'at')]: 'required',
      [fieldId('inject', 'inj-2', 'text')]: 'required',
    });
  });

  it('a contingency inject needs no time', () => {
    const form = formOfSpec(spec(), SHANGHAI);
    const contingency = form.injects.find((i) => i.contingency)!;
    expect(contingency.at).toBe('');
    expect('spec' in specOfForm(form, 3, SHANGHAI, NAMES)).toBe(true);
  });
});

describe('another plan chosen', () => {
  it('forgets the steps and roles of the old plan and keeps what was typed', () => {
    const form = withoutPlanReferences(formOfSpec(spec(), SHANGHAI), 'armed-robbery');
    expect(form.planId).toBe('armed-robbery');
    expect(form.objectives.map((o) => [o.text, o.stepId])).toEqual([
      ['30 秒内发现火情并报警', ''],
      ['客户全部从安全出口撤离', ''],
    ]);
    expect(form.participants.map((p) => [p.name, p.role])).toEqual([
      ['王伟', ''],
      ['刘大堂', ''],
    ]);
    expect(form.injects.map((i) => [i.text, i.toRole, i.stepId, i.objectiveId])).toEqual([
      ['二楼档案室冒出浓烟', '', '', 'obj-1'],
      ['消防车到达', '', '', ''],
      ['一名客户拒绝离开大厅', '', '', ''],
    ]);
    // The roles are required again: the form says so rather than sending stale ones.
    const result = specOfForm(form, 1, SHANGHAI, NAMES);
    expect('problems' in result && result.problems.get(fieldId('participant', 'p-1', 'role'))).toBe('required');
  });
});
