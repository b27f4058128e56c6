// One question at a time: the prompt in big type (the UI's language first, the other below), the choices as big
// buttons that a tap or the keys 1–4 pick, and a way back, forward and to submit. A pick moves on to the next one.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Bilingual } from './Bilingual';
import { unanswered, type Question } from './quizState';

export function QuizAsking({
  questions,
  index,
  answers,
  onPick,
  onMove,
  onSubmit,
  submitting,
}: {
  questions: readonly Question[];
  index: number;
  answers: Readonly<Record<string, string>>;
  onPick: (choiceId: string) => void;
  onMove: (index: number) => void;
  onSubmit: () => void;
  submitting: boolean;
}) {
  const { t } = useTranslation();
  const question = questions[index]!;
  const last = index === questions.length - 1;
  const heading = useRef<HTMLHeadingElement>(null);
  const submit = useRef<HTMLButtonElement>(null);
  const focusSubmit = useRef(false);
  const missing = unanswered(questions, answers);

  // A new question is announced from its heading; a pick on the last one goes on to the submit button.
  useEffect(() => heading.current?.focus(), [index]);
  useEffect(() => {
    if (focusSubmit.current) submit.current?.focus();
    focusSubmit.current = false;
  });

  const pick = (choiceId: string) => {
    if (submitting) return;
    focusSubmit.current = last;
    onPick(choiceId);
  };
  useNumberKeys(question.choices.length, (n) => pick(question.choices[n]!.id), !submitting);

  return (
    <div className="quiz-question" data-question={question.id}>
      <p className="quiz-progress">{t('study.question.progress', { n: index + 1, total: questions.length })}</p>
      <h2 className="quiz-prompt" ref={heading} tabIndex={-1} id="quiz-prompt">
        <Bilingual text={question.prompt} />
      </h2>
      <div className="quiz-choices" role="group" aria-labelledby="quiz-prompt">
        {question.choices.map((choice, i) => {
          const chosen = answers[question.id] === choice.id;
          return (
            <button
              key={choice.id}
              type="button"
              className="quiz-choice"
              aria-pressed={chosen}
              data-choice={choice.id}
              onClick={() => pick(choice.id)}
            >
              <span className="quiz-choice-key" aria-hidden="true">
                {i + 1}
              </span>
              <Bilingual text={choice.text} />
            </button>
          );
        })}
      </div>
      <p className="muted small quiz-keys">{t('study.question.keys', { max: question.choices.length })}</p>
      <div className="quiz-nav">
        <button type="button" className="big" disabled={index === 0} onClick={() => onMove(index - 1)}>
          {t('study.question.previous')}
        </button>
        {!last && (
          <button type="button" className="big" onClick={() => onMove(index + 1)}>
            {t('study.question.next')}
          </button>
        )}
        {(last || missing === 0) && (
          <button type="button" className="primary big" ref={submit} disabled={submitting} onClick={onSubmit}>
            {submitting ? t('study.question.submitting') : t('study.question.submit')}
          </button>
        )}
      </div>
      {last && missing > 0 && (
        <p className="notice notice-warning quiz-unanswered">{t('study.question.unanswered', { count: missing })}</p>
      )}
    </div>
  );
}

/** Keys 1–`count` pick a choice, unless typing in a field or a dialog (the PIN keypad) has the keys. */
function useNumberKeys(count: number, onNumber: (index: number) => void, enabled: boolean): void {
  const latest = useRef(onNumber);
  latest.current = onNumber;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest('input, textarea, select, dialog, [role="dialog"]')) return;
      const n = Number(event.key);
      if (!Number.isInteger(n) || n < 1 || n > count) return;
      event.preventDefault();
      latest.current(n - 1);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [count, enabled]);
}
