// Builds the backend for a host: services on a data directory, the handler map and the push hub.
import { mkdirSync } from 'node:fs';
import type { AppInfo, RecordsIntegrity } from '../../shared/api/channels';
import { dispatch, type Caller, type Handlers } from '../../shared/api/dispatch';
import type { ApiResult } from '../../shared/api/errors';
import { join } from 'node:path';
import {
  fingerprintOf,
  keyIdOf,
  loadInstallationKey,
  readPublicKey,
  type KeyProtector,
  type SigningKey,
} from '../journal/signingKey';
import { SealRegister } from '../journal/sealRegister';
import { memoryJournals } from '../runs/journalStore';
import { recordingProblem, type DataDirSource } from '../dataDir';
import { ApiError } from '../../shared/api/errors';
import { FILE_MESSAGES } from '../../shared/messages/files';
import { inBothLanguages } from '../../shared/text';
import { BranchLibrary } from '../plans/branchLibrary';
import { RunEngine } from '../runs/runEngine';
import { DRILLS_DIR, ExerciseStore } from '../drills/exerciseStore';
import type { ReportPrinter } from './reportPage';
import { EvaluationStore } from '../drills/evaluationStore';
import { ActionTracker } from '../actions/actionTracker';
import { TrainingStore } from '../training/trainingStore';
import { ChecklistLibrary } from '../checklists/checklistLibrary';
import { HeadOfficeCredentials } from '../sync/credentials';
import { evaluationRecords, inspectionRecords, runRecords } from '../sync/sealedRecords';
import { SyncService } from '../sync/syncService';
import { ConsoleConnection, loadConsoleCredentials } from '../hq/consoleConnection';
import { connectionOf, type RectificationState } from '../sync/headOfficeLink';
import type { ActionView } from '../../shared/actions/actionView';
import { INSPECTIONS_DIR } from '../../shared/inspections/inspectionLog';
import { EVALUATIONS_DIR } from '../drills/evaluationStore';
import { InspectionStore } from '../inspections/inspectionStore';
import { effectiveTimeZone } from '../../shared/time/localTime';
import { RecordsService } from '../records/recordsService';
import { confSettingsStore, readOnlySettingsStore, type SettingsStoreFactory } from '../settings/settingsFile';
import { SettingsService } from '../settings/settingsService';
import { AuditLog } from '../audit/auditLog';
import { JournalLockedError } from '../journal/journalLock';
import { PeopleService } from '../people/peopleService';
import type { PinHashCost } from '../people/pinHash';
import { Sessions } from '../people/sessions';
import { UserStore } from '../people/userStore';
import { createHandlers } from './handlers';
import { PushHub } from './pushHub';

export interface BackendOptions {
  dataDir: string;
  /** Where the data folder came from; anything but the default is shown on every screen and audited. */
  dataDirSource?: DataDirSource;
  /** The OS's protection for the private key (Electron safeStorage), where the host has one. */
  keyProtector?: KeyProtector;
  plansDir: string;
  host: AppInfo['host'];
  version: string;
  settingsStore?: SettingsStoreFactory;
  log?: (message: string, error?: unknown) => void;
  /** The Electron host's printToPDF of a report page (a run's record, a drill's report). */
  reportPdf?: ReportPrinter;
  /** The clock for PIN waits, idle locks and on-duty claims (tests move it). */
  clock?: () => number;
  /** Tests only: a cheap scrypt cost for new PIN hashes (no host passes it; the default is production's). */
  pinHashCost?: PinHashCost;
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
  records: RecordsService;
  register: SealRegister;
  /** Closes open journals (releasing their locks). */
  close(): Promise<void>;
}

export async function createBackend(options: BackendOptions): Promise<Backend> {
  const push = new PushHub();
  const log = options.log ?? ((message, error) => process.stderr.write(`${message}: ${String(error)}\n`));
  const clock = options.clock ?? Date.now;
  const now = () => new Date(clock());
  // Emergencies never wait: a data folder that cannot be written (read-only, a file, no permission) still gives
  // a working app that shows the plans and follows them on screen, and says everywhere that nothing is recorded.
  const unrecorded = recordingProblem(options.dataDir);
  if (unrecorded) log('nothing can be recorded', unrecorded.message.en);
  const readOnly = unrecorded !== undefined;
  // The plan library's findings depend on the contact directory: told when (only when) the directory changes, as a
  // plans.changed push makes every window load the plan list again.
  const library: { plans?: BranchLibrary; contacts?: string } = {};
  const settings = new SettingsService(
    options.dataDir,
    readOnly ? readOnlySettingsStore : (options.settingsStore ?? confSettingsStore),
    (state) => {
      push.emit('settings.changed', state);
      const contacts = JSON.stringify(state.settings.contacts);
      if (library.plans && contacts !== library.contacts) library.plans.refresh();
      library.contacts = contacts;
    },
    now,
    readOnly,
  );
  const dataDirSource = options.dataDirSource ?? 'default';
  const info: AppInfo = {
    name: 'Guardbook',
    version: options.version,
    host: options.host,
    dataDir: options.dataDir,
    dataDirSource,
    platform: process.platform,
    ...(unrecorded ? { recordingUnavailable: unrecorded.message } : {}),
  };
  const key: SigningKey | undefined = readOnly
    ? undefined
    : await loadInstallationKey(options.dataDir, options.keyProtector);
  const signingKey = (): SigningKey => {
    if (key) return key;
    throw new ApiError({ code: 'storage', message: unrecorded!.message });
  };
  const installationKey = key?.publicKey ?? readPublicKey(options.dataDir);
  const installation = installationKey ? keyIdOf(installationKey) : 'unrecorded';
  // First of what is written: its lock makes a second app on this data folder fail before it touches a journal.
  let audit: AuditLog;
  if (readOnly) audit = AuditLog.openInMemory(join(options.dataDir, 'audit'), installation, now);
  else {
    const opened = openAudit(join(options.dataDir, 'audit'), installation, now);
    audit = opened.audit;
    if (opened.report.damaged) log('audit trail damaged; kept aside and a new one started', opened.report.damaged.file);
  }
  if (dataDirSource !== 'default' && !readOnly) {
    // A changed shortcut pointing the app at another folder (with its own key and "verified" records) is on record.
    audit.append('app.dataDir', null, { dir: options.dataDir, source: dataDirSource });
  }
  // The branch's plans: seeded from the bundled templates at first start, then the branch's own versions.
  const plans = await BranchLibrary.open({
    dataDir: options.dataDir,
    templatesDir: options.plansDir,
    installation,
    now,
    readOnly,
    directory: () => settings.state().settings.contacts,
    // Bound late: the exchange with head office starts once every register it sends from is open.
    releases: () => late.sync?.releasedPlans() ?? [],
    onChange: () => push.emit('plans.changed', {}),
  });
  /** Set once every register it sends from is open; callbacks before then have nothing to tell it. */
  const late: { sync?: SyncService } = {};
  library.plans = plans;
  library.contacts = JSON.stringify(settings.state().settings.contacts);
  for (const problem of plans.problems) log('plan library', problem.en);
  const register = readOnly
    ? SealRegister.openInMemory(options.dataDir, installation, now)
    : SealRegister.open(options.dataDir, installation, now);
  if (register.problem) log('seal register damaged', register.problem.en);
  const runsDir = join(options.dataDir, 'runs');
  if (!readOnly) mkdirSync(runsDir, { recursive: true, mode: 0o700 });
  const records = await RecordsService.open(runsDir, signingKey, {
    register,
    installationKey: () => installationKey,
    onChanged: () => {
      push.emit('records.changed', {});
      late.sync?.kick(); // something may have been sealed: send it soon
    },
    clock,
    timeZone: () => settings.state().settings.timeZone,
  });
  const runs = new RunEngine({
    runsDir,
    ...(readOnly ? { journals: memoryJournals() } : {}),
    plans,
    signingKey,
    register,
    branch: () => settings.state().settings.branch,
    directory: () => settings.state().settings.contacts,
    onChange: (view) => {
      if (!readOnly) records.runChanged(view.runId);
      // Just after the caller's own answer has gone out: the window that tapped waits for that answer to paint
      // the next step, and a push sent first made it read the same view twice beforehand. Order is kept (FIFO).
      setImmediate(() => push.emit('run.changed', view));
    },
  });
  const { failed } = await runs.resumeUnfinished();
  for (const f of failed) log(`run ${f.runId} could not be reopened`, f.error);
  // After the runs are open: an exercise under way delivers the injects that fell due while the app was closed.
  const drills = ExerciseStore.open({
    dataDir: options.dataDir,
    installation,
    plans,
    runs,
    readOnly,
    // No test clock: the run engine keeps real time, and scenario time counts from the run's own start.
    onChange: () => push.emit('drills.changed', {}),
    log: (message) => log('drills', message),
  });
  for (const problem of drills.problems) log('drills log', problem);
  const actions = ActionTracker.open({
    dataDir: options.dataDir,
    installation,
    readOnly,
    now,
    timeZone: () => effectiveTimeZone(settings.state().settings.timeZone),
    onChange: () => {
      push.emit('actions.changed', {});
      late.sync?.kick(); // a rectification's status may have changed: head office hears of it soon
    },
  });
  for (const problem of actions.problems) log('actions log', problem);
  const training = TrainingStore.open({ dataDir: options.dataDir, installation, plans, readOnly, now });
  const evaluations = new EvaluationStore({
    dataDir: options.dataDir,
    exercises: drills,
    runs,
    signingKey,
    readOnly,
    onChange: () => {
      push.emit('drills.changed', {});
      late.sync?.kick(); // a sealed evaluation is sent soon
    },
  });
  // The branch's checklist templates, seeded from the bundled ones as the plans are.
  const checklists = await ChecklistLibrary.open({
    dataDir: options.dataDir,
    templatesDir: join(options.plansDir, 'checklists'),
    installation,
    now,
    readOnly,
    onChange: () => push.emit('checklists.changed', {}),
  });
  for (const problem of checklists.problems) log('checklist library', problem.en);
  const inspections = InspectionStore.open({
    dataDir: options.dataDir,
    installation,
    checklists,
    actions,
    signingKey,
    installationKey: () => installationKey,
    branch: () => settings.state().settings.branch.name,
    timeZone: () => effectiveTimeZone(settings.state().settings.timeZone),
    readOnly,
    // No test clock, as the drills stores: a journal's times are the machine's. The other windows hear of a change
    // just after the caller's own answer has gone out (as run.changed): a push first made the tapping window load
    // the whole inspection again before it could show its own answer.
    onChange: () => {
      setImmediate(() => push.emit('inspections.changed', {}));
      late.sync?.kick(); // a sealed inspection is sent soon
    },
  });
  for (const problem of inspections.problems) log('inspections', problem);
  const credentials = await HeadOfficeCredentials.load(options.dataDir, options.keyProtector);
  const sync = SyncService.open({
    dataDir: options.dataDir,
    installation,
    readOnly,
    now,
    sealed: () => [
      ...runRecords(register.all(), runsDir),
      ...evaluationRecords(
        drills.states().flatMap((e) => (e.evaluationSeal ? [{ exerciseId: e.id, head: e.evaluationSeal.head }] : [])),
        join(options.dataDir, DRILLS_DIR, EVALUATIONS_DIR),
      ),
      ...inspectionRecords(inspections.sealedHeads(), join(options.dataDir, INSPECTIONS_DIR)),
    ],
    register: () => ({ seals: register.size, head: register.head }),
    rectifications: () => inspectionRectifications(actions.list()),
    connection: () => connectionOf(settings.state().settings.headOffice, credentials.password()),
    pinnedKey: () => settings.state().settings.headOffice.publicKey || undefined,
    onChange: () => push.emit('sync.changed', {}),
    log: (message) => log('sync', message),
  });
  late.sync = sync;
  const hqConsoleCredentials = await loadConsoleCredentials(options.dataDir, options.keyProtector);
  const hqConsole = new ConsoleConnection(() =>
    connectionOf(settings.state().settings.headOfficeConsole, hqConsoleCredentials.password()),
  );
  if (!readOnly) sync.start(); // in the background: does nothing until an administrator configures head office
  void records.startRecheck(); // in the background: Home never waits for it
  const people = new PeopleService({
    store: new UserStore(join(options.dataDir, 'people'), now, readOnly),
    audit,
    clock,
    ...(options.pinHashCost ? { pinHashCost: options.pinHashCost } : {}),
    log: (message) => log('users', message),
    onChange: () => push.emit('people.changed', {}),
  });
  const sessions = new Sessions(people, () => settings.state().settings.idleLockMinutes * 60_000, clock);
  const integrity = (): RecordsIntegrity => ({
    key: installationKey
      ? {
          keyId: keyIdOf(installationKey),
          fingerprint: fingerprintOf(installationKey),
          protection: key?.protection ?? 'file',
        }
      : null,
    register: { seals: register.size, head: register.head, ...(register.problem ? { problem: register.problem } : {}) },
    check: records.checkProgress(),
  });
  const handlers = createHandlers({
    info,
    integrity,
    plans,
    settings,
    runs,
    records,
    people,
    sessions,
    audit,
    drills,
    evaluations,
    actions,
    training,
    checklists,
    inspections,
    sync,
    credentials,
    hqConsole,
    hqConsoleCredentials,
    signingKey,
    now,
    ...(options.reportPdf ? { reportPdf: options.reportPdf } : {}),
  });
  return {
    handlers,
    push,
    runs,
    people,
    sessions,
    audit,
    records,
    register,
    close: async () => {
      drills.close();
      inspections.close();
      actions.close();
      training.close();
      await runs.close();
      await records.close();
      register.close();
      sync.close();
      hqConsole.close();
      plans.close();
      checklists.close();
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
    throw new Error(inBothLanguages(FILE_MESSAGES.dataFolderInUse(error.holder)), { cause: error });
  }
}

/** Each inspection rectification as it stands, with when it last changed (its latest history entry, else opening). */
function inspectionRectifications(actions: readonly ActionView[]): RectificationState[] {
  return actions.flatMap((a) =>
    a.spec.source.kind === 'inspection'
      ? [
          {
            actionId: a.id,
            inspectionId: a.spec.source.inspectionId,
            itemId: a.spec.source.itemId,
            status: a.status,
            due: a.spec.due,
            changedAt: a.history.at(-1)?.at ?? a.opened.at,
          },
        ]
      : [],
  );
}
