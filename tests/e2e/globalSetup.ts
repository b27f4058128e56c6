// Builds the renderer once before the browser tests, if its sources changed since the last build.
import { buildRendererIfStale } from '../../electron/build/buildRenderer';

export default async function globalSetup(): Promise<void> {
  await buildRendererIfStale((line) => process.stdout.write(`${line}\n`));
}
