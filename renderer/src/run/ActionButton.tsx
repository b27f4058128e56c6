// A registered run action as a button: disabled and marked busy while its command is in flight, so a tap
// shows as done only once the backend has recorded it.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../components/useLanguage';
import type { RunAction } from './runActions';

export interface Pending {
  pending: ReadonlyMap<string, string | undefined>;
}

/** Whether an action is in flight, or waits because another action of its step is. */
export function busyState(action: RunAction | undefined, { pending }: Pending): { busy: boolean; blocked: boolean } {
  if (!action) return { busy: false, blocked: true };
  const busy = pending.has(action.id);
  const blocked = !busy && action.step !== undefined && [...pending.values()].includes(action.step);
  return { busy, blocked };
}

export function keyLabel(shortcut: string): string {
  return shortcut.length === 1 ? shortcut.toUpperCase() : shortcut;
}

export function ActionButton({
  action,
  run,
  className,
  testId,
  children,
}: {
  action: RunAction;
  run: Pending;
  className?: string;
  /** For the tests that find a step's primary buttons wherever the layout puts them. */
  testId?: string;
  /** Shown before the label (a number badge, an icon). */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { busy, blocked } = busyState(action, run);
  return (
    <button
      type="button"
      className={`action ${className ?? ''}${busy ? ' is-busy' : ''}`}
      disabled={busy || blocked}
      aria-busy={busy || undefined}
      data-action={action.id}
      data-testid={testId}
      onClick={action.perform}
    >
      {children}
      <span className="action-label">{action.label}</span>
      {action.context && (
        <span className="visually-hidden">
          {lang === 'en' ? ': ' : '：'}
          {action.context}
        </span>
      )}
      {busy && <span className="action-pending">{t('run.pending')}</span>}
      {action.shortcut && (
        <kbd className="action-key" aria-hidden="true">
          {keyLabel(action.shortcut)}
        </kbd>
      )}
    </button>
  );
}
