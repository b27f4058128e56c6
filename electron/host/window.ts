// The main window and the hardening every web page in the app gets: locked-down web preferences, no
// navigation away from the app, no new windows, no <webview>, no permissions.
import {
  BrowserWindow,
  shell,
  type App,
  type BrowserWindowConstructorOptions,
  type Session,
  type WebContents,
  type WebPreferences,
} from 'electron';
import { loadWindowState, saveWindowState, type Area } from './windowState';

export const APP_SCHEME = 'app';
export const APP_HOST = 'guardbook';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** True for the app's own pages (`app://guardbook/...`), the only ones that may run in a window or call IPC. */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** Links the user may follow in their own browser; file:, javascript:, custom schemes never leave the app. */
export function isExternalWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** Everything but the preload path, which is only known where the bundle lands. */
export const MAIN_WINDOW_WEB_PREFERENCES = Object.freeze({
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false,
} satisfies WebPreferences);

export function mainWindowWebPreferences(preloadPath: string): WebPreferences {
  return { ...MAIN_WINDOW_WEB_PREFERENCES, preload: preloadPath };
}

export interface MainWindowDeps {
  preloadPath: string;
  /** Where window-state.json lives. */
  dataDir: string;
  /** The displays' work areas, primary first (`screen.getAllDisplays()`), to keep the window visible. */
  workAreas: readonly Area[];
  isAppUrl?: (url: string) => boolean;
}

export const MIN_WINDOW_SIZE = { width: 800, height: 600 };

export function createMainWindow(deps: MainWindowDeps): BrowserWindow {
  const state = loadWindowState(deps.dataDir, deps.workAreas);
  const options: BrowserWindowConstructorOptions = {
    ...(state.x === undefined || state.y === undefined ? {} : { x: state.x, y: state.y }),
    width: state.width,
    height: state.height,
    minWidth: Math.min(MIN_WINDOW_SIZE.width, state.width),
    minHeight: Math.min(MIN_WINDOW_SIZE.height, state.height),
    title: 'Guardbook',
    // Shown once painted, so a guard never sees a blank white frame first.
    show: false,
    webPreferences: mainWindowWebPreferences(deps.preloadPath),
  };
  const window = new BrowserWindow(options);
  // Also done for every webContents through hardenAllWebContents; repeated here so this window is
  // hardened even when a caller forgets that, and harmless because hardening happens once per contents.
  hardenWebContents(window.webContents, deps.isAppUrl ?? isAppUrl);
  window.once('ready-to-show', () => {
    if (state.maximized) window.maximize();
    window.show();
  });
  window.on('close', () => {
    try {
      saveWindowState(deps.dataDir, { ...window.getNormalBounds(), maximized: window.isMaximized() });
    } catch {
      // A window position that cannot be saved (read-only or full disk) must never block closing.
    }
  });
  return window;
}

const hardened = new WeakSet<WebContents>();

/** The one page the app opens in a window of its own: a drill's console, beside the main window on the same PC. */
const CONSOLE_HASH = /#\/drills\/[a-z0-9-]+\/console$/;

/**
 * Locks one webContents to the app: called for every one Electron creates, and by createMainWindow. `childPreferences`:
 * the hardened preferences (with the preload) a drill console's window gets; without them no window ever opens.
 */
export function hardenWebContents(
  contents: WebContents,
  isAppUrl: (url: string) => boolean,
  childPreferences?: WebPreferences,
): void {
  if (hardened.has(contents)) return;
  hardened.add(contents);
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (childPreferences && isAppUrl(url) && CONSOLE_HASH.test(url)) {
      return {
        action: 'allow',
        overrideBrowserWindowOptions: {
          width: 1100,
          height: 800,
          title: 'Guardbook',
          webPreferences: childPreferences,
        },
      };
    }
    // A plan may link to a regulation or a supplier's page: that opens in the user's browser, never here.
    if (isExternalWebUrl(url)) shell.openExternal(url).catch(() => undefined);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function hardenAllWebContents(
  app: Pick<App, 'on'>,
  isAppUrl: (url: string) => boolean,
  childPreferences?: WebPreferences,
): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, isAppUrl, childPreferences));
}

/** The app needs no camera, microphone, location, notifications or clipboard reads: refuse them all. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
