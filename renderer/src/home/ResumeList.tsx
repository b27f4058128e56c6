// Unfinished runs at the top of Home ("继续处置", "继续演练" when all are drills): one tap goes back to a run left
// open, so an incident interrupted by a restart or a wrong tap is never lost or started twice.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunSummary } from '../../../shared/run/runViewSchema';
import { useApi, usePush } from '../api/ApiContext';
import { hrefFor } from '../app/router';
import { afterNextPaint } from '../components/afterNextPaint';
import { useLanguage } from '../components/useLanguage';
import { formatClock } from '../run/time';

export function ResumeList() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const api = useApi();
  const [items, setItems] = useState<RunSummary[]>([]);
  // Reloads keep the list on screen (no loading flash): a push may arrive at any time.
  const reload = useCallback(async () => {
    setItems(await api.call('runs.unfinished').catch(() => []));
  }, [api]);
  useEffect(() => void reload(), [reload]);
  // A tap on a tile pushes run.changed as the run screen takes over: asked after that screen's first frame, and
  // not at all once Home has gone.
  const cancelLater = useRef(() => {});
  useEffect(() => () => cancelLater.current(), []);
  usePush(
    'run.changed',
    useCallback(() => {
      cancelLater.current();
      cancelLater.current = afterNextPaint(() => void reload());
    }, [reload]),
  );
  if (items.length === 0) return null;
  // Worded for what is waiting: drills as drills, incidents as incidents, both when both are.
  const modes = new Set(items.map((summary) => summary.mode));
  const only = modes.size === 1 ? items[0]!.mode : undefined;
  return (
    <section className="resume" aria-labelledby="resume-title">
      <h2 id="resume-title">
        ▶ {only ? t('resume.title', { context: only }) : t('resume.titleMixed')}{' '}
        <span className="muted small">{only ? t('resume.hint', { context: only }) : t('resume.hintMixed')}</span>
      </h2>
      <ul>
        {items.map((summary) => (
          <li key={summary.runId}>
            <a
              className={`resume-item mode-${summary.mode}`}
              href={hrefFor({ screen: 'run', runId: summary.runId })}
              data-run-id={summary.runId}
            >
              <span className="resume-title">
                <span className="visually-hidden">{t('resume.open')}</span>
                {summary.planTitle[lang]}
              </span>
              <span className={`badge mode-badge-${summary.mode}`}>
                {summary.mode === 'drill' ? t('run.modeDrill') : t('run.modeIncident')}
              </span>
              <span className="resume-meta">
                {t('resume.started', { time: formatClock(summary.startedAt, lang) })}
                {' · '}
                {summary.status === 'active'
                  ? t('resume.current', {
                      steps: summary.currentTitles.map((title) => title[lang]).join('；') || summary.current.join(', '),
                    })
                  : t('resume.awaitingSignOff')}
              </span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
