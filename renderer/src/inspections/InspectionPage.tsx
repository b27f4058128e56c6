// One inspection: conducted while in progress (a trainer's), its result once sealed (anyone unlocked); a guard who
// opens one in progress sees how far it has come, and nothing to answer.
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { InspectionView } from '../../../shared/inspections/inspectionView';
import { hrefFor } from '../app/router';
import { LoadState } from '../components/LoadState';
import { useSession } from '../people/SessionContext';
import { ConductScreen, InspectionHeader, LiveScore } from './ConductScreen';
import { ResultPage } from './ResultPage';
import { useInspection } from './useInspections';

export function InspectionPage({ inspectionId }: { inspectionId: string }) {
  const { t } = useTranslation();
  const { state, view, accept, reload } = useInspection(inspectionId);
  const mayConduct = useSession().mayEditAs('trainer');
  // Signed here (or on another tablet while this one watched): the result takes focus, as the form it replaces had it.
  const watchedInProgress = useRef(false);
  if (view?.summary.status === 'in-progress') watchedInProgress.current = true;
  if (!view) {
    return (
      <section className="inspections-screen" aria-label={t('inspections.title')}>
        <p>
          <a className="back-link" href={hrefFor({ screen: 'inspections' })}>
            {t('inspections.back')}
          </a>
        </p>
        <LoadState state={state} retry={reload}>
          {() => null}
        </LoadState>
      </section>
    );
  }
  if (view.summary.status === 'sealed') return <ResultPage view={view} focusTitle={watchedInProgress.current} />;
  if (mayConduct) return <ConductScreen view={view} accept={accept} />;
  return <ProgressView view={view} />;
}

function ProgressView({ view }: { view: InspectionView }) {
  const { t } = useTranslation();
  return (
    <section className="inspections-screen" aria-labelledby="progress-title">
      <p>
        <a className="back-link" href={hrefFor({ screen: 'inspections' })}>
          {t('inspections.back')}
        </a>
      </p>
      <InspectionHeader view={view} titleId="progress-title" />
      <p className="notice notice-info">{t('inspections.conduct.readOnly')}</p>
      <LiveScore view={view} />
    </section>
  );
}
