// Builds the backend for a host: services on a data directory, the handler map and the push hub.
import { mkdirSync } from 'node:fs';
import type { AppInfo } from '../../shared/api/channels';
import { dispatch, type Caller, type Handlers } from '../../shared/api/dispatch';
import type { ApiResult } from '../../shared/api/errors';
import { join } from 'node:path';
import { loadOrCreateSigningKey, type SigningKey } from '../journal/signingKey';
import { PlanLibrary } from '../plans/planLibrary';
import { RunEngine } from '../runs/runEngine';
import { RecordsService } from '../records/recordsService';
import { confSettingsStore, type SettingsStoreFactory } from '../settings/settingsFile';
import { SettingsService } from '../settings/settingsService';
import { AuditLog } from '../audit/auditLog';
import { JournalLockedError } from '../journal/journalLock';
import { PeopleService } from '../people/peopleService';
import { Sessions } from '../people/sessions';
import { UserStore } from '../people/userStore';
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
  /** The clock for PIN waits, idle locks and on-duty claims (tests move it). */
  clock?: () => number;
}

/** The caller for in-process use (tests, the CLI): one session of its own. */
export const LOCAL_CALLER: Caller = Object.freeze({ sessionId: 'local' });

export interface Backend {
  handlers: Handlers;
  push: PushHub;
  /** Checks the caller's access, parses and runs one call from any transport. */
  call(channel: string, input: unknown, caller?: Caller): Promise<ApiResult<unknown>>;
  runs: RunEngine;
  people: PeopleService;
  sessions: Sessions;
  audit: AuditLog;
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
  const clock = options.clock ?? Date.now;
  const now = () => new Date(clock());
  // First of what is written: its lock makes a second app on this data folder fail before it touches a journal.
  const { audit, report } = openAudit(join(options.dataDir, 'audit'), signingKey().keyId, now);
  if (report.damaged) log('audit trail damaged; kept aside and a new one started', report.damaged.file);
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
  const people = new PeopleService({
    store: new UserStore(join(options.dataDir, 'people'), now),
    audit,
    clock,
    log: (message) => log('users', message),
    onChange: () => push.emit('people.changed', {}),
  });
  const sessions = new Sessions(people, () => settings.state().settings.idleLockMinutes * 60_000, clock);
  const handlers = createHandlers({
    info,
    plans,
    settings,
    runs,
    records,
    people,
    sessions,
    audit,
    ...(options.reportPdf ? { reportPdf: options.reportPdf } : {}),
  });
  return {
    handlers,
    push,
    runs,
    people,
    sessions,
    audit,
    close: async () => {
      await runs.close();
      await records.close();
      audit.close();
    },
    call: (channel, input, caller = LOCAL_CALLER) =>
      dispatch(handlers, channel, input, {
        caller,
        authorize: (access, who) => sessions.authorize(access, who),
        onInternalError: (error) => log(`internal error in ${channel}`, error),
      }),
  };
}

/** The audit trail, or a plain refusal when another Guardbook (or the CLI) has this data folder open. */
function openAudit(dir: string, installation: string, now: () => Date): ReturnType<typeof AuditLog.open> {
  try {
    return AuditLog.open(dir, installation, now);
  } catch (error) {
    if (!(error instanceof JournalLockedError)) throw error;
    throw new Error(
      `另一个 Guardbook 正在使用此数据目录 / another Guardbook is using this data folder (${error.holder})`,
      { cause: error },
    );
  }
}
