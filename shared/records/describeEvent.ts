// A journal event in words, in either language: for CSV exports, reports and the timeline.
import { text, type Text } from '../text';
import { EVENT_MESSAGES as m } from '../messages/events';
import { OUTCOME_LABELS, pick } from '../plan/labels';
import type { Plan } from '../plan/schema';
import { indexSteps } from '../plan/stepIndex';
import { describeCloseOut, looksLikeCloseOut } from '../run/closeOutText';

export function eventDescriber(plan: Plan): (type: string, data: unknown) => Text {
  const steps = indexSteps(plan);
  const title = (id: string): Text => {
    const step = steps.get(id)?.step;
    return text(pick(step?.title, 'zh-CN') || id, pick(step?.title, 'en') || id);
  };
  const option = (stepId: string, optionId: string): Text => {
    const step = steps.get(stepId)?.step;
    const o = step?.kind === 'decision' ? step.options.find((x) => x.id === optionId) : undefined;
    return text(pick(o?.label, 'zh-CN') || optionId, pick(o?.label, 'en') || optionId);
  };
  const item = (stepId: string, itemId: string): Text => {
    const step = steps.get(stepId)?.step;
    const i = step?.kind === 'action' ? (step.checklist ?? []).find((x) => x.id === itemId) : undefined;
    return text(pick(i?.text, 'zh-CN') || itemId, pick(i?.text, 'en') || itemId);
  };
  const contact = (id: string): Text => {
    const c = plan.contacts.find((x) => x.id === id);
    return text(pick(c?.name, 'zh-CN') || id, pick(c?.name, 'en') || id);
  };
  const role = (id: string): Text => {
    const r = plan.roles.find((x) => x.id === id);
    return text(pick(r?.title, 'zh-CN') || id, pick(r?.title, 'en') || id);
  };
  return (type, raw) => {
    const v = (key: string): string => String((raw as Record<string, unknown> | null)?.[key] ?? '');
    switch (type) {
      case 'run.started': {
        const from = (raw as { from?: { runId: string; planId: string } } | null)?.from;
        const planTitle = text(pick(plan.title, 'zh-CN'), pick(plan.title, 'en'));
        return m.runStarted(v('mode') === 'drill', planTitle, from);
      }
      case 'run.escalated': {
        const to = (raw as { to?: { runId: string; planId: string } } | null)?.to;
        const why = v('option') ? option(v('step'), v('option')) : v('step') ? title(v('step')) : undefined;
        return m.escalated(to?.planId ?? '', to?.runId ?? '', why);
      }
      case 'step.completed':
        return m.stepCompleted(title(v('step')));
      case 'option.chosen':
        return m.optionChosen(title(v('step')), option(v('step'), v('option')));
      case 'checklist.ticked':
        return m.checklistTicked(item(v('step'), v('item')));
      case 'contact.called':
        return m.contactCalled(contact(v('contact')), v('phone'));
      case 'note.added':
        return m.noteAdded(v('text'));
      case 'step.overdue':
        return m.stepOverdue(title(v('step')), v('targetSeconds'));
      case 'step.timeout': {
        const def = steps.get(v('step'))?.step;
        const next = def && def.kind !== 'end' && def.timeout ? title(def.timeout.next) : undefined;
        return m.stepTimedOut(title(v('step')), v('seconds'), next);
      }
      case 'run.aborted':
        return m.runAborted(v('reason'));
      case 'run.ended': {
        const outcome = OUTCOME_LABELS[v('outcome') as keyof typeof OUTCOME_LABELS] as Text | undefined;
        return m.runEnded(outcome ?? text(v('outcome'), v('outcome')));
      }
      case 'run.signedOff': {
        const verified = (raw as { verified?: unknown } | null)?.verified === true;
        return m.signedOff(v('name'), verified, v('note'));
      }
      case 'incident.closedOut': {
        return looksLikeCloseOut(raw) ? describeCloseOut(raw) : m.closeOut();
      }
      case 'run.sealed':
        return m.sealed(v('keyId'));
      case 'journal.recovered':
        return m.recovered(v('bytes'), v('sidecar'));
      case 'journal.rewritten':
        return m.rewritten(v('reason'), v('events'));
      case 'drill.declared': {
        const exercise = (raw as { exercise?: { title?: string } } | null)?.exercise;
        return m.drillDeclared(exercise?.title ?? '', v('name'));
      }
      case 'inject.delivered': {
        const seconds = Number(v('scenarioSeconds')) || 0;
        const clock = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
        return m.injectDelivered(clock, v('toRole') ? role(v('toRole')) : undefined, v('text'), v('manual') === 'true');
      }
      default:
        return text(type, type);
    }
  };
}
