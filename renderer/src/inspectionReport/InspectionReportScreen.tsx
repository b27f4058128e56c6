// An inspection's report (检查记录 / 明查暗访情况通报) as a printable A4 page: the browser edition prints it with the
// browser, the desktop app also saves it as a PDF (the host prints this same page once its sheet says data-ready).
// Printing waits for the photos: an image not yet decoded would print as an empty box.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../shared/api/channels';
import { text } from '../../../shared/text';
import { useApi } from '../api/ApiContext';
import { hrefFor } from '../app/router';
import { LoadState } from '../components/LoadState';
import { SavePdfButton } from '../components/SavePdfButton';
import { TrainerGate } from '../people/TrainerGate';
import { useUnlockedCall } from '../training/useUnlockedCall';
import { InspectionReportSheet } from './InspectionReportSheet';
import { downloadInspectionReportPdf, useInspectionReport } from './useInspectionReport';
import './strings';
import '../styles/inspectionReport.css';

const NO_PDF_PIN = text('未输入 PIN：没有保存 PDF。', 'No PIN was entered: no PDF was saved.');

export function InspectionReportScreen({ inspectionId, host }: { inspectionId: string; host: AppInfo['host'] }) {
  const { t } = useTranslation();
  const api = useApi();
  const asTrainer = useUnlockedCall('trainer', NO_PDF_PIN);
  const [ready, setReady] = useState(false);
  return (
    <div className="report-page inspection-report-page">
      <div className="report-toolbar">
        <button type="button" className="primary" disabled={!ready} onClick={() => window.print()}>
          {t('inspectionReport.report.print')}
        </button>
        {host === 'electron' && (
          <SavePdfButton
            label={t('inspectionReport.report.savePdf')}
            save={() => asTrainer(() => downloadInspectionReportPdf(api, inspectionId))}
          />
        )}
        <a className="button-link" href={hrefFor({ screen: 'inspections', inspectionId })}>
          {t('inspectionReport.report.back')}
        </a>
        <span className="muted small" role="status">
          {ready ? t('inspectionReport.report.paperHint') : t('inspectionReport.report.waitingPhotos')}
        </span>
      </div>
      <TrainerGate
        role="guard"
        title={t('inspectionReport.gate.title')}
        titleId="inspection-report-gate-title"
        needs={(role) => t('inspectionReport.gate.needs', { role })}
        unlock={t('inspectionReport.gate.unlock')}
      >
        <Report inspectionId={inspectionId} onReady={setReady} />
      </TrainerGate>
    </div>
  );
}

function Report({ inspectionId, onReady }: { inspectionId: string; onReady: (ready: boolean) => void }) {
  const [state, reload] = useInspectionReport(inspectionId);
  return (
    <LoadState state={state} retry={reload}>
      {(data) => <InspectionReportSheet data={data} onReady={onReady} />}
    </LoadState>
  );
}
