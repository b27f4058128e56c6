// The form of the selected step: what every step has (id, title, detail, role), then what its kind has (next,
// timers, contacts, checklist, options, tracks, outcome, follow-on). Links offer only the steps of the step's scope.
import { useTranslation } from 'react-i18next';
import { OUTCOME_LABELS, pick } from '../../../shared/plan/labels';
import type { ActionStep, DecisionStep, Outcome, Plan } from '../../../shared/plan/schema';
import { OUTCOMES } from '../../../shared/plan/vocabulary';
import { useLanguage } from '../components/useLanguage';
import { DEFAULT_TIMEOUT_SECONDS, locateStep } from './editorModel';
import { useEditor } from './editorContext';
import { stepField, stepListItem } from './fieldIds';
import { FollowOnSelect, IdField, NumberInput, TargetSelect } from './inputs';
import { LocalizedField } from './LocalizedField';
import { ChecklistEditor, OptionsEditor } from './StepParts';
import { allStepIds, type AnyStep, type StepLocation } from './stepLocation';
import { TracksEditor } from './TracksEditor';

export function stepKindKey(location: Pick<StepLocation, 'step' | 'track'>): string {
  return location.step.kind === 'end' && location.track ? 'trackEnd' : location.step.kind;
}

export function StepForm({ stepId }: { stepId: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { plan, edit, select } = useEditor();
  const location = locateStep(plan, stepId);
  if (!location) return null;
  const { step, track, siblings: scope } = location;
  const trackEnd = step.kind === 'end' && track !== undefined;
  const title = pick(step.title, lang) || step.id;
  return (
    <div className="editor-form-body">
      <h2 id="step-form-title">
        {t('editor.step.heading', { kind: t(`editor.kinds.${stepKindKey(location)}`), title })}
      </h2>
      <StepActions stepId={step.id} />
      <IdField
        id={stepField(step.id, 'id')}
        label={t('editor.step.id')}
        value={step.id}
        taken={allStepIds(plan)}
        onRename={(to) => {
          edit({ type: 'step.rename', stepId: step.id, to });
          select(to, stepField(to, 'id'));
        }}
      />
      <LocalizedField
        label={t('editor.step.title')}
        value={step.title}
        idFor={(l) => stepField(step.id, 'title', l)}
        onValue={(l, value) => edit({ type: 'step.setText', stepId: step.id, field: 'title', lang: l, value })}
      />
      {!trackEnd && (
        <LocalizedField
          label={t('editor.step.detail')}
          value={'detail' in step ? step.detail : undefined}
          multiline
          idFor={(l) => stepField(step.id, 'detail', l)}
          onValue={(l, value) => edit({ type: 'step.setText', stepId: step.id, field: 'detail', lang: l, value })}
        />
      )}
      <div className="ed-row">
        {!trackEnd && <RoleSelect plan={plan} step={step} />}
        {(step.kind === 'action' || step.kind === 'parallel') && (
          <div className="ed-field">
            <label htmlFor={stepField(step.id, 'next')}>
              {t(step.kind === 'parallel' ? 'editor.step.join' : 'editor.step.next')}
            </label>
            <TargetSelect
              id={stepField(step.id, 'next')}
              value={step.next}
              scope={scope}
              onValue={(next) => edit({ type: 'step.setNext', stepId: step.id, next })}
            />
          </div>
        )}
        {step.kind === 'end' && !trackEnd && (
          <div className="ed-field">
            <label htmlFor={stepField(step.id, 'outcome')}>{t('editor.step.outcome')}</label>
            <select
              id={stepField(step.id, 'outcome')}
              value={'outcome' in step ? step.outcome : undefined}
              onChange={(e) => edit({ type: 'step.setOutcome', stepId: step.id, outcome: e.target.value as Outcome })}
            >
              {OUTCOMES.map((o) => (
                <option key={o} value={o}>
                  {OUTCOME_LABELS[o][lang]}
                </option>
              ))}
            </select>
          </div>
        )}
        {(step.kind === 'action' || step.kind === 'decision' || (step.kind === 'end' && !trackEnd)) && (
          <div className="ed-field">
            <label htmlFor={stepField(step.id, 'followOn')}>{t('editor.step.followOn')}</label>
            <FollowOnSelect
              id={stepField(step.id, 'followOn')}
              value={'followOn' in step ? step.followOn : undefined}
              onValue={(planId) => edit({ type: 'step.setFollowOn', stepId: step.id, ...(planId ? { planId } : {}) })}
            />
          </div>
        )}
      </div>
      {step.kind !== 'end' && <TimingFields step={step} scope={scope} />}
      {(step.kind === 'action' || step.kind === 'decision') && <ContactsPicker step={step} />}
      {step.kind === 'action' && <ChecklistEditor step={step} />}
      {step.kind === 'decision' && <OptionsEditor step={step} scope={scope} />}
      {step.kind === 'parallel' && <TracksEditor step={step} />}
    </div>
  );
}

/** Move, make it the start, remove (its links stay, reported, until the manager says where they lead now). */
function StepActions({ stepId }: { stepId: string }) {
  const { t } = useTranslation();
  const { plan, edit, select, focusLater } = useEditor();
  const location = locateStep(plan, stepId)!;
  const { step, track, index, siblings } = location;
  const isStart = track ? track.track.start === step.id : plan.start === step.id;
  const makeStart = () =>
    track
      ? edit({
          type: 'track.setStart',
          track: { parallelId: track.parallel.id, track: track.index },
          start: step.id,
        })
      : edit({ type: 'plan.setStart', stepId: step.id });
  const move = (to: 'up' | 'down') => {
    edit({ type: 'step.move', stepId, to });
    focusLater(stepField(stepId, to === 'up' ? 'move-up' : 'move-down'));
  };
  const remove = () => {
    const neighbour = siblings[index - 1] ?? siblings[index + 1];
    edit({ type: 'step.remove', stepId });
    const next = neighbour?.id ?? (track ? track.parallel.id : undefined);
    select(next, next === undefined ? 'ed-list-plan' : stepListItem(next));
  };
  return (
    <div role="group" aria-label={t('editor.step.actions')} className="ed-step-actions">
      <button type="button" id={stepField(stepId, 'move-up')} disabled={index === 0} onClick={() => move('up')}>
        ↑ {t('editor.step.moveUp')}
      </button>
      <button
        type="button"
        id={stepField(stepId, 'move-down')}
        disabled={index === siblings.length - 1}
        onClick={() => move('down')}
      >
        ↓ {t('editor.step.moveDown')}
      </button>
      {isStart ? (
        <span className="badge badge-start">{t('editor.step.isStart')}</span>
      ) : (
        !(step.kind === 'end' && track) && (
          <button type="button" onClick={makeStart}>
            {t(track ? 'editor.step.makeTrackStart' : 'editor.step.makeStart')}
          </button>
        )
      )}
      <button type="button" className="danger-outline" aria-describedby="step-remove-hint" onClick={remove}>
        {t('editor.step.remove')}
      </button>
      <p id="step-remove-hint" className="ed-hint">
        {t('editor.step.removeHint')}
      </p>
    </div>
  );
}

function RoleSelect({ plan, step }: { plan: Plan; step: AnyStep }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { edit } = useEditor();
  const role = 'role' in step ? step.role : undefined;
  const known = role === undefined || plan.roles.some((r) => r.id === role);
  return (
    <div className="ed-field">
      <label htmlFor={stepField(step.id, 'role')}>{t('editor.step.role')}</label>
      <select
        id={stepField(step.id, 'role')}
        value={role ?? ''}
        aria-invalid={known ? undefined : true}
        onChange={(e) =>
          edit({ type: 'step.setRole', stepId: step.id, ...(e.target.value ? { role: e.target.value } : {}) })
        }
      >
        <option value="">{t('editor.step.noRole')}</option>
        {!known && <option value={role}>{t('editor.step.missingTarget', { id: role })}</option>}
        {plan.roles.map((r, i) => (
          <option key={`${i}-${r.id}`} value={r.id}>
            {pick(r.title, lang) || r.id}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The soft target and the hard timeout (which moves the run on by itself). */
function TimingFields({ step, scope }: { step: Exclude<AnyStep, { kind: 'end' }>; scope: readonly AnyStep[] }) {
  // The timeout's first target: where the step leads anyway.
  const { t } = useTranslation();
  const { edit } = useEditor();
  const fallbackNext = step.kind === 'decision' ? (step.options[0]?.next ?? step.id) : step.next;
  return (
    <div className="ed-row">
      <div className="ed-field">
        <label htmlFor={stepField(step.id, 'targetSeconds')}>{t('editor.step.targetSeconds')}</label>
        <NumberInput
          id={stepField(step.id, 'targetSeconds')}
          value={step.targetSeconds}
          onValue={(seconds) =>
            edit({ type: 'step.setTargetSeconds', stepId: step.id, ...(seconds === undefined ? {} : { seconds }) })
          }
        />
      </div>
      <label className="ed-check">
        <input
          id={stepField(step.id, 'timeout')}
          type="checkbox"
          checked={step.timeout !== undefined}
          onChange={(e) =>
            edit({
              type: 'step.setTimeout',
              stepId: step.id,
              ...(e.target.checked
                ? { timeout: { seconds: step.targetSeconds ?? DEFAULT_TIMEOUT_SECONDS, next: fallbackNext } }
                : {}),
            })
          }
        />
        {t('editor.step.hasTimeout')}
      </label>
      {step.timeout && (
        <>
          <div className="ed-field">
            <label htmlFor={stepField(step.id, 'timeout-seconds')}>{t('editor.step.timeoutSeconds')}</label>
            <NumberInput
              id={stepField(step.id, 'timeout-seconds')}
              value={step.timeout.seconds}
              onValue={(seconds) =>
                seconds !== undefined &&
                edit({ type: 'step.setTimeout', stepId: step.id, timeout: { seconds, next: step.timeout!.next } })
              }
            />
          </div>
          <div className="ed-field">
            <label htmlFor={stepField(step.id, 'timeout-next')}>{t('editor.step.timeoutNext')}</label>
            <TargetSelect
              id={stepField(step.id, 'timeout-next')}
              value={step.timeout.next}
              scope={scope}
              onValue={(next) =>
                edit({ type: 'step.setTimeout', stepId: step.id, timeout: { seconds: step.timeout!.seconds, next } })
              }
            />
          </div>
        </>
      )}
    </div>
  );
}

function ContactsPicker({ step }: { step: ActionStep | DecisionStep }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { plan, edit } = useEditor();
  const chosen = step.contacts ?? [];
  const unknown = chosen.filter((c) => !plan.contacts.some((contact) => contact.id === c));
  const toggle = (contactId: string, on: boolean) =>
    edit({ type: 'step.toggleContact', stepId: step.id, contactId, on });
  return (
    <fieldset className="ed-choices">
      <legend>{t('editor.step.contacts')}</legend>
      {plan.contacts.length === 0 && <p className="ed-hint">{t('editor.step.noContacts')}</p>}
      {plan.contacts.map((contact, i) => (
        <label key={`${i}-${contact.id}`} className="ed-check">
          <input
            id={stepField(step.id, 'contact', contact.id)}
            type="checkbox"
            checked={chosen.includes(contact.id)}
            onChange={(e) => toggle(contact.id, e.target.checked)}
          />
          {pick(contact.name, lang) || contact.id}
        </label>
      ))}
      {unknown.map((id) => (
        <label key={`unknown-${id}`} className="ed-check field-error">
          <input
            id={stepField(step.id, 'contact', id)}
            type="checkbox"
            checked
            onChange={(e) => toggle(id, e.target.checked)}
          />
          {t('editor.step.unknownContact', { id })}
        </label>
      ))}
    </fieldset>
  );
}
