// What an action card says of where the action came from (a drill's finding, or an inspection's failed item) and of
// the fix reported for it: who reported it when, their note, and the evidence as thumbnails.
import { useTranslation } from 'react-i18next';
import type { ActionView } from '../../../shared/actions/actionView';
import { hrefFor } from '../app/router';
import { formatDateTime } from '../records/recordTime';
import { RectificationEvidence } from './RectificationEvidence';

export function ActionSourceLink({ action }: { action: ActionView }) {
  const { t } = useTranslation();
  const { source } = action.spec;
  if (source.kind === 'drill') {
    return (
      <a href={hrefFor({ screen: 'drills', exerciseId: source.exerciseId })}>
        {t('review.actions.fromDrill', { title: source.title })}
      </a>
    );
  }
  return (
    <>
      <a href={hrefFor({ screen: 'inspections', inspectionId: source.inspectionId })}>
        {t('review.actions.fromInspection', { title: source.title })}
      </a>
      <span className="action-item" data-item={source.itemId}>
        {t('review.actions.item', { item: source.itemId })}
      </span>
    </>
  );
}

/** The fix reported and awaiting its check: who, when, what they said, and the evidence. */
export function FixReported({ action }: { action: ActionView }) {
  const { t } = useTranslation();
  const { fixed } = action;
  if (!fixed || action.status !== 'fixed') return null;
  return (
    <>
      <dt>{t('review.actions.what.fixed')}</dt>
      <dd data-testid="action-fixed">
        {t('review.byAt', { name: fixed.by.name, at: formatDateTime(fixed.at, false) })}
        {fixed.note && <span className="action-note">{fixed.note}</span>}
        <RectificationEvidence actionId={action.id} attachments={fixed.attachments} />
      </dd>
    </>
  );
}
