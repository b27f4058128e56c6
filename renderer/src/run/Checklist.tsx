// A step's checklist as large toggles. A tick is sent as `check` and shows as done only once recorded;
// a ticked item cannot be unticked, because the record only ever grows (the tooltip says so).
import { useTranslation } from 'react-i18next';
import { pick } from '../../../shared/plan/labels';
import type { ActionStep } from '../../../shared/plan/schema';
import type { RunView } from '../../../shared/run/runViewSchema';
import { useLanguage } from '../components/useLanguage';
import { busyState, type Pending } from './ActionButton';
import { actionId, type RunActions } from './runActions';
import { formatClock } from './time';

export function Checklist({
  step,
  view,
  actions,
  run,
}: {
  step: ActionStep;
  view: RunView;
  actions: RunActions;
  run: Pending;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const items = step.checklist ?? [];
  if (items.length === 0) return null;
  const ticked = view.checked[step.id] ?? [];
  const tickedAt = (item: string) =>
    view.timeline.findLast((e) => {
      const d = e.data as { step?: string; item?: string };
      return e.type === 'checklist.ticked' && d.step === step.id && d.item === item;
    })?.at;
  return (
    <fieldset className="checklist">
      <legend>{t('run.checklist', { done: ticked.length, total: items.length })}</legend>
      {items.map((item) => {
        const done = ticked.includes(item.id);
        const action = actions.get(actionId.check(step.id, item.id));
        const { busy, blocked } = busyState(action, run);
        const at = done ? tickedAt(item.id) : undefined;
        return (
          <label
            key={item.id}
            className={`check${done ? ' is-done' : ''}${busy ? ' is-busy' : ''}`}
            title={done ? t('run.checkDone') : t('run.checkTodo')}
          >
            <input
              type="checkbox"
              checked={done}
              readOnly
              // Ticked: still focusable so its tooltip and state can be read, but it does nothing.
              aria-disabled={done || undefined}
              disabled={!done && (busy || blocked)}
              aria-busy={busy || undefined}
              data-action={actionId.check(step.id, item.id)}
              onClick={(event) => {
                // The box shows the record, never the click: it changes when the backend says the tick is written.
                event.preventDefault();
                if (!done) action?.perform();
              }}
            />
            <span className="check-text">
              {pick(item.text, lang)}
              {at && <span className="check-time">✓ {formatClock(at, lang)}</span>}
            </span>
            {busy && <span className="action-pending">{t('run.pending')}</span>}
          </label>
        );
      })}
    </fieldset>
  );
}
