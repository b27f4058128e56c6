// The head-office console (总行看板), a manager's: the dashboard, a branch's history, one record, and the console's
// connection (an administrator's). Nothing is asked of the backend before the window is unlocked as a manager.
import { useTranslation } from 'react-i18next';
import type { HqView } from '../app/router';
import { TrainerGate } from '../people/TrainerGate';
import { BranchHistoryView } from './BranchHistoryView';
import { ConsoleSettings } from './ConsoleSettings';
import { Dashboard } from './Dashboard';
import { RecordView } from './RecordView';
import './strings';
import './headOffice.css';

export function HeadOfficeScreen({ view }: { view?: HqView }) {
  const { t } = useTranslation();
  return (
    <TrainerGate
      role="manager"
      title={t('hq.title')}
      titleId="hq-title"
      needs={(role) => t('hq.needsManager', { role })}
      unlock={t('hq.unlock')}
    >
      <section className="hq-screen" aria-labelledby="hq-title">
        {view?.kind === 'branch' ? (
          <BranchHistoryView key={view.code} code={view.code} />
        ) : view?.kind === 'record' ? (
          <RecordView key={`${view.code}/${view.recordKind}/${view.recordId}`} {...view} />
        ) : view?.kind === 'settings' ? (
          <ConsoleSettings />
        ) : (
          <Dashboard />
        )}
      </section>
    </TrainerGate>
  );
}
