// The incident launcher: one tap on a plan starts it. Only plans that pass analysis are offered.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanSummary } from '../../../shared/api/channels';
import { CATEGORY_LABELS } from '../../../shared/plan/labels';
import { CATEGORIES } from '../../../shared/plan/schema';
import { matchesSearch } from '../../../shared/plan/search';
import { navigate } from '../app/router';
import { CategoryIcon } from '../components/CategoryIcon';
import { useLanguage } from '../components/useLanguage';

export function HomeScreen({ plans }: { plans: PlanSummary[] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [query, setQuery] = useState('');
  const offered = useMemo(
    () =>
      plans
        .filter((p) => p.errors === 0)
        .sort((a, b) => CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category) || a.id.localeCompare(b.id)),
    [plans],
  );
  const shown = offered.filter((p) => matchesSearch(p.searchKeys, query));
  const start = (plan: PlanSummary) => navigate({ screen: 'run', planId: plan.id });

  // Number keys start the first nine plans shown, unless the user is typing.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return;
      if (event.ctrlKey || event.metaKey || event.altKey || !/^[1-9]$/.test(event.key)) return;
      const plan = shown[Number(event.key) - 1];
      if (plan) {
        event.preventDefault();
        start(plan);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [shown]);

  const groups = CATEGORIES.map((category) => ({
    category,
    plans: shown.filter((p) => p.category === category),
  })).filter((g) => g.plans.length > 0);
  let number = 0;
  return (
    <section className="home" aria-labelledby="home-title">
      <div className="home-bar">
        <h1 id="home-title">{t('home.title')}</h1>
        <label className="drill-switch" title={t('home.drillUnavailable')}>
          <input type="checkbox" disabled aria-describedby="drill-hint" />
          <span>{t('home.drill')}</span>
          <span id="drill-hint" className="muted small">
            {t('home.drillUnavailable')}
          </span>
        </label>
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
                      className={`tile severity-${plan.severity}`}
                      onClick={() => start(plan)}
                      data-plan-id={plan.id}
                    >
                      <CategoryIcon category={plan.category} />
                      <span className="tile-title">
                        <span className="visually-hidden">{t('home.start')}</span>
                        {title}
                        <span className="tile-sub">{plan.title[lang]}</span>
                      </span>
                      {number <= 9 && (
                        <kbd className="tile-key" aria-hidden="true">
                          {number}
                        </kbd>
                      )}
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
