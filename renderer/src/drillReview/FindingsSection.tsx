// What the drill showed: strengths, and areas for improvement with their cause (预案 / 组织 / 人员 / 机制 / 资源) and
// the objective or step they concern. Each area for improvement can be made an improvement action; the actions made
// from it are listed under it. Findings are written until the evaluation is sealed; actions can be made after.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionView } from '../../../shared/actions/actionView';
import type { EvaluationView } from '../../../shared/drills/evaluationView';
import type { ExerciseView } from '../../../shared/drills/exerciseView';
import { EXERCISE_LIMITS } from '../../../shared/limits';
import { useApi } from '../api/ApiContext';
import { hrefFor } from '../app/router';
import { useAsTrainer } from '../drills/useDrills';
import { ErrorNote } from '../people/ErrorNote';
import { formatDateTime } from '../records/recordTime';
import { ActionForm } from './ActionForm';
import { ActionStatusBadge } from './ActionBadges';
import { CAUSES, type Cause } from './labels';

type Finding = EvaluationView['findings'][number];
/** What a finding may concern: an objective or a step the run visited, each with its name. */
export interface FindingSubject {
  value: string;
  label: string;
}

export function FindingsSection({
  exercise,
  evaluation,
  actions,
  subjects,
  readOnly,
  onNoted,
  onActionOpened,
}: {
  exercise: ExerciseView;
  evaluation: EvaluationView | null;
  actions: readonly ActionView[];
  subjects: readonly FindingSubject[];
  readOnly: boolean;
  onNoted: (view: EvaluationView) => void;
  onActionOpened: () => void;
}) {
  const { t } = useTranslation();
  const findings = evaluation?.findings ?? [];
  const strengths = findings.filter((f) => f.kind === 'strength');
  const improvements = findings.filter((f) => f.kind === 'improvement');
  const subjectOf = (f: Finding) => {
    const value = f.objectiveId ? `objective:${f.objectiveId}` : f.stepId ? `step:${f.stepId}` : undefined;
    return subjects.find((s) => s.value === value)?.label;
  };
  return (
    <section className="review-section findings-section" aria-labelledby="findings-title">
      <h2 id="findings-title">{t('review.findings.title')}</h2>
      <h3 id="strengths-title">{t('review.findings.strengths')}</h3>
      {strengths.length === 0 ? (
        <p className="muted">{t('review.none')}</p>
      ) : (
        <ul className="finding-list" aria-labelledby="strengths-title">
          {strengths.map((f) => (
            <li key={f.findingId} className="finding" data-finding={f.findingId}>
              <p className="finding-text">{f.text}</p>
              <FindingMeta finding={f} subject={subjectOf(f)} />
            </li>
          ))}
        </ul>
      )}
      <h3 id="improvements-title">{t('review.findings.improvements')}</h3>
      {improvements.length === 0 ? (
        <p className="muted">{t('review.none')}</p>
      ) : (
        <ul className="finding-list" aria-labelledby="improvements-title">
          {improvements.map((f) => (
            <Improvement
              key={f.findingId}
              exercise={exercise}
              finding={f}
              subject={subjectOf(f)}
              actions={actions.filter((a) => a.spec.source.kind === 'drill' && a.spec.source.findingId === f.findingId)}
              onActionOpened={onActionOpened}
            />
          ))}
        </ul>
      )}
      {!readOnly && <FindingForm exerciseId={exercise.id} subjects={subjects} onNoted={onNoted} />}
    </section>
  );
}

function FindingMeta({ finding, subject }: { finding: Finding; subject: string | undefined }) {
  const { t } = useTranslation();
  return (
    <p className="finding-meta muted small">
      {finding.cause && (
        <span className="finding-cause">
          {t('review.findings.causeShown', { cause: t(`review.causes.${finding.cause}`) })}
        </span>
      )}
      {subject && <span>{t('review.findings.about', { subject })}</span>}
      <span>{t('review.byAt', { name: finding.by.name, at: formatDateTime(finding.at, false) })}</span>
    </p>
  );
}

function Improvement({
  exercise,
  finding,
  subject,
  actions,
  onActionOpened,
}: {
  exercise: ExerciseView;
  finding: Finding;
  subject: string | undefined;
  actions: readonly ActionView[];
  onActionOpened: () => void;
}) {
  const { t } = useTranslation();
  const [making, setMaking] = useState(false);
  return (
    <li className="finding finding-improvement" data-finding={finding.findingId}>
      <p className="finding-text">{finding.text}</p>
      <FindingMeta finding={finding} subject={subject} />
      {actions.length > 0 && (
        <ul className="finding-actions" aria-label={t('review.findings.actionsFrom')}>
          {actions.map((a) => (
            <li key={a.id} data-action={a.id}>
              {t('review.findings.action', { title: a.spec.title, owner: a.spec.owner.name, due: a.spec.due })}{' '}
              <ActionStatusBadge action={a} />
            </li>
          ))}
          <li>
            <a href={hrefFor({ screen: 'actions' })}>{t('review.findings.allActions')}</a>
          </li>
        </ul>
      )}
      {making ? (
        <ActionForm
          exercise={exercise}
          finding={finding}
          onOpened={() => {
            setMaking(false);
            onActionOpened();
          }}
          onCancel={() => setMaking(false)}
        />
      ) : (
        <button
          type="button"
          aria-label={t('review.findings.makeActionOf', { text: finding.text })}
          onClick={() => setMaking(true)}
        >
          {t('review.findings.makeAction')}
        </button>
      )}
    </li>
  );
}

function FindingForm({
  exerciseId,
  subjects,
  onNoted,
}: {
  exerciseId: string;
  subjects: readonly FindingSubject[];
  onNoted: (view: EvaluationView) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const asTrainer = useAsTrainer();
  const [kind, setKind] = useState<'strength' | 'improvement'>('improvement');
  const [text, setText] = useState('');
  const [cause, setCause] = useState<Cause | ''>('');
  const [subject, setSubject] = useState('');
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const missingText = !text.trim();
  const missingCause = kind === 'improvement' && !cause;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (missingText || missingCause) {
      document.getElementById(missingText ? 'finding-text' : 'finding-cause')?.focus();
      return;
    }
    const [about, id] = subject.split(':');
    setBusy(true);
    setError(undefined);
    try {
      const view = await asTrainer(() =>
        api.call('drills.note', {
          exerciseId,
          kind,
          text: text.trim(),
          ...(kind === 'improvement' && cause ? { cause } : {}),
          ...(about === 'objective' && id ? { objectiveId: id } : {}),
          ...(about === 'step' && id ? { stepId: id } : {}),
        }),
      );
      onNoted(view);
      setText('');
      setCause('');
      setSubject('');
      setChecked(false);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="review-form finding-form" aria-labelledby="finding-form-title" onSubmit={(e) => void submit(e)}>
      <h3 id="finding-form-title">{t('review.findings.add')}</h3>
      <fieldset className="review-choices">
        <legend>{t('review.findings.kind')}</legend>
        {(['strength', 'improvement'] as const).map((k) => (
          <label key={k} className="choice">
            <input type="radio" name="finding-kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
            {t(`review.findings.kinds.${k}`)}
          </label>
        ))}
      </fieldset>
      <div className="review-field review-field-wide">
        <label htmlFor="finding-text">{t('review.findings.text')}</label>
        <textarea
          id="finding-text"
          rows={3}
          maxLength={EXERCISE_LIMITS.text}
          value={text}
          onChange={(e) => setText(e.target.value)}
          {...(checked && missingText ? { 'aria-invalid': true, 'aria-describedby': 'finding-text-problem' } : {})}
        />
        {checked && missingText && (
          <span id="finding-text-problem" className="field-error">
            {t('review.required')}
          </span>
        )}
      </div>
      <div className="review-row">
        {kind === 'improvement' && (
          <div className="review-field">
            <label htmlFor="finding-cause">{t('review.findings.cause')}</label>
            <select
              id="finding-cause"
              value={cause}
              onChange={(e) => setCause(e.target.value as Cause | '')}
              {...(checked && missingCause
                ? { 'aria-invalid': true, 'aria-describedby': 'finding-cause-problem' }
                : {})}
            >
              <option value="">{t('review.findings.chooseCause')}</option>
              {CAUSES.map((c) => (
                <option key={c} value={c}>
                  {t(`review.causes.${c}`)}
                </option>
              ))}
            </select>
            {checked && missingCause && (
              <span id="finding-cause-problem" className="field-error">
                {t('review.required')}
              </span>
            )}
          </div>
        )}
        <div className="review-field">
          <label htmlFor="finding-subject">{t('review.findings.subject')}</label>
          <select id="finding-subject" value={subject} onChange={(e) => setSubject(e.target.value)}>
            <option value="">{t('review.findings.noSubject')}</option>
            {subjects.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('review.findings.submit')}
        </button>
      </div>
      {error !== undefined && <ErrorNote error={error} />}
    </form>
  );
}
