// A live incident's close-out as a table of its sections (事件后续情况), for the record detail and the printed
// report alike; "not filled in" when an incident record has none (a record from before close-outs, or unsigned).
import { useTranslation } from 'react-i18next';
import { CLOSE_OUT_SECTION_LABELS } from '../../../shared/journal/closeOutSections';
import type { CloseOut } from '../../../shared/run/closeOut';
import type { RunView } from '../../../shared/run/runViewSchema';
import { useLanguage } from '../components/useLanguage';
import { actorText } from '../run/actor';
import { formatDateTime } from './recordTime';
import '../styles/closeOut.css';

export function CloseOutDetails({ closeOut, className }: { closeOut: RunView['closeOut']; className?: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  if (!closeOut) return <p className="muted">{t('closeOut.notFilled')}</p>;
  const time = (iso: string) => <time dateTime={iso}>{formatDateTime(iso, false)}</time>;
  const none = t('closeOut.noneShown');
  const { losses, casualties, police, reports, followUp } = closeOut as CloseOut & { at: string; by: string | null };
  return (
    <>
      <table className={className ?? 'close-out-table'} data-testid="close-out-details">
        <tbody>
          <tr>
            <th scope="row">{CLOSE_OUT_SECTION_LABELS.losses[lang]}</th>
            <td>
              {losses.none ? (
                none
              ) : (
                <>
                  <p>{losses.text}</p>
                  {losses.amountYuan !== undefined && (
                    <p>{t('closeOut.losses.amountShown', { amount: losses.amountYuan.toFixed(2) })}</p>
                  )}
                </>
              )}
            </td>
          </tr>
          <tr>
            <th scope="row">{CLOSE_OUT_SECTION_LABELS.casualties[lang]}</th>
            <td>
              {casualties.none ? (
                none
              ) : (
                <>
                  <p>{t('closeOut.casualties.counts', { injured: casualties.injured, dead: casualties.dead })}</p>
                  {casualties.text && <p>{casualties.text}</p>}
                </>
              )}
            </td>
          </tr>
          <tr>
            <th scope="row">{CLOSE_OUT_SECTION_LABELS.police[lang]}</th>
            <td>
              {police.none ? (
                t('closeOut.police.none')
              ) : (
                <>
                  <p>{t('closeOut.police.calledShown', { time: formatDateTime(police.calledAt, false) })}</p>
                  <p>
                    {police.arrivedAt
                      ? t('closeOut.police.arrivedShown', { time: formatDateTime(police.arrivedAt, false) })
                      : t('closeOut.police.notArrived')}
                  </p>
                  {police.receiptNo && <p>{t('closeOut.police.receiptShown', { no: police.receiptNo })}</p>}
                  {police.text && <p>{t('closeOut.police.textShown', { text: police.text })}</p>}
                </>
              )}
            </td>
          </tr>
          <tr>
            <th scope="row">{CLOSE_OUT_SECTION_LABELS.reports[lang]}</th>
            <td>
              {reports.none ? (
                t('closeOut.reports.none')
              ) : (
                <table className="close-out-reports">
                  <thead>
                    <tr>
                      <th scope="col">{t('closeOut.reports.to')}</th>
                      <th scope="col">{t('closeOut.reports.at')}</th>
                      <th scope="col">{t('closeOut.reports.how')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {reports.entries.map((e, i) => (
                      <tr key={i}>
                        <td>{e.to}</td>
                        <td>{time(e.at)}</td>
                        <td>{e.how}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </td>
          </tr>
          <tr>
            <th scope="row">{CLOSE_OUT_SECTION_LABELS.followUp[lang]}</th>
            <td>{followUp.none ? none : followUp.text}</td>
          </tr>
        </tbody>
      </table>
      <p className="muted small">
        {t('closeOut.saved', { time: formatDateTime(closeOut.at, false), by: actorText(closeOut.by, t) })}
      </p>
    </>
  );
}
