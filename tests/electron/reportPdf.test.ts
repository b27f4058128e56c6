// The Electron host's PDF of a report: a hidden, hardened window loads the report page, waits until it is
// complete, prints A4 with printToPDF and is always destroyed. Electron itself is a stand-in here.
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ shell: { openExternal: vi.fn() } }));

const { createReportPrinter, reportUrl } = await import('../../electron/host/reportPdf');
const { MAIN_WINDOW_WEB_PREFERENCES } = await import('../../electron/host/window');

function standInWindow(readyAfterPolls: number, pdf = Buffer.from('%PDF-1.7')) {
  let polls = 0;
  const window = {
    loadURL: vi.fn(async (_url: string) => {}),
    destroy: vi.fn(),
    webContents: {
      id: 42,
      executeJavaScript: vi.fn(async (_code: string) => ++polls > readyAfterPolls),
      printToPDF: vi.fn(async (_options: unknown) => pdf),
    },
  };
  return window;
}

describe('createReportPrinter', () => {
  it('loads the report page in a hidden hardened window, waits for it, and prints A4', async () => {
    const window = standInWindow(3);
    const created: unknown[] = [];
    const print = createReportPrinter({
      createWindow: (options) => {
        created.push(options);
        return window as never;
      },
      preloadPath: '/app/out/host/preload.cjs',
    });
    expect((await print({ kind: 'run', runId: '20261129T010203Z-abcdef' })).toString()).toBe('%PDF-1.7');
    expect(created).toEqual([
      { show: false, webPreferences: { ...MAIN_WINDOW_WEB_PREFERENCES, preload: '/app/out/host/preload.cjs' } },
    ]);
    expect(window.loadURL).toHaveBeenCalledWith('app://guardbook/index.html#/records/20261129T010203Z-abcdef/report');
    expect(reportUrl({ kind: 'run', runId: 'x' })).toBe('app://guardbook/index.html#/records/x/report');
    expect(reportUrl({ kind: 'drill', exerciseId: 'ex-1' })).toBe('app://guardbook/index.html#/drills/ex-1/report');
    expect(window.webContents.executeJavaScript).toHaveBeenCalledTimes(4);
    expect(window.webContents.executeJavaScript.mock.calls[0]![0]).toContain('[data-ready="true"]');
    expect(window.webContents.printToPDF).toHaveBeenCalledWith({
      pageSize: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
    });
    expect(window.destroy).toHaveBeenCalledTimes(1);
  });

  it('lets the printing window read as its caller while it prints, and locks it again after', async () => {
    const window = standInWindow(0);
    const print = createReportPrinter({ createWindow: () => window as never, preloadPath: '/p.cjs' });
    const steps: string[] = [];
    window.loadURL.mockImplementation(async (url: string) => void steps.push(`load ${url}`));
    await print({ kind: 'drill', exerciseId: 'ex-1' }, (sessionId) => {
      steps.push(`unlock ${sessionId}`);
      return () => steps.push(`lock ${sessionId}`);
    });
    expect(steps).toEqual(['unlock ipc:42', 'load app://guardbook/index.html#/drills/ex-1/report', 'lock ipc:42']);
    expect(window.destroy).toHaveBeenCalledTimes(1);
  });

  it('destroys the window when printing fails', async () => {
    const window = standInWindow(0);
    window.webContents.printToPDF.mockRejectedValueOnce(new Error('printing failed'));
    const print = createReportPrinter({ createWindow: () => window as never, preloadPath: '/p.cjs' });
    await expect(print({ kind: 'run', runId: 'r-1' })).rejects.toThrow('printing failed');
    expect(window.destroy).toHaveBeenCalledTimes(1);
  });
});
