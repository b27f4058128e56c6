// Which printable page the Electron host renders to PDF: a run's record, a drill's report, an inspection's report.
export type ReportPage =
  { kind: 'run'; runId: string } | { kind: 'drill'; exerciseId: string } | { kind: 'inspection'; inspectionId: string };

/**
 * Lets the hidden window that prints a page read what its caller may: given that window's session id before the
 * page loads, it unlocks the session as the caller and answers how to lock it again (a drill's report is a
 * trainer's to read; a run's record is anyone's and needs none).
 */
export type GrantSession = (sessionId: string) => () => void;

export type ReportPrinter = (page: ReportPage, grant?: GrantSession) => Promise<Buffer>;

/** The page's address in the app (the renderer's router reads the same). */
export function reportHash(page: ReportPage): string {
  switch (page.kind) {
    case 'run':
      return `#/records/${encodeURIComponent(page.runId)}/report`;
    case 'drill':
      return `#/drills/${encodeURIComponent(page.exerciseId)}/report`;
    case 'inspection':
      return `#/inspections/${encodeURIComponent(page.inspectionId)}/report`;
  }
}
