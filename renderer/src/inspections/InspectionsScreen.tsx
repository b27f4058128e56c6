// Inspections (明查暗访 and daily checks): placeholder until the screens are built.
import type { Route } from '../app/router';

export function InspectionsScreen({ route }: { route: Extract<Route, { screen: 'inspections' }> }) {
  return <main id="main" data-route={route.inspectionId ?? ''} />;
}
