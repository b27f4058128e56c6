// The integrity of a record at a glance: 已验证 (seal valid), 未封存 (not sealed yet), 已损坏 (verification failed).
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Integrity } from '../../../shared/records/runSummary';

const MARKS: Record<Integrity, string> = { verified: '✓', 'not-sealed': '○', damaged: '✗' };

export function IntegrityBadge({ integrity, damage }: { integrity: Integrity; damage?: string | undefined }) {
  const { t } = useTranslation();
  const why = integrity === 'damaged' && damage ? damageText(damage, t) : undefined;
  return (
    <span className={`badge integrity integrity-${integrity}`} title={why} data-integrity={integrity}>
      <span aria-hidden="true">{MARKS[integrity]} </span>
      {t(`records.integrity.${integrity}`)}
      {why && <span className="visually-hidden">：{why}</span>}
    </span>
  );
}

/**
 * Where verification failed, in the UI language. The index states it as `line 7 (byte 1234): bad-hash`
 * (reason codes from shared/journal/verify.ts); anything else is shown as it is.
 */
export function damageText(damage: string, t: TFunction): string {
  const m = /^line (\d+) \(byte (\d+)\): ([a-z-]+)$/.exec(damage);
  if (!m) return damage;
  const reason = t(`records.damageReasons.${m[3]}`, { defaultValue: m[3] });
  return t('records.damage', { line: m[1], byte: m[2], reason });
}
