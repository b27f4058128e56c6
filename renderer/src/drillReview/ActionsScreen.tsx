// Improvement actions (整改措施), the branch's one list of them: overdue ones first and in red, then the open ones by
// due date, then the closed ones. Each says where it came from (the drill), who owns it and by when; it can be
// updated, finished or dropped with a note, and one that needs its plan changed opens a draft of that plan (a
// manager's: the backend refuses anyone else, and the refusal is shown). A closed action names the version that
// closed it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionView } from '../../../shared/actions/actionView';
import { useApi } from '../api/ApiContext';
import { usePlans } from '../app/PlansContext';
import { hrefFor, navigate } from '../app/router';
import { LoadState } from '../components/LoadState';
import { useLanguage } from '../components/useLanguage';
import { planTitle } from '../drills/labels';
import { useAsTrainer } from '../drills/useDrills';
import { ErrorNote } from '../people/ErrorNote';
import { formatDateTime } from '../records/recordTime';
import { ActionStatusBadge, DueBadge } from './ActionBadges';
import { FinishForm, UpdateForm } from './ActionForms';
import { inListOrder } from './actionOrder';
import { TrainerGate } from '../people/TrainerGate';
import { useActionList } from './useReview';
import './strings';
import '../styles/drillReview.css';

export function ActionsScreen() {
  const { t } = useTranslation();
  return (
    <section className="review-screen actions-screen" aria-labelledby="actions-title">
      <TrainerGate
        title={t('review.actions.title')}
        titleId="actions-title"
        needs={(role) => t('review.needsTrainer', { role })}
        unlock={t('review.unlock')}
      >
        <ActionList />
      </TrainerGate>
    </section>
  );
}

function ActionList() {
  const { t } = useTranslation();
  const [state, reload] = useActionList();
  return (
    <>
      <h1 id="actions-title">{t('review.actions.title')}</h1>
      <p className="review-hint">{t('review.actions.intro')}</p>
      <LoadState state={state} retry={reload}>
        {(actions: ActionView[]) => {
          if (actions.length === 0) return <p className="muted">{t('review.actions.none')}</p>;
          const open = actions.filter((a) => !a.closed).length;
          const overdue = actions.filter((a) => a.overdue).length;
          return (
            <>
              <p className="actions-summary" data-testid="actions-summary">
                {t('review.actions.summary', { total: actions.length, open, overdue })}
              </p>
              <ol className="action-list">
                {inListOrder(actions).map((a) => (
                  <ActionCard key={a.id} action={a} onChanged={reload} />
                ))}
              </ol>
            </>
          );
        }}
      </LoadState>
    </>
  );
}

function ActionCard({ action, onChanged }: { action: ActionView; onChanged: () => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const plans = usePlans();
  const [form, setForm] = useState<'update' | 'finish'>();
  const { spec, closed } = action;
  const titleId = `action-${action.id}-title`;
  const done = () => {
    setForm(undefined);
    onChanged();
  };
  return (
    <li
      className={`action-card${action.overdue ? ' action-overdue' : ''}${closed ? ' action-closed' : ''}`}
      data-action={action.id}
      aria-labelledby={titleId}
    >
      <div className="action-head">
        <h2 id={titleId}>{spec.title}</h2>
        <p className="action-badges">
          <ActionStatusBadge action={action} />
          <DueBadge action={action} />
        </p>
      </div>
      <dl className="facts action-facts">
        <dt>{t('review.actions.source')}</dt>
        <dd>
          {spec.source.kind === 'drill' ? (
            <a href={hrefFor({ screen: 'drills', exerciseId: spec.source.exerciseId })}>
              {t('review.actions.fromDrill', { title: spec.source.title })}
            </a>
          ) : (
            spec.source.title
          )}
        </dd>
        <dt>{t('review.owner.label')}</dt>
        <dd data-testid="action-owner">{spec.owner.name}</dd>
        <dt>{t('review.actions.due')}</dt>
        <dd data-testid="action-due">{spec.due}</dd>
        <dt>{t('review.actions.plan')}</dt>
        <dd>
          {spec.planId ? (
            <a href={hrefFor({ screen: 'plans', planId: spec.planId })}>{planTitle(plans, spec.planId, lang)}</a>
          ) : (
            t('review.actions.noPlan')
          )}
        </dd>
        <dt>{t('review.actions.opened')}</dt>
        <dd>{t('review.byAt', { name: action.opened.by.name, at: formatDateTime(action.opened.at, false) })}</dd>
        {closed && (
          <>
            <dt>{t('review.actions.closed')}</dt>
            <dd data-testid="action-closed">
              {t('review.byAt', { name: closed.by.name, at: formatDateTime(closed.at, false) })}
              {closed.note && <span className="action-note">{closed.note}</span>}
              {closed.version && (
                <a
                  className="action-version"
                  href={hrefFor({ screen: 'plans', planId: closed.version.planId, view: { kind: 'history' } })}
                >
                  {t('review.actions.closedByVersion', {
                    plan: planTitle(plans, closed.version.planId, lang),
                    version: closed.version.version,
                  })}
                </a>
              )}
            </dd>
          </>
        )}
      </dl>
      <History action={action} />
      {!closed && (
        <>
          <div className="button-row action-buttons">
            <button
              type="button"
              aria-expanded={form === 'update'}
              aria-label={t('review.actions.updateOf', { title: spec.title })}
              onClick={() => setForm(form === 'update' ? undefined : 'update')}
            >
              {t('review.actions.update')}
            </button>
            <button
              type="button"
              aria-expanded={form === 'finish'}
              aria-label={t('review.actions.finishOf', { title: spec.title })}
              onClick={() => setForm(form === 'finish' ? undefined : 'finish')}
            >
              {t('review.actions.finish')}
            </button>
            {spec.planId && <RevisePlan action={action} planId={spec.planId} />}
          </div>
          {form === 'update' && <UpdateForm action={action} onDone={done} onCancel={() => setForm(undefined)} />}
          {form === 'finish' && <FinishForm action={action} onDone={done} onCancel={() => setForm(undefined)} />}
        </>
      )}
    </li>
  );
}

/** Opens (or reopens) the draft of the action's plan that names it, then the editor on it. */
function RevisePlan({ action, planId }: { action: ActionView; planId: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const asTrainer = useAsTrainer();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const hintId = `action-${action.id}-revise-hint`;
  return (
    <>
      <button
        type="button"
        className="primary"
        disabled={busy}
        aria-describedby={hintId}
        onClick={() => {
          setBusy(true);
          setError(undefined);
          // As whoever is unlocked: the backend lets only a manager revise a plan, and says so to anyone else.
          asTrainer(() => api.call('actions.revisePlan', { actionId: action.id }))
            .then(() => navigate({ screen: 'plans', planId, view: { kind: 'edit' } }))
            .catch((failure: unknown) => setError(failure))
            .finally(() => setBusy(false));
        }}
      >
        {t(action.draftOpened ? 'review.actions.continueRevision' : 'review.actions.revise')}
      </button>
      <span id={hintId} className="review-hint">
        {t('review.actions.reviseHint')}
      </span>
      {error !== undefined && <ErrorNote error={error} className="action-error" />}
    </>
  );
}

function History({ action }: { action: ActionView }) {
  const { t } = useTranslation();
  if (action.history.length === 0) return null;
  return (
    <details className="action-history">
      <summary>{t('review.actions.history', { count: action.history.length })}</summary>
      <ol>
        {action.history.map((h, i) => (
          <li key={i}>
            <span>{t(`review.actions.what.${h.what}`)}</span>
            {' · '}
            <span className="muted">{t('review.byAt', { name: h.by.name, at: formatDateTime(h.at, false) })}</span>
            {h.note && <span className="action-note">{h.note}</span>}
          </li>
        ))}
      </ol>
    </details>
  );
}
