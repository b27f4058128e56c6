// Which printable page the Electron host renders to PDF: a run's record, or a drill's report.
export type ReportPage = { kind: 'run'; runId: string } | { kind: 'drill'; exerciseId: string };

/** The page's address in the app (the renderer's router reads the same). */
export function reportHash(page: ReportPage): string {
  return page.kind === 'run'
    ? `#/records/${encodeURIComponent(page.runId)}/report`
    : `#/drills/${encodeURIComponent(page.exerciseId)}/report`;
}
