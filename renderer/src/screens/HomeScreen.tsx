// The incident launcher: one tap on a plan starts a recorded run (or a drill, with the drill switch on).
// Only plans that pass analysis are offered; unfinished runs are offered first, for resuming.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanSummary } from '../../../shared/api/channels';
import { ApiError } from '../../../shared/api/errors';
import { CATEGORY_LABELS } from '../../../shared/plan/labels';
import { CATEGORIES } from '../../../shared/plan/vocabulary';
import { matchesSearch } from '../../../shared/plan/search';
import { useApi } from '../api/ApiContext';
import { navigate } from '../app/router';
import { CategoryIcon } from '../components/CategoryIcon';
import { useLanguage } from '../components/useLanguage';
import { ResumeList } from '../home/ResumeList';
import { OnDutyBar, PeopleBanners } from '../people/OnDutyBar';
import { isTextEntry } from '../run/textEntry';
import { primeRun } from '../run/useRun';

// Ids are ASCII slugs: plain comparison, not localeCompare, whose first call builds an ICU collator (≈ 14 ms on
// the path to the first tiles).
/** How long a start may take before its tile says it is starting. */
const BUSY_AFTER_MS = 150;

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function HomeScreen({ plans }: { plans: PlanSummary[] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const api = useApi();
  const [query, setQuery] = useState('');
  // Off whenever Home opens: a switch left on from the last drill must never turn a real incident into a drill.
  const [drill, setDrill] = useState(false);
  const [starting, setStarting] = useState<string>();
  const [startError, setStartError] = useState<string>();
  const startingRef = useRef(false);
  const offered = useMemo(
    () =>
      plans
        // Only the version in use of each plan; retired plans and plans that are only drafts stay off Home.
        .filter((p) => p.errors === 0 && p.status === 'published')
        .sort((a, b) => CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category) || byCodePoint(a.id, b.id)),
    [plans],
  );
  const shown = offered.filter((p) => matchesSearch(p.searchKeys, query));
  const start = async (plan: PlanSummary) => {
    if (startingRef.current) return; // a second tap while the first starts must not open a second run
    startingRef.current = true;
    // "正在启动…" only if the start takes a noticeable while: painting Home again at once cost the tap → first step
    // a render, a layout and a paint on a 2-core PC, and the run screen is normally there in about 50 ms.
    const showBusy = setTimeout(() => setStarting(plan.id), BUSY_AFTER_MS);
    setStartError(undefined);
    try {
      const run = await api.call('runs.start', { planId: plan.id, mode: drill ? 'drill' : 'incident' });
      primeRun(run);
      navigate({ screen: 'run', runId: run.runId });
    } catch (error) {
      setStartError(error instanceof ApiError ? error.body.message[lang] : String(error));
    } finally {
      clearTimeout(showBusy);
      startingRef.current = false;
      setStarting(undefined);
    }
  };

  // Number keys start the first nine plans shown, whatever has focus (the drill switch just toggled, a tile),
  // unless the user is typing in a text field.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTextEntry(event.target)) return;
      if (event.isComposing || event.ctrlKey || event.metaKey || event.altKey || !/^[1-9]$/.test(event.key)) return;
      // A digit typed in the PIN prompt or the on-duty picker (even on a keypad button) never starts a plan.
      if (document.querySelector('dialog[open]')) return;
      const plan = shown[Number(event.key) - 1];
      if (plan) {
        event.preventDefault();
        void start(plan);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [shown, drill]);

  const groups = CATEGORIES.map((category) => ({
    category,
    plans: shown.filter((p) => p.category === category),
  })).filter((g) => g.plans.length > 0);
  let number = 0;
  return (
    <section className={`home${drill ? ' home-drill' : ''}`} aria-labelledby="home-title">
      <ResumeList />
      <div className="home-bar">
        <div className="home-heading">
          <h1 id="home-title">{t('home.title')}</h1>
          {/* Under the title, beside the search: who is on duty costs the tiles no height. */}
          <OnDutyBar />
        </div>
        <div className="search">
          <label htmlFor="plan-search" className="visually-hidden">
            {t('home.searchLabel')}
          </label>
          <input
            id="plan-search"
            type="search"
            value={query}
            placeholder={t('home.search')}
            onChange={(e) => setQuery(e.target.value)}
            autoComplete="off"
          />
          <span className="muted small">{t('home.keyHint')}</span>
        </div>
        <label className={`drill-switch${drill ? ' is-on' : ''}`}>
          <input
            type="checkbox"
            checked={drill}
            onChange={(e) => setDrill(e.target.checked)}
            aria-describedby={drill ? 'drill-on' : 'drill-hint'}
          />
          <span className="drill-label">
            {t('home.drill')}
            {!drill && (
              <span id="drill-hint" className="small">
                {t('home.drillOff')}
              </span>
            )}
          </span>
        </label>
      </div>
      <PeopleBanners />
      {drill && (
        <p id="drill-on" className="drill-on" role="status">
          {t('run.modeDrill')} · {t('home.drillOn')}
        </p>
      )}
      {startError && (
        <p role="alert" className="notice notice-error">
          {t('home.startFailed', { message: startError })}
        </p>
      )}
      {groups.length === 0 && <p className="muted">{t('home.noMatch')}</p>}
      <div className="tile-groups">
        {groups.map((group) => (
          <section key={group.category} className="tile-group" aria-labelledby={`group-${group.category}`}>
            <h2 id={`group-${group.category}`}>{CATEGORY_LABELS[group.category][lang]}</h2>
            <ul className="tiles">
              {group.plans.map((plan) => {
                number += 1;
                const title = plan.shortTitle[lang];
                return (
                  <li key={plan.id}>
                    <button
                      type="button"
                      className={`tile severity-${plan.severity}${drill ? ' tile-drill' : ''}`}
                      onClick={() => void start(plan)}
                      disabled={starting !== undefined}
                      aria-busy={starting === plan.id || undefined}
                      data-plan-id={plan.id}
                    >
                      <CategoryIcon category={plan.category} />
                      <span className="tile-title">
                        {/* Floated in the title's corner: a long title wraps before it instead of running under it. */}
                        {number <= 9 && (
                          <kbd className="tile-key" aria-hidden="true">
                            {number}
                          </kbd>
                        )}
                        <span className="visually-hidden">{drill ? t('home.startDrill') : t('home.start')}</span>
                        {title}
                        <span className="tile-sub">{starting === plan.id ? t('home.starting') : plan.title[lang]}</span>
                      </span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
      </div>
    </section>
  );
}
