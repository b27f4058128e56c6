// The flow diagram's texts in both languages. The diagram reads them by its `lang` prop (a compare screen may draw a
// plan in a language other than the UI's); PlanDiagram.tsx also adds them to i18next, as lazy screens do. Plain data,
// so the pure graph builder and its tests in Node use the same texts.
import type { Mirror, StringBundle } from '../i18n/addStrings';

const zhCN = {
  diagram: {
    kinds: { action: '操作', decision: '判断', parallel: '并行', end: '结束', trackEnd: '分支完成' },
    start: '开始',
    /** Marks the first step of the plan or of a track. */
    startStep: '起点',
    target: '目标 {{seconds}} 秒',
    timeout: '超时 {{seconds}} 秒',
    missing: '缺失：{{id}}',
    lane: '{{role}}',
    join: '汇合后继续',
    outcome: '结果：{{outcome}}',
    /** A node's accessible name: kind, title and what else the node shows, in reading order. */
    nodeLabel: '{{kind}}：{{title}}',
    laying: '正在排布流程图…',
    layoutFailed: '流程图排布失败：{{message}}',
    marks: { added: '新增', removed: '删除', changed: '修改', moved: '移动', renamed: '改名' },
    edgeMarks: { added: '新增连线', removed: '删除连线' },
    legend: '图例',
    selected: '已选中',
    dashed: '虚线：超时后转到',
    handles: {
      next: '拖到另一步骤：下一步',
      timeout: '拖到另一步骤：超时后',
      option: '拖到另一步骤：选项“{{label}}”',
    },
    a11y: {
      node: '按回车键或空格键选择此步骤。',
      edge: '连线',
      controls: '缩放',
      zoomIn: '放大',
      zoomOut: '缩小',
      fitView: '显示全部',
      interactive: '锁定或解锁',
      handle: '连接点',
    },
  },
};

const en: Mirror<typeof zhCN> = {
  diagram: {
    kinds: { action: 'Action', decision: 'Decision', parallel: 'Parallel', end: 'End', trackEnd: 'Track done' },
    start: 'Start',
    startStep: 'First',
    target: 'target {{seconds}} s',
    timeout: 'timeout {{seconds}} s',
    missing: 'missing: {{id}}',
    lane: '{{role}}',
    join: 'All done, then on',
    outcome: 'Outcome: {{outcome}}',
    nodeLabel: '{{kind}}: {{title}}',
    laying: 'Laying out the diagram…',
    layoutFailed: 'The diagram could not be laid out: {{message}}',
    marks: { added: 'added', removed: 'removed', changed: 'changed', moved: 'moved', renamed: 'renamed' },
    edgeMarks: { added: 'edge added', removed: 'edge removed' },
    legend: 'Legend',
    selected: 'selected',
    dashed: 'Dashed: where a timeout leads',
    handles: {
      next: 'Drag onto another step: next',
      timeout: 'Drag onto another step: after the timeout',
      option: 'Drag onto another step: option “{{label}}”',
    },
    a11y: {
      node: 'Press Enter or Space to select this step.',
      edge: 'Edge',
      controls: 'Zoom',
      zoomIn: 'Zoom in',
      zoomOut: 'Zoom out',
      fitView: 'Show all',
      interactive: 'Lock or unlock',
      handle: 'Connection point',
    },
  },
};

export type DiagramStrings = (typeof zhCN)['diagram'];

export const DIAGRAM_STRINGS: Readonly<Record<'zh-CN' | 'en', DiagramStrings>> = {
  'zh-CN': zhCN.diagram,
  en: en.diagram,
};

export const DIAGRAM_BUNDLE: StringBundle<typeof zhCN> = { 'zh-CN': zhCN, en };
