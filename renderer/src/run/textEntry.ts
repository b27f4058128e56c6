// Where a key press is typing: shortcut keys (1–9 on Home, Enter, 1–9 and N in the runner) must leave it alone.
// A checkbox, radio button or button with focus is not typing: a guard who has just toggled the drill switch or
// ticked a checklist item must still be able to press a number.

/** Input types whose keys are not text. */
const NOT_TEXT = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'image', 'range', 'color', 'file']);

export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return !NOT_TEXT.has(target.type);
  return target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement || target.isContentEditable;
}
