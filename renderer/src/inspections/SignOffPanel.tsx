// Signing an inspection: until every item is checked and every must-photograph item has a photo, what is still
// missing (each a way back to the item); then the result, the overall assessment, the branch representative, one
// rectification per failed item (owner: a user or a typed name; due: today + the item's days in the branch's
// calendar; the evidence that closes it) and the inspector's PIN. A refusal (a wrong PIN) is said in both languages
// and nothing typed is lost but the PIN, which is typed again.
import { useState, type FormEvent, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { checklistItems, rectifyDaysOf } from '../../../shared/checklist/score';
import type { ChecklistItem } from '../../../shared/checklist/schema';
import { localDateOf } from '../../../shared/drills/coverage';
import type { InspectionView } from '../../../shared/inspections/inspectionView';
import { ACTION_LIMITS, INSPECTION_LIMITS } from '../../../shared/limits';
import { pick } from '../../../shared/plan/labels';
import type { PublicUser } from '../../../shared/people/roles';
import { useApi } from '../api/ApiContext';
import { displayTimeZone } from '../components/displayTimeZone';
import { useLanguage } from '../components/useLanguage';
import { useEnabledUsers } from '../drillReview/OwnerFields';
import { ErrorNote } from '../people/ErrorNote';
import { personLabel } from '../people/labels';
import { PinField } from '../people/PinFields';
import { useSession } from '../people/SessionContext';
import { VerdictBadge } from './Badges';
import {
  defaultRectification,
  signOffInput,
  type RectificationDraft,
  type SignOffDraft,
  type SignOffProblem,
} from './inspectionModel';
import { percentText } from './labels';
import { useAsInspector, useCall } from './useInspections';

export function SignOffPanel({
  view,
  headingRef,
  blockers,
  draft,
  onDraft,
  onSigned,
  goToItem,
}: {
  view: InspectionView;
  headingRef: RefObject<HTMLHeadingElement | null>;
  blockers: { unanswered: string[]; photoMissing: string[] };
  draft: SignOffDraft;
  onDraft: (update: (draft: SignOffDraft) => SignOffDraft) => void;
  onSigned: (view: InspectionView) => void;
  goToItem: (itemId: string) => void;
}) {
  const { t } = useTranslation();
  const ready = blockers.unanswered.length === 0 && blockers.photoMissing.length === 0;
  return (
    <section className="sign-off-panel" aria-labelledby="sign-title">
      <h2 id="sign-title" ref={headingRef} tabIndex={-1}>
        {t('inspections.sign.heading')}
      </h2>
      {ready ? (
        <SignOffForm view={view} draft={draft} onDraft={onDraft} onSigned={onSigned} />
      ) : (
        <Blockers view={view} blockers={blockers} goToItem={goToItem} />
      )}
    </section>
  );
}

function Blockers({
  view,
  blockers,
  goToItem,
}: {
  view: InspectionView;
  blockers: { unanswered: string[]; photoMissing: string[] };
  goToItem: (itemId: string) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const all = checklistItems(view.body);
  const label = (itemId: string) => {
    const at = all.findIndex(({ item }) => item.id === itemId);
    return t('inspections.conduct.criticalItem', { n: at + 1, text: pick(all[at]?.item.text, lang) });
  };
  const list = (ids: string[], heading: string, kind: string) =>
    ids.length > 0 && (
      <div className="sign-blockers" data-blockers={kind}>
        <h3>{heading}</h3>
        <ul>
          {ids.map((id) => (
            <li key={id}>
              <button type="button" className="link-button" onClick={() => goToItem(id)}>
                {t('inspections.sign.goTo', { item: label(id) })}
              </button>
            </li>
          ))}
        </ul>
      </div>
    );
  return (
    <>
      <p className="notice notice-warning">{t('inspections.sign.blocked')}</p>
      {list(blockers.unanswered, t('inspections.sign.unanswered', { count: blockers.unanswered.length }), 'unanswered')}
      {list(
        blockers.photoMissing,
        t('inspections.sign.photoMissing', { count: blockers.photoMissing.length }),
        'photo-missing',
      )}
    </>
  );
}

function SignOffForm({
  view,
  draft,
  onDraft,
  onSigned,
}: {
  view: InspectionView;
  draft: SignOffDraft;
  onDraft: (update: (draft: SignOffDraft) => SignOffDraft) => void;
  onSigned: (view: InspectionView) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const api = useApi();
  const asInspector = useAsInspector();
  const session = useSession();
  const users = useEnabledUsers();
  const call = useCall();
  const [tried, setTried] = useState(false);
  const today = localDateOf(Date.now(), displayTimeZone());
  const items = new Map(checklistItems(view.body).map(({ item }, i) => [item.id, { item, n: i + 1 }]));
  const outcome = signOffInput(view, draft, today);
  const problems: SignOffProblem[] = tried ? outcome.problems : [];
  const has = (p: SignOffProblem) => problems.includes(p);
  const signer = session.view?.unlocked?.name ?? session.lapsed?.name ?? '';
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!outcome.input) {
      const first = outcome.problems[0]!;
      const field =
        first === 'pin'
          ? document.querySelector<HTMLElement>('#sign-pin input')
          : document.getElementById(fieldIdOf(first));
      field?.focus();
      return;
    }
    const input = outcome.input;
    const signed = await call.run('sign', () => asInspector(() => api.call('inspections.signOff', input)));
    if (signed) onSigned(signed);
    else onDraft((d) => ({ ...d, pin: '' })); // a wrong PIN is typed again, never kept on screen
  };
  const rectification = (item: ChecklistItem) => draft.rectifications[item.id] ?? defaultRectification(item, today);
  const setRectification = (item: ChecklistItem, patch: Partial<RectificationDraft>) =>
    onDraft((d) => ({
      ...d,
      rectifications: {
        ...d.rectifications,
        [item.id]: { ...(d.rectifications[item.id] ?? defaultRectification(item, today)), ...patch },
      },
    }));
  const error = (p: SignOffProblem) =>
    has(p) ? (
      <span id={`${fieldIdOf(p)}-problem`} className="field-error">
        {t('inspections.required')}
      </span>
    ) : null;
  const invalid = (p: SignOffProblem) =>
    has(p) ? { 'aria-invalid': true as const, 'aria-describedby': `${fieldIdOf(p)}-problem` } : {};
  return (
    <form className="sign-off-form" onSubmit={(e) => void submit(e)} aria-labelledby="sign-title">
      <div className="sign-result" data-testid="sign-result">
        <h3>{t('inspections.sign.result')}</h3>
        <p>
          <strong className="sign-percent">{percentText(view.score.percent, t)}</strong>{' '}
          <VerdictBadge passed={view.score.passed} criticalFailed={view.score.criticalFailed.length} />
        </p>
      </div>
      <div className="sign-field">
        <label htmlFor="sign-summary">{t('inspections.sign.summary')}</label>
        <textarea
          id="sign-summary"
          rows={3}
          value={draft.summary}
          maxLength={INSPECTION_LIMITS.summary}
          onChange={(e) => onDraft((d) => ({ ...d, summary: e.target.value }))}
        />
      </div>
      <div className="sign-field">
        <label htmlFor="sign-representative">{t('inspections.sign.representative')}</label>
        <input
          id="sign-representative"
          value={draft.representative}
          maxLength={INSPECTION_LIMITS.inspector}
          autoComplete="off"
          {...invalid('representative')}
          aria-describedby={
            ['sign-representative-hint', has('representative') ? 'sign-representative-problem' : '']
              .filter(Boolean)
              .join(' ') || undefined
          }
          onChange={(e) => onDraft((d) => ({ ...d, representative: e.target.value }))}
        />
        <span id="sign-representative-hint" className="muted small">
          {t('inspections.sign.representativeHint')}
        </span>
        {error('representative')}
      </div>
      <fieldset className="sign-rectifications">
        <legend>{t('inspections.sign.rectifications')}</legend>
        {view.score.failed.length === 0 && <p className="muted">{t('inspections.sign.noRectifications')}</p>}
        {view.score.failed.map((itemId) => {
          const entry = items.get(itemId);
          if (!entry) return null;
          const { item, n } = entry;
          const r = rectification(item);
          return (
            <fieldset key={itemId} className="rectification-row" data-rectification={itemId}>
              <legend>{t('inspections.conduct.criticalItem', { n, text: pick(item.text, lang) })}</legend>
              <OwnerChoice
                itemId={itemId}
                users={users}
                draft={r}
                onChange={(patch) => setRectification(item, patch)}
                problem={error(`owner:${itemId}`)}
                invalid={invalid(`owner:${itemId}`)}
              />
              <div className="sign-field">
                <label htmlFor={`sign-due-${itemId}`}>{t('inspections.sign.due')}</label>
                <input
                  id={`sign-due-${itemId}`}
                  type="date"
                  value={r.due}
                  min={today}
                  {...invalid(`due:${itemId}`)}
                  onChange={(e) => setRectification(item, { due: e.target.value })}
                />
                <span className="muted small">
                  {rectifyDaysOf(item) === 0
                    ? t('inspections.sign.dueToday')
                    : t('inspections.sign.dueHint', { days: rectifyDaysOf(item) })}
                </span>
                {error(`due:${itemId}`)}
              </div>
              <div className="sign-field sign-evidence">
                <label htmlFor={`sign-evidence-${itemId}`}>{t('inspections.sign.evidence')}</label>
                <input
                  id={`sign-evidence-${itemId}`}
                  value={r.evidence}
                  maxLength={INSPECTION_LIMITS.note}
                  {...invalid(`evidence:${itemId}`)}
                  onChange={(e) => setRectification(item, { evidence: e.target.value })}
                />
                {error(`evidence:${itemId}`)}
              </div>
            </fieldset>
          );
        })}
      </fieldset>
      <div className="sign-field sign-pin" id="sign-pin">
        <PinField
          label={t('inspections.sign.pin', { name: signer })}
          value={draft.pin}
          onChange={(pin) => onDraft((d) => ({ ...d, pin }))}
          invalid={has('pin')}
          describedBy={has('pin') ? 'sign-pin-field-problem' : 'sign-pin-hint'}
        />
        <span id="sign-pin-hint" className="muted small">
          {t('inspections.sign.pinHint')}
        </span>
        {error('pin')}
      </div>
      {problems.length > 0 && <p className="field-error">{t('inspections.sign.problems')}</p>}
      {call.error !== undefined && <ErrorNote error={call.error} />}
      <button
        type="submit"
        className="primary big"
        disabled={call.busy !== undefined}
        aria-busy={call.busy !== undefined || undefined}
      >
        {call.busy ? t('inspections.sign.submitting') : t('inspections.sign.submit')}
      </button>
    </form>
  );
}

/** The id a problem's control (and its message) is named by; PinField takes no id, so the PIN's is only a name. */
function fieldIdOf(problem: SignOffProblem): string {
  const [field, itemId] = problem.split(':') as [string, string | undefined];
  if (field === 'pin') return 'sign-pin-field';
  if (field === 'owner') return `sign-owner-name-${itemId}`;
  return itemId ? `sign-${field}-${itemId}` : `sign-${field}`;
}

function OwnerChoice({
  itemId,
  users,
  draft,
  onChange,
  problem,
  invalid,
}: {
  itemId: string;
  users: readonly PublicUser[];
  draft: RectificationDraft;
  onChange: (patch: Partial<RectificationDraft>) => void;
  problem: ReactNode;
  invalid: object;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <>
      <div className="sign-field">
        <label htmlFor={`sign-owner-${itemId}`}>{t('inspections.sign.owner')}</label>
        <select
          id={`sign-owner-${itemId}`}
          value={draft.userId}
          onChange={(e) => {
            const user = users.find((u) => u.id === e.target.value);
            onChange({ userId: e.target.value, name: user?.name ?? '' });
          }}
        >
          <option value="">{t('inspections.sign.external')}</option>
          {users.map((u) => (
            <option key={u.id} value={u.id}>
              {personLabel(u, lang)}
            </option>
          ))}
        </select>
      </div>
      {!draft.userId && (
        <div className="sign-field">
          <label htmlFor={`sign-owner-name-${itemId}`}>{t('inspections.sign.ownerName')}</label>
          <input
            id={`sign-owner-name-${itemId}`}
            value={draft.name}
            maxLength={ACTION_LIMITS.owner}
            {...invalid}
            onChange={(e) => onChange({ name: e.target.value })}
          />
          {problem}
        </div>
      )}
    </>
  );
}
