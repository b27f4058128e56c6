// A drill's report (应急演练总结报告) as a printable A4 page: the browser edition prints it with the browser, the
// desktop app also saves it as a PDF (the host prints this same page once its sheet says data-ready).
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../shared/api/channels';
import { useApi } from '../api/ApiContext';
import { hrefFor } from '../app/router';
import { LoadState } from '../components/LoadState';
import { useAsTrainer } from '../drills/useDrills';
import { DrillReportSheet } from './DrillReportSheet';
import { SavePdfButton } from '../components/SavePdfButton';
import { TrainerGate } from '../people/TrainerGate';
import { downloadDrillReportPdf, useDrillReport } from './useDrillReport';
import './strings';
import '../styles/drillReview.css';

export function DrillReportScreen({ exerciseId, host }: { exerciseId: string; host: AppInfo['host'] }) {
  const { t } = useTranslation();
  const api = useApi();
  const asTrainer = useAsTrainer();
  return (
    <div className="report-page drill-report-page">
      <div className="report-toolbar">
        <button type="button" className="primary" onClick={() => window.print()}>
          {t('review.report.print')}
        </button>
        {host === 'electron' && (
          <SavePdfButton
            label={t('review.report.savePdf')}
            save={() => asTrainer(() => downloadDrillReportPdf(api, exerciseId))}
          />
        )}
        <a className="button-link" href={hrefFor({ screen: 'drills', exerciseId, evaluate: true })}>
          {t('review.report.back')}
        </a>
        <span className="muted small">{t('review.report.paperHint')}</span>
      </div>
      <TrainerGate
        title={t('review.report.title')}
        titleId="drill-report-title"
        needs={(role) => t('review.needsTrainer', { role })}
        unlock={t('review.unlock')}
      >
        <Report exerciseId={exerciseId} />
      </TrainerGate>
    </div>
  );
}

function Report({ exerciseId }: { exerciseId: string }) {
  const [state, reload] = useDrillReport(exerciseId);
  return (
    <LoadState state={state} retry={reload}>
      {(report) => <DrillReportSheet report={report} />}
    </LoadState>
  );
}
