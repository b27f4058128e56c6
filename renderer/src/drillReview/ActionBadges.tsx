// An action's status (a rectification closed by a second person's check says so), whether it is a critical item of
// an inspection, and while it is open how it stands against its due date (逾期 N 天 in red; days left).
import { useTranslation } from 'react-i18next';
import type { ActionView } from '../../../shared/actions/actionView';

const STATUS_BADGE = {
  open: 'badge-start',
  'in-progress': 'badge-warning',
  fixed: 'badge-warning',
  done: 'badge-ok',
  dropped: 'badge-muted',
} as const;

export function ActionStatusBadge({ action }: { action: ActionView }) {
  const { t } = useTranslation();
  return (
    <span className={`badge ${STATUS_BADGE[action.status]}`} data-status={action.status}>
      {action.closed?.checkedFix ? t('review.rectification.doneChecked') : t(`review.actionStatus.${action.status}`)}
    </span>
  );
}

/** A failed critical item (重点项) of an inspection: it failed the whole inspection. */
export function CriticalBadge({ action }: { action: ActionView }) {
  const { t } = useTranslation();
  const { source } = action.spec;
  if (source.kind !== 'inspection' || !source.critical) return null;
  return (
    <span className="badge badge-critical" data-testid="action-critical">
      {t('review.actions.critical')}
    </span>
  );
}

export function DueBadge({ action }: { action: ActionView }) {
  const { t } = useTranslation();
  if (action.closed || action.daysLeft === undefined) return null;
  if (action.overdue) {
    return (
      <span className="badge badge-overdue" data-testid="action-overdue">
        {t(action.daysLeft === -1 ? 'review.due.overdueOne' : 'review.due.overdue', { count: -action.daysLeft })}
      </span>
    );
  }
  return (
    <span className="badge badge-due">
      {action.daysLeft === 0
        ? t('review.due.today')
        : t(action.daysLeft === 1 ? 'review.due.leftOne' : 'review.due.left', { count: action.daysLeft })}
    </span>
  );
}
