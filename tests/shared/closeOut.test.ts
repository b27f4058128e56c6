// The incident close-out's schema (limits, an explicit "none" per section), its time rules (not in the future,
// not before the run started, arrival after the call), local HH:mm to ISO with offset, and its one-line gist.
import { describe, expect, it } from 'vitest';
import {
  CLOSE_OUT_LIMITS,
  CloseOutSchema,
  closeOutSchemaProblems,
  closeOutTimeProblems,
  describeCloseOut,
  localHhmmOf,
  localTimeOnDay,
  type CloseOut,
} from '../../shared/run/closeOut';
import { journalEventData } from '../../shared/journal/events';

const NONE: CloseOut = {
  losses: { none: true },
  casualties: { none: true },
  police: { none: true },
  reports: { none: true },
  followUp: { none: true },
};

// Run start and times with an explicit offset, so the test does not depend on the machine's time zone.
const START = '2026-03-12T10:03:25+08:00';
const NOW = new Date('2026-03-12T11:30:00+08:00');

const full: CloseOut = {
  losses: { none: false, text: '被抢现金', amountYuan: 52000.5 },
  casualties: { none: false, injured: 1, dead: 0, text: '柜员手臂擦伤' },
  police: {
    none: false,
    calledAt: '2026-03-12T10:03:00+08:00',
    arrivedAt: '2026-03-12T10:12:00+08:00',
    receiptNo: 'JJ20260312-0815',
    text: '派出所两名民警到场',
  },
  reports: {
    none: false,
    entries: [
      { to: '分行安全保卫部', at: '2026-03-12T10:20:00+08:00', how: '王伟 电话' },
      { to: '支行行长', at: '2026-03-12T10:25:00+08:00', how: '王伟 当面' },
    ],
  },
  followUp: { none: false, text: '调取录像，加强巡逻' },
};

describe('the close-out schema', () => {
  it('takes "none" for every section, and a full close-out', () => {
    expect(CloseOutSchema.parse(NONE)).toEqual(NONE);
    expect(CloseOutSchema.parse(full)).toEqual(full);
    expect(journalEventData['incident.closedOut'].safeParse(full).success).toBe(true);
  });

  it('refuses a missing section, a section with neither choice, and unknown fields', () => {
    const { followUp: _, ...lacking } = NONE;
    expect(CloseOutSchema.safeParse(lacking).success).toBe(false);
    expect(CloseOutSchema.safeParse({ ...NONE, losses: {} }).success).toBe(false);
    expect(CloseOutSchema.safeParse({ ...NONE, losses: { none: true, text: 'x' } }).success).toBe(false);
    expect(CloseOutSchema.safeParse({ ...NONE, extra: 1 }).success).toBe(false);
  });

  it('keeps each text within its limit, and requires the text of a section that is not "none"', () => {
    const losses = (text: string) => CloseOutSchema.safeParse({ ...NONE, losses: { none: false, text } }).success;
    expect(losses('x'.repeat(CLOSE_OUT_LIMITS.text))).toBe(true);
    expect(losses('x'.repeat(CLOSE_OUT_LIMITS.text + 1))).toBe(false);
    expect(losses('   ')).toBe(false);
    const receipt = (receiptNo: string) =>
      CloseOutSchema.safeParse({ ...NONE, police: { ...full.police, receiptNo } }).success;
    expect(receipt('R'.repeat(CLOSE_OUT_LIMITS.receiptNo))).toBe(true);
    expect(receipt('R'.repeat(CLOSE_OUT_LIMITS.receiptNo + 1))).toBe(false);
    expect(CloseOutSchema.safeParse({ ...NONE, followUp: { none: false, text: '' } }).success).toBe(false);
  });

  it('counts people as whole numbers, at least one injured or dead when not "none"', () => {
    const casualties = (injured: number, dead: number) =>
      CloseOutSchema.safeParse({ ...NONE, casualties: { none: false, injured, dead } }).success;
    expect(casualties(1, 0)).toBe(true);
    expect(casualties(0, 2)).toBe(true);
    expect(casualties(0, 0)).toBe(false);
    expect(casualties(-1, 2)).toBe(false);
    expect(casualties(1.5, 0)).toBe(false);
    expect(casualties(CLOSE_OUT_LIMITS.people + 1, 0)).toBe(false);
  });

  it('takes an amount in yuan to the fen, never negative', () => {
    const amount = (amountYuan: number) =>
      CloseOutSchema.safeParse({ ...NONE, losses: { none: false, text: '现金', amountYuan } }).success;
    expect(amount(0)).toBe(true);
    expect(amount(0.07)).toBe(true);
    expect(amount(1234.56)).toBe(true);
    expect(amount(1.005)).toBe(false);
    expect(amount(-1)).toBe(false);
    expect(amount(CLOSE_OUT_LIMITS.amountYuan + 1)).toBe(false);
  });

  it('holds 1 to 20 reports, each with whom, when (ISO with offset) and how', () => {
    const entry = full.reports.none ? undefined : full.reports.entries[0]!;
    const reports = (entries: unknown[]) =>
      CloseOutSchema.safeParse({ ...NONE, reports: { none: false, entries } }).success;
    expect(reports([])).toBe(false);
    expect(reports(Array.from({ length: CLOSE_OUT_LIMITS.reports }, () => entry))).toBe(true);
    expect(reports(Array.from({ length: CLOSE_OUT_LIMITS.reports + 1 }, () => entry))).toBe(false);
    expect(reports([{ ...entry, at: '10:20' }])).toBe(false);
    expect(reports([{ ...entry, at: '2026-03-12T10:20:00' }])).toBe(false); // no offset: ambiguous
    expect(reports([{ ...entry, to: '' }])).toBe(false);
  });

  it('says in both languages which section and field is wrong', () => {
    const problems = closeOutSchemaProblems({
      ...NONE,
      casualties: { none: false, injured: 0, dead: 0 },
      followUp: { none: false, text: 'x'.repeat(CLOSE_OUT_LIMITS.text + 1) },
    });
    expect(problems).toEqual([
      {
        path: 'casualties.injured',
        message: { 'zh-CN': '伤亡情况：受伤或死亡人数至少填 1', en: 'Casualties: injured or dead must be at least 1' },
      },
      {
        path: 'followUp.text',
        message: { 'zh-CN': '后续措施：最多 2000 字', en: 'Follow-up measures: at most 2000 characters' },
      },
    ]);
    expect(closeOutSchemaProblems(NONE)).toEqual([]);
  });
});

describe('close-out times', () => {
  it('accepts times from the minute the run started up to now', () => {
    expect(closeOutTimeProblems(full, START, NOW)).toEqual([]);
  });

  it('refuses a time in the future, one before the start, and an arrival before the call', () => {
    const late: CloseOut = {
      ...full,
      reports: { none: false, entries: [{ to: '行长', at: '2026-03-12T11:31:00+08:00', how: '电话' }] },
    };
    expect(closeOutTimeProblems(late, START, NOW)).toEqual([
      {
        path: 'reports.entries.0.at',
        message: { 'zh-CN': '第 1 条上报的时间晚于现在', en: 'The time of report 1 is in the future' },
      },
    ]);
    const early: CloseOut = {
      ...full,
      police: { none: false, calledAt: '2026-03-12T10:02:00+08:00', arrivedAt: '2026-03-12T10:01:00+08:00' },
    };
    expect(closeOutTimeProblems(early, START, NOW).map((p) => [p.path, p.message.en])).toEqual([
      ['police.calledAt', 'The time the police were called is before the run started'],
      ['police.arrivedAt', 'The time the police arrived is before the run started'],
      ['police.arrivedAt', 'The police arrived before they were called'],
    ]);
    expect(closeOutTimeProblems(NONE, START, NOW)).toEqual([]);
  });

  it('turns a local HH:mm on the run’s day into ISO with the local offset, and back', () => {
    const iso = localTimeOnDay('10:05', START)!;
    expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}T10:05:00[+-]\d{2}:\d{2}$/);
    const start = new Date(START);
    const day = `${start.getFullYear()}-${String(start.getMonth() + 1).padStart(2, '0')}-${String(start.getDate()).padStart(2, '0')}`;
    expect(iso.slice(0, 10)).toBe(day); // the run's local calendar day
    expect(new Date(iso).getHours()).toBe(10);
    expect(localHhmmOf(iso)).toBe('10:05');
    expect(localTimeOnDay('00:00', START)!.slice(11, 19)).toBe('00:00:00');
    for (const bad of ['24:00', '9:05', '10:60', '', '10:05:00']) expect(localTimeOnDay(bad, START)).toBeUndefined();
  });
});

describe('the close-out in words', () => {
  it('names each section, none or what happened', () => {
    expect(describeCloseOut(NONE)).toEqual({
      'zh-CN': '事件后续情况 — 损失：无；伤亡：无；未报警；上报：无；后续措施：无',
      en: 'Close-out — losses: none; casualties: none; police not called; reported: none; follow-up: none',
    });
    const words = describeCloseOut(full);
    expect(words['zh-CN']).toBe(
      '事件后续情况 — 损失：被抢现金（约 52000.50 元）；伤亡：伤 1 人、亡 0 人；已报警，回执号 JJ20260312-0815；' +
        '上报：分行安全保卫部、支行行长；后续措施：调取录像，加强巡逻',
    );
    expect(words.en).toContain('police called, receipt JJ20260312-0815');
  });
});
