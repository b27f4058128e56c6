// A plan as an indented text outline: steps in order with their branches, tracks, roles, contacts
// and timers. Used by `plans show` and handy in reviews and diffs.
import { CATEGORY_LABELS, OUTCOME_LABELS, pick, SEVERITY_LABELS } from './labels';
import type { Language, Plan, Step, TrackStep } from './schema';

const WORDS = {
  'zh-CN': {
    roles: '角色',
    contacts: '联系人',
    drill: (d: number) => `演练：至少每 ${d} 天一次`,
    start: '起点',
    target: (s: number) => `目标 ${s} 秒`,
    timeout: (s: number) => `超时 ${s} 秒`,
    setLocally: '号码由网点设置',
    track: '分支',
    join: '全部分支完成后',
    outcome: '结果',
    check: '检查项',
  },
  en: {
    roles: 'Roles',
    contacts: 'Contacts',
    drill: (d: number) => `Drill: at least every ${d} days`,
    start: 'start',
    target: (s: number) => `target ${s}s`,
    timeout: (s: number) => `timeout ${s}s`,
    setLocally: 'number set by the branch',
    track: 'track',
    join: 'when every track has ended',
    outcome: 'outcome',
    check: 'check',
  },
} as const;

export function planOutline(plan: Plan, lang: Language, contentHash?: string): string[] {
  const w = WORDS[lang];
  const roleName = new Map(plan.roles.map((r) => [r.id, pick(r.title, lang)]));
  const contactName = new Map(
    plan.contacts.map((c) => [c.id, `${pick(c.name, lang)} ${c.phone ?? `(${w.setLocally})`}`]),
  );
  const lines: string[] = [
    `${pick(plan.title, lang)}  —  ${plan.id} v${plan.version}`,
    `${pick(CATEGORY_LABELS[plan.category], lang)} · ${pick(SEVERITY_LABELS[plan.severity], lang)}${contentHash ? `  ${contentHash}` : ''}`,
    pick(plan.summary, lang),
    `${w.roles}: ${plan.roles.map((r) => `${pick(r.title, lang)} (${r.id})`).join(', ')}`,
    `${w.contacts}: ${plan.contacts.map((c) => contactName.get(c.id)).join(', ')}`,
    w.drill(plan.drill.everyDays),
    '',
  ];

  const describe = (step: Step | TrackStep, depth: number, start: string): void => {
    const pad = '  '.repeat(depth);
    const marker = step.id === start ? '▶ ' : '  ';
    const role = 'role' in step && step.role ? ` — ${roleName.get(step.role) ?? step.role}` : '';
    lines.push(`${pad}${marker}${step.id} [${step.kind}] ${pick(step.title, lang)}${role}`);
    const more = `${pad}      `;
    if (step.kind === 'end') {
      if ('outcome' in step) lines.push(`${more}${w.outcome}: ${pick(OUTCOME_LABELS[step.outcome], lang)}`);
      return;
    }
    const timers = [
      step.targetSeconds === undefined ? '' : w.target(step.targetSeconds),
      step.timeout ? `${w.timeout(step.timeout.seconds)} → ${step.timeout.next}` : '',
    ].filter(Boolean);
    if (timers.length > 0) lines.push(`${more}⏱ ${timers.join(' · ')}`);
    if ('contacts' in step && step.contacts?.length) {
      lines.push(`${more}☎ ${step.contacts.map((c) => contactName.get(c) ?? c).join(', ')}`);
    }
    if (step.kind === 'action') {
      for (const item of step.checklist ?? []) lines.push(`${more}☐ ${pick(item.text, lang)}`);
      lines.push(`${more}→ ${step.next}`);
    } else if (step.kind === 'decision') {
      for (const option of step.options) lines.push(`${more}${pick(option.label, lang)} → ${option.next}`);
    } else {
      for (const track of step.tracks) {
        lines.push(`${more}‖ ${w.track} ${roleName.get(track.role) ?? track.role} (${track.role})`);
        for (const inner of track.steps) describe(inner, depth + 4, track.start);
      }
      lines.push(`${more}→ ${step.next} (${w.join})`);
    }
  };
  for (const step of plan.steps) describe(step, 0, plan.start);
  return lines;
}
