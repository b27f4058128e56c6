// Local dates and times in a branch's zone: formats in both languages (never mm/dd/yyyy), local days as instants
// across DST changes, and bare dates in record queries read in the branch's zone.
import { describe, expect, it } from 'vitest';
import { queryRecords, rangeInstant, withLocalDays } from '../../shared/records/recordQuery';
import type { RunRecord } from '../../shared/records/runSummary';
import { SettingsPatchSchema } from '../../shared/settings/schema';
import {
  effectiveTimeZone,
  formatLocalClock,
  formatLocalDate,
  formatLocalDateTime,
  formatLocalIso,
  formatLongDate,
  formatLongDateTime,
  isTimeZone,
  localDayRange,
  localTimeOnDay,
  offsetMinutes,
  parseBareDate,
  systemTimeZone,
} from '../../shared/time/localTime';

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

describe('formats', () => {
  // 06:03:07 UTC on 5 December 2026: 14:03:07 in Shanghai, 07:03:07 in Berlin, 01:03:07 in New York.
  const at = '2026-12-05T06:03:07.250Z';

  it('writes a local date and time as 2026-12-05 14:03:07 in the zone asked for', () => {
    expect(formatLocalDateTime(at, 'Asia/Shanghai')).toBe('2026-12-05 14:03:07');
    expect(formatLocalDateTime(at, 'Asia/Shanghai', false)).toBe('2026-12-05 14:03');
    expect(formatLocalDateTime(at, 'Europe/Berlin')).toBe('2026-12-05 07:03:07');
    expect(formatLocalDateTime(at, 'America/New_York')).toBe('2026-12-05 01:03:07');
    expect(formatLocalDate('2026-12-05T03:00:00Z', 'America/New_York')).toBe('2026-12-04');
    expect(formatLocalClock(at, 'UTC')).toBe('06:03:07');
    expect(formatLocalClock('2026-12-04T16:00:00Z', 'Asia/Shanghai')).toBe('00:00:00'); // midnight is 00, not 24
  });

  it('writes long dates as each language does, never month first with slashes', () => {
    expect(formatLongDate(at, 'Asia/Shanghai', 'zh-CN')).toBe('2026年12月5日');
    expect(formatLongDate(at, 'Asia/Shanghai', 'en')).toBe('5 December 2026');
    expect(formatLongDateTime(at, 'Asia/Shanghai', 'zh-CN')).toBe('2026年12月5日 14:03');
    expect(formatLongDateTime(at, 'America/New_York', 'en', true)).toBe('5 December 2026 01:03:07');
    for (const zone of ['Asia/Shanghai', 'Europe/Berlin', 'America/New_York']) {
      for (const text of [formatLocalDateTime(at, zone), formatLongDate(at, zone, 'en')]) {
        expect(text).not.toMatch(/\d{1,2}\/\d{1,2}\/\d{4}/);
      }
    }
  });

  it('writes an ISO time with the offset the zone has at that instant', () => {
    expect(formatLocalIso(at, 'Asia/Shanghai')).toBe('2026-12-05T14:03:07+08:00');
    expect(formatLocalIso('2026-07-01T12:00:00Z', 'Europe/Berlin')).toBe('2026-07-01T14:00:00+02:00');
    expect(formatLocalIso('2026-12-01T12:00:00Z', 'Europe/Berlin')).toBe('2026-12-01T13:00:00+01:00');
    expect(formatLocalIso('2026-12-01T12:00:00Z', 'America/New_York')).toBe('2026-12-01T07:00:00-05:00');
    expect(offsetMinutes(Date.UTC(2026, 6, 1, 0, 0, 0, 999), 'America/New_York')).toBe(-240);
  });

  it('accepts ISO strings, milliseconds and dates alike', () => {
    const ms = Date.parse(at);
    expect(formatLocalDateTime(ms, 'Asia/Shanghai')).toBe(formatLocalDateTime(new Date(ms), 'Asia/Shanghai'));
  });
});

describe('zones', () => {
  it('knows IANA names and refuses anything else', () => {
    for (const zone of ['Asia/Shanghai', 'Europe/Berlin', 'America/New_York', 'UTC'])
      expect(isTimeZone(zone)).toBe(true);
    for (const bad of ['', 'Mars/Olympus_Mons', '+08:00', 'Asia/Shanghai; rm -rf', 'GMT+8 ']) {
      expect(isTimeZone(bad)).toBe(false);
    }
  });

  it('means the system zone when the setting is empty or unusable', () => {
    expect(isTimeZone(systemTimeZone())).toBe(true);
    expect(effectiveTimeZone('')).toBe(systemTimeZone());
    expect(effectiveTimeZone(undefined)).toBe(systemTimeZone());
    expect(effectiveTimeZone('Nowhere/Land')).toBe(systemTimeZone());
    expect(effectiveTimeZone(' Europe/Berlin ')).toBe('Europe/Berlin');
  });

  it('is a setting validated as a zone name, with a bilingual message', () => {
    expect(SettingsPatchSchema.parse({ timeZone: ' Asia/Shanghai ' })).toEqual({ timeZone: 'Asia/Shanghai' });
    expect(SettingsPatchSchema.parse({ timeZone: '' })).toEqual({ timeZone: '' });
    const refused = SettingsPatchSchema.safeParse({ timeZone: 'Beijing' });
    expect(refused.success).toBe(false);
    expect(refused.error!.issues[0]!.path).toEqual(['timeZone']);
    expect(refused.error!.issues[0]!.message).toMatch(/时区.*IANA.*Asia\/Shanghai/);
    expect(refused.error!.issues[0]!.message).toMatch(/not a time zone/);
  });
});

describe('local days', () => {
  it('is 24 hours from local midnight in Shanghai', () => {
    const day = localDayRange('2026-12-05', 'Asia/Shanghai')!;
    expect(iso(day.start)).toBe('2026-12-04T16:00:00.000Z');
    expect(iso(day.end)).toBe('2026-12-05T16:00:00.000Z');
  });

  it('is 23 hours in Berlin when the clocks go forward and 25 when they go back', () => {
    const spring = localDayRange('2026-03-29', 'Europe/Berlin')!;
    expect([iso(spring.start), iso(spring.end)]).toEqual(['2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z']);
    expect(spring.end - spring.start).toBe(23 * HOUR);
    const autumn = localDayRange('2026-10-25', 'Europe/Berlin')!;
    expect([iso(autumn.start), iso(autumn.end)]).toEqual(['2026-10-24T22:00:00.000Z', '2026-10-25T23:00:00.000Z']);
    expect(autumn.end - autumn.start).toBe(25 * HOUR);
  });

  it('follows New York across both changes, and days meet with no gap or overlap', () => {
    const days = ['2026-03-07', '2026-03-08', '2026-03-09', '2026-10-31', '2026-11-01', '2026-11-02'];
    const ranges = days.map((d) => localDayRange(d, 'America/New_York')!);
    expect(ranges.map((r) => (r.end - r.start) / HOUR)).toEqual([24, 23, 24, 24, 25, 24]);
    expect(ranges[1]!.start).toBe(ranges[0]!.end);
    expect(ranges[2]!.start).toBe(ranges[1]!.end);
    expect(ranges[4]!.start).toBe(ranges[3]!.end);
    for (const [i, r] of ranges.entries()) {
      expect(formatLocalDateTime(r.start, 'America/New_York')).toBe(`${days[i]} 00:00:00`);
      expect(formatLocalDate(r.end - 1, 'America/New_York')).toBe(days[i]);
    }
  });

  it('starts at the change where midnight itself is skipped (Santiago, September)', () => {
    const day = localDayRange('2026-09-06', 'America/Santiago')!;
    expect(formatLocalIso(day.start, 'America/Santiago')).toBe('2026-09-06T01:00:00-03:00');
    expect(formatLocalDate(day.start - 1, 'America/Santiago')).toBe('2026-09-05');
    expect(day.end - day.start).toBe(23 * HOUR);
  });

  it('refuses what is not a calendar day', () => {
    for (const bad of ['2026-02-30', '2026-13-01', '2026-12-5', '05/12/2026', '2026-12-05T00:00:00Z', '']) {
      expect(localDayRange(bad, 'Asia/Shanghai')).toBeUndefined();
    }
    expect(parseBareDate('2028-02-29')).toEqual([2028, 2, 29]);
    expect(localDayRange('2026-12-31', 'Asia/Shanghai')!.end).toBe(Date.parse('2026-12-31T16:00:00Z'));
  });
});

describe('a wall-clock time on a local day', () => {
  it('is the instant the clock shows then in the zone', () => {
    expect(iso(localTimeOnDay('2026-03-12', '14:05', 'Asia/Shanghai')!)).toBe('2026-03-12T06:05:00.000Z');
    expect(iso(localTimeOnDay('2026-12-05', '09:30:15', 'America/New_York')!)).toBe('2026-12-05T14:30:15.000Z');
  });

  it('moves a time the clocks skip on by the gap, and takes the first of a time they repeat', () => {
    expect(formatLocalIso(localTimeOnDay('2026-03-29', '02:30', 'Europe/Berlin')!, 'Europe/Berlin')).toBe(
      '2026-03-29T03:30:00+02:00',
    );
    expect(iso(localTimeOnDay('2026-10-25', '02:30', 'Europe/Berlin')!)).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(localTimeOnDay('2026-10-25', '03:30', 'Europe/Berlin')!)).toBe('2026-10-25T02:30:00.000Z');
  });

  it('refuses what is not a time', () => {
    for (const bad of ['24:00', '9:30', '12:60', '']) expect(localTimeOnDay('2026-03-12', bad, 'UTC')).toBeUndefined();
    expect(localTimeOnDay('2026-02-30', '12:00', 'UTC')).toBeUndefined();
  });
});

describe('bare dates in record queries', () => {
  it('are local days of the zone given; times with an offset stay exact', () => {
    expect(iso(rangeInstant('2026-12-05', 'start', 'Asia/Shanghai')!)).toBe('2026-12-04T16:00:00.000Z');
    expect(iso(rangeInstant('2026-12-05', 'end', 'Asia/Shanghai')!)).toBe('2026-12-05T15:59:59.999Z');
    expect(iso(rangeInstant('2026-12-05', 'end', 'America/New_York')!)).toBe('2026-12-06T04:59:59.999Z');
    expect(iso(rangeInstant('2026-12-05T08:00:00+08:00', 'start', 'America/New_York')!)).toBe(
      '2026-12-05T00:00:00.000Z',
    );
    expect(rangeInstant('2026-02-30', 'start', 'Asia/Shanghai')).toBeUndefined();
    expect(rangeInstant('2026-02-30T08:00:00Z', 'start', 'Asia/Shanghai')).toBeUndefined();
    expect(withLocalDays({ from: '2026-12-05', to: '2026-12-05', mode: 'drill' }, 'Asia/Shanghai')).toEqual({
      from: '2026-12-04T16:00:00.000Z',
      to: '2026-12-05T15:59:59.999Z',
      mode: 'drill',
    });
  });

  it('put a run at 23:30 on the 4th in Shanghai in the 4th, not the 5th', () => {
    const record = (runId: string, startedAt: string) =>
      ({
        runId,
        startedAt,
        notes: '',
        planTitle: { 'zh-CN': '', en: '' },
        operator: null,
        participants: [],
      }) as unknown as RunRecord;
    const run = record('late', '2026-12-04T15:30:00.000Z'); // 23:30 in Shanghai
    const next = record('next', '2026-12-04T16:30:00.000Z'); // 00:30 on the 5th
    const ids = (from: string, to: string, zone: string) =>
      queryRecords([run, next], { from, to }, zone).items.map((r) => r.runId);
    expect(ids('2026-12-04', '2026-12-04', 'Asia/Shanghai')).toEqual(['late']);
    expect(ids('2026-12-05', '2026-12-05', 'Asia/Shanghai')).toEqual(['next']);
    // The same runs read in UTC both fall on the 4th.
    expect(ids('2026-12-04', '2026-12-04', 'UTC')).toEqual(['next', 'late']);
    // A bound with an offset compares as the instant it names, not as text.
    expect(ids('2026-12-05T00:00:00+08:00', '2026-12-05T23:59:59+08:00', 'UTC')).toEqual(['next']);
  });
});
