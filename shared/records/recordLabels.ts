// Display names of a record's codes (mode, integrity) in both languages, for files and the command line, which
// cannot use the renderer's translations. Outcomes are named in shared/plan/labels.ts.
import type { RunMode } from '../journal/events';
import type { Text } from '../text';
import type { Integrity } from './runSummary';

export const MODE_LABELS: Record<RunMode, Text> = {
  incident: { 'zh-CN': '实战', en: 'incident' },
  drill: { 'zh-CN': '演练', en: 'drill' },
};

export const INTEGRITY_LABELS: Record<Integrity, Text> = {
  verified: { 'zh-CN': '已验证', en: 'verified' },
  'not-sealed': { 'zh-CN': '未封存', en: 'not sealed' },
  damaged: { 'zh-CN': '已损坏', en: 'damaged' },
  foreign: { 'zh-CN': '由其他安装封存', en: 'sealed by another installation' },
  checking: { 'zh-CN': '核验中', en: 'checking' },
};

/** What the history says of a run with no outcome yet. */
export const NO_OUTCOME_LABEL: Text = { 'zh-CN': '进行中', en: 'in progress' };
