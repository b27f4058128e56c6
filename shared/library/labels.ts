// Words for the library's vocabularies, zod-free so screens on the first load may use them.
import type { Text } from '../text';

/** Where a version's content came from (a published version's `source`, a draft's `origin`). */
export const VERSION_SOURCE_LABELS = {
  template: { 'zh-CN': '随附模板', en: 'bundled template' },
  revision: { 'zh-CN': '修订', en: 'revision' },
  import: { 'zh-CN': '导入', en: 'import' },
  rollback: { 'zh-CN': '回退', en: 'rollback' },
  'template-update': { 'zh-CN': '模板更新', en: 'template update' },
  new: { 'zh-CN': '新预案', en: 'new plan' },
  'head-office': { 'zh-CN': '总行下发', en: 'head-office release' },
} as const satisfies Record<string, Text>;
