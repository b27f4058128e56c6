// Remembers the main window's size, place and maximized state between runs, kept on a visible display.
// Pure Node (no Electron import) so it is tested on temp dirs; the host passes in the displays' work areas.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

export const WINDOW_STATE_FILE = 'window-state.json';

/** A screen rectangle, shaped like Electron's `Rectangle` (a display's work area, a window's bounds). */
export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

const Pixels = z.number().int().min(-100_000).max(100_000);
const Size = z.number().int().min(1).max(100_000);

export const WindowStateSchema = z.object({
  /** Absent: let the system centre the window. */
  x: Pixels.optional(),
  y: Pixels.optional(),
  width: Size,
  height: Size,
  maximized: z.boolean().default(false),
});
export type WindowState = z.infer<typeof WindowStateSchema>;

/** A common branch-PC screen; smaller screens get a window clamped to their work area. */
export const DEFAULT_WINDOW_STATE: WindowState = Object.freeze({ width: 1366, height: 768, maximized: false });

/** The saved state fitted to the displays, or the defaults when there is no usable file. */
export function loadWindowState(dataDir: string, workAreas: readonly Area[]): WindowState {
  return fitToWorkAreas(readWindowState(join(dataDir, WINDOW_STATE_FILE)), workAreas);
}

export function saveWindowState(dataDir: string, state: WindowState): void {
  const parsed = WindowStateSchema.parse({
    ...state,
    ...(state.x === undefined ? {} : { x: Math.round(state.x) }),
    ...(state.y === undefined ? {} : { y: Math.round(state.y) }),
    width: Math.round(state.width),
    height: Math.round(state.height),
  });
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, WINDOW_STATE_FILE);
  // Write then rename, so a crash mid-write leaves the previous file rather than half a JSON document.
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(parsed, null, 2) + '\n');
  renameSync(temporary, file);
}

/**
 * Keeps a window fully visible: it moves onto the work area it overlaps most and shrinks to fit it.
 * A window on no current display (a monitor unplugged since) is centred on the first (primary) area.
 */
export function fitToWorkAreas(state: WindowState, workAreas: readonly Area[]): WindowState {
  const primary = workAreas[0];
  if (!primary) return state;
  const home = state.x !== undefined && state.y !== undefined ? mostOverlapped(state, workAreas) : undefined;
  const area = home ?? primary;
  const width = Math.min(state.width, area.width);
  const height = Math.min(state.height, area.height);
  if (!home || state.x === undefined || state.y === undefined) return { width, height, maximized: state.maximized };
  return {
    x: clamp(state.x, area.x, area.x + area.width - width),
    y: clamp(state.y, area.y, area.y + area.height - height),
    width,
    height,
    maximized: state.maximized,
  };
}

function readWindowState(file: string): WindowState {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    // Missing or corrupt: a window position is not worth bothering the user about.
    return DEFAULT_WINDOW_STATE;
  }
  const parsed = WindowStateSchema.safeParse(value);
  return parsed.success ? parsed.data : DEFAULT_WINDOW_STATE;
}

function mostOverlapped(state: WindowState, workAreas: readonly Area[]): Area | undefined {
  let best: Area | undefined;
  let bestOverlap = 0;
  for (const area of workAreas) {
    const overlap = overlapOf({ x: state.x ?? 0, y: state.y ?? 0, width: state.width, height: state.height }, area);
    if (overlap > bestOverlap) {
      best = area;
      bestOverlap = overlap;
    }
  }
  return best;
}

function overlapOf(a: Area, b: Area): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
