// The words of a plan diff's readable list (shared/plan/describeDiff.ts, `plans diff`): one line per change, printed
// in the one language chosen, so an entry is both wordings and the caller picks one.
import { text, type Catalogue, type Text } from '../text';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
/** A step's title after its id, when it has one: 「锁闭大门」 / "Lock the door". */
const titled = (title: Text) => text(title['zh-CN'] && `「${title['zh-CN']}」`, title.en && ` "${title.en}"`);

export const DIFF_MESSAGES = {
  noDifferences: () => text('两个版本没有差异', 'no differences'),
  summary: (
    added: number,
    removed: number,
    changed: number,
    moved: number,
    renamed: number,
    planFields: number,
    edgesAdded: number,
    edgesRemoved: number,
  ) =>
    text(
      `步骤：新增 ${added}，删除 ${removed}，修改 ${changed}，移动 ${moved}，改名 ${renamed}；` +
        `预案属性：修改 ${planFields} 处；连线：新增 ${edgesAdded}，删除 ${edgesRemoved}`,
      `steps: ${added} added, ${removed} removed, ${changed} changed, ${moved} moved, ${renamed} renamed; ` +
        `plan: ${plural(planFields, 'field')} changed; edges: ${edgesAdded} added, ${edgesRemoved} removed`,
    ),

  plan: () => text('预案', 'plan'),
  step: (id: string) => text(`步骤 ${id}`, `step ${id}`),
  topLevel: () => text('预案顶层', 'the plan'),
  track: (parallel: string, role: string) => text(`${parallel} 的 ${role} 分支`, `track ${role} of ${parallel}`),
  /** Where a step is, after its headline. */
  inScope: (scope: Text) => text(`（${scope['zh-CN']}）`, ` (${scope.en})`),

  stepAdded: (id: string, title: Text) => {
    const t = titled(title);
    return text(`+ 步骤 ${id}${t['zh-CN'] || ' '}新增`, `+ step ${id}${t.en} added`);
  },
  stepRemoved: (id: string, title: Text) => {
    const t = titled(title);
    return text(`- 步骤 ${id}${t['zh-CN'] || ' '}删除`, `- step ${id}${t.en} removed`);
  },
  stepRenamed: (previousId: string, id: string, title: Text) => {
    const t = titled(title);
    return text(`» 步骤 ${previousId} 改名为 ${id}${t['zh-CN']}`, `» step ${previousId} renamed to ${id}${t.en}`);
  },
  stepMoved: (id: string, from: Text, to: Text) =>
    text(`↕ 步骤 ${id} 移动：${from['zh-CN']} → ${to['zh-CN']}`, `↕ step ${id} moved: ${from.en} → ${to.en}`),
  /** 1-based, as people count. */
  position: (n: number) => text(`第 ${n} 位`, `position ${n}`),
  positionIn: (n: number, scope: Text) => text(`${scope['zh-CN']}第 ${n} 位`, `position ${n} of ${scope.en}`),

  fieldChanged: (subject: Text, field: Text, before: Text, after: Text) =>
    text(
      `~ ${subject['zh-CN']}：${field['zh-CN']} ${before['zh-CN']} → ${after['zh-CN']}`,
      `~ ${subject.en}: ${field.en} ${before.en} → ${after.en}`,
    ),
  /** A long text, shown once with its edits marked: [-deleted-]{+inserted+}. */
  fieldEdited: (subject: Text, field: Text, edit: string) =>
    text(`~ ${subject['zh-CN']}：${field['zh-CN']}修改 ${edit}`, `~ ${subject.en}: ${field.en} edited: ${edit}`),
  fieldAdded: (subject: Text, field: Text, value: Text) =>
    text(
      `~ ${subject['zh-CN']}：新增${field['zh-CN']} ${value['zh-CN']}`,
      `~ ${subject.en}: ${field.en} added: ${value.en}`,
    ),
  fieldRemoved: (subject: Text, field: Text, value: Text) =>
    text(
      `~ ${subject['zh-CN']}：删除${field['zh-CN']}（原为 ${value['zh-CN']}）`,
      `~ ${subject.en}: ${field.en} removed (was ${value.en})`,
    ),
  fieldReordered: (subject: Text, field: Text, before: Text, after: Text) =>
    text(
      `~ ${subject['zh-CN']}：${field['zh-CN']}顺序 ${before['zh-CN']} → ${after['zh-CN']}`,
      `~ ${subject.en}: ${field.en} order ${before.en} → ${after.en}`,
    ),
  inChinese: () => text('（中文）', ' (Chinese)'),
  inEnglish: () => text('（英文）', ' (English)'),
  yes: () => text('是', 'yes'),
  no: () => text('否', 'no'),
  empty: () => text('（空）', '(empty)'),
  startsAt: (stepId: string) => text(`起点 ${stepId}`, `start ${stepId}`),

  edgeAdded: (from: string, to: string, via: Text) =>
    text(`→ 连线 ${from} → ${to}（${via['zh-CN']}）新增`, `→ edge ${from} → ${to} (${via.en}) added`),
  edgeRemoved: (from: string, to: string, via: Text) =>
    text(`→ 连线 ${from} → ${to}（${via['zh-CN']}）删除`, `→ edge ${from} → ${to} (${via.en}) removed`),
  viaNext: () => text('下一步', 'next'),
  viaTimeout: () => text('超时', 'timeout'),
  viaOption: (option: string) => text(`选项 ${option}`, `option ${option}`),
  viaTrackStart: (role: string) => text(`${role} 分支起点`, `start of track ${role}`),
  viaJoin: (role: string) => text(`${role} 分支汇合`, `join of track ${role}`),
} satisfies Catalogue;

/**
 * The names of plan fields as a diff line says them (`options[yes].label.zh-CN` → 选项 yes 文字（中文）). Data, not
 * messages: one per field of the plan format; a field without a name here is shown as written.
 */
export const DIFF_FIELD_LABELS: Readonly<Record<string, Text>> = {
  schemaVersion: text('格式版本', 'schema version'),
  id: text('编号', 'id'),
  version: text('版本', 'version'),
  kind: text('类型', 'kind'),
  title: text('标题', 'title'),
  shortTitle: text('简称', 'short title'),
  summary: text('摘要', 'summary'),
  category: text('类别', 'category'),
  severity: text('级别', 'severity'),
  locations: text('适用场所', 'locations'),
  silent: text('静默', 'silent'),
  roles: text('角色', 'roles'),
  duties: text('职责', 'duties'),
  contacts: text('联系人', 'contacts'),
  name: text('名称', 'name'),
  phone: text('电话', 'phone'),
  drill: text('演练', 'drill'),
  everyDays: text('间隔天数', 'interval (days)'),
  start: text('起点', 'start'),
  detail: text('说明', 'detail'),
  role: text('角色', 'role'),
  targetSeconds: text('目标时间（秒）', 'target (seconds)'),
  timeout: text('超时', 'timeout'),
  seconds: text('秒数', 'seconds'),
  checklist: text('检查项', 'checklist'),
  text: text('内容', 'text'),
  options: text('选项', 'options'),
  label: text('文字', 'label'),
  tracks: text('分支', 'tracks'),
  next: text('下一步', 'next'),
  followOn: text('后续预案', 'follow-on plan'),
  outcome: text('结果', 'outcome'),
};

/** One item of a keyed list, named with its key: 角色 guard / role guard. */
export const DIFF_ITEM_LABELS: Readonly<Record<string, Text>> = {
  roles: text('角色', 'role'),
  contacts: text('联系人', 'contact'),
  checklist: text('检查项', 'checklist item'),
  options: text('选项', 'option'),
  tracks: text('分支', 'track'),
};
