// The printable record as a PDF in the Electron host: the report page is loaded in a hidden window (same
// hardened preferences as the main one) and printed with webContents.printToPDF, A4 as its CSS asks.
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { APP_ENTRY_URL, mainWindowWebPreferences } from './window';

const READY_TIMEOUT_MS = 10_000;

export interface ReportPdfDeps {
  createWindow: (options: BrowserWindowConstructorOptions) => BrowserWindow;
  preloadPath: string;
}

export function reportUrl(runId: string): string {
  return `${APP_ENTRY_URL}#/records/${encodeURIComponent(runId)}/report`;
}

export function createReportPrinter(deps: ReportPdfDeps): (runId: string) => Promise<Buffer> {
  return async (runId) => {
    const window = deps.createWindow({ show: false, webPreferences: mainWindowWebPreferences(deps.preloadPath) });
    try {
      await window.loadURL(reportUrl(runId));
      // The page loads its data through the API after the document is ready: wait until the form is there.
      const deadline = Date.now() + READY_TIMEOUT_MS;
      while (
        !(await window.webContents.executeJavaScript(
          'document.querySelector(\'.report-sheet[data-ready="true"]\') !== null',
        ))
      ) {
        if (Date.now() > deadline) throw new Error(`the report of ${runId} did not render`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return await window.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
    } finally {
      window.destroy();
    }
  };
}
