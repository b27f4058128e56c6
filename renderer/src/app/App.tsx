// The app shell: navigation, the banners every screen must show, the settings notice, and the current screen.
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, PlanSummary } from '../../../shared/api/channels';
import type { Role } from '../../../shared/people/roles';
import { useApi, usePush } from '../api/ApiContext';
import { LoadState } from '../components/LoadState';
import { useLanguage } from '../components/useLanguage';
import { LockIndicator } from '../people/LockIndicator';
import { useSession } from '../people/SessionContext';
import { HomeScreen } from '../screens/HomeScreen';
import { RecordDetailScreen } from '../screens/RecordDetailScreen';
import { RecordsScreen } from '../screens/RecordsScreen';
import { RunScreen } from '../screens/RunScreen';
import { hrefFor, useRoute, type Route } from './router';
import { PlansProvider } from './PlansContext';
import { ShellBanners } from './ShellBanners';
import { useSettings } from './SettingsContext';
import { useAsync } from './useAsync';

/** `role`: shown only while this window is unlocked as that role or above (what it cannot do is not offered). */
const NAV: { route: Route; key: string; role?: Role }[] = [
  { route: { screen: 'home' }, key: 'nav.home' },
  { route: { screen: 'plans' }, key: 'nav.plans' },
  { route: { screen: 'records' }, key: 'nav.records' },
  { route: { screen: 'drills' }, key: 'nav.drills', role: 'trainer' },
  { route: { screen: 'inspections' }, key: 'nav.inspections', role: 'guard' },
  { route: { screen: 'checklists' }, key: 'nav.checklists', role: 'trainer' },
  { route: { screen: 'actions' }, key: 'nav.actions', role: 'guard' },
  { route: { screen: 'training' }, key: 'nav.training', role: 'trainer' },
  { route: { screen: 'study' }, key: 'nav.study', role: 'guard' },
  { route: { screen: 'settings' }, key: 'nav.settings' },
  { route: { screen: 'users' }, key: 'nav.users', role: 'admin' },
  { route: { screen: 'audit' }, key: 'nav.audit', role: 'manager' },
  // Shown only where the head-office console is configured (hq.status): a branch's PC never offers it.
  { route: { screen: 'hq' }, key: 'nav.hq', role: 'manager' },
];

/** `plans`: the library as fetched at start-up, beside settings and app info, so Home's tiles need no second trip. */
export function App({ info, plans: initialPlans }: { info: AppInfo; plans?: PlanSummary[] }) {
  const { t } = useTranslation();
  const route = useRoute();
  const api = useApi();
  const session = useSession();
  const [plans, reloadPlans] = useAsync(
    () => api.call('plans.list'),
    [],
    initialPlans ? { value: initialPlans } : undefined,
  );
  usePush(
    'plans.changed',
    useCallback(() => reloadPlans(), []),
  );
  const hqConsole = useHqConsoleConfigured();
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <span className="app-name">{t('app.name')}</span>
        <nav aria-label={t('nav.main')}>
          <ul>
            {NAV.filter(
              ({ role, route: target }) =>
                (!role || session.isUnlockedAs(role)) && (target.screen !== 'hq' || hqConsole),
            ).map(({ route: target, key }) => (
              <li key={key}>
                <a href={hrefFor(target)} aria-current={isCurrent(route, target) ? 'page' : undefined}>
                  {t(key)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <LockIndicator />
        <LanguageToggle />
      </header>
      <ShellBanners info={info} />
      <SettingsNotice />
      <main id="main" tabIndex={-1}>
        <LoadState state={plans} retry={reloadPlans}>
          {(list: PlanSummary[]) => (
            <PlansProvider value={list}>
              <Screen route={route} plans={list} info={info} />
            </PlansProvider>
          )}
        </LoadState>
      </main>
    </div>
  );
}

// Screens an emergency never needs load on first use, keeping the launcher and the runner's script small.
const UsersScreen = lazy(() => import('../screens/UsersScreen').then((m) => ({ default: m.UsersScreen })));
const AuditScreen = lazy(() => import('../screens/AuditScreen').then((m) => ({ default: m.AuditScreen })));
const SettingsScreen = lazy(() => import('../screens/SettingsScreen').then((m) => ({ default: m.SettingsScreen })));
// Plan management (the library, the editor with its diagram, review and compare): a manager's screens.
const PlansScreen = lazy(() => import('../screens/PlansScreen').then((m) => ({ default: m.PlansScreen })));
const PlanDetailScreen = lazy(() => import('../screens/PlansScreen').then((m) => ({ default: m.PlanDetailScreen })));
const EditorScreen = lazy(() => import('../editor/EditorScreen').then((m) => ({ default: m.EditorScreen })));
const RunReportScreen = lazy(() => import('../screens/RunReportScreen').then((m) => ({ default: m.RunReportScreen })));
const DrillsScreen = lazy(() => import('../drills/DrillsScreen').then((m) => ({ default: m.DrillsScreen })));
const EvaluationScreen = lazy(() =>
  import('../drillReview/EvaluationScreen').then((m) => ({ default: m.EvaluationScreen })),
);
const DrillReportScreen = lazy(() =>
  import('../drillReview/DrillReportScreen').then((m) => ({ default: m.DrillReportScreen })),
);
const TrainingScreen = lazy(() => import('../training/TrainingScreen').then((m) => ({ default: m.TrainingScreen })));
const StudyScreen = lazy(() => import('../training/StudyScreen').then((m) => ({ default: m.StudyScreen })));
const InspectionsScreen = lazy(() =>
  import('../inspections/InspectionsScreen').then((m) => ({ default: m.InspectionsScreen })),
);
const InspectionReportScreen = lazy(() =>
  import('../inspectionReport/InspectionReportScreen').then((m) => ({ default: m.InspectionReportScreen })),
);
const ScorecardScreen = lazy(() =>
  import('../inspectionReport/ScorecardScreen').then((m) => ({ default: m.ScorecardScreen })),
);
// Checklist templates (list, review, history; the editor loads on its own): trainers read, managers change.
const ChecklistLibraryScreen = lazy(() =>
  import('../checklistLibrary/ChecklistLibraryScreen').then((m) => ({ default: m.ChecklistLibraryScreen })),
);
const HeadOfficeScreen = lazy(() =>
  import('../headOffice/HeadOfficeScreen').then((m) => ({ default: m.HeadOfficeScreen })),
);
const ActionsScreen = lazy(() => import('../drillReview/ActionsScreen').then((m) => ({ default: m.ActionsScreen })));

function Screen(props: { route: Route; plans: PlanSummary[]; info: AppInfo }) {
  return (
    <Suspense fallback={null}>
      <ScreenFor {...props} />
    </Suspense>
  );
}

function ScreenFor({ route, plans, info }: { route: Route; plans: PlanSummary[]; info: AppInfo }) {
  switch (route.screen) {
    case 'home':
      return <HomeScreen plans={plans} />;
    case 'run':
      return <RunScreen key={route.runId} runId={route.runId} />;
    case 'plans':
      if (!route.planId) return <PlansScreen plans={plans} />;
      if (route.view?.kind === 'edit') return <EditorScreen key={route.planId} planId={route.planId} />;
      return <PlanDetailScreen key={route.planId} planId={route.planId} view={route.view} />;
    case 'records':
      if (route.runId && route.report)
        return <RunReportScreen key={route.runId} runId={route.runId} host={info.host} />;
      if (route.runId) return <RecordDetailScreen key={route.runId} runId={route.runId} />;
      return <RecordsScreen plans={plans} />;
    case 'drills':
      if (route.exerciseId && route.evaluate)
        return <EvaluationScreen key={route.exerciseId} exerciseId={route.exerciseId} />;
      if (route.exerciseId && route.report)
        return <DrillReportScreen key={route.exerciseId} exerciseId={route.exerciseId} host={info.host} />;
      return <DrillsScreen key={hrefFor(route)} route={route} />;
    case 'inspections':
      if (route.scorecard) return <ScorecardScreen />;
      if (route.inspectionId && route.report)
        return <InspectionReportScreen key={route.inspectionId} inspectionId={route.inspectionId} host={info.host} />;
      return <InspectionsScreen key={hrefFor(route)} route={route} />;
    case 'checklists':
      return <ChecklistLibraryScreen key={route.checklistId ?? ''} checklistId={route.checklistId} view={route.view} />;
    case 'actions':
      return <ActionsScreen />;
    case 'training':
      return <TrainingScreen />;
    case 'study':
      return <StudyScreen />;
    case 'settings':
      return <SettingsScreen info={info} />;
    case 'users':
      return <UsersScreen />;
    case 'audit':
      return <AuditScreen />;
    case 'hq':
      return <HeadOfficeScreen key={hrefFor(route)} view={route.view} />;
  }
}

/** Whether the head-office console is configured: asked (a manager's channel) once unlocked as a manager. */
function useHqConsoleConfigured(): boolean {
  const api = useApi();
  const session = useSession();
  const manager = session.isUnlockedAs('manager');
  const [configured, setConfigured] = useState(false);
  const [changes, setChanges] = useState(0);
  usePush(
    'settings.changed',
    useCallback(() => setChanges((n) => n + 1), []),
  );
  useEffect(() => {
    if (!manager) return;
    let live = true;
    api.call('hq.status').then(
      (status) => live && setConfigured(status.configured),
      () => undefined, // the entry stays as it was: a locked window hides it anyway
    );
    return () => {
      live = false;
    };
  }, [api, manager, changes]);
  return manager && configured;
}

function isCurrent(route: Route, target: Route): boolean {
  return route.screen === target.screen || (route.screen === 'run' && target.screen === 'home');
}

function LanguageToggle() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { setPreferences } = useSettings();
  return (
    <button
      type="button"
      className="language-toggle"
      lang={lang === 'zh-CN' ? 'en' : 'zh-CN'}
      title={t('languageToggleLabel')}
      onClick={() => void setPreferences({ language: lang === 'zh-CN' ? 'en' : 'zh-CN' })}
    >
      {t('languageToggle')}
    </button>
  );
}

function SettingsNotice() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { state, dismissNotice } = useSettings();
  if (!state.notice) return null;
  return (
    <div role="alert" className="notice notice-warning notice-bar">
      <p>{t('notice.settingsReset', { file: state.notice.backupFile, reason: state.notice.reason[lang] })}</p>
      <button type="button" onClick={() => void dismissNotice()}>
        {t('notice.dismiss')}
      </button>
    </div>
  );
}
