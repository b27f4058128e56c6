// A drill's report (应急演练总结报告) as a printable A4 page: the browser edition prints it with the browser, the
// desktop app also saves it as a PDF (the host prints this same page once its sheet says data-ready).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../shared/api/channels';
import { ApiError } from '../../../shared/api/errors';
import { useApi } from '../api/ApiContext';
import { hrefFor } from '../app/router';
import { LoadState } from '../components/LoadState';
import { useLanguage } from '../components/useLanguage';
import { useAsTrainer } from '../drills/useDrills';
import { DrillReportSheet } from './DrillReportSheet';
import { TrainerGate } from './TrainerGate';
import { downloadDrillReportPdf, useDrillReport } from './useDrillReport';
import './strings';
import '../styles/drillReview.css';

export function DrillReportScreen({ exerciseId, host }: { exerciseId: string; host: AppInfo['host'] }) {
  const { t } = useTranslation();
  return (
    <div className="report-page drill-report-page">
      <div className="report-toolbar">
        <button type="button" className="primary" onClick={() => window.print()}>
          {t('review.report.print')}
        </button>
        {host === 'electron' && <SavePdfButton exerciseId={exerciseId} />}
        <a className="button-link" href={hrefFor({ screen: 'drills', exerciseId, evaluate: true })}>
          {t('review.report.back')}
        </a>
        <span className="muted small">{t('review.report.paperHint')}</span>
      </div>
      <TrainerGate title={t('review.report.title')} titleId="drill-report-title">
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

/** Electron only: the report as a PDF file, beside the ordinary Print button. */
function SavePdfButton({ exerciseId }: { exerciseId: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const lang = useLanguage();
  const asTrainer = useAsTrainer();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  return (
    <>
      <button
        type="button"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          setError(undefined);
          asTrainer(() => downloadDrillReportPdf(api, exerciseId))
            .catch((e: unknown) => setError(e instanceof ApiError ? e.body.message[lang] : String(e)))
            .finally(() => setBusy(false));
        }}
      >
        {t('review.report.savePdf')}
      </button>
      {error && (
        <span role="alert" className="field-error">
          {error}
        </span>
      )}
    </>
  );
}
