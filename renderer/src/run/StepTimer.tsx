// A step's clock, one clock that says the truth. With a hard timeout, the big clock counts down to the automatic
// move and says where the run will go (the target, if any, on a small line under it). With a target only, it counts
// up against the target: amber in the last 20 %, red and a beep when overdue. With neither, it counts up quietly.
// In a silent plan there is no beep, and silent.css shows overdue as a calm colour change.
// The backend records both deadlines; this only shows them.
import { ClockIcon } from '../components/ClockIcon';
import { createContext, useContext, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSettings } from '../app/SettingsContext';
import { playOverdueBeep, soundAllowed } from './beep';
import '../styles/silent.css';
import type { ActiveEntry } from './currentSteps';
import { formatDuration, secondsBetween } from './time';
import { useNow } from './useNow';

export type TimerState = 'normal' | 'nearing' | 'overdue';

/** Whether the run on screen follows a silent plan (RunView.silent), provided by the runner. */
export const SilentRunContext = createContext(false);

export function timerState(elapsed: number, targetSeconds: number | undefined, overdueAt?: string): TimerState {
  if (overdueAt !== undefined || (targetSeconds !== undefined && elapsed >= targetSeconds)) return 'overdue';
  if (targetSeconds !== undefined && elapsed >= targetSeconds * 0.8) return 'nearing';
  return 'normal';
}

/** The hard timeout, with the title of the step it leads to. */
export interface StepTimeout {
  seconds: number;
  nextTitle: string;
}

export function StepTimer({
  active,
  targetSeconds,
  timeout,
  compact = false,
}: {
  active: ActiveEntry;
  targetSeconds?: number;
  timeout?: StepTimeout;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const now = useNow();
  const { state: settings } = useSettings();
  const silent = useContext(SilentRunContext);
  const elapsed = Math.max(0, secondsBetween(active.enteredAt, now));
  const target = timerState(elapsed, targetSeconds, active.overdueAt);
  useOverdueBeep(
    target === 'overdue',
    `${active.step}@${active.enteredAt}`,
    soundAllowed(settings.settings.sound, silent),
  );

  const size = compact ? ' timer-compact' : '';
  // The target against the time so far: the main line of a count-up clock, a small one under a countdown.
  const targetLine =
    targetSeconds === undefined
      ? undefined
      : target === 'overdue'
        ? `⚠ ${t('run.timer.overdue', { time: formatDuration(elapsed - targetSeconds) })}`
        : `${target === 'nearing' ? `${t('run.timer.nearing')} · ` : ''}${
            timeout
              ? t('run.timer.used', { time: formatDuration(elapsed), target: formatDuration(targetSeconds) })
              : t('run.timer.target', { time: formatDuration(targetSeconds) })
          }`;

  if (timeout) {
    // The engine's deadline once it has written it, else the plan's: entered + timeout.
    const due = active.timeoutAt ? Date.parse(active.timeoutAt) : Date.parse(active.enteredAt) + timeout.seconds * 1000;
    const remaining = Math.max(0, (due - now) / 1000);
    // Without a target, the colour follows the countdown: amber in its last 20 % (at least the last 10 seconds).
    const state: TimerState =
      targetSeconds !== undefined ? target : remaining <= Math.max(10, timeout.seconds * 0.2) ? 'nearing' : 'normal';
    const share = timeout.seconds > 0 ? Math.min(1, Math.max(0, 1 - remaining / timeout.seconds)) : 1;
    return (
      <div
        className={`timer timer-countdown timer-${state}${size}`}
        role="timer"
        aria-label={t('run.timer.countdownLabel')}
        data-timer="countdown"
      >
        <div className="timer-main">
          <span className="timer-clock">{formatDuration(Math.ceil(remaining))}</span>
          <span className="timer-then">
            <ClockIcon />
            {remaining > 0
              ? t('run.timer.then', { next: timeout.nextTitle })
              : t('run.timer.timingOut', { next: timeout.nextTitle })}
          </span>
        </div>
        <TimerBar share={share} />
        {targetLine && <p className="timer-target timer-aside">{targetLine}</p>}
      </div>
    );
  }

  if (targetSeconds !== undefined) {
    return (
      <div
        className={`timer timer-${target}${size}`}
        role="timer"
        aria-label={t('run.timer.label')}
        data-timer="target"
      >
        <div className="timer-main">
          <span className="timer-clock">{formatDuration(elapsed)}</span>
          <span className="timer-target">{targetLine}</span>
        </div>
        <TimerBar share={Math.min(1, elapsed / targetSeconds)} />
      </div>
    );
  }

  // No deadline of any kind: the time on the step, for reference, without a frame or a colour that asks for haste.
  return (
    <div className={`timer timer-quiet${size}`} role="timer" aria-label={t('run.timer.label')} data-timer="quiet">
      <span className="timer-caption">{t('run.timer.label')}</span>
      <span className="timer-clock">{formatDuration(elapsed)}</span>
    </div>
  );
}

function TimerBar({ share }: { share: number }) {
  return (
    <div className="timer-bar" aria-hidden="true">
      {/* Set through the CSSOM by React, which the CSP allows (it refuses only style attributes in markup). */}
      <span className="timer-fill" style={{ width: `${Math.round(share * 100)}%` }} />
    </div>
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
