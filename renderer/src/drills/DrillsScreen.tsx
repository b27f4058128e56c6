// Drill exercises (a trainer's): the list and the planning form, one exercise, and its console during the drill.
// Loaded on first use, with its strings and styles. Nothing of an exercise is asked for before the window is
// unlocked as a trainer or above: an unannounced drill must never reach a guard's screen.
import { useTranslation } from 'react-i18next';
import type { Route } from '../app/router';
import { TrainerGate } from '../people/TrainerGate';
import { ConsoleScreen } from './ConsoleScreen';
import { ExerciseList } from './ExerciseList';
import { ExercisePage } from './ExercisePage';
import { NewExercise } from './ExerciseForm';
import './strings';
import '../styles/drills.css';

export function DrillsScreen({ route }: { route: Extract<Route, { screen: 'drills' }> }) {
  const { t } = useTranslation();
  return (
    <TrainerGate
      title={t('drills.title')}
      titleId="drills-title"
      needs={(role) => t('drills.needsTrainer', { role })}
      unlock={t('drills.unlock')}
    >
      <DrillsView route={route} />
    </TrainerGate>
  );
}

function DrillsView({ route }: { route: Extract<Route, { screen: 'drills' }> }) {
  if (route.plan) return <NewExercise />;
  if (route.exerciseId && route.console) return <ConsoleScreen exerciseId={route.exerciseId} />;
  if (route.exerciseId) return <ExercisePage exerciseId={route.exerciseId} />;
  return <ExerciseList />;
}
