// Every operator action of the runner, registered once with its label, shortcut and handler (the Excalidraw
// pattern): buttons and keys perform the same registered action, so a key can never do what no button offers.
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { TFunction } from 'i18next';
import { contactNumber, type PhoneDirectory } from '../../../shared/contacts/directory';
import { pick } from '../../../shared/plan/labels';
import type { Language, Plan } from '../../../shared/plan/schema';
import type { RunCommand } from '../../../shared/run/commands';
import type { RunView } from '../../../shared/run/runViewSchema';
import type { WorkStep } from './currentSteps';
import { isTextEntry } from './textEntry';

export interface RunAction {
  id: string;
  /** The visible label. */
  label: string;
  /** Said after the label to screen readers, where several buttons share a label (two "完成" in two tracks). */
  context?: string;
  /** The KeyboardEvent.key that performs it (letters lower-case). */
  shortcut?: string;
  /** The step it acts on: while one action of a step is in flight, that step's other actions wait. */
  step?: string;
  perform(): void;
}

export type RunActions = ReadonlyMap<string, RunAction>;

export const actionId = {
  complete: (step: string) => `complete:${step}`,
  choose: (step: string, option: string) => `choose:${step}:${option}`,
  check: (step: string, item: string) => `check:${step}:${item}`,
  called: (step: string, contact: string) => `called:${step}:${contact}`,
  note: 'note',
} as const;

export interface RegisterOptions {
  view: RunView;
  /** Steps someone can act on now, in screen order. */
  work: { step: WorkStep }[];
  lang: Language;
  t: TFunction;
  /** The branch's contact directory (Settings): the number a contact is called on. */
  directory: PhoneDirectory;
  send(actionId: string, command: RunCommand, step?: string): Promise<boolean>;
  openNote(): void;
}

export function registerRunActions({ view, work, lang, t, directory, send, openNote }: RegisterOptions): RunActions {
  const actions = new Map<string, RunAction>();
  const register = (action: Omit<RunAction, 'perform'>, command: RunCommand) =>
    actions.set(action.id, { ...action, perform: () => void send(action.id, command, action.step) });
  const can = (type: string, step: string, extra?: { option?: string; item?: string }) =>
    view.available.some(
      (a) =>
        a.type === type &&
        a.step === step &&
        (!extra?.option || ('option' in a && a.option === extra.option)) &&
        (!extra?.item || ('item' in a && a.item === extra.item)),
    );

  // Enter belongs to the first action step on screen, 1–9 to the options of the first decision.
  const enterStep = work.find(({ step }) => step.kind === 'action' && can('COMPLETE', step.id))?.step.id;
  const digitStep = work.find(({ step }) => step.kind === 'decision')?.step.id;

  for (const { step } of work) {
    const title = pick(step.title, lang);
    if (step.kind === 'action') {
      if (can('COMPLETE', step.id)) {
        register(
          {
            id: actionId.complete(step.id),
            label: t('run.complete'),
            context: title,
            step: step.id,
            ...(step.id === enterStep ? { shortcut: 'Enter' } : {}),
          },
          { type: 'complete', step: step.id },
        );
      }
      for (const item of step.checklist ?? []) {
        if (!can('CHECK', step.id, { item: item.id })) continue;
        register(
          { id: actionId.check(step.id, item.id), label: pick(item.text, lang), step: step.id },
          { type: 'check', step: step.id, item: item.id },
        );
      }
    } else {
      step.options.forEach((option, i) => {
        if (!can('CHOOSE', step.id, { option: option.id })) return;
        register(
          {
            id: actionId.choose(step.id, option.id),
            label: pick(option.label, lang),
            context: title,
            step: step.id,
            ...(step.id === digitStep && i < 9 ? { shortcut: String(i + 1) } : {}),
          },
          { type: 'choose', step: step.id, option: option.id },
        );
      });
    }
    for (const contactId of step.contacts ?? []) {
      const done = view.called.some((c) => c.step === step.id && c.contact === contactId);
      register(
        {
          id: actionId.called(step.id, contactId),
          label: done ? t('run.calledAgain') : t('run.called'),
          context: contactLabel(view.plan, contactId, directory, lang),
          step: step.id,
        },
        { type: 'called', step: step.id, contact: contactId },
      );
    }
  }
  if (view.status !== 'sealed') {
    actions.set(actionId.note, {
      id: actionId.note,
      label: t('run.notes', { count: view.notes.length }),
      shortcut: 'n',
      perform: openNote,
    });
  }
  return actions;
}

/** A contact's name and the number to dial (the directory's, else the plan's), said after "called" buttons. */
function contactLabel(plan: Plan, contactId: string, directory: PhoneDirectory, lang: Language): string {
  const name = pick(plan.contacts.find((c) => c.id === contactId)?.name, lang) || contactId;
  return [name, contactNumber(plan, contactId, directory)].filter(Boolean).join(' ');
}

/** Performs the registered action whose shortcut was pressed, unless the user is typing or in a dialog. */
export function useActionKeys(actions: RunActions): void {
  // Updated before the browser paints: a key pressed as soon as a new step shows acts on that step, never
  // on the one before (a passive effect would leave the old actions listening for a moment).
  const latest = useRef(actions);
  useLayoutEffect(() => {
    latest.current = actions;
  }, [actions]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.repeat || event.isComposing) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      if (isTextEntry(target)) return;
      if (document.querySelector('dialog[open]')) return;
      // A focused button or link answers Enter itself; taking it here would act twice or do the wrong thing.
      if (event.key === 'Enter' && target?.closest('button, a[href], summary')) return;
      const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
      const action = [...latest.current.values()].find((a) => a.shortcut === key);
      if (!action) return;
      event.preventDefault();
      action.perform();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
