// A record's check at head office in words and colour: verified, failed (with why, as a tooltip), not yet checked.
import { useTranslation } from 'react-i18next';
import type { HqBranchView } from '../../../shared/api/channels';

type Check = HqBranchView['records'][number]['check'];

const BADGE: Record<Check['status'], string> = {
  verified: 'badge-ok',
  failed: 'badge-error',
  unchecked: 'badge-warning',
};

export function CheckBadge({ check }: { check: Check }) {
  const { t } = useTranslation();
  return (
    <span
      className={`badge ${BADGE[check.status]}`}
      data-check={check.status}
      title={check.status === 'failed' ? check.reason : undefined}
    >
      {t(`hq.check.${check.status}`)}
    </span>
  );
}
