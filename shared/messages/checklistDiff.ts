// The words of a checklist template diff's readable list (shared/checklist/describeDiff.ts), what the reviewer reads
// before approving: one line per change in the one language chosen, so an entry is both wordings and the caller picks
// one. Field lines are worded as plan diffs word theirs (./diff); the checklist's own nouns are here.
import { text, type Catalogue, type Text } from '../text';

/** A title or text after an id: 「锁闭大门」 / "Lock the door" (nothing when it has none). */
const quoted = (title: Text) => text(title['zh-CN'] && `「${title['zh-CN']}」`, title.en && ` "${title.en}"`);

export const CHECKLIST_DIFF_MESSAGES = {
  summary: (
    itemsAdded: number,
    itemsRemoved: number,
    itemsChanged: number,
    itemsMoved: number,
    sectionsAdded: number,
    sectionsRemoved: number,
    sectionsChanged: number,
    sectionsMoved: number,
    templateFields: number,
  ) =>
    text(
      `检查项：新增 ${itemsAdded}，删除 ${itemsRemoved}，修改 ${itemsChanged}，移动 ${itemsMoved}；` +
        `分组：新增 ${sectionsAdded}，删除 ${sectionsRemoved}，修改 ${sectionsChanged}，移动 ${sectionsMoved}；` +
        `检查表属性：修改 ${templateFields} 处`,
      `items: ${itemsAdded} added, ${itemsRemoved} removed, ${itemsChanged} changed, ${itemsMoved} moved; ` +
        `sections: ${sectionsAdded} added, ${sectionsRemoved} removed, ${sectionsChanged} changed, ` +
        `${sectionsMoved} moved; template: ${templateFields} field(s) changed`,
    ),
  template: () => text('检查表', 'checklist'),
  section: (id: string) => text(`分组 ${id}`, `section ${id}`),
  item: (id: string) => text(`检查项 ${id}`, `item ${id}`),
  sectionAdded: (id: string, title: Text) => {
    const t = quoted(title);
    return text(`+ 分组 ${id}${t['zh-CN'] || ' '}新增`, `+ section ${id}${t.en} added`);
  },
  sectionRemoved: (id: string, title: Text) => {
    const t = quoted(title);
    return text(`- 分组 ${id}${t['zh-CN'] || ' '}删除`, `- section ${id}${t.en} removed`);
  },
  sectionMoved: (id: string, from: number, to: number) =>
    text(`↕ 分组 ${id} 移动：第 ${from} 位 → 第 ${to} 位`, `↕ section ${id} moved: position ${from} → position ${to}`),
  /** `facts`: its answer kind and marks (critical, photo), already joined. */
  itemAdded: (id: string, itemText: Text, section: string, facts: Text) => {
    const t = quoted(itemText);
    return text(
      `+ 检查项 ${id}${t['zh-CN'] || ' '}新增（分组 ${section}；${facts['zh-CN']}）`,
      `+ item ${id}${t.en} added (section ${section}; ${facts.en})`,
    );
  },
  itemRemoved: (id: string, itemText: Text, section: string) => {
    const t = quoted(itemText);
    return text(
      `- 检查项 ${id}${t['zh-CN'] || ' '}删除（分组 ${section}）`,
      `- item ${id}${t.en} removed (section ${section})`,
    );
  },
  itemMovedWithin: (id: string, section: string, from: number, to: number) =>
    text(
      `↕ 检查项 ${id} 移动：第 ${from} 位 → 第 ${to} 位（分组 ${section}）`,
      `↕ item ${id} moved: position ${from} → position ${to} (section ${section})`,
    ),
  itemMovedBetween: (id: string, from: string, fromIndex: number, to: string, toIndex: number) =>
    text(
      `↕ 检查项 ${id} 移动：分组 ${from} 第 ${fromIndex} 位 → 分组 ${to} 第 ${toIndex} 位`,
      `↕ item ${id} moved: position ${fromIndex} of section ${from} → position ${toIndex} of section ${to}`,
    ),
  critical: () => text('否决项', 'critical'),
  photo: () => text('须拍照', 'photo required'),
} satisfies Catalogue;
