// What makes a PIN acceptable, shared so the backend (which decides) and the renderer (which explains) agree.
import { PIN_MAX_LENGTH, PIN_MIN_LENGTH } from '../limits';

export { PIN_MAX_LENGTH, PIN_MIN_LENGTH };

/** At least 6 (at most 12) ASCII digits, not all the same digit and not a straight run up or down (123456, 654321). */
export function isValidPin(pin: string): boolean {
  if (typeof pin !== 'string' || pin.length < PIN_MIN_LENGTH || pin.length > PIN_MAX_LENGTH) return false;
  if (!/^[0-9]+$/.test(pin)) return false;
  if (new Set(pin).size === 1) return false;
  const steps = new Set<number>();
  for (let i = 1; i < pin.length; i++) steps.add((pin.charCodeAt(i) - pin.charCodeAt(i - 1) + 10) % 10);
  // One step all the way, +1 or -1 (wrapping 9→0, as on a keypad row: 789012): a run.
  return !(steps.size === 1 && (steps.has(1) || steps.has(9)));
}
