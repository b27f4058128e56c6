// A checklist template of any size for benchmarks: sections of 20 items mixing every kind (mostly yes/no, as real
// checklists are), a critical item and a must-photograph item per section. It checks clean (`checklists check`).
import { CHECKLIST_SCHEMA_VERSION, type Checklist, type ChecklistItem } from '../shared/checklist/schema';

export function generateChecklist(items: number, id = `bench-${items}`): Checklist {
  const sections: Checklist['sections'] = [];
  for (let s = 0; s * 20 < items; s++) {
    const sectionItems: ChecklistItem[] = [];
    for (let i = s * 20; i < Math.min(items, (s + 1) * 20); i++) {
      const base = {
        id: `item-${i + 1}`,
        text: { 'zh-CN': `检查项 ${i + 1}：设备完好、记录齐全`, en: `Item ${i + 1}: equipment sound, log complete` },
        guidance: { 'zh-CN': '现场查看并核对记录', en: 'Look on site and check the log' },
        ...(i % 20 === 0 ? { critical: true } : {}),
        ...(i % 20 === 1 ? { photo: true } : {}),
      };
      const kind = i % 10;
      sectionItems.push(
        kind === 7
          ? { ...base, kind: 'score', max: 5 }
          : kind === 8
            ? { ...base, kind: 'number', min: 0, max: 60, unit: { 'zh-CN': '秒', en: 's' } }
            : kind === 9
              ? { ...base, kind: 'text' }
              : { ...base, kind: 'yes-no' },
      );
    }
    sections.push({
      id: `section-${s + 1}`,
      title: { 'zh-CN': `第 ${s + 1} 部分`, en: `Part ${s + 1}` },
      items: sectionItems,
    });
  }
  return {
    schemaVersion: CHECKLIST_SCHEMA_VERSION,
    kind: 'checklist',
    id,
    version: 1,
    use: 'inspection',
    title: { 'zh-CN': `${items} 项基准检查表`, en: `${items}-item benchmark checklist` },
    summary: { 'zh-CN': '基准测试用检查表', en: 'A checklist for benchmarks' },
    sections,
  };
}
