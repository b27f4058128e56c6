// The plans a person has not studied at their current version: those revised since they last studied them first and
// each on its own line (what a trainer acts on), then those never studied, counted, their list behind a disclosure.
import { useTranslation } from 'react-i18next';
import type { TrainingRecords } from '../../../shared/drills/trainingView';
import { formatLocalDate } from '../../../shared/time/localTime';
import { displayTimeZone } from '../components/displayTimeZone';

type Gap = TrainingRecords['gaps'][number];

export function StudyGaps({ gaps, planTitle }: { gaps: readonly Gap[]; planTitle: (planId: string) => string }) {
  const { t } = useTranslation();
  if (gaps.length === 0) return <span className="muted">{t('coverage.people.noGaps')}</span>;
  const zone = displayTimeZone();
  const revised = gaps.filter((gap) => gap.lastStudied);
  const never = gaps.filter((gap) => !gap.lastStudied);
  return (
    <>
      {revised.length > 0 && (
        <ul className="gaps-revised">
          {revised.map((gap) => (
            <li key={gap.planId} data-gap-plan={gap.planId}>
              {planTitle(gap.planId)} {t('coverage.people.gapVersion', { version: gap.version })}{' '}
              <span className="small">
                {t('coverage.people.lastStudied', {
                  version: gap.lastStudied!.version,
                  date: formatLocalDate(gap.lastStudied!.at, zone),
                })}
              </span>
            </li>
          ))}
        </ul>
      )}
      {never.length > 0 && (
        <details className="gaps-never">
          <summary>{t('coverage.people.neverStudied', { count: never.length })}</summary>
          <ul>
            {never.map((gap) => (
              <li key={gap.planId} data-gap-plan={gap.planId}>
                {planTitle(gap.planId)} {t('coverage.people.gapVersion', { version: gap.version })}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
