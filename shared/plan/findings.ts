// Findings of plan checks: a code, a location and a message in both UI languages.
import type { Text } from '../text';

export type Severity = 'error' | 'warning';

export interface Finding {
  severity: Severity;
  code: FindingCode;
  /** The step the finding is about, where there is one. */
  stepId?: string;
  /** Where in the plan document, as `steps[3].options[0].next`. */
  path: string;
  message: Text;
}

type Params = Record<string, string | number>;

/** One entry per finding code: its default severity and its message in both languages. */
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
    text: (p: Params) => ({ 'zh-CN': `格式不符：${p.zh}`, en: `Does not match the plan format: ${p.en}` }),
  },
  'unsupported-schema-version': {
    severity: 'error',
    text: (p: Params) => ({
      'zh-CN': `不支持的 schemaVersion ${p.found}：本版本只读取 schemaVersion ${p.supported}`,
      en: `Unsupported schemaVersion ${p.found}: this release reads schemaVersion ${p.supported}`,
    }),
  },
  'unfilled-contact': {
    severity: 'error',
    text: (p: Params) => ({
      'zh-CN': `联系人“${p.contact}”没有电话号码：请在“设置”的联系人目录中填写（发布前必须填写，不能等到处置时才发现）`,
      en: `Contact "${p.contact}" has no phone number: fill it in the contact directory in Settings (required before publishing, not found out during an incident)`,
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
      'zh-CN': `预案“${p.plan}”第 ${p.version} 版有两种不同的内容（${p.first} 与 ${p.second}）：一个版本号只能对应一种内容`,
      en: `Plan "${p.plan}" version ${p.version} has two different contents (${p.first} and ${p.second}): a version number names one content`,
    }),
  },
  'duplicate-id': {
    severity: 'error',
    text: (p: Params) => ({
      'zh-CN': `${p.what}编号“${p.id}”重复（首次出现在 ${p.first}）`,
      en: `Duplicate ${p.whatEn} id "${p.id}" (first used at ${p.first})`,
    }),
  },
  'missing-start': {
    severity: 'error',
    text: (p: Params) => ({
      'zh-CN': `起始步骤“${p.start}”不存在于${p.scopeZh}`,
      en: `The start step "${p.start}" is not a step of ${p.scopeEn}`,
    }),
  },
  'unknown-target': {
    severity: 'error',
    text: (p: Params) => ({
      'zh-CN': `跳转目标“${p.target}”不是${p.scopeZh}的步骤`,
      en: `The target "${p.target}" is not a step of ${p.scopeEn}`,
    }),
  },
  'unreachable-step': {
    severity: 'error',
    text: () => ({ 'zh-CN': '从起始步骤无法到达此步骤', en: 'This step cannot be reached from the start' }),
  },
  'no-path-to-end': {
    severity: 'error',
    text: () => ({
      'zh-CN': '此步骤之后无法到达任何结束步骤（死路）',
      en: 'No end can be reached from this step (a dead end)',
    }),
  },
  'cycle-without-exit': {
    severity: 'error',
    text: (p: Params) => ({
      'zh-CN': `步骤循环没有出口：${p.steps}`,
      en: `These steps loop with no way out: ${p.steps}`,
    }),
  },
  'decision-too-few-options': {
    severity: 'error',
    text: (p: Params) => ({
      'zh-CN': `决策步骤至少需要两个选项（现有 ${p.count} 个）`,
      en: `A decision needs at least two options (it has ${p.count})`,
    }),
  },
  'parallel-too-few-tracks': {
    severity: 'error',
    text: (p: Params) => ({
      'zh-CN': `并行步骤至少需要两条角色分支（现有 ${p.count} 条）`,
      en: `A parallel step needs at least two role tracks (it has ${p.count})`,
    }),
  },
  'track-never-ends': {
    severity: 'error',
    text: (p: Params) => ({
      'zh-CN': `“${p.role}”分支从起点无法到达结束，并行步骤永远无法完成`,
      en: `The "${p.role}" track cannot reach an end from its start, so the parallel step never completes`,
    }),
  },
  'unknown-role': {
    severity: 'error',
    text: (p: Params) => ({ 'zh-CN': `未定义的角色“${p.role}”`, en: `Undefined role "${p.role}"` }),
  },
  'missing-role': {
    severity: 'warning',
    text: () => ({ 'zh-CN': '此步骤未指定负责角色', en: 'Nobody is assigned to this step (no role)' }),
  },
  'unknown-contact': {
    severity: 'error',
    text: (p: Params) => ({ 'zh-CN': `未定义的联系人“${p.contact}”`, en: `Undefined contact "${p.contact}"` }),
  },
  'unused-role': {
    severity: 'warning',
    text: (p: Params) => ({
      'zh-CN': `角色“${p.role}”已定义但未使用`,
      en: `Role "${p.role}" is defined but never used`,
    }),
  },
  'unused-contact': {
    severity: 'warning',
    text: (p: Params) => ({
      'zh-CN': `联系人“${p.contact}”已定义但未使用`,
      en: `Contact "${p.contact}" is defined but never used`,
    }),
  },
  'missing-translation': {
    severity: 'warning',
    text: (p: Params) => ({
      'zh-CN': `缺少${p.lang === 'zh-CN' ? '中文' : '英文'}文本`,
      en: `Missing ${p.lang === 'zh-CN' ? 'Chinese (zh-CN)' : 'English (en)'} text`,
    }),
  },
  'timer-out-of-range': {
    severity: 'error',
    text: (p: Params) => ({
      'zh-CN': `时限 ${p.seconds} 秒不合理：应在 1 秒至 24 小时（86400 秒）之间`,
      en: `A time limit of ${p.seconds} s is unreasonable: use 1 s to 24 h (86400 s)`,
    }),
  },
  'target-after-timeout': {
    severity: 'warning',
    text: (p: Params) => ({
      'zh-CN': `目标时间 ${p.target} 秒晚于超时 ${p.timeout} 秒，目标永远不会生效`,
      en: `The target of ${p.target} s is later than the timeout of ${p.timeout} s, so it never applies`,
    }),
  },
  'not-silent': {
    severity: 'warning',
    text: (p: Params) => ({
      'zh-CN': `“${p.category}”类预案应设为静默（silent: true）：处置时任何声响或闪烁都可能惊动嫌疑人、危及员工`,
      en: `A "${p.category}" plan should be silent (silent: true): any sound or flashing while it runs can alert the suspect and endanger staff`,
    }),
  },
  'unknown-follow-on': {
    severity: 'warning',
    text: (p: Params) => ({
      'zh-CN': `步骤“${p.step}”${p.option ? `的选项“${p.option}”` : ''}的后续预案“${p.plan}”不在预案库中`,
      en: `The follow-on plan "${p.plan}" of step "${p.step}"${p.option ? `, option "${p.option}",` : ''} is not in the plan library`,
    }),
  },
  'follow-on-self': {
    severity: 'warning',
    text: (p: Params) => ({
      'zh-CN': `步骤“${p.step}”${p.option ? `的选项“${p.option}”` : ''}的后续预案是本预案自己（“${p.plan}”）`,
      en: `The follow-on plan of step "${p.step}"${p.option ? `, option "${p.option}",` : ''} is this plan itself ("${p.plan}")`,
    }),
  },
  'drill-interval': {
    severity: 'warning',
    text: (p: Params) =>
      Number(p.days) < 1
        ? {
            'zh-CN': `演练周期 ${p.days} 天无效：至少为 1 天`,
            en: `A drill interval of ${p.days} days is invalid: use at least 1 day`,
          }
        : {
            'zh-CN': `演练周期 ${p.days} 天超过半年：现场处置方案至少每半年演练一次`,
            en: `A drill every ${p.days} days is longer than half a year: on-site procedures are drilled at least every six months`,
          },
  },
} as const satisfies Record<string, { severity: Severity; text: (p: Params) => Text }>;

export type FindingCode = keyof typeof CATALOGUE;
export const FINDING_CODES = Object.keys(CATALOGUE) as FindingCode[];

export function finding(
  code: FindingCode,
  path: string,
  params: Params = {},
  extra: { stepId?: string; severity?: Severity } = {},
): Finding {
  const entry = CATALOGUE[code];
  return {
    severity: extra.severity ?? entry.severity,
    code,
    ...(extra.stepId === undefined ? {} : { stepId: extra.stepId }),
    path,
    message: entry.text(params),
  };
}

/** Errors and warnings among findings of any checker (plans, checklist templates). */
export function countBySeverity(findings: readonly { severity: Severity }[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const f of findings) if (f.severity === 'error') errors++;
  return { errors, warnings: findings.length - errors };
}
