// The filters above the history: search, mode, plan, category, outcome, local date range and operator.
// Selects and dates apply at once; typed text waits until typing pauses, so each key is not a query.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanSummary } from '../../../shared/api/channels';
import { CATEGORY_LABELS, OUTCOME_LABELS } from '../../../shared/plan/labels';
import { CATEGORIES, OUTCOMES } from '../../../shared/plan/vocabulary';
import { useLanguage } from '../components/useLanguage';
import { ApiError } from '../../../shared/api/errors';
import { RECORD_OPERATOR_MAX, RECORD_SEARCH_MAX } from '../../../shared/limits';
import { useApi } from '../api/ApiContext';
import { useSession } from '../people/SessionContext';
import { downloadBatch } from './exportRun';
import { hasFilters, NO_FILTERS, toRecordQuery, type RecordFilters } from './recordFilters';
import { localDayEnd, localDayStart } from './recordTime';

export const TYPING_PAUSE_MS = 300;

export function RecordFilterBar({
  filters,
  onChange,
  plans,
}: {
  filters: RecordFilters;
  onChange: (filters: RecordFilters) => void;
  plans: PlanSummary[];
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [typed, setTyped] = useState({ text: filters.text, operator: filters.operator });
  const api = useApi();
  const session = useSession();
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string>();

  useEffect(() => {
    if (typed.text === filters.text && typed.operator === filters.operator) return;
    const timer = setTimeout(() => onChange({ ...filters, ...typed }), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [typed, filters, onChange]);

  const set = (patch: Partial<RecordFilters>) => onChange({ ...filters, ...typed, ...patch });
  const select = (key: keyof RecordFilters, label: string, options: [string, string][]) => (
    <label className="filter">
      <span>{label}</span>
      <select value={filters[key]} onChange={(e) => set({ [key]: e.target.value })}>
        <option value="">{t('records.filters.all')}</option>
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
          <span>{t('records.filters.search')}</span>
          <input
            type="search"
            value={typed.text}
            maxLength={RECORD_SEARCH_MAX}
            placeholder={t('records.filters.searchHint')}
            onChange={(e) => setTyped({ ...typed, text: e.target.value })}
          />
        </label>
        {select('mode', t('records.filters.mode'), [
          ['incident', t('records.mode.incident')],
          ['drill', t('records.mode.drill')],
        ])}
        {select(
          'planId',
          t('records.filters.plan'),
          plans.map((p) => [p.id, p.shortTitle[lang]]),
        )}
        {select(
          'category',
          t('records.filters.category'),
          CATEGORIES.map((c) => [c, CATEGORY_LABELS[c][lang]]),
        )}
        {select(
          'outcome',
          t('records.filters.outcome'),
          [...OUTCOMES, 'aborted' as const].map((o) => [o, OUTCOME_LABELS[o][lang]]),
        )}
      </div>
      <div className="filter-row">
        <label className="filter">
          <span>{t('records.filters.from')}</span>
          <input
            type="date"
            value={filters.from}
            max={filters.to || undefined}
            onChange={(e) => set({ from: e.target.value })}
          />
        </label>
        <label className="filter">
          <span>{t('records.filters.to')}</span>
          <input
            type="date"
            value={filters.to}
            min={filters.from || undefined}
            onChange={(e) => set({ to: e.target.value })}
          />
        </label>
        <label className="filter">
          <span>{t('records.filters.operator')}</span>
          <input
            type="text"
            value={typed.operator}
            maxLength={RECORD_OPERATOR_MAX}
            onChange={(e) => setTyped({ ...typed, operator: e.target.value })}
          />
        </label>
        <button
          type="button"
          className="filter-clear"
          disabled={!hasFilters({ ...filters, ...typed })}
          onClick={() => {
            setTyped({ text: '', operator: '' });
            onChange(NO_FILTERS);
          }}
        >
          {t('records.filters.clear')}
        </button>
        {session.isUnlockedAs('trainer') ? (
          <button
            type="button"
            className="filter-clear"
            disabled={!filters.from || !filters.to || exporting}
            title={t('records.filters.exportRangeHint')}
            onClick={() => {
              setExporting(true);
              setExportError(undefined);
              // Handing records out as files is recorded and needs a trainer or above.
              session
                .withUnlock('trainer', () =>
                  downloadBatch(api, {
                    ...toRecordQuery(filters),
                    from: localDayStart(filters.from)!,
                    to: localDayEnd(filters.to)!,
                  }),
                )
                .catch((error: unknown) =>
                  setExportError(error instanceof ApiError ? error.body.message[lang] : String(error)),
                )
                .finally(() => setExporting(false));
            }}
          >
            {t('records.filters.exportRange')}
          </button>
        ) : (
          <button
            type="button"
            className="filter-clear"
            title={t('records.unlockToExportHint')}
            onClick={() => void session.requestUnlock('trainer')}
          >
            {t('records.unlockToExport')}
          </button>
        )}
        {exportError && (
          <p role="alert" className="field-error">
            {t('records.filters.exportFailed', { message: exportError })}
          </p>
        )}
      </div>
    </form>
  );
}
