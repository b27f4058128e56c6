// The backend's handler map: plain functions over services, shared by the Electron and web hosts.
import type { AppInfo } from '../../shared/api/channels';
import type { Handlers } from '../../shared/api/dispatch';
import type { PlanLibrary } from '../plans/planLibrary';
import type { SettingsService } from '../settings/settingsService';

export interface Services {
  info: AppInfo;
  plans: PlanLibrary;
  settings: SettingsService;
}

export function createHandlers(services: Services): Handlers {
  return {
    'app.info': async () => services.info,
    'plans.list': async () => services.plans.list(),
    'plans.get': async ({ id }) => services.plans.get(id),
    'settings.get': async () => services.settings.state(),
    'settings.update': async (patch) => services.settings.update(patch),
    'settings.dismissNotice': async () => services.settings.dismissNotice(),
  };
}
