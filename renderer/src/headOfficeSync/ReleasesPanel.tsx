// The Plans screen's 总行下发的预案: the plan versions head office released to this branch (verified against the
// pinned key before they got here), each mandatory or advisory with its effective date and whether the branch has
// adopted it; a mandatory one past its date unadopted is overdue. A manager takes one as a draft, which then goes
// through the editor and review like any other revision. Trainers and up; hidden when there is none.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReleaseOfferView } from '../../../shared/api/channels';
import { useApi, usePush } from '../api/ApiContext';
import { navigate } from '../app/router';
import { useAsync } from '../app/useAsync';
import { useLanguage } from '../components/useLanguage';
import { ErrorNote } from '../people/ErrorNote';
import { useSession } from '../people/SessionContext';
import { useUnlockedAction } from '../people/useUnlockedAction';
import './headOfficeSync.css';
import './strings';

export function ReleasesPanel() {
  const session = useSession();
  if (!session.isUnlockedAs('trainer')) return null;
  return <Releases />;
}

const STATE_BADGES: Record<ReleaseOfferView['state'], string> = {
  offered: 'badge-warning',
  adopted: 'badge-ok',
  overdue: 'badge-error',
};

function Releases() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const api = useApi();
  const session = useSession();
  const manager = useUnlockedAction('manager');
  const [changes, setChanges] = useState(0);
  const reload = useCallback(() => setChanges((n) => n + 1), []);
  // A pass may bring a release; adopting one (an approval) changes its state.
  usePush('sync.changed', reload);
  usePush('plans.changed', reload);
  const [state] = useAsync(() => api.call('plans.releases'), [api, changes]);
  // Nothing while it loads or if it cannot: the plan list below is what this screen is for.
  if (state.status !== 'ready' || state.value.length === 0) return null;
  const take = (offer: ReleaseOfferView) =>
    void manager.run(
      () => api.call('plans.takeRelease', { planId: offer.planId, version: offer.version }),
      () => {
        navigate({ screen: 'plans', planId: offer.planId, view: { kind: 'edit' } });
        return '';
      },
      `${offer.planId}@${offer.version}`,
    );
  return (
    <section className="hq-releases" aria-labelledby="hq-releases-title">
      <h2 id="hq-releases-title">{t('hqReleases.title')}</h2>
      <p className="muted small">{t('hqReleases.hint')}</p>
      <ul className="plan-list">
        {state.value.map((offer) => {
          const key = `${offer.planId}@${offer.version}`;
          return (
            <li key={key} className="hq-release" data-release={key}>
              <span>
                <span className="plan-row-title">{offer.title[lang]}</span>
                <br />
                <span className="muted small">
                  {t('hqReleases.version', { version: offer.version })} ·{' '}
                  {offer.mandatory ? t('hqReleases.mandatory') : t('hqReleases.advisory')} ·{' '}
                  {t('hqReleases.effective', { date: offer.effectiveDate })}
                </span>
              </span>
              <span className={`badge ${STATE_BADGES[offer.state]}`} data-state={offer.state}>
                {t(`hqReleases.state.${offer.state}`)}
              </span>
              <span>
                {offer.state !== 'adopted' && session.mayEditAs('manager') && (
                  <button
                    type="button"
                    className="primary"
                    disabled={manager.busy === key}
                    aria-label={`${t('hqReleases.take')} ${offer.title[lang]} ${t('hqReleases.version', { version: offer.version })}`}
                    onClick={() => take(offer)}
                  >
                    {t('hqReleases.take')}
                  </button>
                )}
              </span>
            </li>
          );
        })}
      </ul>
      {manager.outcome?.kind === 'failed' && <ErrorNote error={manager.outcome.error} />}
    </section>
  );
}
