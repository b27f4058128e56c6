// What an exercise is, as planned: the scenario, objectives (with the step each judges), participants and their
// roles, evaluators, and the MSEL in scenario order — names of roles and steps from the plan version it drills.
import { useTranslation } from 'react-i18next';
import type { ExerciseSpec } from '../../../shared/drills/exercise';
import type { Plan } from '../../../shared/plan/schema';
import { useLanguage } from '../components/useLanguage';
import { formatScenarioTime } from './planningForm';
import { injectsInScenarioOrder, roleTitle, stepTitle } from './labels';

export function ExerciseSummary({ spec, plan }: { spec: ExerciseSpec; plan: Plan | undefined }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const none = <p className="muted">{t('drills.page.none')}</p>;
  return (
    <div className="exercise-summary">
      <section aria-labelledby="exercise-scenario">
        <h2 id="exercise-scenario">{t('drills.page.scenario')}</h2>
        {spec.scenario ? <p className="exercise-scenario">{spec.scenario}</p> : none}
      </section>
      <section aria-labelledby="exercise-objectives">
        <h2 id="exercise-objectives">{t('drills.page.objectives')}</h2>
        {spec.objectives.length === 0 ? (
          none
        ) : (
          <ol className="exercise-objectives">
            {spec.objectives.map((o) => (
              <li key={o.id} data-objective={o.id}>
                {o.text}
                {o.stepId && <span className="muted"> · {stepTitle(plan, o.stepId, lang)}</span>}
              </li>
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="exercise-participants">
        <h2 id="exercise-participants">{t('drills.page.participants')}</h2>
        {spec.participants.length === 0 ? (
          none
        ) : (
          <table className="drills-table participants-table">
            <thead>
              <tr>
                <th scope="col">{t('drills.page.columns.name')}</th>
                <th scope="col">{t('drills.page.columns.role')}</th>
                <th scope="col">{t('drills.page.columns.who')}</th>
              </tr>
            </thead>
            <tbody>
              {spec.participants.map((p, i) => (
                <tr key={i}>
                  <th scope="row">{p.name}</th>
                  <td>{roleTitle(plan, p.role, lang)}</td>
                  <td>{p.userId ? t('drills.page.appUser') : t('drills.page.external')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="exercise-evaluators">
        <h2 id="exercise-evaluators">{t('drills.page.evaluators')}</h2>
        {spec.evaluators.length === 0 ? (
          none
        ) : (
          <ul className="exercise-evaluators">
            {spec.evaluators.map((e) => (
              <li key={e.userId}>{e.name}</li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="exercise-msel">
        <h2 id="exercise-msel">{t('drills.page.msel')}</h2>
        {spec.injects.length === 0 ? (
          none
        ) : (
          <table className="drills-table msel-table">
            <caption className="visually-hidden">{t('drills.page.mselCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('drills.page.columns.at')}</th>
                <th scope="col">{t('drills.page.columns.to')}</th>
                <th scope="col">{t('drills.page.columns.text')}</th>
                <th scope="col">{t('drills.page.columns.expected')}</th>
                <th scope="col">{t('drills.page.columns.step')}</th>
              </tr>
            </thead>
            <tbody>
              {injectsInScenarioOrder(spec.injects).map((inject) => (
                <tr key={inject.id} data-inject={inject.id}>
                  <th scope="row" className="msel-at">
                    {inject.contingency || inject.atSeconds === undefined
                      ? t('drills.page.contingency')
                      : formatScenarioTime(inject.atSeconds)}
                  </th>
                  <td>{inject.toRole ? roleTitle(plan, inject.toRole, lang) : t('drills.page.everyone')}</td>
                  <td>{inject.text}</td>
                  <td>{inject.expected ?? ''}</td>
                  <td>{inject.stepId ? stepTitle(plan, inject.stepId, lang) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
