// A small clock drawn inline for timers and time limits.
/** Drawn inline: the clock emoji is missing from many Windows and Linux fonts. */
export function ClockIcon() {
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
