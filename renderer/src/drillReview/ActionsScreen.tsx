// The branch's one action tracker (整改措施): improvement actions from drills and rectifications from inspections.
// Overdue ones first and in red, then the open ones by due date, then the closed ones; filters by where each stands
// and where it came from. Each says its source, owner, due date, the evidence closing it needs and its history.
// A trainer and above see every action: a drill's can be updated, finished or dropped with a note, and one that
// needs its plan changed opens a draft of that plan (a manager's: the backend refuses anyone else, and the refusal
// is shown); a rectification is reported fixed with evidence and checked by someone other than who reported it. A
// guard sees only their own and may only report them fixed. A closed action names the version, or the check, that
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
import { useSession } from '../people/SessionContext';
import { TrainerGate } from '../people/TrainerGate';
import { formatDateTime } from '../records/recordTime';
import { ActionStatusBadge, CriticalBadge, DueBadge } from './ActionBadges';
import { FinishForm, UpdateForm } from './ActionForms';
import { filterActions, inListOrder, type ActionFilter } from './actionOrder';
import { RectificationEvidence } from './RectificationEvidence';
import { ActionSourceLink, FixReported } from './RectificationFacts';
import { RectificationFilters } from './RectificationFilters';
import { CheckForm, FixForm } from './RectificationForms';
import { useTrackedActions, type TrackerScope } from './useReview';
import './strings';
import '../styles/drillReview.css';

export function ActionsScreen() {
  const { t } = useTranslation();
  return (
    <section className="review-screen actions-screen" aria-labelledby="actions-title">
      <TrainerGate
        role="guard"
        title={t('review.actions.title')}
        titleId="actions-title"
        needs={(role) => t('review.actions.needsGuard', { role })}
        unlock={t('review.unlock')}
      >
        <ActionList />
      </TrainerGate>
    </section>
  );
}

/** Who is using the tracker: everyone's actions or their own, and their user id (a fix they reported is not theirs
 * to check). */
interface Viewer {
  scope: TrackerScope;
  userId: string | undefined;
}

function ActionList() {
  const { t } = useTranslation();
  const session = useSession();
  const viewer: Viewer = {
    scope: session.mayEditAs('trainer') ? 'all' : 'mine',
    userId: session.view?.unlocked?.userId ?? session.lapsed?.userId,
  };
  const [state, reload] = useTrackedActions(viewer.scope);
  const [filter, setFilter] = useState<ActionFilter>({ status: 'all', source: 'anySource' });
  return (
    <>
      <h1 id="actions-title">{t('review.actions.title')}</h1>
      <p className="review-hint">{t(viewer.scope === 'all' ? 'review.actions.intro' : 'review.actions.introMine')}</p>
      <LoadState state={state} retry={reload}>
        {(actions: ActionView[]) => {
          if (actions.length === 0) {
            return (
              <p className="muted">{t(viewer.scope === 'all' ? 'review.actions.none' : 'review.actions.noneMine')}</p>
            );
          }
          const open = actions.filter((a) => !a.closed).length;
          const overdue = actions.filter((a) => a.overdue).length;
          const shown = inListOrder(filterActions(actions, filter));
          return (
            <>
              <p className="actions-summary" data-testid="actions-summary">
                {t('review.actions.summary', { total: actions.length, open, overdue })}
              </p>
              <RectificationFilters actions={actions} filter={filter} onChange={setFilter} />
              {shown.length === 0 ? (
                <p className="muted">{t('review.actions.noneFiltered')}</p>
              ) : (
                <ol className="action-list">
                  {shown.map((a) => (
                    <ActionCard key={a.id} action={a} viewer={viewer} onChanged={reload} />
                  ))}
                </ol>
              )}
            </>
          );
        }}
      </LoadState>
    </>
  );
}

type FormKind = 'update' | 'finish' | 'fix' | 'check';

function ActionCard({ action, viewer, onChanged }: { action: ActionView; viewer: Viewer; onChanged: () => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const plans = usePlans();
  const [form, setForm] = useState<FormKind>();
  const { spec, closed } = action;
  const titleId = `action-${action.id}-title`;
  const done = () => {
    setForm(undefined);
    onChanged();
  };
  const toggle = (kind: FormKind) => ({
    'aria-expanded': form === kind,
    onClick: () => setForm(form === kind ? undefined : kind),
  });
  const cancel = () => setForm(undefined);
  const everyone = viewer.scope === 'all';
  const toFix = action.status === 'open' || action.status === 'in-progress';
  // A rectification is reported fixed with evidence; its owner (a guard) or a trainer for them may report it.
  const mayFix = toFix && spec.evidence !== undefined;
  const ownFix = action.fixed !== undefined && action.fixed.by.userId === viewer.userId;
  const ownFixId = `action-${action.id}-own-fix`;
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
          <CriticalBadge action={action} />
          <DueBadge action={action} />
        </p>
      </div>
      <dl className="facts action-facts">
        <dt>{t('review.actions.source')}</dt>
        <dd data-testid="action-source">
          <ActionSourceLink action={action} />
        </dd>
        <dt>{t('review.owner.label')}</dt>
        <dd data-testid="action-owner">{spec.owner.name}</dd>
        <dt>{t('review.actions.due')}</dt>
        <dd data-testid="action-due">{spec.due}</dd>
        {spec.evidence && (
          <>
            <dt>{t('review.actions.evidence')}</dt>
            <dd data-testid="action-evidence">{spec.evidence}</dd>
          </>
        )}
        {(spec.source.kind === 'drill' || spec.planId) && (
          <>
            <dt>{t('review.actions.plan')}</dt>
            <dd>
              {spec.planId ? (
                <a href={hrefFor({ screen: 'plans', planId: spec.planId })}>{planTitle(plans, spec.planId, lang)}</a>
              ) : (
                t('review.actions.noPlan')
              )}
            </dd>
          </>
        )}
        <dt>{t('review.actions.opened')}</dt>
        <dd>{t('review.byAt', { name: action.opened.by.name, at: formatDateTime(action.opened.at, false) })}</dd>
        <FixReported action={action} />
        {closed && (
          <>
            <dt>{t('review.actions.closed')}</dt>
            <dd data-testid="action-closed">
              {closed.checkedFix
                ? t('review.actions.checkedBy', { name: closed.by.name, at: formatDateTime(closed.at, false) })
                : t('review.byAt', { name: closed.by.name, at: formatDateTime(closed.at, false) })}
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
      {toFix && (
        <>
          <div className="button-row action-buttons">
            {mayFix && (
              <button
                type="button"
                className="primary"
                aria-label={t('review.rectification.reportOf', { title: spec.title })}
                {...toggle('fix')}
              >
                {t('review.rectification.report')}
              </button>
            )}
            {everyone && (
              <>
                <button
                  type="button"
                  aria-label={t('review.actions.updateOf', { title: spec.title })}
                  {...toggle('update')}
                >
                  {t('review.actions.update')}
                </button>
                <button
                  type="button"
                  aria-label={t(spec.evidence ? 'review.actions.dropOf' : 'review.actions.finishOf', {
                    title: spec.title,
                  })}
                  {...toggle('finish')}
                >
                  {t(spec.evidence ? 'review.actions.drop' : 'review.actions.finish')}
                </button>
                {spec.planId && <RevisePlan action={action} planId={spec.planId} />}
              </>
            )}
          </div>
          {form === 'fix' && <FixForm action={action} onDone={done} onCancel={cancel} />}
          {form === 'update' && <UpdateForm action={action} onDone={done} onCancel={cancel} />}
          {form === 'finish' && <FinishForm action={action} onDone={done} onCancel={cancel} />}
        </>
      )}
      {action.status === 'fixed' && everyone && (
        <>
          <div className="button-row action-buttons">
            <button
              type="button"
              className="primary"
              disabled={ownFix}
              aria-label={t('review.rectification.checkOf', { title: spec.title })}
              {...(ownFix ? { 'aria-describedby': ownFixId } : {})}
              {...toggle('check')}
            >
              {t('review.rectification.check')}
            </button>
            {ownFix && (
              <span id={ownFixId} className="review-hint rectification-own">
                {t('review.rectification.ownFix')}
              </span>
            )}
          </div>
          {form === 'check' && !ownFix && <CheckForm action={action} onDone={done} onCancel={cancel} />}
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

/** Every update, fix, check and the close, oldest first; a fix's evidence is loaded once the history is opened. */
function History({ action }: { action: ActionView }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (action.history.length === 0) return null;
  const last = action.history.length - 1;
  return (
    <details className="action-history" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('review.actions.history', { count: action.history.length })}</summary>
      <ol>
        {action.history.map((h, i) => (
          <li key={i} data-what={h.what}>
            <span>
              {t(
                h.what === 'closed' && i === last && action.closed?.checkedFix
                  ? 'review.actions.what.accepted'
                  : `review.actions.what.${h.what}`,
              )}
            </span>
            {' · '}
            <span className="muted">{t('review.byAt', { name: h.by.name, at: formatDateTime(h.at, false) })}</span>
            {h.note && <span className="action-note">{h.note}</span>}
            {open && h.attachments && <RectificationEvidence actionId={action.id} attachments={h.attachments} />}
          </li>
        ))}
      </ol>
    </details>
  );
}
