// The evidence of a reported fix, as thumbnails: each file loaded through actions.evidence, which checks its bytes
// against the hash the actions log holds (a file that no longer matches is said, never shown).
import { useTranslation } from 'react-i18next';
import type { AttachmentRef } from '../../../shared/evidence/attachment';
import { useApi } from '../api/ApiContext';
import { EvidenceThumb } from '../components/EvidenceThumb';
import { useUnlockedCall } from '../training/useUnlockedCall';
import { NOT_UNLOCKED } from './useReview';

export function RectificationEvidence({
  actionId,
  attachments,
}: {
  actionId: string;
  attachments: readonly AttachmentRef[];
}) {
  const { t } = useTranslation();
  const api = useApi();
  const asGuard = useUnlockedCall('guard', NOT_UNLOCKED);
  if (attachments.length === 0) return null;
  return (
    <ul className="evidence-list" aria-label={t('review.rectification.evidenceOf')}>
      {attachments.map((a) => (
        <li key={a.sha256}>
          <EvidenceThumb
            name={a.name}
            damagedLabel={t('review.rectification.damaged')}
            load={() => asGuard(() => api.call('actions.evidence', { actionId, sha256: a.sha256 }))}
          />
        </li>
      ))}
    </ul>
  );
}
