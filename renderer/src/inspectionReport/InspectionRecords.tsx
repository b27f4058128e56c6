// The Records screen's 检查记录 tab (loaded when first opened): every inspection begun, in progress or sealed, newest
// first, with its own filters (template, 明查/暗访, result, local days, place or inspector). Each row opens the
// inspection. Staff's to read: the tab asks for a guard's PIN, the other tab never does.
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InspectionSummary } from '../../../shared/inspections/inspectionView';
import { useApi, usePush } from '../api/ApiContext';
import { hrefFor } from '../app/router';
import { useAsync } from '../app/useAsync';
import { LoadState } from '../components/LoadState';
import { displayTimeZone } from '../components/displayTimeZone';
import { useLanguage } from '../components/useLanguage';
import { TrainerGate } from '../people/TrainerGate';
import { formatDateTime } from '../records/recordTime';
import { InspectionFilterBar } from './InspectionFilterBar';
import {
  filterInspections,
  hasInspectionFilters,
  inspectorsOf,
  NO_INSPECTION_FILTERS,
  resultOf,
  templatesOf,
  type InspectionFilters,
} from './inspectionFilters';
import { useAsGuard } from '../inspections/useInspections';
import './strings';
import '../styles/inspectionReport.css';

export function InspectionRecords() {
  const { t } = useTranslation();
  return (
    <TrainerGate
      role="guard"
      title={t('inspectionReport.gate.title')}
      titleId="inspection-records-gate"
      needs={(role) => t('inspectionReport.gate.needs', { role })}
      unlock={t('inspectionReport.gate.unlock')}
    >
      <InspectionList />
    </TrainerGate>
  );
}

function InspectionList() {
  const api = useApi();
  const asGuard = useAsGuard();
  const [state, reload] = useAsync(() => asGuard(() => api.call('inspections.list')), [asGuard]);
  usePush(
    'inspections.changed',
    useCallback(() => reload(), []),
  );
  const [filters, setFilters] = useState<InspectionFilters>(NO_INSPECTION_FILTERS);
  return (
    <LoadState state={state} retry={reload}>
      {(list) => <Filtered list={list} filters={filters} onChange={setFilters} />}
    </LoadState>
  );
}

function Filtered({
  list,
  filters,
  onChange,
}: {
  list: InspectionSummary[];
  filters: InspectionFilters;
  onChange: (filters: InspectionFilters) => void;
}) {
  const { t } = useTranslation();
  const zone = displayTimeZone();
  const shown = useMemo(() => filterInspections(list, filters, zone), [list, filters, zone]);
  const templates = useMemo(() => templatesOf(list), [list]);
  const any = useMemo(() => filterInspections(list, NO_INSPECTION_FILTERS, zone).length > 0, [list, zone]);
  return (
    <>
      <div className="inspection-records-head">
        <InspectionFilterBar filters={filters} onChange={onChange} templates={templates} />
        <p className="records-count" role="status">
          {t('inspectionReport.records.count', { count: shown.length })}
        </p>
        <a className="button-link" href={hrefFor({ screen: 'inspections', scorecard: true })}>
          {t('inspectionReport.records.scorecard')}
        </a>
      </div>
      {shown.length === 0 ? (
        <p className="records-empty">
          {any && hasInspectionFilters(filters)
            ? t('inspectionReport.records.noMatch')
            : t('inspectionReport.records.empty')}
        </p>
      ) : (
        <InspectionTable list={shown} />
      )}
    </>
  );
}

function InspectionTable({ list }: { list: InspectionSummary[] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const k = 'inspectionReport.records';
  return (
    <div className="inspection-records-scroller">
      <table className="inspection-table inspection-records-table">
        <caption className="visually-hidden">{t(`${k}.caption`)}</caption>
        <thead>
          <tr>
            <th scope="col">{t(`${k}.columns.at`)}</th>
            <th scope="col">{t(`${k}.columns.checklist`)}</th>
            <th scope="col">{t(`${k}.columns.kind`)}</th>
            <th scope="col">{t(`${k}.columns.place`)}</th>
            <th scope="col">{t(`${k}.columns.inspectors`)}</th>
            <th scope="col">{t(`${k}.columns.score`)}</th>
            <th scope="col">{t(`${k}.columns.result`)}</th>
          </tr>
        </thead>
        <tbody>
          {list.map((s) => {
            const result = resultOf(s)!;
            const percent = s.sealed?.percent;
            return (
              <tr key={s.id} data-inspection={s.id} data-result={result}>
                <th scope="row">
                  <a href={hrefFor({ screen: 'inspections', inspectionId: s.id })}>
                    <time dateTime={s.begun!.at}>{formatDateTime(s.begun!.at, false)}</time>
                  </a>
                </th>
                <td>{s.title[lang]}</td>
                <td>
                  <span className={`badge inspection-kind-${s.announced ? 'announced' : 'unannounced'}`}>
                    {t(`inspectionReport.report.kind.${s.announced ? 'announced' : 'unannounced'}`)}
                  </span>
                </td>
                <td>{s.place || '—'}</td>
                <td>{inspectorsOf(s).join(lang === 'en' ? ', ' : '、') || '—'}</td>
                <td className="nowrap">{percent === undefined || percent === null ? '—' : percent}</td>
                <td className="nowrap">
                  <span className={`badge inspection-result-${result}`}>{t(`${k}.results.${result}`)}</span>
                  {(s.sealed?.criticalFailed.length ?? 0) > 0 && (
                    <span className="inspection-veto-mark"> {t(`${k}.veto`)}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
