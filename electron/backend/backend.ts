// Builds the backend for a host: services on a data directory, the handler map and the push hub.
import { mkdirSync } from 'node:fs';
import type { AppInfo } from '../../shared/api/channels';
import { dispatch, type Handlers } from '../../shared/api/dispatch';
import type { ApiResult } from '../../shared/api/errors';
import { PlanLibrary } from '../plans/planLibrary';
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
}

export interface Backend {
  handlers: Handlers;
  push: PushHub;
  /** Parses and runs one call from any transport. */
  call(channel: string, input: unknown): Promise<ApiResult<unknown>>;
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
  const handlers = createHandlers({ info, plans, settings });
  return {
    handlers,
    push,
    call: (channel, input) => dispatch(handlers, channel, input, (error) => log(`internal error in ${channel}`, error)),
  };
}
