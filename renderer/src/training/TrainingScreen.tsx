// The coverage and training dashboard (a trainer's): per plan its last drill, next due date and status, the calendar
// of planned exercises, each person's training record, and the trends. The coverage table paints first, from one call
// (drills.coverage); the calendar (hundreds of exercises at a busy branch) is drawn, and the records, the trends and
// chart.js are asked for, only once the table is on screen, so none of them holds it up. Nothing is asked before the window is unlocked as a trainer or above.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoverageView } from '../../../shared/drills/coverageView';
import type { TrainingRecords } from '../../../shared/drills/trainingView';
import type { RunView } from '../../../shared/run/runViewSchema';
import { useApi, usePush } from '../api/ApiContext';
import { useAsync } from '../app/useAsync';
import { afterNextPaint } from '../components/afterNextPaint';
import { LoadState } from '../components/LoadState';
import { TrainerGate } from '../people/TrainerGate';
import { CoverageTable } from './CoverageTable';
import { ExerciseCalendar } from './ExerciseCalendar';
import { PeopleRecords } from './PeopleRecords';
import { trainingStrings } from './strings';
import { TrendsSection } from './TrendsSection';
import type { TrendPoint } from './trendSeries';
import { useUnlockedCall } from './useUnlockedCall';
import '../styles/training.css';

export function TrainingScreen() {
  const { t } = useTranslation();
  return (
    <TrainerGate
      title={t('coverage.title')}
      titleId="training-title"
      needs={(role) => t('coverage.needsTrainer', { role })}
      unlock={t('coverage.unlock')}
    >
      <Dashboard />
    </TrainerGate>
  );
}

const notUnlocked = {
  'zh-CN': trainingStrings['zh-CN'].coverage.notUnlocked,
  en: trainingStrings.en.coverage.notUnlocked,
};

function Dashboard() {
  const { t } = useTranslation();
  const api = useApi();
  const asTrainer = useUnlockedCall('trainer', notUnlocked);
  const [coverage, reloadCoverage] = useAsync(() => asTrainer(() => api.call('drills.coverage')), [asTrainer]);
  const later = useAfterPaint(coverage.status !== 'loading');
  usePush(
    'drills.changed',
    useCallback(() => reloadCoverage(), []),
  );
  useDrillRunChanges(reloadCoverage);
  return (
    <section className="training-screen" aria-labelledby="training-title">
      <h1 id="training-title">{t('coverage.title')}</h1>
      <section aria-labelledby="coverage-plans">
        <h2 id="coverage-plans">{t('coverage.plans.heading')}</h2>
        <LoadState state={coverage} retry={reloadCoverage}>
          {(view: CoverageView) => (
            <>
              <p className="muted coverage-today">{t('coverage.plans.today', { date: view.today })}</p>
              <CoverageTable coverage={view} />
            </>
          )}
        </LoadState>
      </section>
      <section aria-labelledby="coverage-calendar">
        <h2 id="coverage-calendar">{t('coverage.calendar.heading')}</h2>
        {later ? (
          <LoadState state={coverage} retry={reloadCoverage}>
            {(view: CoverageView) => <ExerciseCalendar calendar={view.calendar} />}
          </LoadState>
        ) : (
          <Waiting />
        )}
      </section>
      <section aria-labelledby="coverage-people">
        <h2 id="coverage-people">{t('coverage.people.heading')}</h2>
        {later ? <Records /> : <Waiting />}
      </section>
      <section aria-labelledby="coverage-trends">
        <h2 id="coverage-trends">{t('coverage.trends.heading')}</h2>
        {later ? <Trends /> : <Waiting />}
      </section>
    </section>
  );
}

function Waiting() {
  return (
    <p className="muted" aria-busy="true">
      …
    </p>
  );
}

function Records() {
  const api = useApi();
  const asTrainer = useUnlockedCall('trainer', notUnlocked);
  const [records, reload] = useAsync(() => asTrainer(() => api.call('training.records')), [asTrainer]);
  usePush(
    'drills.changed',
    useCallback(() => reload(), []),
  );
  return (
    <LoadState state={records} retry={reload}>
      {(value: TrainingRecords) => <PeopleRecords records={value} />}
    </LoadState>
  );
}

function Trends() {
  const api = useApi();
  const asTrainer = useUnlockedCall('trainer', notUnlocked);
  const [trends, reload] = useAsync(() => asTrainer(() => api.call('drills.trends')), [asTrainer]);
  usePush(
    'drills.changed',
    useCallback(() => reload(), []),
  );
  return (
    <LoadState state={trends} retry={reload}>
      {(points: TrendPoint[]) => <TrendsSection points={points} />}
    </LoadState>
  );
}

/** True from the frame after `ready` first held: what follows it waits for the first paint, never the other way. */
function useAfterPaint(ready: boolean): boolean {
  const [after, setAfter] = useState(false);
  useEffect(() => {
    if (!ready || after) return;
    return afterNextPaint(() => setAfter(true));
  }, [ready, after]);
  return after;
}

/**
 * A drill run started, ended or declared changes a plan's last drill; exercises push drills.changed, but a drill
 * started from Home does not. Each run's mode and status is news once, so a busy runner does not reload the table
 * on every tap.
 */
function useDrillRunChanges(reload: () => void): void {
  const seen = useRef(new Set<string>());
  usePush(
    'run.changed',
    useCallback((run: RunView) => {
      if (run.mode !== 'drill') return;
      const key = `${run.runId} ${run.status}`;
      if (seen.current.has(key)) return;
      seen.current.add(key);
      reload();
    }, []),
  );
}
