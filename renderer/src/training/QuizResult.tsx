// A graded quiz: the score, then each question — for a wrong one, what was chosen, the right answer and the plan's
// own words, so the mistake teaches the plan. Another quiz with the same choices is one tap away.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Bilingual } from './Bilingual';
import type { Grade } from './quizState';

export function QuizResult({
  grade,
  onAgain,
  onChange,
  busy,
}: {
  grade: Grade;
  onAgain: () => void;
  onChange: () => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [grade]);
  const questions = new Map(grade.questions.map((q) => [q.id, q]));
  return (
    <div className="quiz-result">
      <h2 ref={heading} tabIndex={-1} className="quiz-score" data-testid="quiz-score">
        {t('study.result.score', { correct: grade.correct, total: grade.total })}
      </h2>
      <p className="muted">
        {grade.total === 0
          ? t('study.result.notRecorded')
          : grade.correct === grade.total
            ? `${t('study.result.allRight')} ${t('study.result.recorded')}`
            : t('study.result.recorded')}
      </p>
      <div className="quiz-again">
        <button type="button" className="primary big" onClick={onAgain} disabled={busy}>
          {t('study.result.again')}
        </button>
        <button type="button" className="big" onClick={onChange} disabled={busy}>
          {t('study.result.change')}
        </button>
      </div>
      {grade.perQuestion.length > 0 && (
        <>
          <h3>{t('study.result.review')}</h3>
          <ol className="quiz-review">
            {grade.perQuestion.map((item) => {
              const question = questions.get(item.id);
              if (!question) return null;
              const chosen = question.choices.find((c) => c.id === item.chosen);
              const answer = question.choices.find((c) => c.id === item.answer);
              return (
                <li
                  key={item.id}
                  className={`quiz-review-item ${item.right ? 'is-right' : 'is-wrong'}`}
                  data-question={item.id}
                >
                  <p className="quiz-review-prompt">
                    <span className={`badge ${item.right ? 'badge-ok' : 'badge-error'}`}>
                      {t(item.right ? 'study.result.right' : 'study.result.wrong')}
                    </span>
                    <Bilingual text={question.prompt} />
                  </p>
                  {!item.right && (
                    <dl className="quiz-review-facts">
                      <dt>{t('study.result.yourAnswer')}</dt>
                      <dd className="quiz-chosen">
                        {chosen ? <Bilingual text={chosen.text} /> : t('study.result.noAnswer')}
                      </dd>
                      <dt>{t('study.result.answer')}</dt>
                      <dd className="quiz-answer">{answer && <Bilingual text={answer.text} />}</dd>
                      <dt>{t('study.result.planWords')}</dt>
                      <dd className="quiz-explanation">
                        <Bilingual text={item.explanation} />
                      </dd>
                    </dl>
                  )}
                </li>
              );
            })}
          </ol>
        </>
      )}
    </div>
  );
}
