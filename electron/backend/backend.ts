// Builds the backend for a host: services on a data directory, the handler map and the push hub.
import { mkdirSync } from 'node:fs';
import type { AppInfo } from '../../shared/api/channels';
import { dispatch, type Handlers } from '../../shared/api/dispatch';
import type { ApiResult } from '../../shared/api/errors';
import { join } from 'node:path';
import { loadOrCreateSigningKey, type SigningKey } from '../journal/signingKey';
import { PlanLibrary } from '../plans/planLibrary';
import { RunEngine } from '../runs/runEngine';
import { RecordsService } from '../records/recordsService';
import { confSettingsStore, type SettingsStoreFactory } from '../settings/settingsFile';
import { SettingsService } from '../settings/settingsService';
import { createHandlers } from './handlers';
import { PushHub } from './pushHub';

export interface BackendOptions {
  dataDir: string;
  plansDir: string;
  host: AppInfo['host'];
  version: string;
  settingsStore?: SettingsStoreFactory;
  log?: (message: string, error?: unknown) => void;
  /** The Electron host's printToPDF of a run's report page. */
  reportPdf?: (runId: string) => Promise<Buffer>;
}

export interface Backend {
  handlers: Handlers;
  push: PushHub;
  /** Parses and runs one call from any transport. */
  call(channel: string, input: unknown): Promise<ApiResult<unknown>>;
  runs: RunEngine;
  /** Closes open journals (releasing their locks). */
  close(): Promise<void>;
}

export async function createBackend(options: BackendOptions): Promise<Backend> {
  mkdirSync(options.dataDir, { recursive: true });
  const push = new PushHub();
  const log = options.log ?? ((message, error) => process.stderr.write(`${message}: ${String(error)}\n`));
  const settings = new SettingsService(options.dataDir, options.settingsStore ?? confSettingsStore, (state) =>
    push.emit('settings.changed', state),
  );
  const plans = await PlanLibrary.loadBundled(options.plansDir);
  const info: AppInfo = {
    name: 'Guardbook',
    version: options.version,
    host: options.host,
    dataDir: options.dataDir,
    platform: process.platform,
  };
  let key: SigningKey | undefined;
  const signingKey = () => (key ??= loadOrCreateSigningKey(options.dataDir));
  const runsDir = join(options.dataDir, 'runs');
  mkdirSync(runsDir, { recursive: true });
  const records = await RecordsService.open(runsDir, signingKey);
  const runs = new RunEngine({
    runsDir,
    plans,
    signingKey,
    branch: () => settings.state().settings.branch,
    phones: () => settings.state().settings.phones,
    onChange: (view) => {
      records.runChanged(view.runId);
      push.emit('run.changed', view);
    },
  });
  const { failed } = await runs.resumeUnfinished((runId) => records.isSealed(runId));
  for (const f of failed) log(`run ${f.runId} could not be reopened`, f.error);
  const handlers = createHandlers({
    info,
    plans,
    settings,
    runs,
    records,
    ...(options.reportPdf ? { reportPdf: options.reportPdf } : {}),
  });
  return {
    handlers,
    push,
    runs,
    close: async () => {
      await runs.close();
      await records.close();
    },
    call: (channel, input) => dispatch(handlers, channel, input, (error) => log(`internal error in ${channel}`, error)),
  };
}
