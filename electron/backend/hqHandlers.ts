// The head-office console's channels: its connection (an administrator's: a head-office viewer login, the password
// stored apart from settings), and the dashboard read through it (managers): coverage, incidents, inspections and
// unsynced branches in one answer, a branch's history, one record re-verified. Nothing is asked of head office before
// a connection is configured (`invalid-input`, saying so); head office unreachable is `storage`, saying where.
import type pg from 'pg';
import type { HqStatusView } from '../../shared/api/channels';
import type { Caller, Handlers } from '../../shared/api/dispatch';
import { ApiError, notFound } from '../../shared/api/errors';
import { addDays } from '../../shared/drills/coverage';
import { HQ_MESSAGES } from '../../shared/messages/hq';
import { formatLocalDate } from '../../shared/time/localTime';
import type { PeopleService } from '../people/peopleService';
import type { Sessions } from '../people/sessions';
import type { SettingsService } from '../settings/settingsService';
import type { HeadOfficeCredentials } from '../sync/credentials';
import type { ConsoleConnection } from '../hq/consoleConnection';
import {
  branchHistory,
  coverageMatrix,
  HQ_ZONE,
  incidentsByMonth,
  inspectionSummary,
  recordDetail,
  unsyncedBranches,
} from '../hq/dashboard';

type HqChannel = Extract<keyof Handlers, `hq.${string}`>;

export interface HqServices {
  console: ConsoleConnection;
  credentials: HeadOfficeCredentials;
  settings: SettingsService;
  people: PeopleService;
  sessions: Sessions;
  now: () => Date;
}

export function hqHandlers(services: HqServices): Pick<Handlers, HqChannel> {
  const { console: connection, credentials, settings, people, sessions } = services;
  const actor = (caller: Caller) => sessions.requireUser(caller);
  const status = (): HqStatusView => ({
    configured: connection.configured(),
    console: settings.state().settings.headOfficeConsole,
    password: credentials.kind(),
  });
  /** Runs queries on head office's database; refusals in words, never the password. */
  const ask = async <T>(work: (client: pg.ClientBase) => Promise<T>): Promise<T> => {
    if (!connection.configured()) {
      throw new ApiError({ code: 'invalid-input', message: HQ_MESSAGES.consoleNotConfigured() });
    }
    try {
      return await connection.use(work);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new ApiError({
        code: 'storage',
        message: HQ_MESSAGES.consoleUnreachable(connection.where() ?? '', reason),
      });
    }
  };
  return {
    'hq.status': async () => status(),
    'hq.configure': async ({ password, ...console }, caller) => {
      const admin = actor(caller);
      if (password) await credentials.set(password);
      settings.update({ headOfficeConsole: console });
      people.audit('hq.configured', admin.id, {
        host: console.host,
        port: console.port,
        database: console.database,
        user: console.user,
        sslMode: console.sslMode,
        passwordChanged: password !== undefined,
      });
      return status();
    },
    'hq.dashboard': async ({ today, staleDays, from, to }) => {
      const day = today ?? formatLocalDate(services.now(), HQ_ZONE);
      // The last twelve months by default: from the first of the month eleven months back.
      const range = { from: from ?? `${addDays(`${day.slice(0, 7)}-01`, -334).slice(0, 7)}-01`, to: to ?? day };
      return ask(async (client) => ({
        coverage: await coverageMatrix(client, { today: day, staleDays }),
        range,
        incidents: await incidentsByMonth(client, range),
        inspections: await inspectionSummary(client, range),
        unsynced: await unsyncedBranches(client, { staleDays }),
      }));
    },
    'hq.branch': async ({ code, limit, before }) => {
      const history = await ask((client) => branchHistory(client, code, { limit, ...(before ? { before } : {}) }));
      if (!history) throw notFound(HQ_MESSAGES.branchUnknown(code));
      return history;
    },
    'hq.record': async ({ code, kind, recordId }) => {
      const detail = await ask((client) => recordDetail(client, code, kind, recordId));
      if (!detail) throw notFound(HQ_MESSAGES.recordUnknown(code, kind, recordId));
      return detail;
    },
  };
}
