// The runner (recording arrives with the live-runs issue): for now, the plan's steps in large type.
import { useTranslation } from 'react-i18next';
import { pick } from '../../../shared/plan/labels';
import { hrefFor } from '../app/router';
import { useSettings } from '../app/SettingsContext';
import { LoadState } from '../components/LoadState';
import { usePlanDetail } from '../plans/usePlanDetail';
import { PlanOutline } from '../components/PlanOutline';
import { useLanguage } from '../components/useLanguage';

export function RunScreen({ planId }: { planId: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { state: settings } = useSettings();
  const [state, retry] = usePlanDetail(planId);
  return (
    <section className="run" aria-labelledby="run-title">
      <p>
        <a href={hrefFor({ screen: 'home' })}>← {t('run.back')}</a>
      </p>
      <LoadState state={state} retry={retry}>
        {({ summary, plan }) => {
          const first = plan?.steps.find((s) => s.id === plan.start);
          return (
            <>
              <h1 id="run-title">{summary.title[lang]}</h1>
              <p role="status" className="notice notice-warning">
                {t('run.notRecording')}
              </p>
              {first && (
                <div className="run-first">
                  <h2>{t('run.firstStep')}</h2>
                  <p className="run-step-title">{pick(first.title, lang)}</p>
                  {'detail' in first && first.detail && <p className="run-step-detail">{pick(first.detail, lang)}</p>}
                </div>
              )}
              {plan && <PlanOutline plan={plan} phones={settings.settings.phones} />}
            </>
          );
        }}
      </LoadState>
    </section>
  );
}
