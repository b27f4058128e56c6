// How the inspection screens word an item (renderer/src/inspections/labels.ts), with their own strings: a number's
// limits and unit (no space before a Chinese unit, one before an English one), an answer read back, a score.
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChecklistItem } from '../../shared/checklist/schema';
import { answerText, limitsText, namesText, percentText, unitText } from '../../renderer/src/inspections/labels';

const DAYS: ChecklistItem = { id: 'days', kind: 'number', text: {}, unit: { 'zh-CN': '天', en: 'days' }, min: 90 };
const SECONDS: ChecklistItem = {
  id: 'secs',
  kind: 'number',
  text: {},
  unit: { 'zh-CN': '秒', en: 'seconds' },
  max: 60,
};
const RANGE: ChecklistItem = { id: 'range', kind: 'number', text: {}, min: 18, max: 26, allowNa: true };
const YES_NO: ChecklistItem = { id: 'yn', kind: 'yes-no', text: {} };
const SCORE: ChecklistItem = { id: 'sc', kind: 'score', text: {}, max: 5 };
const TEXT: ChecklistItem = { id: 'tx', kind: 'text', text: {} };

const zh = () => i18next.getFixedT('zh-CN');
const en = () => i18next.getFixedT('en');

beforeAll(async () => {
  await i18next.init({ lng: 'zh-CN', fallbackLng: 'zh-CN', resources: {}, interpolation: { escapeValue: false } });
  await import('../../renderer/src/inspections/strings');
});

describe('a number item', () => {
  it('says its unit as each language writes it', () => {
    expect(unitText(DAYS, 'zh-CN')).toBe('天');
    expect(unitText(DAYS, 'en')).toBe(' days');
    expect(unitText(RANGE, 'zh-CN')).toBe('');
    expect(unitText(YES_NO, 'en')).toBe('');
  });

  it('says its limits: the least, the most, or both', () => {
    expect(limitsText(DAYS, 'zh-CN', zh())).toBe('不低于 90天');
    expect(limitsText(DAYS, 'en', en())).toBe('At least 90 days');
    expect(limitsText(SECONDS, 'zh-CN', zh())).toBe('不高于 60秒');
    expect(limitsText(RANGE, 'en', en())).toBe('18–26');
    expect(limitsText({ ...RANGE, min: undefined, max: undefined }, 'zh-CN', zh())).toBe('');
    expect(limitsText(YES_NO, 'zh-CN', zh())).toBe('');
  });
});

describe('an answer read back', () => {
  it('in the words of the buttons that gave it', () => {
    expect(answerText(YES_NO, { kind: 'yes-no', value: 'no' }, 'zh-CN', zh())).toBe('不合格');
    expect(answerText(YES_NO, { kind: 'yes-no', value: 'na' }, 'en', en())).toBe('N/A');
    expect(answerText(SCORE, { kind: 'score', value: 4 }, 'zh-CN', zh())).toBe('4 分');
    expect(answerText(DAYS, { kind: 'number', value: 120 }, 'zh-CN', zh())).toBe('120天');
    expect(answerText(DAYS, { kind: 'number', value: 120 }, 'en', en())).toBe('120 days');
    expect(answerText(RANGE, { kind: 'number', value: null }, 'zh-CN', zh())).toBe('不适用');
    expect(answerText(TEXT, { kind: 'text', value: '无异常' }, 'zh-CN', zh())).toBe('无异常');
    expect(answerText(TEXT, { kind: 'text', value: '' }, 'zh-CN', zh())).toBe('（无）');
    expect(answerText(YES_NO, undefined, 'zh-CN', zh())).toBe('未检查');
  });

  it('a score as a percentage, or a dash while nothing counts; names in a list', () => {
    expect(percentText(95.6, zh())).toBe('95.6%');
    expect(percentText(null, zh())).toBe('—');
    expect(namesText(['陈培训', '李娜'], 'zh-CN')).toBe('陈培训、李娜');
    expect(namesText(['Chen', 'Li'], 'en')).toBe('Chen, Li');
  });
});
