// The Electron host in plain Node, against a stand-in 'electron' module (the real one exists only inside the
// Electron runtime): secure window, hardening, IPC checks, the preload's surface, menu, window state, wiring.
import { EventEmitter } from 'node:events';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ApiTransport } from '../../shared/api/channels';
import { CHANNEL_NAMES, IPC_PUSH_CHANNEL, ipcChannelFor } from '../../shared/api/names';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/contentSecurityPolicy';
import { buildHost } from '../../electron/build/buildHost';
import { createBackend, type Backend } from '../../electron/backend/backend';
import { electronStoreSettings } from '../../electron/host/electronStore';
import { FORBIDDEN, registerIpc } from '../../electron/host/ipc';
import { buildMenuTemplate, MENU_LABELS } from '../../electron/host/menu';
import {
  APP_ENTRY_URL,
  createMainWindow,
  hardenAllWebContents,
  hardenSession,
  hardenWebContents,
  isAppUrl,
  MAIN_WINDOW_WEB_PREFERENCES,
} from '../../electron/host/window';
import {
  DEFAULT_WINDOW_STATE,
  fitToWorkAreas,
  loadWindowState,
  saveWindowState,
  WINDOW_STATE_FILE,
} from '../../electron/host/windowState';
import { confSettingsStore } from '../../electron/settings/settingsFile';

// The stand-in: just enough of Electron's main and preload APIs, recording what the host does with them.
const fake = await vi.hoisted(async () => {
  const { EventEmitter } = await import('node:events');

  class FakeWebContents extends EventEmitter {
    url = '';
    destroyed = false;
    readonly sent: unknown[][] = [];
    windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      this.windowOpenHandler = handler;
    }
    getURL() {
      return this.url;
    }
    isDestroyed() {
      return this.destroyed;
    }
    send(...args: unknown[]) {
      this.sent.push(args);
    }
  }

  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    appPath: '',
    paths: new Map<string, string>(),
    requestSingleInstanceLock: vi.fn(() => true),
    whenReady: vi.fn(() => Promise.resolve()),
    quit: vi.fn(),
    exit: vi.fn(),
    getAppPath: () => app.appPath,
    getVersion: () => '9.9.9-test',
    getPath: (name: string) => app.paths.get(name) ?? `/nonexistent/${name}`,
    setPath: vi.fn((name: string, path: string) => void app.paths.set(name, path)),
  });

  interface WindowOptions {
    x?: number;
    y?: number;
    width: number;
    height: number;
    show?: boolean;
    webPreferences: Record<string, unknown>;
  }

  class FakeBrowserWindow extends EventEmitter {
    static readonly windows: FakeBrowserWindow[] = [];
    static getAllWindows() {
      return FakeBrowserWindow.windows.filter((w) => !w.destroyed);
    }
    readonly webContents = new FakeWebContents();
    readonly loadedUrls: string[] = [];
    destroyed = false;
    maximized = false;
    minimized = false;
    readonly show = vi.fn();
    readonly focus = vi.fn();
    readonly restore = vi.fn();
    constructor(readonly options: WindowOptions) {
      super();
      FakeBrowserWindow.windows.push(this);
      // As in Electron: every new webContents is announced to the app.
      app.emit('web-contents-created', {}, this.webContents);
    }
    loadURL(url: string) {
      this.loadedUrls.push(url);
      this.webContents.url = url;
      return Promise.resolve();
    }
    getNormalBounds() {
      return {
        x: this.options.x ?? 10,
        y: this.options.y ?? 20,
        width: this.options.width,
        height: this.options.height,
      };
    }
    isMaximized() {
      return this.maximized;
    }
    maximize() {
      this.maximized = true;
    }
    isMinimized() {
      return this.minimized;
    }
    isDestroyed() {
      return this.destroyed;
    }
  }

  /** Like Electron's ipcMain: a second handler for one channel throws. */
  function createIpcMain() {
    const handlers = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>();
    return {
      handlers,
      handle: vi.fn((channel: string, handler: (event: unknown, input: unknown) => Promise<unknown>) => {
        if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
        handlers.set(channel, handler);
      }),
      removeHandler: vi.fn((channel: string) => void handlers.delete(channel)),
    };
  }

  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  const primary = { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1080 } };
  const secondary = { id: 2, workArea: { x: 1920, y: 0, width: 1280, height: 1024 } };
  return {
    app,
    FakeWebContents,
    FakeBrowserWindow,
    createIpcMain,
    ipcMain: createIpcMain(),
    protocolHandlers,
    protocol: {
      registerSchemesAsPrivileged: vi.fn(),
      handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response>) => {
        protocolHandlers.set(scheme, handler);
      }),
    },
    Menu: {
      buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
      setApplicationMenu: vi.fn(),
    },
    screen: { getPrimaryDisplay: () => primary, getAllDisplays: () => [secondary, primary] },
    session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() } },
    shell: { openExternal: vi.fn(() => Promise.resolve()) },
    dialog: { showErrorBox: vi.fn() },
    // The OS's encryption, stood in for by a reversible encoding that is plainly not the PEM text.
    safeStorage: {
      backend: 'gnome_libsecret' as string,
      isAsyncEncryptionAvailable: vi.fn(() => Promise.resolve(true)),
      getSelectedStorageBackend(): string {
        return this.backend;
      },
      encryptStringAsync: vi.fn((plain: string) =>
        Promise.resolve(Buffer.from(`os-sealed:${Buffer.from(plain).toString('base64')}`)),
      ),
      decryptStringAsync: vi.fn((sealed: Buffer) =>
        Promise.resolve({
          shouldReEncrypt: false,
          result: Buffer.from(sealed.toString().slice('os-sealed:'.length), 'base64').toString(),
        }),
      ),
    },
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: Object.assign(new EventEmitter(), {
      invoke: vi.fn((channel: string, input: unknown) => Promise.resolve({ ok: true, value: { channel, input } })),
    }),
    storeOptions: [] as Record<string, unknown>[],
  };
});

vi.mock('electron', () => ({
  app: fake.app,
  BrowserWindow: fake.FakeBrowserWindow,
  ipcMain: fake.ipcMain,
  protocol: fake.protocol,
  Menu: fake.Menu,
  screen: fake.screen,
  session: fake.session,
  shell: fake.shell,
  dialog: fake.dialog,
  safeStorage: fake.safeStorage,
  contextBridge: fake.contextBridge,
  ipcRenderer: fake.ipcRenderer,
}));

// electron-store imports 'electron' itself, from node_modules where vi.mock does not reach: stand in for it
// with its base class, conf, mapping `name` to `configName` exactly as electron-store does.
vi.mock('electron-store', async () => {
  const { default: Conf } = await import('conf');
  class ElectronStoreStandIn extends Conf<Record<string, unknown>> {
    constructor(options: Record<string, unknown>) {
      fake.storeOptions.push(options);
      const { name, ...rest } = options;
      super({ ...rest, configName: typeof name === 'string' ? name : 'config' });
    }
  }
  return { default: ElectronStoreStandIn };
});

type FakeWindow = InstanceType<typeof fake.FakeBrowserWindow>;
type FakeContents = InstanceType<typeof fake.FakeWebContents>;

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PLANS_DIR = join(ROOT, 'plans');
const SCREEN = { x: 0, y: 0, width: 1920, height: 1080 };
const TRUSTED = { senderFrame: { url: APP_ENTRY_URL }, sender: { id: 1 } };
/** Another window of the app: its own session. */
const TRUSTED_OTHER_WINDOW = { senderFrame: { url: APP_ENTRY_URL }, sender: { id: 2 } };

const tempDirs: string[] = [];
function tempDir(prefix = 'guardbook-host-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

function hardenedContents(): FakeContents {
  const contents = new fake.FakeWebContents();
  hardenWebContents(contents as unknown as Parameters<typeof hardenWebContents>[0], isAppUrl);
  return contents;
}

/** Emits a navigation event the way Electron does and says whether the host cancelled it. */
function prevented(contents: FakeContents, eventName: 'will-navigate' | 'will-redirect', url: string): boolean {
  const event = { url, preventDefault: vi.fn() };
  contents.emit(eventName, event, url);
  return event.preventDefault.mock.calls.length > 0;
}

describe('main window', () => {
  it('is created with exactly the secure web preferences and the given preload', () => {
    const window = createMainWindow({
      preloadPath: '/opt/guardbook/out/host/preload.cjs',
      dataDir: tempDir(),
      workAreas: [SCREEN],
    }) as unknown as FakeWindow;
    expect(window.options.webPreferences).toStrictEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      preload: '/opt/guardbook/out/host/preload.cjs',
    });
    expect(Object.isFrozen(MAIN_WINDOW_WEB_PREFERENCES)).toBe(true);
    expect(window.options).toMatchObject({ width: 1366, height: 768, show: false });
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledTimes(1);
  });

  it('is hardened even when nobody listens for web-contents-created', () => {
    const window = createMainWindow({ preloadPath: '/p.cjs', dataDir: tempDir(), workAreas: [SCREEN] });
    const contents = (window as unknown as FakeWindow).webContents;
    expect(prevented(contents, 'will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('comes back where it was closed, maximized or not', () => {
    const dataDir = tempDir();
    const first = createMainWindow({ preloadPath: '/p.cjs', dataDir, workAreas: [SCREEN] }) as unknown as FakeWindow;
    first.options.x = 200;
    first.options.y = 100;
    first.options.width = 1000;
    first.options.height = 700;
    first.maximized = true;
    first.emit('close');
    expect(existsSync(join(dataDir, WINDOW_STATE_FILE))).toBe(true);

    const second = createMainWindow({ preloadPath: '/p.cjs', dataDir, workAreas: [SCREEN] }) as unknown as FakeWindow;
    expect(second.options).toMatchObject({ x: 200, y: 100, width: 1000, height: 700 });
    second.emit('ready-to-show');
    expect(second.maximized).toBe(true);
  });
});

describe('web contents hardening', () => {
  it('cancels navigation and redirects away from the app, and lets the app navigate within itself', () => {
    const contents = hardenedContents();
    for (const eventName of ['will-navigate', 'will-redirect'] as const) {
      for (const url of [
        'https://evil.example/',
        'http://127.0.0.1:8080/',
        'file:///etc/passwd',
        'app://evil/index.html',
        'app://guardbook.evil.example/index.html',
        'app://guardbook:8080/index.html',
        'not a url',
      ]) {
        expect(prevented(contents, eventName, url), `${eventName} ${url}`).toBe(true);
      }
      expect(prevented(contents, eventName, APP_ENTRY_URL)).toBe(false);
      expect(prevented(contents, eventName, 'app://guardbook/index.html#/plans/fire')).toBe(false);
    }
  });

  it('denies every new window, and opens only http(s) links in the browser', () => {
    const contents = hardenedContents();
    fake.shell.openExternal.mockClear();
    const open = (url: string) => contents.windowOpenHandler?.({ url });
    expect(open('https://www.mps.gov.cn/')).toEqual({ action: 'deny' });
    expect(open('http://example.com/guide')).toEqual({ action: 'deny' });
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'app://guardbook/index.html', 'smb://x/y', '']) {
      expect(open(url), url).toEqual({ action: 'deny' });
    }
    expect(fake.shell.openExternal.mock.calls).toEqual([['https://www.mps.gov.cn/'], ['http://example.com/guide']]);
  });

  it('opens a drill console of the app in a window of its own, with the hardened preferences, and nothing else', () => {
    const contents = new fake.FakeWebContents();
    const preferences = { ...MAIN_WINDOW_WEB_PREFERENCES, preload: '/p.cjs' };
    hardenWebContents(contents as unknown as Parameters<typeof hardenWebContents>[0], isAppUrl, preferences);
    const open = (url: string) => contents.windowOpenHandler?.({ url });
    expect(open('app://guardbook/index.html#/drills/ex-20261205-a1b2c3/console')).toEqual({
      action: 'allow',
      overrideBrowserWindowOptions: { width: 1100, height: 800, title: 'Guardbook', webPreferences: preferences },
    });
    for (const url of [
      'app://guardbook/index.html#/drills/ex-1',
      'app://guardbook/index.html#/plans/fire',
      'app://evil/index.html#/drills/ex-1/console',
      'https://evil.example/#/drills/ex-1/console',
    ]) {
      expect(open(url), url).toEqual({ action: 'deny' });
    }
    // Without the preferences (a window made before the host gave them), no window opens at all.
    expect(hardenedContents().windowOpenHandler?.({ url: 'app://guardbook/index.html#/drills/ex-1/console' })).toEqual({
      action: 'deny',
    });
  });

  it('refuses to attach a <webview>', () => {
    const contents = hardenedContents();
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, { src: 'https://evil.example/' });
    expect(event.preventDefault).toHaveBeenCalledTimes(1);
  });

  it('hardens every webContents Electron creates, exactly once', () => {
    const app = new EventEmitter();
    hardenAllWebContents(app as unknown as Parameters<typeof hardenAllWebContents>[0], isAppUrl);
    const contents = new fake.FakeWebContents();
    app.emit('web-contents-created', {}, contents);
    hardenWebContents(contents as unknown as Parameters<typeof hardenWebContents>[0], isAppUrl);
    expect(contents.listenerCount('will-navigate')).toBe(1);
    expect(contents.listenerCount('will-redirect')).toBe(1);
    expect(contents.listenerCount('will-attach-webview')).toBe(1);
    expect(prevented(contents, 'will-navigate', 'https://evil.example/')).toBe(true);
  });

  it('denies every permission request and check', () => {
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() };
    hardenSession(session as unknown as Parameters<typeof hardenSession>[0]);
    const [request] = session.setPermissionRequestHandler.mock.calls[0] as [
      (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
    ];
    const [check] = session.setPermissionCheckHandler.mock.calls[0] as [(...args: unknown[]) => boolean];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid']) {
      const callback = vi.fn();
      request({}, permission, callback);
      expect(callback, permission).toHaveBeenCalledWith(false);
      expect(check({}, permission, APP_ENTRY_URL, {}), permission).toBe(false);
    }
  });
});

describe('IPC', () => {
  let backend: Backend;
  beforeAll(async () => {
    backend = await createBackend({
      dataDir: tempDir('guardbook-ipc-'),
      plansDir: PLANS_DIR,
      host: 'electron',
      version: '0.0.0-test',
      settingsStore: confSettingsStore,
      log: () => {},
    });
  });

  function register(pushTargets?: Parameters<typeof registerIpc>[3]) {
    const ipcMain = fake.createIpcMain();
    const spied = { call: vi.fn(backend.call), push: backend.push };
    const unregister = registerIpc(ipcMain, spied, isAppUrl, pushTargets);
    const invoke = (channel: string, event: unknown, input: unknown) => {
      const handler = ipcMain.handlers.get(ipcChannelFor(channel));
      if (!handler) throw new Error(`no handler for ${channel}`);
      return handler(event, input);
    };
    return { ipcMain, spied, unregister, invoke };
  }

  it('registers one handler for every API channel, and nothing else', () => {
    const { ipcMain } = register();
    expect(ipcMain.handle).toHaveBeenCalledTimes(CHANNEL_NAMES.length);
    expect([...ipcMain.handlers.keys()].sort()).toEqual(CHANNEL_NAMES.map((c) => `guardbook:${c}`).sort());
  });

  it('refuses calls from anything but the app’s own pages, before the backend runs', async () => {
    const { invoke, spied } = register();
    const untrusted = [
      { senderFrame: null },
      {},
      { senderFrame: { url: 'https://evil.example/' } },
      { senderFrame: { url: 'file:///home/guard/evil.html' } },
      { senderFrame: { url: 'app://evil/index.html' } },
      { senderFrame: { url: 'app://guardbook.evil.example/' } },
      { senderFrame: { url: '' } },
    ];
    for (const event of untrusted) {
      const result = await invoke('plans.list', event, {});
      expect(result, JSON.stringify(event)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(result).toEqual(FORBIDDEN);
    }
    expect(spied.call).not.toHaveBeenCalled();
  });

  it('has every input checked by the channel’s schema', async () => {
    const { invoke } = register();
    expect(await invoke('plans.get', TRUSTED, { id: 42 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', issues: [expect.objectContaining({ path: expect.any(String) })] },
    });
    expect(await invoke('plans.list', TRUSTED, { extra: true })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(await invoke('settings.setPreferences', TRUSTED, { language: 'fr' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
  });

  it('gives each window its own session: a PIN typed in one unlocks that window only', async () => {
    const { invoke, spied } = register();
    const branch = { branch: { name: '浦东支行' } };
    expect(await invoke('settings.update', TRUSTED, branch)).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(await invoke('users.setup', TRUSTED, { name: '管理员', pin: '246813' })).toMatchObject({ ok: true });
    expect(await invoke('settings.update', TRUSTED, branch)).toMatchObject({ ok: true });
    expect(await invoke('settings.update', TRUSTED_OTHER_WINDOW, branch)).toMatchObject({
      ok: false,
      error: { code: 'locked' },
    });
    expect(spied.call.mock.calls.map((c) => (c[2] as { sessionId: string }).sessionId)).toEqual([
      'ipc:1',
      'ipc:1',
      'ipc:1',
      'ipc:2',
    ]);
  });

  it('answers the app’s own page with data', async () => {
    const { invoke } = register();
    const info = await invoke('app.info', TRUSTED, {});
    expect(info).toMatchObject({ ok: true, value: { name: 'Guardbook', host: 'electron', version: '0.0.0-test' } });
    const list = (await invoke('plans.list', TRUSTED, {})) as { ok: true; value: { id: string }[] };
    expect(list.ok).toBe(true);
    expect(list.value.map((p) => p.id)).toContain('armed-robbery');
    expect(await invoke('plans.get', TRUSTED, { id: 'armed-robbery' })).toMatchObject({
      ok: true,
      value: { summary: { id: 'armed-robbery' } },
    });
    expect(await invoke('plans.get', TRUSTED, { id: 'no-such-plan' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('pushes events to live app windows only, and unregisters completely', () => {
    const app = new fake.FakeWebContents();
    app.url = APP_ENTRY_URL;
    const foreign = new fake.FakeWebContents();
    foreign.url = 'https://evil.example/';
    const closed = new fake.FakeWebContents();
    closed.url = APP_ENTRY_URL;
    closed.destroyed = true;
    const { ipcMain, unregister } = register(() => [app, foreign, closed]);

    backend.push.emit('plans.changed', {});
    expect(app.sent).toEqual([[IPC_PUSH_CHANNEL, 'plans.changed', {}]]);
    expect(foreign.sent).toEqual([]);
    expect(closed.sent).toEqual([]);

    unregister();
    expect(ipcMain.handlers.size).toBe(0);
    backend.push.emit('plans.changed', {});
    expect(app.sent).toHaveLength(1);
  });
});

describe('preload', () => {
  let exposed: ApiTransport;
  beforeAll(async () => {
    await import('../../electron/host/preload');
    expect(fake.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [key, api] = fake.contextBridge.exposeInMainWorld.mock.calls[0] as unknown as [string, ApiTransport];
    expect(key).toBe('guardbook');
    exposed = api;
  });

  it('exposes one frozen object with invoke and subscribe, and never ipcRenderer', () => {
    expect(Object.isFrozen(exposed)).toBe(true);
    expect(Object.keys(exposed).sort()).toEqual(['invoke', 'subscribe']);
    expect(Object.values(exposed).every((value) => typeof value === 'function')).toBe(true);
    expect(Object.values(exposed)).not.toContain(fake.ipcRenderer);
  });

  it('rejects a channel that is not in the API without touching IPC', async () => {
    fake.ipcRenderer.invoke.mockClear();
    for (const channel of ['fs.readFile', 'constructor', '__proto__', 'guardbook:plans.list', '', 42]) {
      await expect(exposed.invoke(channel as never, {}), String(channel)).rejects.toThrow(/Unknown channel/);
    }
    expect(fake.ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('calls guardbook:<channel> for every API channel', async () => {
    fake.ipcRenderer.invoke.mockClear();
    for (const channel of CHANNEL_NAMES) {
      await expect(exposed.invoke(channel, { probe: channel })).resolves.toEqual({
        ok: true,
        value: { channel: `guardbook:${channel}`, input: { probe: channel } },
      });
    }
    expect(fake.ipcRenderer.invoke.mock.calls).toEqual(
      CHANNEL_NAMES.map((channel) => [`guardbook:${channel}`, { probe: channel }]),
    );
  });

  it('forwards only known push events, without the IPC event, until unsubscribed', () => {
    const listener = vi.fn();
    const unsubscribe = exposed.subscribe(listener);
    const ipcEvent = { sender: fake.ipcRenderer };
    fake.ipcRenderer.emit(IPC_PUSH_CHANNEL, ipcEvent, 'plans.changed', {});
    fake.ipcRenderer.emit(IPC_PUSH_CHANNEL, ipcEvent, 'shell.exec', { cmd: 'rm' });
    fake.ipcRenderer.emit('some-other-channel', ipcEvent, 'plans.changed', {});
    expect(listener.mock.calls).toEqual([['plans.changed', {}]]);

    unsubscribe();
    expect(fake.ipcRenderer.listenerCount(IPC_PUSH_CHANNEL)).toBe(0);
    fake.ipcRenderer.emit(IPC_PUSH_CHANNEL, ipcEvent, 'plans.changed', {});
    expect(listener).toHaveBeenCalledTimes(1);
  });
});

type MenuItem = ReturnType<typeof buildMenuTemplate>[number];
const rolesOf = (items: readonly MenuItem[]): string[] =>
  items.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? rolesOf(item.submenu as MenuItem[]) : []),
  ]);
const submenuRoles = (items: readonly MenuItem[], role: string): string[] => {
  const menu = items.find((item) => item.role === role);
  return Array.isArray(menu?.submenu) ? rolesOf(menu.submenu as MenuItem[]) : [];
};

describe('application menu', () => {
  it('has the usual menus by role on Windows and Linux', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const template = buildMenuTemplate(platform, MENU_LABELS['zh-CN']);
      expect(template.map((item) => item.role)).toEqual(['fileMenu', 'editMenu', 'viewMenu', 'windowMenu', 'help']);
      expect(submenuRoles(template, 'fileMenu')).toEqual(['quit']);
      expect(submenuRoles(template, 'editMenu')).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
      expect(submenuRoles(template, 'viewMenu')).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
      expect(submenuRoles(template, 'windowMenu')).toEqual(['minimize', 'close']);
      expect(submenuRoles(template, 'help')).toEqual(['about']);
    }
  });

  it('adds the app menu on macOS, where File closes the window', () => {
    const template = buildMenuTemplate('darwin', MENU_LABELS.en);
    expect(template.map((item) => item.role)).toEqual([
      'appMenu',
      'fileMenu',
      'editMenu',
      'viewMenu',
      'windowMenu',
      'help',
    ]);
    expect(submenuRoles(template, 'appMenu')).toEqual(['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit']);
    expect(submenuRoles(template, 'fileMenu')).toEqual(['close']);
    expect(submenuRoles(template, 'windowMenu')).toEqual(['minimize', 'zoom', 'front']);
  });

  it('offers reload and developer tools only when not packaged', () => {
    const devRoles = ['reload', 'forceReload', 'toggleDevTools'];
    const unpackaged = rolesOf(buildMenuTemplate('linux', MENU_LABELS.en, { packaged: false }));
    expect(unpackaged).toEqual(expect.arrayContaining(devRoles));
    for (const template of [
      buildMenuTemplate('linux', MENU_LABELS.en, { packaged: true }),
      buildMenuTemplate('linux', MENU_LABELS.en),
    ]) {
      expect(rolesOf(template).filter((role) => devRoles.includes(role))).toEqual([]);
    }
  });

  it('labels every menu and item in Chinese and in English', () => {
    expect(Object.keys(MENU_LABELS['zh-CN']).sort()).toEqual(Object.keys(MENU_LABELS.en).sort());
    for (const [language, labels] of Object.entries(MENU_LABELS)) {
      const items = (list: readonly MenuItem[]): MenuItem[] =>
        list.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu as MenuItem[]) : [])]);
      for (const item of items(buildMenuTemplate('darwin', labels, { packaged: false }))) {
        if (item.type === 'separator') continue;
        expect(item.label, `${language} ${item.role}`).toMatch(/\S/);
      }
    }
    expect(buildMenuTemplate('linux', MENU_LABELS['zh-CN']).map((item) => item.label)).toEqual([
      '文件',
      '编辑',
      '视图',
      '窗口',
      '帮助',
    ]);
    expect(buildMenuTemplate('linux', MENU_LABELS.en).map((item) => item.label)).toEqual([
      'File',
      'Edit',
      'View',
      'Window',
      'Help',
    ]);
  });
});

describe('window state', () => {
  it('round-trips bounds and the maximized flag through window-state.json', () => {
    const dataDir = tempDir();
    saveWindowState(dataDir, { x: 100, y: 80, width: 1200, height: 700, maximized: true });
    expect(JSON.parse(readFileSync(join(dataDir, WINDOW_STATE_FILE), 'utf8'))).toEqual({
      x: 100,
      y: 80,
      width: 1200,
      height: 700,
      maximized: true,
    });
    expect(loadWindowState(dataDir, [SCREEN])).toEqual({ x: 100, y: 80, width: 1200, height: 700, maximized: true });
  });

  it('starts at 1366×768 when there is no file yet', () => {
    expect(loadWindowState(tempDir(), [SCREEN])).toEqual({ width: 1366, height: 768, maximized: false });
    expect(DEFAULT_WINDOW_STATE).toEqual({ width: 1366, height: 768, maximized: false });
  });

  it('survives a corrupt or invalid file by falling back to the defaults', () => {
    const dataDir = tempDir();
    for (const text of [
      '{ "width": ',
      'null',
      '[]',
      '{"width": -5, "height": "tall"}',
      '{"width": 1e9, "height": 9}',
    ]) {
      writeFileSync(join(dataDir, WINDOW_STATE_FILE), text);
      expect(loadWindowState(dataDir, [SCREEN]), text).toEqual(DEFAULT_WINDOW_STATE);
    }
  });

  it('centres a window left on an unplugged monitor on the primary display', () => {
    const state = { x: 3000, y: 200, width: 1200, height: 700, maximized: false };
    expect(fitToWorkAreas(state, [SCREEN])).toEqual({ width: 1200, height: 700, maximized: false });
  });

  it('pulls a half-visible window fully onto its display and shrinks it to fit', () => {
    expect(fitToWorkAreas({ x: 1800, y: -50, width: 800, height: 600, maximized: false }, [SCREEN])).toEqual({
      x: 1120,
      y: 0,
      width: 800,
      height: 600,
      maximized: false,
    });
    const laptop = { x: 0, y: 0, width: 1280, height: 690 };
    expect(fitToWorkAreas({ x: 0, y: 0, width: 4000, height: 3000, maximized: true }, [laptop])).toEqual({
      x: 0,
      y: 0,
      width: 1280,
      height: 690,
      maximized: true,
    });
    expect(fitToWorkAreas(DEFAULT_WINDOW_STATE, [laptop])).toEqual({ width: 1280, height: 690, maximized: false });
  });

  it('keeps a window on the display it mostly covers', () => {
    const right = { x: 1920, y: 0, width: 1280, height: 1024 };
    expect(fitToWorkAreas({ x: 1900, y: 100, width: 800, height: 600, maximized: false }, [SCREEN, right])).toEqual({
      x: 1920,
      y: 100,
      width: 800,
      height: 600,
      maximized: false,
    });
    const state = { x: 5, y: 5, width: 100, height: 100, maximized: false };
    expect(fitToWorkAreas(state, [])).toBe(state);
  });
});

describe('electron-store settings', () => {
  it('keeps settings in <dataDir>/settings.json and leaves invalid files to the settings service', () => {
    const dataDir = tempDir();
    const store = electronStoreSettings(dataDir);
    expect(fake.storeOptions.at(-1)).toEqual({ cwd: dataDir, name: 'settings', clearInvalidConfig: false });
    expect(store.path).toBe(join(dataDir, 'settings.json'));
    store.store = { language: 'en' };
    expect(JSON.parse(readFileSync(store.path, 'utf8'))).toEqual({ language: 'en' });
  });
});

describe('host bundle', () => {
  it('bundles main, and a preload that requires nothing but electron', async () => {
    const bundle = await buildHost(tempDir('guardbook-bundle-'));
    const requires = (file: string) =>
      [...readFileSync(file, 'utf8').matchAll(/\brequire\("([^"]+)"\)/g)].map((match) => match[1]);
    expect(new Set(requires(bundle.preload))).toEqual(new Set(['electron']));
    const main = readFileSync(bundle.main, 'utf8');
    expect(requires(bundle.main)).toContain('electron');
    expect(main).toContain('preload.cjs');
    expect(main).not.toMatch(/require\("electron-store"\)/);
  }, 60_000);
});

// Last: importing main runs the whole start-up against the stand-in, on a temp app folder and data folder.
describe('main entry', () => {
  let appRoot: string;
  let dataDir: string;
  let window: FakeWindow;
  beforeAll(async () => {
    appRoot = tempDir('guardbook-app-');
    cpSync(PLANS_DIR, join(appRoot, 'plans'), { recursive: true });
    mkdirSync(join(appRoot, 'dist', 'renderer', 'assets'), { recursive: true });
    writeFileSync(join(appRoot, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Guardbook</title>');
    writeFileSync(join(appRoot, 'dist', 'renderer', 'assets', 'app.js'), 'void 0;');
    writeFileSync(join(appRoot, 'package.json'), '{"name":"guardbook"}');
    dataDir = tempDir('guardbook-data-');
    fake.app.appPath = appRoot;
    fake.app.paths.set('appData', tempDir('guardbook-appdata-'));
    vi.stubEnv('GUARDBOOK_DATA_DIR', dataDir);
    fake.FakeBrowserWindow.windows.length = 0;
    await import('../../electron/host/main');
    await vi.waitFor(() => expect(fake.FakeBrowserWindow.windows).toHaveLength(1));
    window = fake.FakeBrowserWindow.windows[0]!;
  });
  afterAll(() => {
    vi.unstubAllEnvs();
  });

  const ipc = (channel: string, input: unknown = {}) => {
    const handler = fake.ipcMain.handlers.get(ipcChannelFor(channel));
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler(TRUSTED, input);
  };

  it('registers the app scheme as privileged before the app is ready, and takes the single-instance lock', () => {
    expect(fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    const [registered] = fake.protocol.registerSchemesAsPrivileged.mock.invocationCallOrder;
    const [ready] = fake.app.whenReady.mock.invocationCallOrder;
    expect(registered).toBeLessThan(ready!);
    expect(fake.app.requestSingleInstanceLock).toHaveBeenCalledTimes(1);
  });

  it('keeps Chromium’s profile and the backend in the data folder given by --data-dir or GUARDBOOK_DATA_DIR', async () => {
    expect(fake.app.setPath).toHaveBeenCalledWith('userData', dataDir);
    expect(await ipc('app.info')).toMatchObject({
      ok: true,
      value: { host: 'electron', version: '9.9.9-test', dataDir },
    });
    expect(existsSync(join(dataDir, 'settings.json'))).toBe(true);
  });

  it('says where the data folder came from, and keeps the private key under the OS’s protection', async () => {
    expect(await ipc('app.info')).toMatchObject({ ok: true, value: { dataDirSource: 'environment' } });
    const keys = join(dataDir, 'keys');
    expect(existsSync(join(keys, 'installation-ed25519.key.pem'))).toBe(false);
    const sealed = readFileSync(join(keys, 'installation-ed25519.key.os'), 'utf8');
    expect(sealed).not.toContain('PRIVATE KEY');
    expect(fake.safeStorage.encryptStringAsync).toHaveBeenCalledTimes(1);
    expect(await ipc('records.integrity')).toMatchObject({ ok: true, value: { key: { protection: 'os' } } });
  });

  it('opens one secure window on the app URL, with the bundled preload beside main', () => {
    expect(window.options.webPreferences).toStrictEqual({
      ...MAIN_WINDOW_WEB_PREFERENCES,
      preload: expect.stringMatching(/[/\\]preload\.cjs$/),
    });
    expect(isAbsolute(window.options.webPreferences.preload as string)).toBe(true);
    expect(window.loadedUrls).toEqual(['app://guardbook/index.html']);
    expect(prevented(window.webContents, 'will-navigate', 'https://evil.example/')).toBe(true);
    expect(fake.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalledTimes(1);
    expect(fake.session.defaultSession.setPermissionCheckHandler).toHaveBeenCalledTimes(1);
  });

  it('serves the built renderer over app://guardbook/ with the CSP, and nothing else', async () => {
    const serve = fake.protocolHandlers.get('app');
    if (!serve) throw new Error('app: is not handled');
    const index = await serve(new Request('app://guardbook/index.html'));
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await index.text()).toContain('<title>Guardbook</title>');
    expect((await serve(new Request('app://guardbook/assets/app.js'))).status).toBe(200);
    for (const url of [
      'app://evil/index.html',
      'app://guardbook/missing.js',
      'app://guardbook/../package.json',
      'app://guardbook/..%2fpackage.json',
      'app://guardbook/..%2f..%2fplans%2ffire.json',
    ]) {
      expect((await serve(new Request(url))).status, url).toBe(404);
    }
    expect((await serve(new Request(APP_ENTRY_URL, { method: 'POST', body: 'x' }))).status).toBe(405);
  });

  it('serves every channel over IPC, pushes changes to the window, and relabels the menu', async () => {
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual(CHANNEL_NAMES.map(ipcChannelFor).sort());
    const labels = () => {
      const [template] = fake.Menu.buildFromTemplate.mock.calls.at(-1) as [MenuItem[]];
      return template.map((item) => item.label);
    };
    expect(fake.Menu.setApplicationMenu).toHaveBeenCalled();
    expect(labels()).toContain('编辑');

    expect(await ipc('settings.setPreferences', { language: 'en' })).toMatchObject({ ok: true });
    expect(window.webContents.sent).toContainEqual([
      IPC_PUSH_CHANNEL,
      'settings.changed',
      expect.objectContaining({ settings: expect.objectContaining({ language: 'en' }) }),
    ]);
    expect(labels()).toContain('Edit');
  });

  it('brings the first window forward when a second instance starts', () => {
    window.minimized = true;
    fake.app.emit('second-instance', {}, ['guardbook'], '/');
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });

  it('quits when the last window closes, except on macOS', () => {
    fake.app.quit.mockClear();
    fake.app.emit('window-all-closed');
    expect(fake.app.quit).toHaveBeenCalledTimes(process.platform === 'darwin' ? 0 : 1);
  });

  it('closes the backend before quitting: journals released, the history index written', async () => {
    const started = (await ipc('runs.start', { planId: 'fire', mode: 'drill' })) as { value: { runId: string } };
    const journal = join(dataDir, 'runs', `${started.value.runId}.jsonl`);
    expect(existsSync(`${journal}.lock`)).toBe(true); // open for writing while the app runs
    fake.app.quit.mockClear();
    const event = { preventDefault: vi.fn() };
    fake.app.emit('before-quit', event);
    expect(event.preventDefault).toHaveBeenCalledTimes(1); // the quit waits for the backend
    await vi.waitFor(() => expect(fake.app.quit).toHaveBeenCalledTimes(1));
    expect(existsSync(`${journal}.lock`)).toBe(false);
    const index = readFileSync(join(dataDir, 'runs', 'index.json'), 'utf8');
    expect(index).toContain(started.value.runId);
    const again = { preventDefault: vi.fn() };
    fake.app.emit('before-quit', again); // the second time round, the quit goes ahead
    expect(again.preventDefault).not.toHaveBeenCalled();
  });
});
