// The JSON export of a run: the journal's exact bytes plus the public key that sealed it, so anyone can run
// `records verify` on it on another machine (and pin the key they were given separately).
import { z } from 'zod';

export const RUN_EXPORT_FORMAT = 'guardbook.run-export';

export const RunExportSchema = z.object({
  format: z.literal(RUN_EXPORT_FORMAT),
  version: z.literal(1),
  runId: z.string(),
  exportedAt: z.string(),
  /** The installation's public key (base64 SPKI DER) and its id. */
  publicKey: z.string().optional(),
  keyId: z.string().optional(),
  /** The journal file verbatim (JSON lines), so its hashes are checked on exactly what was written. */
  journal: z.string(),
});
export type RunExport = z.infer<typeof RunExportSchema>;

export function runExport(
  runId: string,
  journal: string,
  exportedAt: Date,
  key?: { publicKey: string; keyId: string },
): RunExport {
  return {
    format: RUN_EXPORT_FORMAT,
    version: 1,
    runId,
    exportedAt: exportedAt.toISOString(),
    ...(key ? { publicKey: key.publicKey, keyId: key.keyId } : {}),
    journal,
  };
}
