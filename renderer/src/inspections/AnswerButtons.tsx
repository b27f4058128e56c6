// How one item is answered, by its kind: yes-no as three big buttons (不适用 only where the item allows it), a score as
// one button per value (the pass mark marked), a number typed with its unit and limits, free text. An answer shows as
// chosen only once the backend has it on disk (the view it returns says so); a failed call says why, in both
// languages, and keeps what was typed.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Answer, YesNo } from '../../../shared/checklist/score';
import type { ChecklistItem } from '../../../shared/checklist/schema';
import type { InspectionView } from '../../../shared/inspections/inspectionView';
import { INSPECTION_LIMITS } from '../../../shared/limits';
import { useApi } from '../api/ApiContext';
import { useLanguage } from '../components/useLanguage';
import { ErrorNote } from '../people/ErrorNote';
import { parseNumberInput, scoreChoices } from './inspectionModel';
import { answerText, limitsText, unitText } from './labels';
import { useAsInspector, useCall } from './useInspections';

export interface AnswerProps {
  inspectionId: string;
  item: ChecklistItem;
  /** The answer on record (durable). */
  answer: Answer | undefined;
  /** Labels the group of buttons (the item's text). */
  labelledBy: string;
  onAnswered: (view: InspectionView) => void;
}

export function AnswerButtons(props: AnswerProps) {
  const api = useApi();
  const asInspector = useAsInspector();
  const call = useCall();
  const send = async (key: string, answer: Answer) => {
    const view = await call.run(key, () =>
      asInspector(() =>
        api.call('inspections.answer', { inspectionId: props.inspectionId, itemId: props.item.id, answer }),
      ),
    );
    if (view) props.onAnswered(view);
    return view !== undefined;
  };
  return (
    <div className="answer-area">
      {props.item.kind === 'yes-no' && <YesNoButtons {...props} item={props.item} busy={call.busy} send={send} />}
      {props.item.kind === 'score' && <ScoreButtons {...props} item={props.item} busy={call.busy} send={send} />}
      {props.item.kind === 'number' && <NumberAnswer {...props} item={props.item} busy={call.busy} send={send} />}
      {props.item.kind === 'text' && <TextAnswer {...props} item={props.item} busy={call.busy} send={send} />}
      {call.error !== undefined && <ErrorNote error={call.error} />}
    </div>
  );
}

interface KindProps<K extends ChecklistItem['kind']> extends Omit<AnswerProps, 'item'> {
  item: Extract<ChecklistItem, { kind: K }>;
  busy: string | undefined;
  send: (key: string, answer: Answer) => Promise<boolean>;
}

const YES_NO_CLASS: Record<YesNo, string> = { yes: 'answer-pass', no: 'answer-fail', na: 'answer-na' };

function YesNoButtons({ item, answer, labelledBy, busy, send }: KindProps<'yes-no'>) {
  const { t } = useTranslation();
  const values: YesNo[] = item.allowNa === false ? ['yes', 'no'] : ['yes', 'no', 'na'];
  const chosen = answer?.kind === 'yes-no' ? answer.value : undefined;
  return (
    <div className="answer-buttons answer-yes-no" role="group" aria-labelledby={labelledBy}>
      {values.map((value, i) => (
        <button
          key={value}
          type="button"
          className={`answer ${YES_NO_CLASS[value]}${chosen === value ? ' chosen' : ''}`}
          aria-pressed={chosen === value}
          aria-busy={busy === value || undefined}
          disabled={busy !== undefined}
          data-first-answer={i === 0 || undefined}
          onClick={() => void send(value, { kind: 'yes-no', value })}
        >
          {t(`inspections.item.answers.${value}`)}
        </button>
      ))}
    </div>
  );
}

function ScoreButtons({ item, answer, labelledBy, busy, send }: KindProps<'score'>) {
  const { t } = useTranslation();
  const { values, passAt } = scoreChoices(item);
  const chosen = answer?.kind === 'score' ? answer.value : undefined;
  const hintId = `${labelledBy}-score-hint`;
  return (
    <>
      <p id={hintId} className="answer-hint">
        {t('inspections.item.scoreHint', { max: item.max, passAt })}
      </p>
      <div className="answer-buttons answer-score" role="group" aria-labelledby={labelledBy} aria-describedby={hintId}>
        {values.map((value, i) => (
          <button
            key={value}
            type="button"
            className={`answer ${value >= passAt ? 'answer-pass' : 'answer-fail'}${value === passAt ? ' pass-at' : ''}${
              chosen === value ? ' chosen' : ''
            }`}
            aria-pressed={chosen === value}
            aria-busy={busy === String(value) || undefined}
            disabled={busy !== undefined}
            data-first-answer={i === 0 || undefined}
            onClick={() => void send(String(value), { kind: 'score', value })}
          >
            {value}
            {value === passAt && <span className="pass-at-mark">{t('inspections.item.passAt')}</span>}
          </button>
        ))}
      </div>
    </>
  );
}

function NumberAnswer({ item, answer, labelledBy, busy, send }: KindProps<'number'>) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const saved = answer?.kind === 'number' ? answer.value : undefined;
  const [typed, setTyped] = useState(saved === undefined || saved === null ? '' : String(saved));
  const [bad, setBad] = useState(false);
  const inputId = `${labelledBy}-number`;
  const limits = limitsText(item, lang, t);
  const unit = unitText(item, lang);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = parseNumberInput(typed);
    setBad(value === undefined);
    if (value !== undefined) void send('number', { kind: 'number', value });
  };
  const described = [limits ? `${inputId}-limits` : '', bad ? `${inputId}-bad` : ''].filter(Boolean).join(' ');
  return (
    <form className="answer-number" onSubmit={submit}>
      <label htmlFor={inputId}>{t('inspections.item.value')}</label>
      <span className="number-field">
        <input
          id={inputId}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={typed}
          aria-invalid={bad || undefined}
          aria-describedby={described || undefined}
          data-first-answer
          onChange={(e) => {
            setTyped(e.target.value);
            setBad(false);
          }}
        />
        {unit && <span className="number-unit">{unit}</span>}
      </span>
      <button
        type="submit"
        className="primary answer-save"
        disabled={busy !== undefined}
        aria-busy={busy === 'number' || undefined}
      >
        {busy === 'number' ? t('inspections.item.saving') : t('inspections.item.save')}
      </button>
      {item.allowNa === true && (
        <button
          type="button"
          className={`answer answer-na${saved === null ? ' chosen' : ''}`}
          aria-pressed={saved === null}
          disabled={busy !== undefined}
          onClick={() => void send('na', { kind: 'number', value: null })}
        >
          {t('inspections.item.answers.na')}
        </button>
      )}
      {limits && (
        <span id={`${inputId}-limits`} className="answer-hint">
          {limits}
        </span>
      )}
      {bad && (
        <span id={`${inputId}-bad`} className="field-error">
          {t('inspections.item.notANumber')}
        </span>
      )}
      {answer && (
        <span className="answer-current" data-testid="answer-current">
          {t('inspections.item.current', { answer: answerText(item, answer, lang, t) })}
        </span>
      )}
    </form>
  );
}

function TextAnswer({ item, answer, labelledBy, busy, send }: KindProps<'text'>) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [typed, setTyped] = useState(answer?.kind === 'text' ? answer.value : '');
  const inputId = `${labelledBy}-text`;
  return (
    <form
      className="answer-text"
      onSubmit={(event) => {
        event.preventDefault();
        void send('text', { kind: 'text', value: typed.trim() });
      }}
    >
      <label htmlFor={inputId}>{t('inspections.item.text')}</label>
      <textarea
        id={inputId}
        rows={3}
        value={typed}
        maxLength={INSPECTION_LIMITS.textAnswer}
        data-first-answer
        onChange={(e) => setTyped(e.target.value)}
      />
      <button
        type="submit"
        className="primary answer-save"
        disabled={busy !== undefined}
        aria-busy={busy === 'text' || undefined}
      >
        {busy === 'text' ? t('inspections.item.saving') : t('inspections.item.save')}
      </button>
      {answer && (
        <span className="answer-current" data-testid="answer-current">
          {t('inspections.item.current', { answer: answerText(item, answer, lang, t) })}
        </span>
      )}
    </form>
  );
}
