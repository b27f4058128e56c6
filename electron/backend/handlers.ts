// The backend's handler map: plain functions over services, shared by the Electron and web hosts.
import type { AppInfo } from '../../shared/api/channels';
import type { Handlers } from '../../shared/api/dispatch';
import type { PlanLibrary } from '../plans/planLibrary';
import type { RunEngine } from '../runs/runEngine';
import type { RecordsService } from '../records/recordsService';
import type { SettingsService } from '../settings/settingsService';

export interface Services {
  info: AppInfo;
  plans: PlanLibrary;
  settings: SettingsService;
  runs: RunEngine;
  records: RecordsService;
}

export function createHandlers(services: Services): Handlers {
  return {
    'app.info': async () => services.info,
    'plans.list': async () => services.plans.list(),
    'plans.get': async ({ id }) => services.plans.get(id),
    'settings.get': async () => services.settings.state(),
    'settings.update': async (patch) => services.settings.update(patch),
    'settings.dismissNotice': async () => services.settings.dismissNotice(),
    'runs.start': async ({ planId, mode }) => services.runs.start(planId, mode, null),
    'runs.get': async ({ runId }) => services.runs.read(runId),
    'runs.command': async ({ runId, command }) =>
      services.runs.command(runId, command, services.runs.operatorOf(runId)),
    'runs.unfinished': async () => services.runs.unfinished(),
    'records.list': async (query) => services.records.list(query),
    'records.get': async ({ runId }) => services.records.get(runId),
    'records.export': async ({ runId, format }) => services.records.export(runId, format),
    'records.exportBatch': async ({ from, to }) => services.records.exportBatch(from, to),
  };
}
