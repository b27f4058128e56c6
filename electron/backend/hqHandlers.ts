// The head-office console's channels: its connection (an administrator's: a head-office viewer login, the password
// stored apart from settings), and the dashboard read through it (managers): coverage, incidents, inspections and
// unsynced branches in one answer, a branch's history, one record re-verified. Nothing is asked of head office before
// a connection is configured (`invalid-input`, saying so); head office unreachable is `storage`, saying where.
// Publishing (a manager's, the PIN asked again): a published version of this installation's plan library, signed
// with this installation's key — at head office, the key its branches pin, as `hq publish` signs.
import pg from 'pg';
import type { HqReleaseView, HqStatusView } from '../../shared/api/channels';
import type { Caller, Handlers } from '../../shared/api/dispatch';
import { ApiError, notFound } from '../../shared/api/errors';
import { addDays } from '../../shared/drills/coverage';
import { HQ_MESSAGES } from '../../shared/messages/hq';
import { formatLocalDate } from '../../shared/time/localTime';
import type { SigningKey } from '../journal/signingKey';
import type { PeopleService } from '../people/peopleService';
import type { BranchLibrary } from '../plans/branchLibrary';
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
import { listReleases, publishRelease, PublishError, type StoredRelease } from '../hq/publish';

type HqChannel = Extract<keyof Handlers, `hq.${string}`>;

export interface HqServices {
  console: ConsoleConnection;
  credentials: HeadOfficeCredentials;
  settings: SettingsService;
  people: PeopleService;
  sessions: Sessions;
  /** The plan library whose published versions are released to branches. */
  plans: Pick<BranchLibrary, 'exportVersion'>;
  /** This installation's key: at head office, the key its branches pin. */
  signingKey: () => SigningKey;
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
  const requireConfigured = () => {
    if (!connection.configured()) {
      throw new ApiError({ code: 'invalid-input', message: HQ_MESSAGES.consoleNotConfigured() });
    }
  };
  /** Runs queries on head office's database; refusals in words, never the password. */
  const ask = async <T>(work: (client: pg.ClientBase) => Promise<T>): Promise<T> => {
    requireConfigured();
    try {
      return await connection.use(work);
    } catch (error) {
      if (error instanceof PublishError) throw publishRefusal(error, connection.where() ?? '');
      const reason = error instanceof Error ? error.message : String(error);
      throw new ApiError({
        code: 'storage',
        message: HQ_MESSAGES.consoleUnreachable(connection.where() ?? '', reason),
      });
    }
  };
  return {
    'hq.status': async () => status(),
    'hq.releases': async () => (await ask((client) => listReleases(client))).map(releaseView),
    'hq.publish': async ({ planId, version, pin, ...terms }, caller) => {
      requireConfigured(); // before the PIN: nowhere to publish to
      const user = await people.checkPin(actor(caller).id, pin, false);
      const file = services.plans.exportVersion(planId, version);
      const key = services.signingKey();
      const published = await ask((client) => publishRelease(client, { planText: file.content, ...terms }, key));
      const { release, alreadyPublished, reach } = published;
      people.audit('hq.published', user.id, {
        planId: release.planId,
        version: release.version,
        contentHash: release.contentHash,
        scope: release.scope,
        mandatory: release.mandatory,
        effectiveDate: release.effectiveDate,
        where: connection.where() ?? '',
        alreadyPublished,
      });
      return { release: releaseView(published), alreadyPublished, reach };
    },
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

const releaseView = ({ release, publishedAt, publishedBy }: StoredRelease): HqReleaseView => ({
  ...release,
  publishedAt: publishedAt.toISOString(),
  publishedBy,
});

/** A refused publication in words: a login without the publisher role is told which role it needs. */
function publishRefusal(error: PublishError, where: string): ApiError {
  const denied = error.cause instanceof pg.DatabaseError && error.cause.code === '42501';
  if (denied) return new ApiError({ code: 'forbidden', message: HQ_MESSAGES.consoleCannotPublish(where) });
  const issues = error.findings.map((f) => ({ path: f.path, message: f.message.en }));
  return new ApiError({ code: 'invalid-input', message: error.text, ...(issues.length > 0 ? { issues } : {}) });
}
