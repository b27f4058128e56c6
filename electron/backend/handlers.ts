// The backend's handler map: plain functions over services, shared by the Electron and web hosts.
import { ApiError } from '../../shared/api/errors';
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
  /** Renders a run's report page to PDF; only the Electron host has one (the browser edition prints). */
  reportPdf?: (runId: string) => Promise<Buffer>;
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
    'records.reportPdf': async ({ runId }) => {
      if (!services.reportPdf) {
        throw new ApiError({
          code: 'forbidden',
          message: {
            'zh-CN': '浏览器版请在报告页点击“打印”，选择“另存为 PDF”',
            en: 'In the browser edition, use Print on the report page and choose “Save as PDF”',
          },
        });
      }
      await services.records.get(runId); // an unknown run is not-found, not a blank PDF
      const pdf = await services.reportPdf(runId);
      return { fileName: `guardbook-${runId}.pdf`, mime: 'application/pdf' as const, base64: pdf.toString('base64') };
    },
    'records.export': async ({ runId, format }) => services.records.export(runId, format),
    'records.exportBatch': async ({ from, to }) => services.records.exportBatch(from, to),
  };
}
