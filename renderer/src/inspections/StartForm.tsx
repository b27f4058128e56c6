// Starting an inspection now, or planning it for a day: the template (one with errors is listed, never offered),
// announced (明查) or not (暗访), the place and the inspectors (the unlocked user first). An unannounced inspection
// planned ahead is seen by its planner alone until it begins, and the form says so.
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHECKLIST_USES, CHECKLIST_USE_LABELS } from '../../../shared/checklist/vocabulary';
import { addDays, localDateOf } from '../../../shared/drills/coverage';
import { INSPECTION_LIMITS } from '../../../shared/limits';
import { useApi } from '../api/ApiContext';
import { hrefFor, navigate } from '../app/router';
import { displayTimeZone } from '../components/displayTimeZone';
import { LoadState } from '../components/LoadState';
import { useLanguage } from '../components/useLanguage';
import { ErrorNote } from '../people/ErrorNote';
import { useSession } from '../people/SessionContext';
import { inspectorsOf, startProblems, type StartDraft, type StartProblem } from './inspectionModel';
import { useAsInspector, useChecklists, type ChecklistOption } from './useInspections';

type Busy = 'start' | 'plan' | undefined;

export function StartForm() {
  const { t } = useTranslation();
  const [state, reload] = useChecklists();
  return (
    <section className="inspections-screen start-screen" aria-labelledby="start-title">
      <p>
        <a className="back-link" href={hrefFor({ screen: 'inspections' })}>
          {t('inspections.back')}
        </a>
      </p>
      <h1 id="start-title">{t('inspections.start.heading')}</h1>
      <LoadState state={state} retry={reload}>
        {(checklists: ChecklistOption[]) => <Form checklists={checklists} />}
      </LoadState>
    </section>
  );
}

function byUse(checklists: readonly ChecklistOption[]): ChecklistOption[] {
  const rank = (c: ChecklistOption) => (c.use ? CHECKLIST_USES.indexOf(c.use) : CHECKLIST_USES.length);
  return [...checklists].sort((a, b) => rank(a) - rank(b));
}

function Form({ checklists }: { checklists: ChecklistOption[] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const api = useApi();
  const asInspector = useAsInspector();
  const session = useSession();
  const id = useId();
  const me = session.view?.unlocked?.name ?? session.lapsed?.name ?? '';
  const tomorrow = addDays(localDateOf(Date.now(), displayTimeZone()), 1);
  const [draft, setDraft] = useState<StartDraft>({
    checklistId: '',
    announced: true,
    place: '',
    inspectors: [me],
    date: tomorrow,
  });
  const [problems, setProblems] = useState<StartProblem[]>([]);
  const [busy, setBusy] = useState<Busy>();
  const [error, setError] = useState<unknown>();
  const [planned, setPlanned] = useState<string>();
  const inspectorRefs = useRef<(HTMLInputElement | null)[]>([]);
  const change = (patch: Partial<StartDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setPlanned(undefined);
  };
  const submit = async (kind: 'start' | 'plan') => {
    const found = startProblems(draft, kind === 'plan');
    setProblems(found);
    if (found.length > 0) {
      document.getElementById(`${id}-${found[0]}`)?.focus();
      return;
    }
    setBusy(kind);
    setError(undefined);
    const spec = {
      checklistId: draft.checklistId,
      announced: draft.announced,
      place: draft.place.trim(),
      inspectors: inspectorsOf(draft),
    };
    try {
      if (kind === 'start') {
        const view = await asInspector(() => api.call('inspections.start', spec));
        navigate({ screen: 'inspections', inspectionId: view.summary.id });
        return;
      }
      const summary = await asInspector(() =>
        api.call('inspections.plan', { plan: { ...spec, date: draft.date, note: '' } }),
      );
      setPlanned(t('inspections.start.planned', { date: draft.date, title: summary.title[lang] }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(undefined);
    }
  };
  const problem = (p: StartProblem) =>
    problems.includes(p) ? (
      <span id={`${id}-${p}-problem`} className="field-error">
        {t(`inspections.start.problems.${p}`)}
      </span>
    ) : null;
  const invalid = (p: StartProblem) =>
    problems.includes(p) ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-${p}-problem` } : {};
  return (
    <form className="start-form" onSubmit={(e) => e.preventDefault()} aria-labelledby="start-title">
      <fieldset
        className="start-group"
        id={`${id}-checklist`}
        tabIndex={-1}
        aria-describedby={problems.includes('checklist') ? `${id}-checklist-problem` : undefined}
      >
        <legend>{t('inspections.start.template')}</legend>
        {problem('checklist')}
        <div className="template-choices">
          {byUse(checklists).map((c) => {
            const unusable = c.errors > 0;
            return (
              <label
                key={c.id}
                className={`template-choice${draft.checklistId === c.id ? ' chosen' : ''}${unusable ? ' unusable' : ''}`}
              >
                <input
                  type="radio"
                  name={`${id}-checklist`}
                  value={c.id}
                  checked={draft.checklistId === c.id}
                  disabled={unusable}
                  onChange={() => change({ checklistId: c.id })}
                />
                <span className="template-text">
                  <span className="template-title">{c.title[lang]}</span>
                  <span className="template-facts">
                    {t('inspections.start.templateFacts', {
                      use: c.use ? CHECKLIST_USE_LABELS[c.use][lang] : '',
                      items: c.items,
                      critical: c.critical,
                    })}
                  </span>
                  {unusable && (
                    <span className="template-errors">
                      {t('inspections.start.templateErrors', { count: c.errors })}
                    </span>
                  )}
                </span>
              </label>
            );
          })}
        </div>
      </fieldset>
      <fieldset className="start-group">
        <legend>{t('inspections.start.kind')}</legend>
        <div className="kind-choices">
          {([true, false] as const).map((announced) => (
            <label key={String(announced)} className={`kind-choice${draft.announced === announced ? ' chosen' : ''}`}>
              <input
                type="radio"
                name={`${id}-kind`}
                checked={draft.announced === announced}
                onChange={() => change({ announced })}
              />
              {t(announced ? 'inspections.start.announced' : 'inspections.start.unannounced')}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="start-group">
        <legend>{t('inspections.start.place')}</legend>
        <label htmlFor={`${id}-place`} className="visually-hidden">
          {t('inspections.start.place')}
        </label>
        <input
          id={`${id}-place`}
          value={draft.place}
          maxLength={INSPECTION_LIMITS.place}
          aria-describedby={`${id}-place-hint`}
          onChange={(e) => change({ place: e.target.value })}
        />
        <span id={`${id}-place-hint`} className="muted small">
          {t('inspections.start.placeHint')}
        </span>
      </fieldset>
      <fieldset className="start-group">
        <legend>{t('inspections.start.inspectors')}</legend>
        {problem('inspectors')}
        <ol className="inspector-rows">
          {draft.inspectors.map((name, i) => (
            <li key={i} className="inspector-row">
              <label htmlFor={i === 0 ? `${id}-inspectors` : `${id}-inspector-${i}`}>
                {t('inspections.start.inspector', { n: i + 1 })}
              </label>
              <input
                id={i === 0 ? `${id}-inspectors` : `${id}-inspector-${i}`}
                ref={(el) => {
                  inspectorRefs.current[i] = el;
                }}
                value={name}
                maxLength={INSPECTION_LIMITS.inspector}
                {...(i === 0 ? invalid('inspectors') : {})}
                onChange={(e) => change({ inspectors: draft.inspectors.map((n, j) => (j === i ? e.target.value : n)) })}
              />
              {draft.inspectors.length > 1 && (
                <button
                  type="button"
                  onClick={() => {
                    change({ inspectors: draft.inspectors.filter((_, j) => j !== i) });
                    inspectorRefs.current[Math.max(0, i - 1)]?.focus();
                  }}
                >
                  {t('inspections.start.removeInspector', { n: i + 1 })}
                </button>
              )}
            </li>
          ))}
        </ol>
        {draft.inspectors.length < INSPECTION_LIMITS.inspectors && (
          <button
            type="button"
            onClick={() => {
              change({ inspectors: [...draft.inspectors, ''] });
              requestAnimationFrame(() => inspectorRefs.current[draft.inspectors.length]?.focus());
            }}
          >
            {t('inspections.start.addInspector')}
          </button>
        )}
      </fieldset>
      {error !== undefined && <ErrorNote error={error} />}
      <div className="start-ways">
        <section className="start-way" aria-labelledby={`${id}-now`}>
          <h2 id={`${id}-now`}>{t('inspections.start.now')}</h2>
          <button
            type="button"
            className="primary big"
            disabled={busy !== undefined}
            aria-busy={busy === 'start' || undefined}
            onClick={() => void submit('start')}
          >
            {busy === 'start' ? t('inspections.start.starting') : t('inspections.start.startNow')}
          </button>
        </section>
        <section className="start-way" aria-labelledby={`${id}-later`}>
          <h2 id={`${id}-later`}>{t('inspections.start.later')}</h2>
          <div className="start-plan-row">
            <label htmlFor={`${id}-date`}>{t('inspections.start.date')}</label>
            <input
              id={`${id}-date`}
              type="date"
              value={draft.date}
              min={localDateOf(Date.now(), displayTimeZone())}
              {...invalid('date')}
              onChange={(e) => change({ date: e.target.value })}
            />
            <button
              type="button"
              className="big"
              disabled={busy !== undefined}
              aria-busy={busy === 'plan' || undefined}
              onClick={() => void submit('plan')}
            >
              {busy === 'plan' ? t('inspections.start.planning') : t('inspections.start.plan')}
            </button>
          </div>
          {problem('date')}
          {!draft.announced && <p className="notice notice-warning">{t('inspections.start.unannouncedHint')}</p>}
          <div role="status">
            {planned && (
              <p className="notice notice-ok" data-testid="planned">
                {planned} <a href={hrefFor({ screen: 'inspections' })}>{t('inspections.back')}</a>
              </p>
            )}
          </div>
        </section>
      </div>
    </form>
  );
}
