// Self-study between drills: a short quiz drawn from the published plans, for whoever is unlocked (a guard or above,
// so the score goes into their own training record). Locked, it says so and offers the session's PIN prompt.
import { useReducer, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/api/errors';
import { usePlans } from '../app/PlansContext';
import { useApi } from '../api/ApiContext';
import { useLanguage } from '../components/useLanguage';
import { useSession } from '../people/SessionContext';
import { QuizAsking } from './QuizAsking';
import { QuizResult } from './QuizResult';
import { QuizSetup, type QuizSettings } from './QuizSetup';
import { quizReducer } from './quizState';
import { trainingStrings } from './strings';
import { useUnlockedCall } from './useUnlockedCall';
import '../styles/training.css';

export function StudyScreen() {
  const { t } = useTranslation();
  const session = useSession();
  if (session.view === undefined) {
    return (
      <p className="muted" aria-busy="true">
        …
      </p>
    );
  }
  return (
    <section className="study-screen" aria-labelledby="study-title">
      <h1 id="study-title">{t('study.title')}</h1>
      {session.mayEditAs('guard') ? (
        <Study />
      ) : (
        <div className="notice notice-info unlock-note">
          <p>{t('study.locked')}</p>
          <button type="button" className="primary big" onClick={() => void session.requestUnlock('guard')}>
            {t('study.unlock')}
          </button>
        </div>
      )}
    </section>
  );
}

const notUnlocked = { 'zh-CN': trainingStrings['zh-CN'].study.notUnlocked, en: trainingStrings.en.study.notUnlocked };

function Study() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const api = useApi();
  const asGuard = useUnlockedCall('guard', notUnlocked);
  const plans = usePlans().filter((p) => p.status === 'published');
  const [settings, setSettings] = useState<QuizSettings>(() => ({
    planIds: new Set(plans.map((p) => p.id)),
    count: 5,
  }));
  const [state, dispatch] = useReducer(quizReducer, { phase: 'setup' });
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();

  const attempt = async (work: () => Promise<void>) => {
    setBusy(true);
    setProblem(undefined);
    try {
      await work();
    } catch (error) {
      setProblem(error instanceof ApiError ? error.body.message[lang] : String(error));
    } finally {
      setBusy(false);
    }
  };
  const start = () =>
    attempt(async () => {
      const chosen = plans.filter((p) => settings.planIds.has(p.id)).map((p) => p.id);
      const all = chosen.length === plans.length;
      const quiz = await asGuard(() =>
        api.call('training.quiz', { count: settings.count, ...(all ? {} : { planIds: chosen }) }),
      );
      if (quiz.questions.length === 0) {
        dispatch({ type: 'reset' });
        setProblem(t('study.setup.noQuestions'));
        return;
      }
      dispatch({ type: 'started', questions: quiz.questions });
    });
  const submit = () =>
    attempt(async () => {
      if (state.phase !== 'asking') return;
      const grade = await asGuard(() =>
        api.call('training.submit', { questionIds: state.questions.map((q) => q.id), answers: state.answers }),
      );
      dispatch({ type: 'graded', grade });
    });

  return (
    <>
      {state.phase === 'setup' && <p className="study-intro">{t('study.intro')}</p>}
      {problem && (
        <p role="alert" className="notice notice-error">
          {problem}
        </p>
      )}
      {state.phase === 'setup' && (
        <QuizSetup plans={plans} settings={settings} onChange={setSettings} onStart={() => void start()} busy={busy} />
      )}
      {state.phase === 'asking' && (
        <QuizAsking
          questions={state.questions}
          index={state.index}
          answers={state.answers}
          onPick={(choiceId) => dispatch({ type: 'picked', choiceId })}
          onMove={(index) => dispatch({ type: 'moved', index })}
          onSubmit={() => void submit()}
          submitting={busy}
        />
      )}
      {state.phase === 'graded' && (
        <QuizResult
          grade={state.grade}
          onAgain={() => void start()}
          onChange={() => dispatch({ type: 'reset' })}
          busy={busy}
        />
      )}
    </>
  );
}
