// Findings of checklist template checks: one catalogue, code → default severity → message in both UI languages,
// as plans have (../plan/findings). The rules that raise them are in ./analysis.
import type { Severity } from '../plan/findings';
import type { Text } from '../text';

export type { Severity };

export interface ChecklistFinding {
  severity: Severity;
  code: ChecklistFindingCode;
  /** The item the finding is about, where there is one (records and rectifications name items by id). */
  itemId?: string;
  /** The section it is about, or the item's section. */
  sectionId?: string;
  /** Where in the template, as `sections[2].items[4].passAt`. */
  path: string;
  message: Text;
}

type Params = Record<string, string | number>;

const CATALOGUE = {
  unreadable: {
    severity: 'error',
    text: (p: Params) => ({ 'zh-CN': `无法读取文件：${p.zh}`, en: `Cannot read the file: ${p.en}` }),
  },
  'not-json': {
    severity: 'error',
    text: (p: Params) => ({ 'zh-CN': `不是有效的 JSON：${p.zh}`, en: `Not valid JSON: ${p.en}` }),
  },
  schema: {
    severity: 'error',
    text: (p: Params) => ({ 'zh-CN': `格式不符：${p.zh}`, en: `Does not match the checklist format: ${p.en}` }),
  },
  'unsupported-schema-version': {
    severity: 'error',
    text: (p: Params) => ({
      'zh-CN': `不支持的 schemaVersion ${p.found}：本版本只读取 schemaVersion ${p.supported}`,
      en: `Unsupported schemaVersion ${p.found}: this release reads schemaVersion ${p.supported}`,
    }),
  },
  'version-damaged': {
    severity: 'error',
    text: (p: Params) => ({
      'zh-CN': `第 ${p.version} 版的文件 ${p.file} 不能使用：${p.zh}`,
      en: `The file ${p.file} of version ${p.version} cannot be used: ${p.en}`,
    }),
  },
  'version-conflict': {
    severity: 'error',
    text: (p: Params) => ({
      'zh-CN': `检查表“${p.checklist}”第 ${p.version} 版有两种不同的内容（${p.first} 与 ${p.second}）：一个版本号只能对应一种内容`,
      en: `Checklist "${p.checklist}" version ${p.version} has two different contents (${p.first} and ${p.second}): a version number names one content`,
    }),
  },
  'duplicate-id': {
    severity: 'error',
    text: (p: Params) => ({
      'zh-CN': `编号“${p.id}”重复（首次出现在 ${p.first}）：分组与检查项共用一套编号`,
      en: `Duplicate id "${p.id}" (first used at ${p.first}): sections and items share one set of ids`,
    }),
  },
  'no-items': {
    severity: 'error',
    text: () => ({ 'zh-CN': '检查表没有任何检查项', en: 'The checklist has no items to check' }),
  },
  'empty-section': {
    severity: 'warning',
    text: () => ({ 'zh-CN': '此分组没有检查项', en: 'This section has no items' }),
  },
  'missing-translation': {
    severity: 'warning',
    text: (p: Params) => ({
      'zh-CN': `缺少${p.lang === 'zh-CN' ? '中文' : '英文'}文本`,
      en: `Missing ${p.lang === 'zh-CN' ? 'Chinese (zh-CN)' : 'English (en)'} text`,
    }),
  },
  'pass-above-max': {
    severity: 'error',
    text: (p: Params) => ({
      'zh-CN': `合格分 ${p.passAt} 高于满分 ${p.max}：此项永远不会合格`,
      en: `passAt ${p.passAt} is above max ${p.max}: this item can never pass`,
    }),
  },
  'limits-reversed': {
    severity: 'error',
    text: (p: Params) => ({
      'zh-CN': `下限 ${p.min} 高于上限 ${p.max}：任何数值都不合格`,
      en: `min ${p.min} is above max ${p.max}: no value can pass`,
    }),
  },
  'cannot-fail': {
    severity: 'warning',
    text: (p: Params) =>
      p.why === 'no-limits'
        ? {
            'zh-CN': '数值项既没有下限也没有上限：任何数值都算合格',
            en: 'A number item with neither min nor max: every value passes',
          }
        : { 'zh-CN': '合格分为 0：任何评分都算合格', en: 'passAt is 0: every score passes' },
  },
  'section-scores-nothing': {
    severity: 'warning',
    text: (p: Params) => ({
      'zh-CN': `分组权重为 ${p.weight}，但其中没有计分的检查项（只有文字项，或权重都为 0），此分组不计入总分`,
      en: `The section has weight ${p.weight} but nothing in it scores (only text items, or every weight 0), so it never counts`,
    }),
  },
  'scores-cannot-add-up': {
    severity: 'error',
    text: (p: Params) => ({
      'zh-CN': `设有合格总分 ${p.passScore}，但分数无法累计：没有权重大于 0 且含计分检查项的分组`,
      en: `passScore ${p.passScore} is set but scores cannot add up: no section with a weight above 0 holds an item that scores`,
    }),
  },
  'critical-text-item': {
    severity: 'error',
    text: () => ({
      'zh-CN': '文字项只作记录、永远不会不合格，不能设为否决项（critical）',
      en: 'A text item is only recorded and can never fail, so it cannot be critical',
    }),
  },
  'rectify-on-text-item': {
    severity: 'warning',
    text: (p: Params) => ({
      'zh-CN': `文字项永远不会不合格，不需要整改，${p.field} 不起作用`,
      en: `A text item can never fail, so nothing is rectified and ${p.field} has no effect`,
    }),
  },
} as const satisfies Record<string, { severity: Severity; text: (p: Params) => Text }>;

export type ChecklistFindingCode = keyof typeof CATALOGUE;
export const CHECKLIST_FINDING_CODES = Object.keys(CATALOGUE) as ChecklistFindingCode[];

export function finding(
  code: ChecklistFindingCode,
  path: string,
  params: Params = {},
  extra: { itemId?: string; sectionId?: string; severity?: Severity } = {},
): ChecklistFinding {
  const entry = CATALOGUE[code];
  return {
    severity: extra.severity ?? entry.severity,
    code,
    ...(extra.itemId === undefined ? {} : { itemId: extra.itemId }),
    ...(extra.sectionId === undefined ? {} : { sectionId: extra.sectionId }),
    path,
    message: entry.text(params),
  };
}

export { countBySeverity } from '../plan/findings';
