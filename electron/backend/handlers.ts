// The backend's handler map: plain functions over services, shared by the Electron and web hosts. Who may call
// what is checked before a handler runs (shared/api/access.ts, Sessions.authorize); handlers that act for a
// user take them from the caller's session.
import { ApiError } from '../../shared/api/errors';
import type { AppInfo, RecordsIntegrity } from '../../shared/api/channels';
import type { Caller, Handlers } from '../../shared/api/dispatch';
import type { AuditEntry } from '../../shared/audit/events';
import type { Settings } from '../../shared/settings/schema';
import { API_MESSAGES } from '../../shared/messages/api';
import type { AuditLog } from '../audit/auditLog';
import type { PeopleService } from '../people/peopleService';
import type { Sessions } from '../people/sessions';
import type { PlanLibrary } from '../plans/planLibrary';
import type { RunEngine } from '../runs/runEngine';
import type { RecordsService } from '../records/recordsService';
import type { SettingsService } from '../settings/settingsService';

export interface Services {
  info: AppInfo;
  /** The key's fingerprint, the seal register's head, the re-check's progress. */
  integrity: () => RecordsIntegrity;
  plans: PlanLibrary;
  settings: SettingsService;
  runs: RunEngine;
  records: RecordsService;
  people: PeopleService;
  sessions: Sessions;
  audit: AuditLog;
  /** Renders a run's report page to PDF; only the Electron host has one (the browser edition prints). */
  reportPdf?: (runId: string) => Promise<Buffer>;
}

export function createHandlers(services: Services): Handlers {
  const { people, sessions } = services;
  const actor = (caller: Caller) => sessions.requireUser(caller);
  return {
    'app.info': async () => services.info,
    'records.integrity': async () => services.integrity(),
    'plans.list': async () => services.plans.list(),
    'plans.get': async ({ id }) => services.plans.get(id),
    'settings.get': async () => services.settings.state(),
    'settings.update': async (patch, caller) => {
      const user = actor(caller);
      const before = services.settings.state().settings;
      const state = services.settings.update(patch);
      const changes = settingsChanges(before, state.settings);
      if (Object.keys(changes).length > 0) people.audit('settings.changed', user.id, { changes });
      return state;
    },
    'settings.setPreferences': async (patch) => services.settings.update(patch),
    'settings.dismissNotice': async () => services.settings.dismissNotice(),
    'session.get': async (_input, caller) => sessions.view(caller),
    'session.setOnDuty': async ({ userId }, caller) => {
      await people.setOnDuty(userId);
      return sessions.view(caller);
    },
    'session.unlock': async ({ userId, pin }, caller) => sessions.unlock(caller, userId, pin),
    'session.lock': async (_input, caller) => sessions.lock(caller),
    'session.touch': async (_input, caller) => sessions.touch(caller),
    'users.list': async () => people.list(),
    'users.setup': async ({ name, pin }, caller) => {
      sessions.unlockAs(caller, await people.setup(name, pin));
      return sessions.view(caller);
    },
    'users.add': async ({ name, role, pin }, caller) => people.add(actor(caller), name, role, pin),
    'users.update': async ({ userId, ...change }, caller) => people.update(actor(caller), userId, change),
    'users.resetPin': async ({ userId, pin }, caller) => {
      const admin = actor(caller);
      const user = await people.resetPin(admin, userId, pin);
      // Windows unlocked with the old PIN lock; the administrator's own window stays as it is.
      if (userId !== admin.id) sessions.lockUser(userId);
      return user;
    },
    'users.changePin': async ({ currentPin, newPin }, caller) => people.changePin(actor(caller).id, currentPin, newPin),
    'users.clearLockout': async ({ userId }, caller) => people.clearLockout(actor(caller), userId),
    'audit.list': async ({ offset, limit }) => {
      const entries = services.audit.entries;
      const end = Math.max(0, entries.length - offset);
      const page = entries.slice(Math.max(0, end - limit), end).reverse();
      return { entries: page as AuditEntry[], total: entries.length };
    },
    'audit.verify': async () => {
      const result = services.audit.verify();
      return {
        ok: result.ok,
        entries: result.events.length,
        headHash: result.events.at(-1)?.hash ?? '',
        ...(result.failure
          ? {
              failure: {
                line: result.failure.line,
                offset: result.failure.offset,
                reason: result.failure.reason,
                message: result.failure.message,
              },
            }
          : {}),
      };
    },
    'runs.start': async ({ planId, mode }, caller) => services.runs.start(planId, mode, sessions.personOf(caller)),
    'runs.escalate': async ({ runId, planId }, caller) =>
      services.runs.escalate(runId, planId, sessions.personOf(caller) ?? services.runs.operatorOf(runId)),
    'runs.get': async ({ runId }) => services.runs.read(runId),
    'runs.command': async ({ runId, command }, caller) => {
      const by = sessions.personOf(caller) ?? services.runs.operatorOf(runId);
      if (command.type !== 'signOff' || !command.pin) return services.runs.command(runId, command, by);
      // A PIN sign-off: the PIN is checked with the same waits and lockouts as unlocking (a wrong one is an error
      // and nothing reaches the journal), its use is on the audit trail, and only who it proved goes on.
      const { pin, ...signOff } = command;
      const user = await people.checkPin(pin.userId, pin.pin, false);
      people.audit('signOff.pinConfirmed', user.id, { userId: user.id, name: user.name, runId });
      return services.runs.command(runId, signOff, by, { userId: user.id, name: user.name });
    },
    'runs.unfinished': async () => services.runs.unfinished(),
    'records.list': async (query) => services.records.list(query),
    'records.get': async ({ runId }) => services.records.get(runId),
    'records.reportPdf': async ({ runId }) => {
      if (!services.reportPdf) {
        throw new ApiError({
          code: 'forbidden',
          message: API_MESSAGES.pdfInBrowser(),
        });
      }
      await services.records.get(runId); // an unknown run is not-found, not a blank PDF
      const pdf = await services.reportPdf(runId);
      return { fileName: `guardbook-${runId}.pdf`, mime: 'application/pdf' as const, base64: pdf.toString('base64') };
    },
    'records.export': async ({ runId, format }, caller) => {
      const user = actor(caller);
      const file = await services.records.export(runId, format);
      people.audit('records.exported', user.id, { format, runId });
      return file;
    },
    'records.exportBatch': async (query, caller) => {
      const user = actor(caller);
      const { runs, ...zip } = await services.records.exportBatch(query);
      people.audit('records.exported', user.id, { format: 'zip', from: query.from, to: query.to, runs });
      return zip;
    },
  };
}

/** Each top-level setting that changed, with its value before and after. */
function settingsChanges(before: Settings, after: Settings): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after) as (keyof Settings)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key]))
      changes[key] = { from: before[key], to: after[key] };
  }
  return changes;
}
