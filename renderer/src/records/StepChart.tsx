// Each step's time against its target, as horizontal bars (CSS only, so it prints): red past the target.
// The numbers are text beside each bar; the bars themselves are hidden from screen readers.
import { useTranslation } from 'react-i18next';
import { pick } from '../../../shared/plan/labels';
import type { Plan } from '../../../shared/plan/schema';
import { indexSteps } from '../../../shared/plan/stepIndex';
import type { StepVisit } from '../../../shared/run/runViewSchema';
import { useLanguage } from '../components/useLanguage';
import { formatDuration } from '../run/time';

/** `cut`: the journal is damaged, so a step still open at its end was cut off there, not in progress. */
export function StepChart({ plan, visits, cut = false }: { plan: Plan; visits: StepVisit[]; cut?: boolean }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const index = indexSteps(plan);
  const scale = Math.max(1, ...visits.map((v) => Math.max(v.seconds, v.targetSeconds ?? 0)));
  const percent = (seconds: number) => `${Math.min(100, (seconds / scale) * 100).toFixed(2)}%`;
  const seen = new Map<string, number>();
  if (visits.length === 0) return <p className="muted">{t('records.chart.none')}</p>;
  return (
    <>
      <ol className="step-chart">
        {visits.map((visit) => {
          const count = (seen.get(visit.step) ?? 0) + 1;
          seen.set(visit.step, count);
          const title = pick(index.get(visit.step)?.step.title, lang) || visit.step;
          const role =
            visit.parallel && visit.role ? pick(plan.roles.find((r) => r.id === visit.role)?.title, lang) : '';
          const state = visit.targetSeconds === undefined ? 'no-target' : visit.overTarget ? 'over' : 'within';
          return (
            <li
              key={`${visit.step}@${visit.enteredAt}`}
              className={`chart-row is-${state}${visit.parallel ? ' in-track' : ''}`}
              data-step={visit.step}
            >
              <span className="chart-label">
                {role && <span className="muted small">{role} · </span>}
                {title}
                {count > 1 && <span className="muted small"> {t('records.chart.visit', { count })}</span>}
              </span>
              <span className="chart-track" aria-hidden="true">
                <span className="chart-bar" style={{ width: percent(visit.seconds) }} />
                {visit.targetSeconds !== undefined && (
                  <span className="chart-target" style={{ left: percent(visit.targetSeconds) }} />
                )}
              </span>
              <span className="chart-value">
                <strong>{formatDuration(visit.seconds)}</strong>
                {visit.targetSeconds !== undefined && (
                  <span className="muted">
                    {' '}
                    / {t('records.chart.target', { time: formatDuration(visit.targetSeconds) })}
                  </span>
                )}
                {visit.overTarget && (
                  <span className="chart-over">
                    {' '}
                    {t('records.chart.over', { time: formatDuration(visit.seconds - visit.targetSeconds!) })}
                  </span>
                )}
                {visit.end !== 'completed' && visit.end !== 'chosen' && visit.end !== 'joined' && (
                  <span className="muted small">
                    {' '}
                    · {t(`records.chart.end.${cut && visit.end === 'ongoing' ? 'cut' : visit.end}`)}
                  </span>
                )}
              </span>
            </li>
          );
        })}
      </ol>
      <p className="chart-legend small muted" aria-hidden="true">
        <span className="legend-swatch is-within" /> {t('records.chart.legendWithin')}{' '}
        <span className="legend-swatch is-over" /> {t('records.chart.legendOver')}{' '}
        <span className="legend-swatch is-no-target" /> {t('records.chart.legendNoTarget')}{' '}
        <span className="legend-target" /> {t('records.chart.legendTarget')}
      </p>
    </>
  );
}
