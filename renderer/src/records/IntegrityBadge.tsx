// The integrity of a record at a glance: 已验证 (seal valid, this installation's key, as registered), 未封存
// (not sealed yet), 已损坏 (verification failed), 由其他安装封存 (a valid seal, but another installation's key:
// never "verified"), 核验中 (not checked again since this start yet).
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Integrity } from '../../../shared/records/runSummary';

const MARKS: Record<Integrity, string> = {
  verified: '✓',
  'not-sealed': '○',
  damaged: '✗',
  foreign: '⚠',
  checking: '…',
};

export function IntegrityBadge({
  integrity,
  damage,
  keyId,
  compact = false,
}: {
  integrity: Integrity;
  damage?: string | undefined;
  /** The key the seal names: said beside 'foreign', which is about whose key it is. */
  keyId?: string | undefined;
  /** In a narrow column: the foreign key goes to the tooltip and to screen readers only. */
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const why = integrity === 'damaged' && damage ? damageText(damage, t) : undefined;
  const key = integrity === 'foreign' && keyId ? t('records.foreignKey', { keyId }) : undefined;
  const label = t(`records.integrity.${integrity}`);
  return (
    <span
      className={`badge integrity integrity-${integrity}`}
      title={why ?? (key && compact ? `${label}${key}` : undefined)}
      data-integrity={integrity}
    >
      <span aria-hidden="true">{MARKS[integrity]} </span>
      {label}
      {key && <span className={compact ? 'visually-hidden' : undefined}>{key}</span>}
      {why && <span className="visually-hidden">：{why}</span>}
    </span>
  );
}

/** The foreign seal's key in words (由其他安装封存（密钥 …）), for statements outside a badge. */
export function foreignText(keyId: string | undefined, t: TFunction): string {
  return `${t('records.integrity.foreign')}${keyId ? t('records.foreignKey', { keyId }) : ''}`;
}

/**
 * Where verification failed, in the UI language. The index states it as `line 7 (byte 1234): bad-hash`
 * (reason codes from shared/journal/verify.ts) or, for a journal that departs from its registered seal,
 * `line 12: cut-after-seal` / `line 12: differs-from-seal`; several are joined with '; '. Anything else is
 * shown as it is.
 */
export function damageText(damage: string, t: TFunction): string {
  return damage
    .split('; ')
    .map((part) => damagePartText(part, t))
    .join(t('records.damageJoin'));
}

function damagePartText(part: string, t: TFunction): string {
  const reason = (code: string) => t(`records.damageReasons.${code}`, { defaultValue: code });
  const at = /^line (\d+) \(byte (\d+)\): ([a-z-]+)$/.exec(part);
  if (at) return t('records.damage', { line: at[1], byte: at[2], reason: reason(at[3]!) });
  const line = /^line (\d+): ([a-z-]+)$/.exec(part);
  if (line) return t('records.damageAtLine', { line: line[1], reason: reason(line[2]!) });
  return part;
}
