// What the audit trail says of a settings change to the contact directory: each changed contact named (its Chinese
// name and id), field by field, in both languages; and entries written before the directory (`phones`) still read.
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/audit/events';
import type { Language } from '../../shared/plan/schema';
import { describeAuditEntry } from '../../renderer/src/people/describeAuditEntry';
import { en } from '../../renderer/src/i18n/en';
import { zhCN } from '../../renderer/src/i18n/zh-CN';

const translations: Partial<Record<Language, TFunction>> = {};

beforeAll(async () => {
  for (const lng of ['zh-CN', 'en'] as const) {
    const instance = i18next.createInstance();
    await instance.init({
      resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
      lng,
      fallbackLng: 'zh-CN',
      interpolation: { escapeValue: false },
      showSupportNotice: false,
    });
    translations[lng] = instance.t;
  }
});

function details(changes: Record<string, { from: unknown; to: unknown }>, lang: Language): string[] {
  const entry: AuditEntry = {
    seq: 2,
    at: '2026-03-01T08:00:00.000Z',
    type: 'settings.changed',
    by: 'u-1',
    data: { changes },
    prev: '0'.repeat(64),
    hash: '0'.repeat(64),
  };
  return describeAuditEntry(entry, translations[lang]!, lang).details;
}

const contact = (phones: string[], more: { zh?: string; role?: string; notes?: string } = {}) => ({
  name: { 'zh-CN': more.zh ?? '', en: '' },
  role: more.role ?? '',
  phones,
  notes: more.notes ?? '',
});

describe('settings.changed with the contact directory', () => {
  it('names each changed contact and only the fields that changed', () => {
    const from = {
      'head-office-security': contact(['0571-8888 1234']),
      'cit-company': contact(['95555'], { zh: '押运公司调度' }),
    };
    const to = {
      'head-office-security': contact(['0571-8888 1234', '0571-8888 5678'], { role: '保卫处' }),
      'cit-company': contact(['95555'], { zh: '押运公司调度' }),
    };
    expect(details({ contacts: { from, to } }, 'zh-CN')).toEqual([
      '联系人目录 · 上级行安全保卫部门（head-office-security） · 单位或职务：（空） → “保卫处”',
      '联系人目录 · 上级行安全保卫部门（head-office-security） · 号码：“0571-8888 1234” → “0571-8888 1234”, “0571-8888 5678”',
    ]);
    expect(details({ contacts: { from, to } }, 'en')).toEqual([
      'Contact directory · Head-office security (head-office-security) · Organisation or role: (empty) → "保卫处"',
      'Contact directory · Head-office security (head-office-security) · Numbers: "0571-8888 1234" → "0571-8888 1234", "0571-8888 5678"',
    ]);
  });

  it('shows a contact added and one removed, by the name the branch gave it or its id', () => {
    const lines = details(
      {
        contacts: {
          from: { 'district-office': contact(['0571-1111'], { zh: '区支行办公室', notes: '夜间' }) },
          to: { 'night-guard': contact(['0571-2222']) },
        },
      },
      'zh-CN',
    );
    expect(lines).toEqual([
      '联系人目录 · 区支行办公室（district-office） · 名称（中文）：“区支行办公室” → （空）',
      '联系人目录 · 区支行办公室（district-office） · 号码：“0571-1111” → （空）',
      '联系人目录 · 区支行办公室（district-office） · 备注：“夜间” → （空）',
      '联系人目录 · night-guard · 号码：（空） → “0571-2222”',
    ]);
  });

  it('still reads an entry of the previous release, which changed `phones`', () => {
    expect(details({ phones: { from: {}, to: { 'head-office-security': '0571-8888 1234' } } }, 'zh-CN')).toEqual([
      '本地联系电话 · 上级行安全保卫部门：（空） → “0571-8888 1234”',
    ]);
  });
});
