// Drill exercises (a trainer's): the list and the planning form, one exercise, and its console during the drill.
// Loaded on first use, with its strings and styles.
import type { Route } from '../app/router';

export function DrillsScreen({ route }: { route: Extract<Route, { screen: 'drills' }> }) {
  return <h1>{route.exerciseId ?? 'drills'}</h1>;
}
