// Marks the inspection screens share: 明查 / 暗访, the verdict (with 一票否决 when a critical item failed), an item's
// result.
import { useTranslation } from 'react-i18next';
import type { ItemResultName } from './inspectionModel';

export function KindBadge({ announced }: { announced: boolean }) {
  const { t } = useTranslation();
  return (
    <span
      className={`badge ${announced ? 'badge-kind-announced' : 'badge-kind-unannounced'}`}
      data-kind={announced ? 'announced' : 'unannounced'}
    >
      {t(announced ? 'inspections.kind.announced' : 'inspections.kind.unannounced')}
    </span>
  );
}

/** 合格 / 不合格 (null: not every item answered yet), and the critical failures said beside it. */
export function VerdictBadge({ passed, criticalFailed }: { passed: boolean | null; criticalFailed: number }) {
  const { t } = useTranslation();
  const state = passed === null ? 'pending' : passed ? 'passed' : 'failed';
  return (
    <>
      <span
        className={`badge ${passed === null ? 'badge-start' : passed ? 'badge-ok' : 'badge-error'}`}
        data-verdict={state}
      >
        {t(`inspections.verdict.${state}`)}
      </span>
      {criticalFailed > 0 && (
        <span className="badge badge-veto" data-testid="veto">
          {t('inspections.vetoed', { count: criticalFailed })}
        </span>
      )}
    </>
  );
}

const RESULT_BADGE: Record<ItemResultName, string> = {
  pass: 'badge-ok',
  fail: 'badge-error',
  na: 'badge-na',
  recorded: 'badge-ok',
  unanswered: 'badge-na',
};

export function ResultBadge({ result }: { result: ItemResultName }) {
  const { t } = useTranslation();
  return (
    <span className={`badge ${RESULT_BADGE[result]}`} data-result={result}>
      {t(`inspections.item.results.${result}`)}
    </span>
  );
}
