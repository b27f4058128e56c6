// A step's clock: time since the step began against its target (amber in the last 20 %, red when overdue) and,
// for a step with a hard timeout, the countdown to the automatic branch. The backend records both deadlines.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSettings } from '../app/SettingsContext';
import { playOverdueBeep } from './beep';
import type { ActiveEntry } from './currentSteps';
import { formatDuration, secondsBetween } from './time';
import { useNow } from './useNow';

export type TimerState = 'normal' | 'nearing' | 'overdue';

export function timerState(elapsed: number, targetSeconds: number | undefined, overdueAt?: string): TimerState {
  if (overdueAt !== undefined || (targetSeconds !== undefined && elapsed >= targetSeconds)) return 'overdue';
  if (targetSeconds !== undefined && elapsed >= targetSeconds * 0.8) return 'nearing';
  return 'normal';
}

export function StepTimer({
  active,
  targetSeconds,
  timeout,
  compact = false,
}: {
  active: ActiveEntry;
  targetSeconds?: number;
  /** The hard timeout, with the title of the step it leads to. */
  timeout?: { seconds: number; nextTitle: string };
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const now = useNow();
  const { state: settings } = useSettings();
  const elapsed = Math.max(0, secondsBetween(active.enteredAt, now));
  const state = timerState(elapsed, targetSeconds, active.overdueAt);
  useOverdueBeep(state === 'overdue', `${active.step}@${active.enteredAt}`, settings.settings.sound);

  const timeoutAt = active.timeoutAt ?? (timeout ? Date.parse(active.enteredAt) + timeout.seconds * 1000 : undefined);
  const remaining = timeoutAt === undefined ? undefined : (Number(new Date(timeoutAt)) - now) / 1000;
  const share = targetSeconds ? Math.min(1, elapsed / targetSeconds) : 0;
  return (
    <div
      className={`timer timer-${state}${compact ? ' timer-compact' : ''}`}
      role="timer"
      aria-label={t('run.timer.label')}
    >
      <div className="timer-main">
        <span className="timer-elapsed">{formatDuration(elapsed)}</span>
        <span className="timer-target">
          {state === 'overdue' && targetSeconds !== undefined
            ? `⚠ ${t('run.timer.overdue', { time: formatDuration(elapsed - targetSeconds) })}`
            : targetSeconds !== undefined
              ? `${state === 'nearing' ? `${t('run.timer.nearing')} · ` : ''}${t('run.timer.target', {
                  time: formatDuration(targetSeconds),
                })}`
              : t('run.timer.noTarget')}
        </span>
      </div>
      {targetSeconds !== undefined && (
        <div className="timer-bar" aria-hidden="true">
          {/* Set through the CSSOM by React, which the CSP allows (it refuses only style attributes in markup). */}
          <span className="timer-fill" style={{ width: `${Math.round(share * 100)}%` }} />
        </div>
      )}
      {timeout && remaining !== undefined && (
        <p className={`timer-timeout${remaining <= 10 ? ' is-close' : ''}`}>
          <ClockIcon />
          {remaining > 0
            ? t('run.timer.timeout', { time: formatDuration(Math.ceil(remaining)), next: timeout.nextTitle })
            : t('run.timer.timingOut', { next: timeout.nextTitle })}
        </p>
      )}
    </div>
  );
}

/** Drawn inline: the clock emoji is missing from many Windows and Linux fonts. */
function ClockIcon() {
  return (
    <svg
      className="timer-icon"
      width="18"
      height="18"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2.5"
      strokeLinecap="round"
      aria-hidden="true"
      focusable="false"
    >
      <circle cx="12" cy="13" r="8" />
      <path d="M12 9v4l3 2M9 2h6" />
    </svg>
  );
}

/** Beeps once when a step visit turns overdue while on screen (not when a screen opens on an overdue step). */
function useOverdueBeep(overdue: boolean, visit: string, enabled: boolean): void {
  const last = useRef({ visit, overdue });
  useEffect(() => {
    const before = last.current;
    last.current = { visit, overdue };
    if (enabled && overdue && before.visit === visit && !before.overdue) playOverdueBeep();
  }, [overdue, visit, enabled]);
}
