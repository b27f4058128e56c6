// Escalation in the runner and the records: the follow-on plans a run offers now (shared/run/followOns.ts), each as
// one big button with a visible key, and the links between a run and the runs it came from and led to.
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanSummary } from '../../../shared/api/channels';
import { ApiError } from '../../../shared/api/errors';
import type { Text } from '../../../shared/text';
import type { Language } from '../../../shared/plan/schema';
import type { RunView } from '../../../shared/run/runViewSchema';
import { useApi } from '../api/ApiContext';
import { hrefFor, navigate } from '../app/router';
import { usePlans } from '../app/PlansContext';
import { useLanguage } from '../components/useLanguage';
import { keyLabel } from './ActionButton';
import { useActionKeys, type RunAction, type RunActions } from './runActions';
import { primeRun } from './useRun';
import '../styles/followOn.css';

/** A plan's short title by id, as the library has it now; a plan no longer there is named by its id. */
export function usePlanTitles(): (planId: string) => string {
  const plans = usePlans();
  const lang = useLanguage();
  return useCallback((planId: string) => planTitle(plans, planId, lang), [plans, lang]);
}

function planTitle(plans: readonly PlanSummary[], planId: string, lang: Language): string {
  return plans.find((p) => p.id === planId)?.shortTitle[lang] || planId;
}

export const followOnActionId = (planId: string) => `follow-on:${planId}`;

/**
 * The big "启动预案：劫持人质" buttons. Enter starts the first one once the run has ended (nothing else on screen
 * answers Enter then); while the run goes on Enter belongs to "完成", so it is E. The new run is started in the same
 * mode by the backend, linked both ways, and the screen moves to it.
 */
export function FollowOnButtons({ view }: { view: RunView }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const api = useApi();
  const title = usePlanTitles();
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<Text>();
  const inFlight = useRef(false);
  const { runId, followOns, status, mode } = view;

  const start = useCallback(
    async (planId: string) => {
      if (inFlight.current) return; // one tap, one new run
      inFlight.current = true;
      setBusy(planId);
      setError(undefined);
      try {
        const next = await api.call('runs.escalate', { runId, planId });
        primeRun(next);
        navigate({ screen: 'run', runId: next.runId });
      } catch (failure) {
        const text = String(failure);
        setError(failure instanceof ApiError ? failure.body.message : { 'zh-CN': text, en: text });
      } finally {
        inFlight.current = false;
        setBusy(undefined);
      }
    },
    [api, runId],
  );

  const actions: RunActions = useMemo(
    () =>
      new Map(
        followOns.map((f, i): [string, RunAction] => {
          const id = followOnActionId(f.planId);
          const shortcut = i > 0 ? undefined : status === 'active' ? 'e' : 'Enter';
          const label = t('escalation.start', { plan: title(f.planId) });
          return [id, { id, label, ...(shortcut ? { shortcut } : {}), perform: () => void start(f.planId) }];
        }),
      ),
    [followOns, status, t, title, start],
  );
  useActionKeys(actions);

  if (followOns.length === 0) return null;
  return (
    <section className="follow-ons" aria-label={t('escalation.links')}>
      {[...actions.values()].map((action) => {
        const planId = action.id.slice('follow-on:'.length);
        return (
          <button
            key={action.id}
            type="button"
            className="primary big follow-on"
            data-action={action.id}
            disabled={busy !== undefined}
            aria-busy={busy === planId || undefined}
            onClick={action.perform}
          >
            <span className="action-label">{busy === planId ? t('escalation.starting') : action.label}</span>
            {action.shortcut && (
              <kbd className="action-key" aria-hidden="true">
                {keyLabel(action.shortcut)}
              </kbd>
            )}
          </button>
        );
      })}
      <p className="follow-on-hint muted small">{t(mode === 'drill' ? 'escalation.hintDrill' : 'escalation.hint')}</p>
      {error && (
        <p role="alert" className="notice notice-error">
          {error[lang]}
        </p>
      )}
    </section>
  );
}

/**
 * "由…升级而来" and "已升级为…", each linking to the other run: in the runner to its runner screen, in the records
 * to its record. Nothing when the run stands alone.
 */
export function EscalationLinks({
  view,
  to,
}: {
  view: Pick<RunView, 'escalatedFrom' | 'escalatedTo'>;
  to: 'run' | 'records';
}) {
  const { t } = useTranslation();
  const title = usePlanTitles();
  const { escalatedFrom: from, escalatedTo } = view;
  if (!from && escalatedTo.length === 0) return null;
  const href = (runId: string) => hrefFor(to === 'run' ? { screen: 'run', runId } : { screen: 'records', runId });
  return (
    <ul className="escalation-links" aria-label={t('escalation.links')}>
      {from && (
        <li data-testid="escalated-from">
          <a href={href(from.runId)}>{t('escalation.escalatedFrom', { plan: title(from.planId) })}</a>{' '}
          <code className="muted small">{from.runId}</code>
        </li>
      )}
      {escalatedTo.map((e) => (
        <li key={e.runId} data-testid="escalated-to">
          <a href={href(e.runId)}>{t('escalation.escalatedTo', { plan: title(e.planId) })}</a>{' '}
          <code className="muted small">{e.runId}</code>
        </li>
      ))}
    </ul>
  );
}
