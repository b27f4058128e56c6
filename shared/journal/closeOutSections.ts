// The close-out's sections in the order of the printed form, with their labels: plain constants, apart from the
// schema (./closeOutSchema checks that its keys are exactly these), so that showing a close-out builds no schema.
import type { Text } from '../text';

export const CLOSE_OUT_SECTIONS = ['losses', 'casualties', 'police', 'reports', 'followUp'] as const;
export type CloseOutSection = (typeof CLOSE_OUT_SECTIONS)[number];

export const CLOSE_OUT_SECTION_LABELS: Record<CloseOutSection, Text> = {
  losses: { 'zh-CN': '损失情况', en: 'Losses' },
  casualties: { 'zh-CN': '伤亡情况', en: 'Casualties' },
  police: { 'zh-CN': '报警及出警情况', en: 'Police' },
  reports: { 'zh-CN': '上报情况', en: 'Reported to' },
  followUp: { 'zh-CN': '后续措施', en: 'Follow-up measures' },
};
