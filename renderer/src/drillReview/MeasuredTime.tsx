// A step's time as the run's journal measured it (its first visit), against the plan's target: never typed.
import { useTranslation } from 'react-i18next';
import type { StepVisit } from '../../../shared/run/runViewSchema';
import { formatDuration } from '../run/time';

export function MeasuredTime({ visit, step }: { visit: StepVisit | undefined; step?: string }) {
  const { t } = useTranslation();
  const prefix = step ? t('review.measured.step', { step }) : '';
  if (!visit) return <span className="measured measured-none">{prefix + t('review.measured.notRun')}</span>;
  const took = formatDuration(visit.seconds);
  if (visit.end === 'ongoing') {
    return <span className="measured">{prefix + t('review.measured.ongoing', { took })}</span>;
  }
  if (visit.targetSeconds === undefined) {
    return <span className="measured">{prefix + t('review.measured.noTarget', { took })}</span>;
  }
  return (
    <span className="measured" data-over-target={visit.overTarget ? 'true' : 'false'}>
      {prefix + t('review.measured.against', { took, target: formatDuration(visit.targetSeconds) })}{' '}
      <span className={`badge ${visit.overTarget ? 'badge-error' : 'badge-ok'}`}>
        {t(visit.overTarget ? 'review.measured.over' : 'review.measured.within')}
      </span>
    </span>
  );
}
