// Saves a run's export (JSON to verify elsewhere, CSV for Excel) as a file, through a Blob and <a download>.
import type { ChannelInput } from '../../../shared/api/channels';
import type { ApiClient } from '../../../shared/api/client';
import { saveBase64File, saveBlob } from '../components/saveBlob';

export async function downloadExport(api: ApiClient, runId: string, format: 'json' | 'csv'): Promise<void> {
  const file = await api.call('records.export', { runId, format });
  // The content is text as the backend made it (the CSV starts with its BOM); a Blob writes it as UTF-8.
  saveBlob(new Blob([file.content], { type: file.mime }), file.fileName);
}

/**
 * The runs the history shows (its filters, over a range of start instants) as one zip: journals, CSVs, an index
 * and the public key.
 */
export async function downloadBatch(api: ApiClient, shown: ChannelInput<'records.exportBatch'>): Promise<void> {
  const file = await api.call('records.exportBatch', shown);
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  saveBlob(new Blob([bytes], { type: file.mime }), file.fileName);
}

/** The printed record as a PDF (the Electron host's printToPDF). */
export async function downloadReportPdf(api: ApiClient, runId: string): Promise<void> {
  saveBase64File(await api.call('records.reportPdf', { runId }));
}
