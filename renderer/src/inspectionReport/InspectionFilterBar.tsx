// The inspections tab's filters: text (place, inspector), template, 明查/暗访, result, and a range of local days.
// Selects and dates apply at once; typed text waits until typing pauses.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RECORD_SEARCH_MAX } from '../../../shared/limits';
import type { Text } from '../../../shared/text';
import { useLanguage } from '../components/useLanguage';
import { TYPING_PAUSE_MS } from '../records/RecordFilterBar';
import {
  hasInspectionFilters,
  INSPECTION_RESULTS,
  NO_INSPECTION_FILTERS,
  type InspectionFilters,
} from './inspectionFilters';

export function InspectionFilterBar({
  filters,
  onChange,
  templates,
}: {
  filters: InspectionFilters;
  onChange: (filters: InspectionFilters) => void;
  templates: { id: string; title: Text }[];
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const k = 'inspectionReport.records.filters';
  const [typed, setTyped] = useState(filters.text);
  useEffect(() => {
    if (typed === filters.text) return;
    const timer = setTimeout(() => onChange({ ...filters, text: typed }), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [typed, filters, onChange]);

  const set = (patch: Partial<InspectionFilters>) => onChange({ ...filters, text: typed, ...patch });
  const select = (key: 'checklistId' | 'kind' | 'result', label: string, options: [string, string][]) => (
    <label className="filter">
      <span>{label}</span>
      <select value={filters[key]} onChange={(e) => set({ [key]: e.target.value })}>
        <option value="">{t(`${k}.all`)}</option>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <form className="record-filters" role="search" onSubmit={(e) => e.preventDefault()}>
      <div className="filter-row">
        <label className="filter filter-search">
          <span>{t(`${k}.search`)}</span>
          <input
            type="search"
            value={typed}
            maxLength={RECORD_SEARCH_MAX}
            placeholder={t(`${k}.searchHint`)}
            onChange={(e) => setTyped(e.target.value)}
          />
        </label>
        {select(
          'checklistId',
          t(`${k}.checklist`),
          templates.map((tpl) => [tpl.id, tpl.title[lang]]),
        )}
        {select('kind', t(`${k}.kind`), [
          ['announced', t('inspectionReport.report.kind.announced')],
          ['unannounced', t('inspectionReport.report.kind.unannounced')],
        ])}
        {select(
          'result',
          t(`${k}.result`),
          INSPECTION_RESULTS.map((r) => [r, t(`inspectionReport.records.results.${r}`)]),
        )}
        <label className="filter">
          <span>{t(`${k}.from`)}</span>
          <input
            type="date"
            value={filters.from}
            max={filters.to || undefined}
            onChange={(e) => set({ from: e.target.value })}
          />
        </label>
        <label className="filter">
          <span>{t(`${k}.to`)}</span>
          <input
            type="date"
            value={filters.to}
            min={filters.from || undefined}
            onChange={(e) => set({ to: e.target.value })}
          />
        </label>
        <button
          type="button"
          className="filter-clear"
          disabled={!hasInspectionFilters({ ...filters, text: typed })}
          onClick={() => {
            setTyped('');
            onChange(NO_INSPECTION_FILTERS);
          }}
        >
          {t(`${k}.clear`)}
        </button>
      </div>
    </form>
  );
}
