// Every journal event of the run, oldest first, in local time and as time since the start, in words.
// A disclosure, so a small screen can fold it away; wide screens open it.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunView } from '../../../shared/run/runViewSchema';
import { useLanguage } from '../components/useLanguage';
import { eventDescriber } from '../../../shared/records/describeEvent';
import { formatClock, formatDuration, secondsBetween } from './time';
import { actorText } from './actor';

const WIDE = '(min-width: 1200px)';

/**
 * `follow` keeps the newest entry in sight (the runner); a record reads from the top. Entries on the same day
 * as `day` show the time of day only (by default today, as the runner wants).
 */
export function Timeline({
  view,
  open,
  follow = true,
  day,
}: {
  view: RunView;
  open?: boolean;
  follow?: boolean;
  day?: string;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [initiallyOpen] = useState(() => open ?? window.matchMedia(WIDE).matches);
  const list = useRef<HTMLOListElement>(null);
  const describe = useMemo(() => eventDescriber(view.plan), [view.plan]);
  const entries = useMemo(
    () =>
      view.timeline.map((entry) => ({
        entry,
        text: describe(entry.type, entry.data)[lang],
        clock: formatClock(entry.at, lang, day ? new Date(day) : undefined),
        since: formatDuration(secondsBetween(view.startedAt, entry.at)),
      })),
    [view, describe, lang, day],
  );
  // Keep the newest event in sight as the run goes on. Read in the next frame, not in the effect: scrollHeight
  // forces a layout, and done here it was a second full layout of the run screen before its first paint.
  useEffect(() => {
    if (!follow) return;
    const frame = requestAnimationFrame(() => {
      if (list.current) list.current.scrollTop = list.current.scrollHeight;
    });
    return () => cancelAnimationFrame(frame);
  }, [entries.length, follow]);
  return (
    <details className="timeline" open={initiallyOpen}>
      <summary>{t('run.timeline', { count: entries.length, context: view.mode })}</summary>
      {/* Focusable so the list can be scrolled from the keyboard. */}
      <ol
        ref={list}
        className="timeline-list"
        tabIndex={0}
        aria-label={t('run.timeline', { count: entries.length, context: view.mode })}
      >
        {entries.map(({ entry, text, clock, since }) => (
          <li key={entry.seq} className={`timeline-entry type-${entry.type.replace('.', '-')}`}>
            <time dateTime={entry.at}>{clock}</time>
            <span className="timeline-since">+{since}</span>
            <span className="timeline-text">{text}</span>
            {entry.by !== 'system' && <span className="timeline-by">{actorText(entry.by, t)}</span>}
          </li>
        ))}
      </ol>
    </details>
  );
}
