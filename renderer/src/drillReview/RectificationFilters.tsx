// The filters at the top of the actions list: where an action stands and where it came from, each choice with how
// many it would show. Toggle buttons (one pressed per group), big enough to tap on a tablet.
import { useTranslation } from 'react-i18next';
import type { ActionView } from '../../../shared/actions/actionView';
import { filterCounts, SOURCE_FILTERS, STATUS_FILTERS, type ActionFilter } from './actionOrder';

export function RectificationFilters({
  actions,
  filter,
  onChange,
}: {
  actions: readonly ActionView[];
  filter: ActionFilter;
  onChange: (filter: ActionFilter) => void;
}) {
  const { t } = useTranslation();
  const counts = filterCounts(actions, filter);
  return (
    <div className="action-filters">
      <div role="group" aria-label={t('review.actions.filters.status')} className="filter-group">
        {STATUS_FILTERS.map((status) => (
          <button
            key={status}
            type="button"
            className={`filter-button${status === 'overdue' ? ' filter-overdue' : ''}`}
            aria-pressed={filter.status === status}
            data-filter={status}
            onClick={() => onChange({ ...filter, status })}
          >
            {t(`review.actions.filters.${status}`)} <span className="filter-count">{counts.status[status]}</span>
          </button>
        ))}
      </div>
      <div role="group" aria-label={t('review.actions.filters.source')} className="filter-group">
        {SOURCE_FILTERS.map((source) => (
          <button
            key={source}
            type="button"
            className="filter-button"
            aria-pressed={filter.source === source}
            data-filter={source}
            onClick={() => onChange({ ...filter, source })}
          >
            {t(`review.actions.filters.${source}`)} <span className="filter-count">{counts.source[source]}</span>
          </button>
        ))}
      </div>
    </div>
  );
}
