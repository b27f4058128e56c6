// The editor's inputs. Every keystroke is an edit of the model (so undo, autosave and findings see it), except
// while an input method composes Chinese (pinyin is not text yet) and in id fields, which rename on Enter or blur
// because a rename rewrites every reference.
import { useEffect, useState, type ChangeEvent, type CompositionEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SLUG_MAX } from '../../../shared/limits';
import { pick } from '../../../shared/plan/labels';
import type { Language } from '../../../shared/plan/vocabulary';
import { usePlans } from '../app/PlansContext';
import { fill } from '../i18n/fill';
import { useLanguage } from '../components/useLanguage';
import { idProblem } from './ids';
import type { AnyStep } from './stepLocation';

type TextElement = HTMLInputElement | HTMLTextAreaElement;

export function TextInput({
  id,
  value,
  onValue,
  lang,
  multiline = false,
  type = 'text',
}: {
  id: string;
  value: string;
  onValue: (value: string) => void;
  lang?: Language;
  multiline?: boolean;
  type?: 'text' | 'tel';
}) {
  // Text being composed by an input method: shown, not yet an edit.
  const [composing, setComposing] = useState<string | null>(null);
  const props = {
    id,
    lang,
    value: composing ?? value,
    onChange: (event: ChangeEvent<TextElement>) =>
      composing === null ? onValue(event.target.value) : setComposing(event.target.value),
    onCompositionStart: (event: CompositionEvent<TextElement>) => setComposing(event.currentTarget.value),
    onCompositionEnd: (event: CompositionEvent<TextElement>) => {
      setComposing(null);
      onValue(event.currentTarget.value);
    },
  };
  return multiline ? <textarea rows={3} {...props} /> : <input type={type} {...props} />;
}

/** A whole number; while typed it may be empty or half-written, and only numbers reach the model. */
export function NumberInput({
  id,
  value,
  onValue,
  min = 1,
  describedBy,
}: {
  id: string;
  value: number | undefined;
  /** undefined: the field was emptied (only optional fields take that). */
  onValue: (value: number | undefined) => void;
  min?: number;
  describedBy?: string;
}) {
  const [text, setText] = useState<string | null>(null);
  // Changed from elsewhere (undo): show the model's value again.
  useEffect(() => setText((current) => (current !== null && Number(current) !== value ? null : current)), [value]);
  return (
    <input
      id={id}
      type="number"
      inputMode="numeric"
      min={min}
      step={1}
      value={text ?? (value === undefined ? '' : String(value))}
      aria-describedby={describedBy}
      onChange={(event) => {
        const raw = event.target.value;
        setText(raw);
        if (raw === '') onValue(undefined);
        else if (Number.isFinite(Number(raw))) onValue(Number(raw));
      }}
      onBlur={() => setText(null)}
    />
  );
}

/**
 * An id (step, role, contact, checklist item): checked as typed, renamed on Enter or blur, Escape puts the old one
 * back. Under it, what is wrong with the id typed, else `hint` (by default: how a rename takes effect).
 */
export function IdField({
  id,
  label,
  value,
  taken,
  onRename,
  hint,
}: {
  id: string;
  label: string;
  value: string;
  taken: ReadonlySet<string>;
  onRename: (to: string) => void;
  hint?: string;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState<string | null>(null);
  useEffect(() => setText(null), [value]);
  const problem = text === null ? undefined : idProblem(text, taken, value);
  const commit = () => {
    if (text === null || problem) return;
    if (text !== value) onRename(text);
    setText(null);
  };
  return (
    <div className="ed-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        className="ed-id-input"
        value={text ?? value}
        maxLength={SLUG_MAX}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        data-own-undo=""
        aria-invalid={problem ? true : undefined}
        aria-describedby={`${id}-hint`}
        onChange={(event) => setText(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            commit();
          } else if (event.key === 'Escape' && text !== null) {
            event.preventDefault();
            setText(null);
          }
        }}
      />
      <p id={`${id}-hint`} className={problem ? 'ed-hint field-error' : 'ed-hint'}>
        {problem ? t(`editor.id.${problem}`) : (hint ?? t('editor.id.hint'))}
      </p>
    </div>
  );
}

/** The steps a link may lead to (its scope), and the current target marked when it is not one of them. */
export function TargetSelect({
  id,
  value,
  scope,
  onValue,
}: {
  id: string;
  value: string;
  scope: readonly AnyStep[];
  onValue: (stepId: string) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const known = scope.some((s) => s.id === value);
  // Looked up once per list, not once per option: a form holds several of these lists of every step, and a
  // translation call per option was most of the editor's first render on a 50-step plan.
  const template = t('editor.step.target', { skipInterpolation: true });
  const untitled = t('editor.list.untitled');
  return (
    <select id={id} value={value} aria-invalid={known ? undefined : true} onChange={(e) => onValue(e.target.value)}>
      {!known && <option value={value}>{t('editor.step.missingTarget', { id: value })}</option>}
      {scope.map((step, i) => (
        <option key={`${i}-${step.id}`} value={step.id}>
          {fill(template, { title: pick(step.title, lang) || untitled, id: step.id })}
        </option>
      ))}
    </select>
  );
}

/** A plan of the library to escalate to, or none; a follow-on naming a plan the library lacks stays visible. */
export function FollowOnSelect({
  id,
  value,
  onValue,
}: {
  id: string;
  value: string | undefined;
  onValue: (planId: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const plans = usePlans();
  const known = value === undefined || plans.some((p) => p.id === value);
  return (
    <select id={id} value={value ?? ''} onChange={(e) => onValue(e.target.value || undefined)}>
      <option value="">{t('editor.step.noFollowOn')}</option>
      {!known && <option value={value}>{t('editor.step.unknownPlan', { id: value })}</option>}
      {plans.map((plan) => (
        <option key={plan.id} value={plan.id}>
          {plan.title[lang]}
        </option>
      ))}
    </select>
  );
}
