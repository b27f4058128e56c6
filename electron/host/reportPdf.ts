// A printable page (a run's record, a drill's report) as a PDF in the Electron host: the page is loaded in a hidden window (same
// hardened preferences as the main one) and printed with webContents.printToPDF, A4 as its CSS asks.
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { reportHash, type ReportPage, type ReportPrinter } from '../backend/reportPage';
import { APP_ENTRY_URL, mainWindowWebPreferences } from './window';

const READY_TIMEOUT_MS = 10_000;

export interface ReportPdfDeps {
  createWindow: (options: BrowserWindowConstructorOptions) => BrowserWindow;
  preloadPath: string;
}

export function reportUrl(page: ReportPage): string {
  return `${APP_ENTRY_URL}${reportHash(page)}`;
}

export function createReportPrinter(deps: ReportPdfDeps): ReportPrinter {
  return async (page, grant) => {
    const window = deps.createWindow({ show: false, webPreferences: mainWindowWebPreferences(deps.preloadPath) });
    // The IPC bridge names a window's session after its webContents (electron/host/ipc.ts).
    const release = grant?.(`ipc:${window.webContents.id}`);
    try {
      await window.loadURL(reportUrl(page));
      // The page loads its data through the API after the document is ready: wait until the form is there.
      const deadline = Date.now() + READY_TIMEOUT_MS;
      while (
        !(await window.webContents.executeJavaScript(
          'document.querySelector(\'.report-sheet[data-ready="true"]\') !== null',
        ))
      ) {
        if (Date.now() > deadline) throw new Error(`the report ${reportHash(page)} did not render`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return await window.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
    } finally {
      release?.();
      window.destroy();
    }
  };
}
