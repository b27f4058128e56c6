// The Electron main process: wires the backend, the app:// protocol, the window, IPC and the menu together.
// Wiring only; what each part does lives in its own module.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session } from 'electron';
import type { SettingsState } from '../../shared/api/channels';
import type { Language } from '../../shared/plan/schema';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/contentSecurityPolicy';
import { createBackend, type Backend } from '../backend/backend';
import { APP_DIR_NAME, chooseDataDir } from '../dataDir';
import { osKeyProtector } from './keyProtector';
import { readStaticFile } from '../web/staticFiles';
import { electronStoreSettings } from './electronStore';
import { registerIpc } from './ipc';
import { createReportPrinter } from './reportPdf';
import { buildMenuTemplate, MENU_LABELS } from './menu';
import {
  APP_ENTRY_URL,
  APP_SCHEME,
  createMainWindow,
  hardenAllWebContents,
  hardenSession,
  isAppUrl,
  mainWindowWebPreferences,
} from './window';
import { FILE_MESSAGES } from '../../shared/messages/files';
import { inBothLanguages } from '../../shared/text';

// Must happen before `ready`: a standard, secure scheme gets an origin, so CSP 'self', fetch and
// localStorage behave as on https, which file:// would not give.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

// Chromium's profile and the single-instance lock follow the data folder, so a second data folder (a
// test, a training copy) is a separate instance. The default matches the browser edition's folder.
const dataDirChoice = chooseDataDir(process.argv, join(app.getPath('appData'), APP_DIR_NAME));
const userData = resolve(dataDirChoice.dir);
try {
  mkdirSync(userData, { recursive: true });
} catch {
  // A folder that cannot be made (read-only, or a file): the backend starts unrecorded and says so everywhere.
}
app.setPath('userData', userData);

let mainWindow: BrowserWindow | undefined;

if (!app.requestSingleInstanceLock()) {
  // Two copies of the app would write the same settings and records: hand over to the first one.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  hardenAllWebContents(app, isAppUrl, mainWindowWebPreferences(join(__dirname, 'preload.cjs')));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      process.stderr.write(`Guardbook failed to start: ${detail}\n`);
      dialog.showErrorBox('Guardbook', inBothLanguages(FILE_MESSAGES.couldNotStart(detail)));
      app.exit(1);
    });
}

async function start(): Promise<void> {
  const dataDir = userData;
  const appPath = app.getAppPath();
  const backend = await createBackend({
    dataDir,
    dataDirSource: dataDirChoice.source,
    ...(await osKeyProtector()),
    plansDir: join(appPath, 'plans'),
    host: 'electron',
    version: app.getVersion(),
    settingsStore: electronStoreSettings,
    reportPdf: createReportPrinter({
      createWindow: (options) => new BrowserWindow(options),
      preloadPath: join(__dirname, 'preload.cjs'),
    }),
  });
  const rendererDir = join(appPath, 'dist', 'renderer');
  protocol.handle(APP_SCHEME, (request) => serveRenderer(request, rendererDir));
  // On quit: close open journals (releasing their locks) and write the history index, once.
  let closing = false;
  app.on('before-quit', (event) => {
    if (closing) return;
    closing = true;
    event.preventDefault();
    void backend.close().finally(() => app.quit());
  });
  hardenSession(session.defaultSession);
  registerIpc(ipcMain, backend, isAppUrl);
  await applyMenu(backend);
  openMainWindow(dataDir);
  app.on('activate', () => {
    // macOS keeps the app running without windows; clicking the Dock icon brings one back.
    if (BrowserWindow.getAllWindows().length === 0) openMainWindow(dataDir);
  });
}

function openMainWindow(dataDir: string): void {
  const window = createMainWindow({
    // main.cjs and preload.cjs are bundled side by side into out/host (electron/build/buildHost.ts).
    preloadPath: join(__dirname, 'preload.cjs'),
    dataDir,
    workAreas: orderedWorkAreas(),
  });
  mainWindow = window;
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    process.stderr.write(`Guardbook could not load ${APP_ENTRY_URL} (is dist/renderer built?): ${String(error)}\n`);
  });
}

/** The primary display's work area first: a window that fits nowhere else is centred there. */
function orderedWorkAreas() {
  const primary = screen.getPrimaryDisplay();
  const others = screen.getAllDisplays().filter((display) => display.id !== primary.id);
  return [primary, ...others].map((display) => display.workArea);
}

/** The built renderer over app://guardbook/, with the app's CSP; nothing else is served. */
async function serveRenderer(request: Request, rendererDir: string): Promise<Response> {
  if (!isAppUrl(request.url)) return new Response('Not found', { status: 404 });
  if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('Method not allowed', { status: 405 });
  const file = await readStaticFile(rendererDir, new URL(request.url).pathname);
  if (!file) return new Response('Not found', { status: 404 });
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(file.body), {
    headers: {
      'Content-Type': file.type,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

/** The menu follows the language setting, now and whenever it changes. */
async function applyMenu(backend: Backend): Promise<void> {
  let language: Language = (await backend.handlers['settings.get']({}, { sessionId: 'host' })).settings.language;
  const build = () =>
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(buildMenuTemplate(process.platform, MENU_LABELS[language], { packaged: app.isPackaged })),
    );
  build();
  backend.push.subscribe((event, payload) => {
    if (event !== 'settings.changed') return;
    const next = (payload as SettingsState).settings.language;
    if (next === language) return;
    language = next;
    build();
  });
}
