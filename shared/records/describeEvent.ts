// A journal event in words, in either language: for CSV exports, reports and the timeline.
import type { Text } from '../plan/findings';
import { OUTCOME_LABELS, pick } from '../plan/labels';
import type { Plan } from '../plan/schema';
import { indexSteps } from '../plan/stepIndex';

export function eventDescriber(plan: Plan): (type: string, data: unknown) => Text {
  const steps = indexSteps(plan);
  const title = (id: string): Text => {
    const step = steps.get(id)?.step;
    return { 'zh-CN': pick(step?.title, 'zh-CN') || id, en: pick(step?.title, 'en') || id };
  };
  const option = (stepId: string, optionId: string): Text => {
    const step = steps.get(stepId)?.step;
    const o = step?.kind === 'decision' ? step.options.find((x) => x.id === optionId) : undefined;
    return { 'zh-CN': pick(o?.label, 'zh-CN') || optionId, en: pick(o?.label, 'en') || optionId };
  };
  const item = (stepId: string, itemId: string): Text => {
    const step = steps.get(stepId)?.step;
    const i = step?.kind === 'action' ? (step.checklist ?? []).find((x) => x.id === itemId) : undefined;
    return { 'zh-CN': pick(i?.text, 'zh-CN') || itemId, en: pick(i?.text, 'en') || itemId };
  };
  const contact = (id: string): Text => {
    const c = plan.contacts.find((x) => x.id === id);
    return { 'zh-CN': pick(c?.name, 'zh-CN') || id, en: pick(c?.name, 'en') || id };
  };
  return (type, raw) => {
    const v = (key: string): string => String((raw as Record<string, unknown> | null)?.[key] ?? '');
    const both = (zh: string, en: string): Text => ({ 'zh-CN': zh, en });
    switch (type) {
      case 'run.started':
        return both(
          `开始${v('mode') === 'drill' ? '演练' : '处置'}：${pick(plan.title, 'zh-CN')}`,
          `${v('mode') === 'drill' ? 'Drill' : 'Incident'} started: ${pick(plan.title, 'en')}`,
        );
      case 'step.completed':
        return both(`完成：${title(v('step'))['zh-CN']}`, `Done: ${title(v('step')).en}`);
      case 'option.chosen':
        return both(
          `选择：${title(v('step'))['zh-CN']} → ${option(v('step'), v('option'))['zh-CN']}`,
          `Chose: ${title(v('step')).en} → ${option(v('step'), v('option')).en}`,
        );
      case 'checklist.ticked':
        return both(`勾选：${item(v('step'), v('item'))['zh-CN']}`, `Checked: ${item(v('step'), v('item')).en}`);
      case 'contact.called':
        return both(
          `已拨打：${contact(v('contact'))['zh-CN']} ${v('phone')}`,
          `Called: ${contact(v('contact')).en} ${v('phone')}`,
        );
      case 'note.added':
        return both(`备注：${v('text')}`, `Note: ${v('text')}`);
      case 'step.overdue':
        return both(
          `逾期：${title(v('step'))['zh-CN']}（目标 ${v('targetSeconds')} 秒）`,
          `Overdue: ${title(v('step')).en} (target ${v('targetSeconds')} s)`,
        );
      case 'step.timeout': {
        const def = steps.get(v('step'))?.step;
        const next = def && def.kind !== 'end' && def.timeout ? title(def.timeout.next) : undefined;
        return both(
          `超时：${title(v('step'))['zh-CN']}（${v('seconds')} 秒）${next ? ` → 自动转入：${next['zh-CN']}` : ''}`,
          `Timed out: ${title(v('step')).en} (${v('seconds')} s)${next ? ` → moved on to: ${next.en}` : ''}`,
        );
      }
      case 'run.aborted':
        return both(`中止：${v('reason')}`, `Aborted: ${v('reason')}`);
      case 'run.ended': {
        const outcome = OUTCOME_LABELS[v('outcome') as keyof typeof OUTCOME_LABELS] as
          { 'zh-CN': string; en: string } | undefined;
        return both(`结束：${outcome?.['zh-CN'] ?? v('outcome')}`, `Ended: ${outcome?.en ?? v('outcome')}`);
      }
      case 'run.signedOff':
        return both(
          `签字确认：${v('name')}${v('note') ? `（${v('note')}）` : ''}`,
          `Signed off: ${v('name')}${v('note') ? ` (${v('note')})` : ''}`,
        );
      case 'run.sealed':
        return both(`记录已封存（密钥 ${v('keyId')}）`, `Record sealed (key ${v('keyId')})`);
      case 'journal.recovered':
        return both(
          `写入中断后恢复：${v('bytes')} 字节已另存为 ${v('sidecar')}`,
          `Recovered after an interrupted write: ${v('bytes')} bytes kept in ${v('sidecar')}`,
        );
      case 'journal.rewritten':
        return both(
          `记录文件在处置中${v('reason') === 'deleted' ? '被删除' : '被替换'}，已按已确认的 ${v('events')} 条事件重写`,
          `The journal file was ${v('reason')} during the run; it was written again from the ${v('events')} acknowledged events`,
        );
      default:
        return both(type, type);
    }
  };
}
