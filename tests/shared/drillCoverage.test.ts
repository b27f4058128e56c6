// Drill coverage: calendar-day arithmetic (leap days, century years), local dates at zone boundaries and DST
// changes, the due date and status of each plan, and properties over random dates, zones and record orders.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  civilFromDays,
  coverageOf,
  daysBetween,
  daysFromCivil,
  dueSoonDays,
  localDateOf,
  parseInstant,
  type DrillDone,
  type PlannedExercise,
  type PlanPolicy,
} from '../../shared/drills/coverage';

const DAY_MS = 86_400_000;
const ZONES = [
  'Asia/Shanghai',
  'UTC',
  'America/New_York',
  'Europe/Berlin',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
] as const;

const drill = (planId: string, at: string, runId = `run-${at}`, declared?: boolean): DrillDone => ({
  planId,
  at,
  runId,
  ...(declared !== undefined && { declared }),
});

describe('calendar day numbers', () => {
  it('counts from 1970-01-01 both ways', () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(daysFromCivil(1969, 12, 31)).toBe(-1);
    expect(daysFromCivil(2000, 3, 1)).toBe(11_017);
    expect(civilFromDays(0)).toEqual([1970, 1, 1]);
    expect(civilFromDays(-1)).toEqual([1969, 12, 31]);
    expect(civilFromDays(11_016)).toEqual([2000, 2, 29]);
  });

  it('has leap days in 2024, 2028 and 2000 but not in the century years 1900 and 2100', () => {
    const februaryLength = (y: number) => daysFromCivil(y, 3, 1) - daysFromCivil(y, 2, 1);
    expect([2024, 2028, 2000, 2400].map(februaryLength)).toEqual([29, 29, 29, 29]);
    expect([1900, 2100, 2200, 2300, 2026].map(februaryLength)).toEqual([28, 28, 28, 28, 28]);
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
    expect(addDays('1900-02-28', 1)).toBe('1900-03-01');
    expect(addDays('2000-02-28', 1)).toBe('2000-02-29');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });

  it('adds a year of days to a leap day as the calendar does', () => {
    expect(addDays('2028-02-29', 365)).toBe('2029-02-28');
    expect(addDays('2024-02-29', 366)).toBe('2025-03-01');
    expect(addDays('2027-03-01', 365)).toBe('2028-02-29');
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2100-01-01', '2101-01-01')).toBe(365);
    expect(daysBetween('2026-03-10', '2026-03-01')).toBe(-9);
    expect(addDays('2026-01-05', -10)).toBe('2025-12-26');
  });

  it('refuses what is not a calendar date or a whole number of days', () => {
    expect(() => addDays('2026-02-29', 1)).toThrow(RangeError);
    expect(() => addDays('2026-2-1', 1)).toThrow(RangeError);
    expect(() => daysBetween('2026-01-01', '2026-13-01')).toThrow(RangeError);
    expect(() => addDays('2026-01-01', 1.5)).toThrow(RangeError);
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
  });

  it('agrees with Date.UTC on every day from 1900 to 2400', () => {
    fc.assert(
      fc.property(fc.integer({ min: daysFromCivil(1900, 1, 1), max: daysFromCivil(2400, 12, 31) }), (n) => {
        const utc = new Date(n * DAY_MS);
        expect(civilFromDays(n)).toEqual([utc.getUTCFullYear(), utc.getUTCMonth() + 1, utc.getUTCDate()]);
        expect(daysFromCivil(...civilFromDays(n))).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips addDays and daysBetween over 1900–2400', () => {
    const first = daysFromCivil(1900, 1, 1);
    const last = daysFromCivil(2400, 12, 31);
    const dateOf = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);
    fc.assert(
      fc.property(fc.integer({ min: first, max: last }), fc.integer({ min: first, max: last }), (a, b) => {
        const from = dateOf(a);
        const to = addDays(from, b - a);
        expect(to).toBe(dateOf(b));
        expect(daysBetween(from, to)).toBe(b - a);
        expect(addDays(to, a - b)).toBe(from);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('instants and local dates', () => {
  it('reads ISO instants with an offset on real dates only', () => {
    expect(parseInstant('2026-03-01T15:30:00Z')).toBe(Date.UTC(2026, 2, 1, 15, 30));
    expect(parseInstant('2026-03-01T23:30:00.250+08:00')).toBe(Date.UTC(2026, 2, 1, 15, 30, 0, 250));
    expect(parseInstant('2026-03-01T10:30-05:00')).toBe(Date.UTC(2026, 2, 1, 15, 30));
    for (const bad of [
      '',
      'yesterday',
      '2026-02-30T10:00:00Z', // Date.parse rolls this into March
      '2026-03-01T24:00:00Z', // Date.parse reads this as the next midnight
      '2026-03-01T10:00:00', // no offset: would be read in the zone of whoever parses it
      '2026-03-01',
      '2026-03-01 10:00:00Z',
      'March 1, 2026 10:00 UTC',
    ])
      expect(parseInstant(bad), bad).toBeUndefined();
  });

  it('puts a drill on the Shanghai date it happened, not the UTC one', () => {
    expect(localDateOf('2026-03-01T15:30:00Z', 'Asia/Shanghai')).toBe('2026-03-01'); // 23:30 local
    expect(localDateOf('2026-03-01T15:59:59Z', 'Asia/Shanghai')).toBe('2026-03-01');
    expect(localDateOf('2026-03-01T16:00:00Z', 'Asia/Shanghai')).toBe('2026-03-02'); // midnight local
    expect(localDateOf('2026-03-01T16:30:00Z', 'Asia/Shanghai')).toBe('2026-03-02'); // 00:30 local
    expect(localDateOf('2026-03-01T16:30:00Z', 'UTC')).toBe('2026-03-01');
    expect(localDateOf(new Date('2026-03-01T23:59:59.999Z'), 'UTC')).toBe('2026-03-01');
    expect(localDateOf(Date.UTC(2026, 2, 2), 'UTC')).toBe('2026-03-02');
  });

  it('handles the zones furthest ahead of and behind UTC', () => {
    // Kiritimati is UTC+14: its day starts at 10:00Z the day before.
    expect(localDateOf('2026-03-01T09:59:59Z', 'Pacific/Kiritimati')).toBe('2026-03-01');
    expect(localDateOf('2026-03-01T10:00:00Z', 'Pacific/Kiritimati')).toBe('2026-03-02');
    // Pago Pago is UTC−11: its day starts at 11:00Z.
    expect(localDateOf('2026-03-01T10:59:59Z', 'Pacific/Pago_Pago')).toBe('2026-02-28');
    expect(localDateOf('2026-03-01T11:00:00Z', 'Pacific/Pago_Pago')).toBe('2026-03-01');
    // One instant, two dates 25 hours apart on the wall clock.
    expect(
      daysBetween(
        localDateOf('2026-03-01T10:30:00Z', 'Pacific/Pago_Pago'),
        localDateOf('2026-03-01T10:30:00Z', 'Pacific/Kiritimati'),
      ),
    ).toBe(2);
  });

  it('finds local midnight on both sides of New York and Berlin clock changes', () => {
    // 2026-03-08: New York goes from EST (−5) to EDT (−4) at 02:00.
    expect(localDateOf('2026-03-08T04:59:59Z', 'America/New_York')).toBe('2026-03-07');
    expect(localDateOf('2026-03-08T05:00:00Z', 'America/New_York')).toBe('2026-03-08');
    expect(localDateOf('2026-03-09T03:59:59Z', 'America/New_York')).toBe('2026-03-08');
    expect(localDateOf('2026-03-09T04:00:00Z', 'America/New_York')).toBe('2026-03-09');
    // 2026-11-01: back to EST at 02:00, a 25-hour day.
    expect(localDateOf('2026-11-01T03:59:59Z', 'America/New_York')).toBe('2026-10-31');
    expect(localDateOf('2026-11-01T04:00:00Z', 'America/New_York')).toBe('2026-11-01');
    expect(localDateOf('2026-11-02T04:59:59Z', 'America/New_York')).toBe('2026-11-01');
    expect(localDateOf('2026-11-02T05:00:00Z', 'America/New_York')).toBe('2026-11-02');
    // 2026-03-29: Berlin goes to CEST (+2) at 02:00, a 23-hour day.
    expect(localDateOf('2026-03-28T23:00:00Z', 'Europe/Berlin')).toBe('2026-03-29');
    expect(localDateOf('2026-03-29T21:59:59Z', 'Europe/Berlin')).toBe('2026-03-29');
    expect(localDateOf('2026-03-29T22:00:00Z', 'Europe/Berlin')).toBe('2026-03-30');
  });

  it('refuses an unreadable instant', () => {
    expect(() => localDateOf('2026-03-01', 'UTC')).toThrow(RangeError);
    expect(() => localDateOf(Number.NaN, 'UTC')).toThrow(RangeError);
    expect(() => localDateOf(new Date('nope'), 'UTC')).toThrow(RangeError);
  });

  it('never lets a later instant fall on an earlier local date', () => {
    const instant = fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2100, 0, 1) });
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), instant, fc.integer({ min: 0, max: 3 * DAY_MS }), (zone, a, step) => {
        const days = daysBetween(localDateOf(a, zone), localDateOf(a + step, zone));
        expect(days).toBeGreaterThanOrEqual(0);
        // A calendar day is 23 to 25 hours long: a step of s ms crosses at most ceil(s / 23 h) midnights.
        expect(days).toBeLessThanOrEqual(Math.ceil(step / (23 * 3_600_000)));
      }),
      { numRuns: 500 },
    );
  });
});

describe('coverageOf', () => {
  const yearly: PlanPolicy = { planId: 'fire', everyDays: 365 };
  const monthly: PlanPolicy = { planId: 'robbery', everyDays: 30 };
  const one = (
    plan: PlanPolicy,
    drills: DrillDone[],
    now: string,
    zone = 'Asia/Shanghai',
    planned: PlannedExercise[] = [],
  ) => coverageOf([plan], drills, planned, now, zone).plans[0]!;

  it('says never for a plan with no drill, with no due date', () => {
    const result = coverageOf([yearly], [], [], '2026-03-01T00:00:00Z', 'Asia/Shanghai');
    expect(result).toEqual({
      today: '2026-03-01',
      plans: [{ planId: 'fire', everyDays: 365, status: 'never' }],
      skipped: 0,
    });
    expect(result.plans[0]).not.toHaveProperty('dueDate');
    expect(result.plans[0]).not.toHaveProperty('daysLeft');
  });

  it('counts a drill at 23:30 Shanghai time on that local day, and due dates by local days', () => {
    const lateEvening = drill('robbery', '2026-03-01T15:30:00Z', 'r1', true);
    const due = one(monthly, [lateEvening], '2026-03-31T15:59:00Z'); // 23:59 on 03-31, Shanghai
    expect(due).toEqual({
      planId: 'robbery',
      everyDays: 30,
      lastDrill: { runId: 'r1', at: '2026-03-01T15:30:00Z', localDate: '2026-03-01', declared: true, afterNow: false },
      dueDate: '2026-03-31',
      daysLeft: 0,
      status: 'due-soon',
    });
    // One minute later it is 04-01 in Shanghai (still 03-31 in UTC): overdue.
    expect(one(monthly, [lateEvening], '2026-03-31T16:00:00Z')).toMatchObject({ daysLeft: -1, status: 'overdue' });
    // In UTC the same drill and instant are still on time.
    expect(one(monthly, [lateEvening], '2026-03-31T16:00:00Z', 'UTC')).toMatchObject({
      dueDate: '2026-03-31',
      daysLeft: 0,
    });
    // Half past midnight on 03-02 local belongs to 03-02.
    expect(one(monthly, [drill('robbery', '2026-03-01T16:30:00Z')], '2026-03-31T16:00:00Z')).toMatchObject({
      lastDrill: { localDate: '2026-03-02' },
      dueDate: '2026-04-01',
      daysLeft: 0,
      status: 'due-soon',
    });
  });

  it('counts calendar days, not 24-hour spans, across a 25-hour day in New York', () => {
    const daily: PlanPolicy = { planId: 'open', everyDays: 1 };
    // Midnight EDT on 11-01 to 23:30 EST the same local day: 24.5 hours, one calendar day.
    const atMidnight = drill('open', '2026-11-01T04:00:00Z');
    expect(one(daily, [atMidnight], '2026-11-02T04:30:00Z', 'America/New_York')).toMatchObject({
      lastDrill: { localDate: '2026-11-01' },
      dueDate: '2026-11-02',
      daysLeft: 1,
      status: 'ok',
    });
    // Midnight EST on 03-08 to midnight EDT on 03-09: 23 hours, and already the next day.
    expect(
      one(daily, [drill('open', '2026-03-08T05:00:00Z')], '2026-03-09T04:00:00Z', 'America/New_York'),
    ).toMatchObject({
      dueDate: '2026-03-09',
      daysLeft: 0,
      status: 'due-soon',
    });
  });

  it('gives a month of warning to yearly plans and a sixth of the interval to short ones', () => {
    expect([365, 182, 180, 90, 30, 7, 6, 5, 1].map(dueSoonDays)).toEqual([30, 30, 30, 15, 5, 1, 1, 0, 0]);
    const last = [drill('fire', '2025-06-01T02:00:00Z')]; // 10:00 local, due 2026-06-01
    const at = (date: string) => `${date}T04:00:00Z`; // noon in Shanghai
    expect(one(yearly, last, at('2026-04-30'))).toMatchObject({ daysLeft: 32, status: 'ok' });
    expect(one(yearly, last, at('2026-05-01'))).toMatchObject({ daysLeft: 31, status: 'ok' });
    expect(one(yearly, last, at('2026-05-02'))).toMatchObject({ daysLeft: 30, status: 'due-soon' });
    expect(one(yearly, last, at('2026-06-01'))).toMatchObject({ daysLeft: 0, status: 'due-soon' });
    expect(one(yearly, last, at('2026-06-02'))).toMatchObject({ daysLeft: -1, status: 'overdue' });
    const weekly: PlanPolicy = { planId: 'fire', everyDays: 5 };
    expect(one(weekly, last, at('2025-06-05'))).toMatchObject({ daysLeft: 1, status: 'ok' });
    expect(one(weekly, last, at('2025-06-06'))).toMatchObject({ daysLeft: 0, status: 'due-soon' });
  });

  it('dates a leap-day drill a calendar year of days on', () => {
    expect(one(yearly, [drill('fire', '2028-02-29T02:00:00Z')], '2028-03-01T02:00:00Z')).toMatchObject({
      lastDrill: { localDate: '2028-02-29' },
      dueDate: '2029-02-28',
      daysLeft: 364,
      status: 'ok',
    });
  });

  it('takes the latest of many drills, whatever their order, and ignores other plans', () => {
    const drills = [
      drill('fire', '2025-09-01T02:00:00Z', 'a'),
      drill('fire', '2026-01-10T02:00:00+08:00', 'latest'),
      drill('flood', '2026-02-20T02:00:00Z', 'other-plan'),
      drill('fire', '2025-12-31T23:00:00Z', 'b'), // 2026-01-01 07:00 local
      drill('fire', '2024-01-01T00:00:00Z', 'c'),
    ];
    const result = coverageOf([yearly], drills, [], '2026-03-01T00:00:00Z', 'Asia/Shanghai');
    expect(result.plans).toHaveLength(1);
    expect(result.plans[0]!.lastDrill).toMatchObject({ runId: 'latest', localDate: '2026-01-10', declared: false });
    expect(result.plans[0]!.dueDate).toBe('2027-01-10');
    expect(result.skipped).toBe(0);
    expect(coverageOf([yearly], [...drills].reverse(), [], '2026-03-01T00:00:00Z', 'Asia/Shanghai')).toEqual(result);
  });

  it('answers for each plan in the order given, and for a plan listed twice twice', () => {
    const plans: PlanPolicy[] = [monthly, yearly, { planId: 'flood', everyDays: 182 }, monthly];
    const drills = [drill('fire', '2026-01-01T00:00:00Z'), drill('robbery', '2026-02-20T00:00:00Z')];
    const result = coverageOf(plans, drills, [], '2026-03-01T00:00:00Z', 'UTC');
    expect(result.plans.map((p) => [p.planId, p.status, p.daysLeft])).toEqual([
      ['robbery', 'ok', 21],
      ['fire', 'ok', 306],
      ['flood', 'never', undefined],
      ['robbery', 'ok', 21],
    ]);
  });

  it('skips unreadable instants of known plans, counts them, and keeps the readable drills', () => {
    const drills = [
      drill('fire', '2026-01-01T00:00:00Z', 'good'),
      drill('fire', 'not a date', 'bad1'),
      drill('fire', '2026-02-30T00:00:00Z', 'bad2'),
      drill('fire', '2026-02-27T10:00:00', 'bad3'),
      drill('fire', '', 'bad4'),
      drill('elsewhere', 'garbage', 'ignored'), // not a plan here: ignored, not counted
    ];
    const planned: PlannedExercise[] = [
      { id: 'x1', planId: 'fire', scheduledAt: '2026-13-01T00:00:00Z' },
      { id: 'x2', planId: 'elsewhere', scheduledAt: 'garbage' },
    ];
    const result = coverageOf([yearly], drills, planned, '2026-03-01T00:00:00Z', 'UTC');
    expect(result.skipped).toBe(5);
    expect(result.plans[0]!.lastDrill?.runId).toBe('good');
    expect(result.plans[0]).not.toHaveProperty('nextPlanned');
  });

  it('counts a drill recorded after now with the date it carries, and flags it', () => {
    const now = '2026-03-01T04:00:00Z'; // noon 03-01 in Shanghai
    const past = drill('robbery', '2026-02-01T04:00:00Z', 'past');
    const future = drill('robbery', '2026-03-05T04:00:00Z', 'future');
    expect(one(monthly, [future, past], now)).toMatchObject({
      lastDrill: { runId: 'future', localDate: '2026-03-05', afterNow: true },
      dueDate: '2026-04-04',
      daysLeft: 34, // more than everyDays: what the dates say, nothing added
      status: 'ok',
    });
    // Later the same local day, but after now: still today's date, flagged.
    expect(one(monthly, [drill('robbery', '2026-03-01T05:00:00Z')], now)).toMatchObject({
      lastDrill: { localDate: '2026-03-01', afterNow: true },
      daysLeft: 30,
    });
    expect(one(monthly, [past], now).lastDrill?.afterNow).toBe(false);
  });

  it('shows the earliest exercise planned on or after today, even one earlier today', () => {
    const now = '2026-03-01T17:00:00Z'; // 01:00 on 03-02 in Shanghai; the local day began at 16:00Z
    const planned: PlannedExercise[] = [
      { id: 'yesterday', planId: 'fire', scheduledAt: '2026-03-01T15:59:00Z' }, // 23:59 on 03-01
      { id: 'later', planId: 'fire', scheduledAt: '2026-04-01T01:00:00Z' },
      { id: 'today', planId: 'fire', scheduledAt: '2026-03-01T16:00:00Z' }, // 00:00 on 03-02, before now
      { id: 'other', planId: 'flood', scheduledAt: '2026-03-01T16:30:00Z' },
    ];
    const result = coverageOf([yearly], [], planned, now, 'Asia/Shanghai');
    expect(result.today).toBe('2026-03-02');
    expect(result.plans[0]).toEqual({
      planId: 'fire',
      everyDays: 365,
      status: 'never',
      nextPlanned: { id: 'today', scheduledAt: '2026-03-01T16:00:00Z', localDate: '2026-03-02' },
    });
    const withoutToday = planned.filter((p) => p.id !== 'today');
    expect(coverageOf([yearly], [], withoutToday, now, 'Asia/Shanghai').plans[0]!.nextPlanned?.id).toBe('later');
  });

  it('throws for a caller’s mistakes: an unreadable now, an unknown zone, a policy that is not one', () => {
    expect(() => coverageOf([yearly], [], [], 'soon', 'UTC')).toThrow(RangeError);
    expect(() => coverageOf([yearly], [], [], '2026-03-01T00:00:00Z', 'Mars/Olympus')).toThrow(RangeError);
    expect(() => coverageOf([{ planId: 'x', everyDays: 0 }], [], [], '2026-03-01T00:00:00Z', 'UTC')).toThrow(
      RangeError,
    );
    expect(() => coverageOf([{ planId: 'x', everyDays: 1.5 }], [], [], '2026-03-01T00:00:00Z', 'UTC')).toThrow(
      RangeError,
    );
  });
});

describe('coverageOf properties', () => {
  const planIds = ['p0', 'p1', 'p2', 'p3', 'p4'];
  const span = { min: Date.UTC(2023, 0, 1), max: Date.UTC(2028, 11, 31) };
  // A few shared instants besides random ones, so drills tie on the instant (written with different offsets) and
  // the pick among them must not depend on input order.
  const instant = fc.oneof(fc.integer(span), fc.constantFrom(Date.UTC(2025, 5, 1, 2), Date.UTC(2026, 0, 1)));
  const isoAt = fc.tuple(instant, fc.constantFrom('Z', '+08:00', '-05:00', '+14:00', '-11:00')).map(([ms, offset]) => {
    if (offset === 'Z') return new Date(ms).toISOString();
    const minutes = (offset[0] === '-' ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4)));
    return `${new Date(ms + minutes * 60_000).toISOString().slice(0, 23)}${offset}`;
  });
  const at = fc.oneof(
    { weight: 9, arbitrary: isoAt },
    { weight: 1, arbitrary: fc.constantFrom('bad', '2026-02-30T00:00:00Z') },
  );
  const drills = fc.array(
    fc.record({
      planId: fc.constantFrom(...planIds, 'unknown'),
      at,
      runId: fc.constantFrom('r1', 'r2', 'r3'),
      declared: fc.boolean(),
    }),
    { maxLength: 40 },
  );
  const planned = fc.array(
    fc.record({ id: fc.constantFrom('x1', 'x2'), planId: fc.constantFrom(...planIds, 'unknown'), scheduledAt: at }),
    { maxLength: 20 },
  );
  const plans = fc.uniqueArray(
    fc.record({ planId: fc.constantFrom(...planIds), everyDays: fc.integer({ min: 1, max: 400 }) }),
    { selector: (p) => p.planId, minLength: 1 },
  );
  const input = fc.record({
    plans,
    drills,
    planned,
    now: fc.integer(span),
    zone: fc.constantFrom(...ZONES),
  });

  it('derives status from daysLeft and dueDate from the last drill’s date', () => {
    fc.assert(
      fc.property(input, ({ plans, drills, planned, now, zone }) => {
        const result = coverageOf(plans, drills, planned, now, zone);
        expect(result.today).toBe(localDateOf(now, zone));
        expect(result.plans.map((p) => p.planId)).toEqual(plans.map((p) => p.planId));
        for (const c of result.plans) {
          if (!c.lastDrill) {
            expect(c.status).toBe('never');
            expect(c.dueDate).toBeUndefined();
            expect(c.daysLeft).toBeUndefined();
            continue;
          }
          expect(daysBetween(c.lastDrill.localDate, c.dueDate!)).toBe(c.everyDays);
          expect(c.daysLeft).toBe(daysBetween(result.today, c.dueDate!));
          const daysLeft = c.daysLeft!;
          const expected = daysLeft < 0 ? 'overdue' : daysLeft <= dueSoonDays(c.everyDays) ? 'due-soon' : 'ok';
          expect(c.status).toBe(expected);
          // The last drill is the latest readable one of its plan.
          const lastMs = parseInstant(c.lastDrill.at)!;
          for (const d of drills)
            if (d.planId === c.planId && parseInstant(d.at) !== undefined)
              expect(parseInstant(d.at)!).toBeLessThanOrEqual(lastMs);
          expect(c.lastDrill.afterNow).toBe(lastMs > now);
        }
        const knownIds = new Set(plans.map((p) => p.planId));
        const unreadable = [
          ...drills.map((d) => [d.planId, d.at]),
          ...planned.map((p) => [p.planId, p.scheduledAt]),
        ].filter(([planId, when]) => knownIds.has(planId!) && parseInstant(when!) === undefined).length;
        expect(result.skipped).toBe(unreadable);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same answer whatever order the drills and exercises come in', () => {
    const withOrder = input.chain((i) =>
      fc.record({
        i: fc.constant(i),
        drillKeys: fc.array(fc.double({ noNaN: true }), { minLength: i.drills.length, maxLength: i.drills.length }),
        plannedKeys: fc.array(fc.double({ noNaN: true }), { minLength: i.planned.length, maxLength: i.planned.length }),
      }),
    );
    const shuffle = <T>(items: T[], keys: number[]) =>
      items
        .map((item, k) => ({ item, key: keys[k]! }))
        .sort((a, b) => a.key - b.key)
        .map((e) => e.item);
    fc.assert(
      fc.property(withOrder, ({ i, drillKeys, plannedKeys }) => {
        const before = coverageOf(i.plans, i.drills, i.planned, i.now, i.zone);
        const after = coverageOf(i.plans, shuffle(i.drills, drillKeys), shuffle(i.planned, plannedKeys), i.now, i.zone);
        expect(after).toEqual(before);
      }),
      { numRuns: 300 },
    );
  });
});
