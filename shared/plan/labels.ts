// Display names of the plan vocabulary (categories, severities, outcomes, step kinds) in both languages.
import type { Text } from '../text';
import type { CATEGORIES, Language, Localized, LOCATIONS, OUTCOMES, SEVERITIES } from './schema';

export const CATEGORY_LABELS: Record<(typeof CATEGORIES)[number], Text> = {
  robbery: { 'zh-CN': '抢劫', en: 'Robbery' },
  fire: { 'zh-CN': '火灾', en: 'Fire' },
  medical: { 'zh-CN': '突发疾病', en: 'Medical' },
  'suspicious-item': { 'zh-CN': '可疑物品/爆炸威胁', en: 'Suspicious item / bomb threat' },
  violence: { 'zh-CN': '冲突与暴力', en: 'Violence' },
  outage: { 'zh-CN': '停电/系统故障', en: 'Power or system outage' },
  'atm-tampering': { 'zh-CN': '自助设备被加装', en: 'ATM tampering' },
  'natural-disaster': { 'zh-CN': '自然灾害', en: 'Natural disaster' },
  'cash-in-transit': { 'zh-CN': '押运交接', en: 'Cash in transit' },
  hostage: { 'zh-CN': '劫持人质', en: 'Hostage taking' },
  fraud: { 'zh-CN': '电信诈骗', en: 'Fraud' },
  cyber: { 'zh-CN': '网络安全', en: 'Cyber' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

export const SEVERITY_LABELS: Record<(typeof SEVERITIES)[number], Text> = {
  critical: { 'zh-CN': '特别重大', en: 'Critical' },
  high: { 'zh-CN': '重大', en: 'High' },
  medium: { 'zh-CN': '较大', en: 'Medium' },
  low: { 'zh-CN': '一般', en: 'Low' },
};

export const OUTCOME_LABELS: Record<(typeof OUTCOMES)[number] | 'aborted', Text> = {
  resolved: { 'zh-CN': '已处置完毕', en: 'Resolved' },
  evacuated: { 'zh-CN': '已疏散', en: 'Evacuated' },
  'handed-to-police': { 'zh-CN': '移交公安', en: 'Handed over to police' },
  'handed-to-fire': { 'zh-CN': '移交消防', en: 'Handed over to the fire brigade' },
  'handed-to-medical': { 'zh-CN': '移交医疗急救', en: 'Handed over to paramedics' },
  escalated: { 'zh-CN': '已上报升级', en: 'Escalated' },
  'false-alarm': { 'zh-CN': '误报', en: 'False alarm' },
  aborted: { 'zh-CN': '已中止', en: 'Aborted' },
};

export const LOCATION_LABELS: Record<(typeof LOCATIONS)[number], Text> = {
  'business-hall': { 'zh-CN': '营业厅', en: 'Business hall' },
  'self-service': { 'zh-CN': '自助银行', en: 'Self-service area' },
  'cash-vault': { 'zh-CN': '现金库房', en: 'Cash vault' },
  'cash-handover': { 'zh-CN': '押运交接区', en: 'Cash handover area' },
};

/** Text in the wanted language, falling back to the other one rather than showing nothing. */
export function pick(text: Localized | undefined, lang: Language): string {
  if (!text) return '';
  return text[lang]?.trim() || text['zh-CN']?.trim() || text.en?.trim() || '';
}
