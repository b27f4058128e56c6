// Conducting an inspection (a trainer's): the header with the template and version, 明查/暗访, place and inspectors;
// beside the items, the live score from the view (the one scoring rule, never recomputed here) and the parts of the
// checklist with their progress; one part's items as a list of cards; then signing. After an answer is durable, focus
// goes on to the next item to check (see focusAfterAnswer), so a keyboard or a finger keeps its place.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checklistItems } from '../../../shared/checklist/score';
import type { InspectionView } from '../../../shared/inspections/inspectionView';
import { pick } from '../../../shared/plan/labels';
import { hrefFor } from '../app/router';
import { useLanguage } from '../components/useLanguage';
import { KindBadge } from './Badges';
import {
  answeredCount,
  EMPTY_SIGN_OFF,
  focusAfterAnswer,
  sectionProgress,
  signOffBlockers,
  type FocusTarget,
  type SignOffDraft,
} from './inspectionModel';
import { ItemCard } from './ItemCard';
import { namesText, percentText } from './labels';
import { SignOffPanel } from './SignOffPanel';

const SIGN = 'sign-off';

export function ConductScreen({ view, accept }: { view: InspectionView; accept: (view: InspectionView) => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const sections = view.body.sections;
  const numbers = useMemo(() => new Map(checklistItems(view.body).map(({ item }, i) => [item.id, i + 1])), [view.body]);
  const [current, setCurrent] = useState<string>(() => {
    const unanswered = new Set(view.score.unanswered);
    return sections.find((s) => s.items.some((i) => unanswered.has(i.id)))?.id ?? SIGN;
  });
  const [focus, setFocus] = useState<{ target: FocusTarget | { kind: 'heading' } }>();
  const [draft, setDraft] = useState<SignOffDraft>(EMPTY_SIGN_OFF);
  const cards = useRef(new Map<string, HTMLLIElement>());
  const continueButton = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const target = focus?.target;
    if (!target) return;
    if (target.kind === 'item') {
      const card = cards.current.get(target.itemId);
      card?.querySelector<HTMLElement>('[data-first-answer]')?.focus({ preventScroll: true });
      card?.scrollIntoView({ block: 'nearest' });
    } else if (target.kind === 'continue') {
      continueButton.current?.focus({ preventScroll: true });
      continueButton.current?.scrollIntoView({ block: 'nearest' });
    } else if (target.kind === 'heading') {
      heading.current?.focus();
    }
  }, [focus]);

  const show = (sectionId: string, target: FocusTarget | { kind: 'heading' }) => {
    setCurrent(sectionId);
    setFocus({ target });
  };
  // The cards are memoised (a tap re-renders only the card it changed): they get callbacks that never change and
  // always call this render's handlers.
  const handlers = useRef({ accept, current });
  handlers.current = { accept, current };
  const onAnswered = useCallback((itemId: string, next: InspectionView) => {
    handlers.current.accept(next);
    const target = focusAfterAnswer(next, itemId);
    setCurrent(target.kind === 'item' ? target.sectionId : handlers.current.current);
    setFocus({ target });
  }, []);
  const onChanged = useCallback((next: InspectionView) => handlers.current.accept(next), []);
  const goToItem = (itemId: string) => {
    const section = sections.find((s) => s.items.some((i) => i.id === itemId));
    if (section) show(section.id, { kind: 'item', itemId, sectionId: section.id });
  };

  const progress = sectionProgress(view.body, view.score.results);
  const blockers = signOffBlockers(view);
  const ready = blockers.unanswered.length === 0 && blockers.photoMissing.length === 0;
  const index = sections.findIndex((s) => s.id === current);
  const section = sections[index];
  const nextSection = sections[index + 1];
  const nextProgress = nextSection && progress[index + 1];

  return (
    <section className="inspections-screen conduct-screen" aria-labelledby="conduct-title">
      <p>
        <a className="back-link" href={hrefFor({ screen: 'inspections' })}>
          {t('inspections.back')}
        </a>
      </p>
      <InspectionHeader view={view} titleId="conduct-title" />
      <div className="conduct-layout">
        <aside className="conduct-side">
          <LiveScore view={view} />
          <nav className="section-nav" aria-label={t('inspections.conduct.sections')}>
            <ol>
              {sections.map((s, i) => {
                const p = progress[i]!;
                return (
                  <li key={s.id}>
                    <button
                      type="button"
                      className={`section-button${p.answered === p.total ? ' complete' : ''}`}
                      aria-current={current === s.id ? 'step' : undefined}
                      data-section={s.id}
                      onClick={() => show(s.id, { kind: 'heading' })}
                    >
                      <span className="section-title">{pick(s.title, lang)}</span>
                      <span className="section-progress">
                        {t('inspections.conduct.sectionProgress', { answered: p.answered, total: p.total })}
                        {p.failed > 0 && (
                          <span className="section-failed">
                            {t('inspections.conduct.sectionFailed', { count: p.failed })}
                          </span>
                        )}
                      </span>
                    </button>
                  </li>
                );
              })}
              <li>
                <button
                  type="button"
                  className={`section-button sign-button${ready ? ' complete' : ''}`}
                  aria-current={current === SIGN ? 'step' : undefined}
                  data-section={SIGN}
                  onClick={() => show(SIGN, { kind: 'heading' })}
                >
                  <span className="section-title">{t('inspections.conduct.signOff')}</span>
                  <span className="section-progress">
                    {ready ? t('inspections.conduct.signReady') : t('inspections.conduct.signNotReady')}
                  </span>
                </button>
              </li>
            </ol>
          </nav>
        </aside>
        <div className="conduct-main">
          {section ? (
            <section aria-labelledby="section-title" data-current-section={section.id}>
              <h2 id="section-title" ref={heading} tabIndex={-1}>
                {pick(section.title, lang)}
              </h2>
              <ol className="item-cards">
                {section.items.map((item) => (
                  <ItemCard
                    key={item.id}
                    ref={(el) => {
                      if (el) cards.current.set(item.id, el);
                      else cards.current.delete(item.id);
                    }}
                    inspectionId={view.summary.id}
                    item={item}
                    number={numbers.get(item.id)!}
                    record={view.items[item.id]}
                    result={view.score.results[item.id] ?? 'unanswered'}
                    onAnswered={onAnswered}
                    onChanged={onChanged}
                  />
                ))}
              </ol>
              <button
                type="button"
                ref={continueButton}
                className="big continue-button"
                onClick={() => show(nextSection ? nextSection.id : SIGN, { kind: 'heading' })}
              >
                {nextSection
                  ? `${t('inspections.conduct.next', { title: pick(nextSection.title, lang) })} (${t(
                      'inspections.conduct.sectionProgress',
                      { answered: nextProgress!.answered, total: nextProgress!.total },
                    )})`
                  : t('inspections.conduct.toSignOff')}
              </button>
            </section>
          ) : (
            <SignOffPanel
              view={view}
              headingRef={heading}
              blockers={blockers}
              draft={draft}
              onDraft={setDraft}
              onSigned={accept}
              goToItem={goToItem}
            />
          )}
        </div>
      </div>
    </section>
  );
}

/** Template and version, 明查/暗访, place and inspectors. */
export function InspectionHeader({ view, titleId }: { view: InspectionView; titleId: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <header className="inspection-header">
      <h1 id={titleId}>
        {pick(view.body.title, lang)}{' '}
        <span className="inspection-version">{t('inspections.conduct.version', { version: view.body.version })}</span>
      </h1>
      <p className="inspection-facts">
        <KindBadge announced={view.summary.announced} />
        <span>{t('inspections.conduct.placeIs', { place: view.summary.place || t('inspections.none') })}</span>
        <span>{t('inspections.conduct.inspectorsAre', { names: namesText(view.inspectors, lang) })}</span>
      </p>
    </header>
  );
}

/** The score so far, as the view states it: percent, items checked, failures, and critical failures in red. */
export function LiveScore({ view }: { view: InspectionView }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { answered, total } = answeredCount(view);
  const items = new Map(checklistItems(view.body).map(({ item }, i) => [item.id, { item, n: i + 1 }]));
  const critical = view.score.criticalFailed.map((id) => items.get(id)).filter((x) => x !== undefined);
  return (
    <div className="live-score" role="status" aria-live="polite" data-testid="live-score">
      <p className="live-score-line">
        <span className="live-score-label">{t('inspections.conduct.score')}</span>{' '}
        <strong className="live-score-percent" data-testid="score-percent">
          {percentText(view.score.percent, t)}
        </strong>
      </p>
      <p className="muted small">{t('inspections.conduct.passLine', { percent: view.score.passScore })}</p>
      <p data-testid="score-answered">{t('inspections.conduct.answered', { answered, total })}</p>
      <p data-testid="score-failed" className={view.score.failed.length > 0 ? 'live-failed' : undefined}>
        {t('inspections.conduct.failed', { count: view.score.failed.length })}
      </p>
      {critical.length > 0 && (
        <div className="live-critical" data-testid="score-critical">
          <p>
            <strong>{t('inspections.vetoed', { count: critical.length })}</strong>
          </p>
          <ul>
            {critical.map(({ item, n }) => (
              <li key={item.id}>{t('inspections.conduct.criticalItem', { n, text: pick(item.text, lang) })}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
