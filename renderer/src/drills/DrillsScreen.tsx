// Drill exercises (a trainer's): the list and the planning form, one exercise, and its console during the drill.
// Loaded on first use, with its strings and styles. Nothing of an exercise is asked for before the window is
// unlocked as a trainer or above: an unannounced drill must never reach a guard's screen.
import { useTranslation } from 'react-i18next';
import type { Route } from '../app/router';
import { useLanguage } from '../components/useLanguage';
import { roleLabel } from '../people/labels';
import { useSession } from '../people/SessionContext';
import { ConsoleScreen } from './ConsoleScreen';
import { ExerciseList } from './ExerciseList';
import { ExercisePage } from './ExercisePage';
import { NewExercise } from './ExerciseForm';
import './strings';
import '../styles/drills.css';

export function DrillsScreen({ route }: { route: Extract<Route, { screen: 'drills' }> }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const session = useSession();
  if (session.view === undefined) {
    return (
      <p className="muted" aria-busy="true">
        …
      </p>
    );
  }
  if (!session.mayEditAs('trainer')) {
    return (
      <section className="drills-screen" aria-labelledby="drills-title">
        <h1 id="drills-title">{t('drills.title')}</h1>
        <div className="notice notice-info unlock-note">
          <p>{t('drills.needsTrainer', { role: roleLabel('trainer', lang) })}</p>
          <button type="button" className="primary" onClick={() => void session.requestUnlock('trainer')}>
            {t('drills.unlock')}
          </button>
        </div>
      </section>
    );
  }
  if (route.plan) return <NewExercise />;
  if (route.exerciseId && route.console) return <ConsoleScreen exerciseId={route.exerciseId} />;
  if (route.exerciseId) return <ExercisePage exerciseId={route.exerciseId} />;
  return <ExerciseList />;
}
