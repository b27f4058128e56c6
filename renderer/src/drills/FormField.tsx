// One labelled control of the planning form, with what is wrong with it said beside it (and tied to it for screen
// readers), and the head of a repeated row (its name and a remove button that says which row it removes).
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldProblem, FormProblems } from './planningForm';

export interface ControlProps {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

export function Field({
  id,
  label,
  problems,
  problemId = id,
  hint,
  className,
  children,
}: {
  id: string;
  label: string;
  problems: FormProblems;
  /** The problem key this control answers to, when not its own id (date and time share one). */
  problemId?: string;
  hint?: string;
  className?: string;
  children: (props: ControlProps) => ReactNode;
}) {
  const problem = problems.get(problemId);
  const described = [hint ? `${id}-hint` : '', problem ? `${id}-problem` : ''].filter(Boolean).join(' ');
  return (
    <div className={`drill-field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        ...(problem ? { 'aria-invalid': true as const } : {}),
        ...(described ? { 'aria-describedby': described } : {}),
      })}
      {hint && (
        <span id={`${id}-hint`} className="drill-hint">
          {hint}
        </span>
      )}
      {problem && <ProblemText id={`${id}-problem`} problem={problem} />}
    </div>
  );
}

export function ProblemText({ id, problem }: { id: string; problem: FieldProblem }) {
  const { t } = useTranslation();
  return (
    <span id={id} className="field-error">
      {t(`drills.form.${problem}`)}
    </span>
  );
}

/** A repeated row (an objective, a participant, an inject): its legend and a remove button naming it. */
export function RowFrame({
  name,
  onRemove,
  className,
  children,
}: {
  name: string;
  onRemove: () => void;
  className: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className={`drill-row ${className}`}>
      <legend>{name}</legend>
      <div className="drill-row-fields">{children}</div>
      <button
        type="button"
        className="drill-row-remove"
        aria-label={t('drills.form.removeRow', { what: name })}
        onClick={onRemove}
      >
        {t('drills.form.remove')}
      </button>
    </fieldset>
  );
}
