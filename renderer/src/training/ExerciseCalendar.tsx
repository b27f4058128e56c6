// The planned exercises from today on, by month of the branch's calendar: when, which exercise (its page), which
// plan, announced or unannounced.
import { useTranslation } from 'react-i18next';
import type { CoverageView } from '../../../shared/drills/coverageView';
import { formatLocalDate } from '../../../shared/time/localTime';
import { usePlans } from '../app/PlansContext';
import { hrefFor } from '../app/router';
import { displayTimeZone } from '../components/displayTimeZone';
import { useLanguage } from '../components/useLanguage';
import { formatDateTime } from '../records/recordTime';
import { monthName } from './coverageOrder';

type Planned = CoverageView['calendar'][number];

/** The exercises grouped by local month (YYYY-MM), in the order given (soonest first). */
function byMonth(calendar: readonly Planned[]): [string, Planned[]][] {
  const zone = displayTimeZone();
  const months = new Map<string, Planned[]>();
  for (const exercise of calendar) {
    const month = formatLocalDate(exercise.scheduledAt, zone).slice(0, 7);
    const held = months.get(month);
    if (held) held.push(exercise);
    else months.set(month, [exercise]);
  }
  return [...months];
}

export function ExerciseCalendar({ calendar }: { calendar: CoverageView['calendar'] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const plans = usePlans();
  if (calendar.length === 0) return <p className="muted">{t('coverage.calendar.none')}</p>;
  const planTitle = (planId: string) => plans.find((p) => p.id === planId)?.title[lang] ?? planId;
  return (
    <div className="training-calendar">
      {byMonth(calendar).map(([month, exercises]) => (
        <section key={month} className="calendar-month" aria-labelledby={`calendar-${month}`}>
          <h3 id={`calendar-${month}`}>{monthName(`${month}-01`, lang)}</h3>
          <ul>
            {exercises.map((exercise) => (
              <li key={exercise.id} data-exercise={exercise.id} className="calendar-item">
                <time dateTime={exercise.scheduledAt}>{formatDateTime(exercise.scheduledAt, false)}</time>
                <a href={hrefFor({ screen: 'drills', exerciseId: exercise.id })}>{exercise.title}</a>
                <span className="calendar-plan">
                  {t('coverage.calendar.plan', { plan: planTitle(exercise.planId) })}
                </span>
                <span
                  className={`badge ${exercise.announced ? 'training-badge-announced' : 'training-badge-unannounced'}`}
                >
                  {t(exercise.announced ? 'coverage.calendar.announced' : 'coverage.calendar.unannounced')}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
