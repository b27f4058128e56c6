// The console's MSEL: every inject in scenario order with its time, addressee, what the players are told, the action
// expected of them (shown here only), where it stands (delivered at…, due in…, contingency) and, until delivered,
// a button to fire it now.
import { useTranslation } from 'react-i18next';
import type { ExerciseView } from '../../../shared/drills/exerciseView';
import type { Plan } from '../../../shared/plan/schema';
import type { RunView } from '../../../shared/run/runViewSchema';
import { useLanguage } from '../components/useLanguage';
import { formatTimeOfDay } from '../records/recordTime';
import { formatScenarioTime } from './planningForm';
import { injectsInScenarioOrder, roleTitle } from './labels';

type Inject = ExerciseView['spec']['injects'][number];

export function ConsoleMsel({
  view,
  run,
  plan,
  clock,
  firing,
  onFire,
}: {
  view: ExerciseView;
  run: RunView | undefined;
  plan: Plan | undefined;
  /** Scenario seconds now (undefined before the run). */
  clock: number | undefined;
  /** The inject being fired, if any. */
  firing: string | undefined;
  onFire: (injectId: string) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const canFire = view.run !== undefined && view.status !== 'cancelled' && (run?.status ?? view.runStatus) === 'active';
  const status = (inject: Inject): { text: string; delivered: boolean } => {
    const delivery = run?.injects.find((i) => i.injectId === inject.id);
    if (delivery)
      return { text: t('drills.console.delivered', { time: formatTimeOfDay(delivery.at) }), delivered: true };
    if (view.delivered.includes(inject.id)) return { text: t('drills.console.deliveredNoTime'), delivered: true };
    if (inject.contingency || inject.atSeconds === undefined) {
      return { text: t('drills.console.contingency'), delivered: false };
    }
    if (clock === undefined) return { text: t('drills.console.waiting'), delivered: false };
    const due = inject.atSeconds - clock;
    return {
      text: due > 0 ? t('drills.console.dueIn', { time: formatScenarioTime(due) }) : t('drills.console.dueNow'),
      delivered: false,
    };
  };
  return (
    <section className="console-msel" aria-labelledby="console-msel-title">
      <h2 id="console-msel-title">{t('drills.console.msel')}</h2>
      <table className="drills-table msel-table">
        <thead>
          <tr>
            <th scope="col">{t('drills.console.columns.at')}</th>
            <th scope="col">{t('drills.console.columns.to')}</th>
            <th scope="col">{t('drills.console.columns.text')}</th>
            <th scope="col">{t('drills.console.columns.expected')}</th>
            <th scope="col">{t('drills.console.columns.status')}</th>
            <th scope="col">{t('drills.console.columns.action')}</th>
          </tr>
        </thead>
        <tbody>
          {injectsInScenarioOrder(view.spec.injects).map((inject) => {
            const { text, delivered } = status(inject);
            return (
              <tr
                key={inject.id}
                data-inject={inject.id}
                className={delivered ? 'inject-delivered' : inject.contingency ? 'inject-contingency' : 'inject-due'}
              >
                <th scope="row" className="msel-at">
                  {inject.contingency || inject.atSeconds === undefined
                    ? t('drills.page.contingency')
                    : formatScenarioTime(inject.atSeconds)}
                </th>
                <td>{inject.toRole ? roleTitle(plan, inject.toRole, lang) : t('drills.page.everyone')}</td>
                <td id={`msel-text-${inject.id}`}>{inject.text}</td>
                <td className="msel-expected">{inject.expected ?? ''}</td>
                <td className="msel-status" data-delivered={delivered || undefined}>
                  {text}
                </td>
                <td>
                  {!delivered && canFire && (
                    <button
                      type="button"
                      className="primary"
                      aria-describedby={`msel-text-${inject.id}`}
                      disabled={firing !== undefined}
                      aria-busy={firing === inject.id || undefined}
                      onClick={() => onFire(inject.id)}
                    >
                      {t('drills.console.fire')}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
