// Inspections (明查暗访 and daily checks): the list, starting or planning one, one inspection (conducted item by item
// while in progress, its result once sealed). Loaded on first use, with its strings and styles. Nothing is asked of the
// backend before the window is unlocked as a guard or above; starting and conducting need a trainer.
import { useTranslation } from 'react-i18next';
import type { Route } from '../app/router';
import { TrainerGate } from '../people/TrainerGate';
import { InspectionList } from './InspectionList';
import { InspectionPage } from './InspectionPage';
import { StartForm } from './StartForm';
import './strings';
import '../styles/inspections.css';

export function InspectionsScreen({ route }: { route: Extract<Route, { screen: 'inspections' }> }) {
  const { t } = useTranslation();
  return (
    <TrainerGate
      role="guard"
      title={t('inspections.title')}
      titleId="inspections-title"
      needs={(role) => t('inspections.needsGuard', { role })}
      unlock={t('inspections.unlock')}
    >
      <InspectionsView route={route} />
    </TrainerGate>
  );
}

function InspectionsView({ route }: { route: Extract<Route, { screen: 'inspections' }> }) {
  const { t } = useTranslation();
  if (route.plan) {
    return (
      <TrainerGate
        title={t('inspections.start.heading')}
        titleId="start-title"
        needs={(role) => t('inspections.needsTrainer', { role })}
        unlock={t('inspections.unlockTrainer')}
      >
        <StartForm />
      </TrainerGate>
    );
  }
  if (route.inspectionId) return <InspectionPage inspectionId={route.inspectionId} />;
  return <InspectionList />;
}
