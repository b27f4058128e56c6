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
import type { BranchLibrary } from '../plans/branchLibrary';
import type { PersonRef } from '../../shared/library/libraryLog';
import { roleAtLeast, type User } from '../../shared/people/roles';
import type { RunEngine } from '../runs/runEngine';
import type { ExerciseStore } from '../drills/exerciseStore';
import type { EvaluationStore } from '../drills/evaluationStore';
import type { ActionTracker } from '../actions/actionTracker';
import { actionHandlers } from './actionHandlers';
import { trainingHandlers } from './trainingHandlers';
import type { TrainingStore } from '../training/trainingStore';
import type { ChecklistLibrary } from '../checklists/checklistLibrary';
import { checklistHandlers } from './checklistHandlers';
import { syncHandlers } from './syncHandlers';
import { hqHandlers } from './hqHandlers';
import type { ConsoleConnection } from '../hq/consoleConnection';
import type { SigningKey } from '../journal/signingKey';
import type { SyncService } from '../sync/syncService';
import type { HeadOfficeCredentials } from '../sync/credentials';
import type { InspectionStore } from '../inspections/inspectionStore';
import { inspectionHandlers } from './inspectionHandlers';
import { drillHandlers } from './drillHandlers';
import { drillCoverage } from './drillCoverage';
import type { ReportPrinter } from './reportPage';
import type { RecordsService } from '../records/recordsService';
import type { SettingsService } from '../settings/settingsService';

export interface Services {
  info: AppInfo;
  /** The key's fingerprint, the seal register's head, the re-check's progress. */
  integrity: () => RecordsIntegrity;
  plans: BranchLibrary;
  settings: SettingsService;
  runs: RunEngine;
  records: RecordsService;
  people: PeopleService;
  sessions: Sessions;
  audit: AuditLog;
  drills: ExerciseStore;
  evaluations: EvaluationStore;
  actions: ActionTracker;
  training: TrainingStore;
  /** The branch's checklist templates: inspections use their published versions. */
  checklists: ChecklistLibrary;
  inspections: InspectionStore;
  /** The exchange with head office, and the password it logs in with. */
  sync: SyncService;
  credentials: HeadOfficeCredentials;
  /** The head-office console's own connection (a head-office viewer login) and its password. */
  hqConsole: ConsoleConnection;
  hqConsoleCredentials: HeadOfficeCredentials;
  /** This installation's key (at head office, what its releases are signed with); throws where none could be read. */
  signingKey: () => SigningKey;
  now: () => Date;
  /** Renders a run's report page to PDF; only the Electron host has one (the browser edition prints). */
  reportPdf?: ReportPrinter;
}

export function createHandlers(services: Services): Handlers {
  const { people, sessions } = services;
  const actor = (caller: Caller) => sessions.requireUser(caller);
  const ref = (user: Pick<User, 'id' | 'name'>): PersonRef => ({ userId: user.id, name: user.name });
  const plans = services.plans;
  /** A new draft, on the audit trail with what it came from. */
  const draftStarted = (user: User, view: ReturnType<BranchLibrary['draft']>) => {
    const { draft } = view;
    people.audit('plan.draftStarted', user.id, {
      planId: draft.planId,
      origin: draft.origin,
      base: draft.base?.contentHash ?? null,
      ...(draft.importedFrom ? { fileName: draft.importedFrom } : {}),
    });
    return view;
  };
  return {
    'app.info': async () => services.info,
    'records.integrity': async () => services.integrity(),
    'plans.list': async () => services.plans.list(),
    'plans.get': async ({ id }) => services.plans.get(id),
    'plans.history': async ({ planId }) => plans.history(planId),
    'plans.version': async ({ planId, version }) => {
      const { plan, findings, file } = plans.version(planId, version);
      return { findings, file, ...(plan ? { plan } : {}) };
    },
    'plans.export': async ({ planId, version }, caller) => {
      const user = actor(caller);
      const file = plans.exportVersion(planId, version);
      people.audit('plan.exported', user.id, { planId, version: file.version });
      return { fileName: file.fileName, mime: 'application/json' as const, content: file.content };
    },
    'plans.draft': async ({ planId }) => plans.draft(planId),
    'plans.revise': async ({ planId }, caller) => {
      const user = actor(caller);
      // Revising a plan whose draft is open opens that draft: only a new one goes on the trail.
      if (plans.hasDraft(planId)) return plans.draft(planId);
      return draftStarted(user, plans.revise(planId, ref(user)));
    },
    'plans.saveDraft': async ({ planId, plan, revision }, caller) =>
      plans.saveDraft(planId, plan, revision, ref(actor(caller))),
    'plans.discardDraft': async ({ planId }, caller) => {
      const user = actor(caller);
      const draft = plans.discardDraft(planId);
      people.audit('plan.draftDiscarded', user.id, { planId, revision: draft.revision });
      return {};
    },
    'plans.submit': async ({ planId, note }, caller) => {
      const user = actor(caller);
      const view = plans.submit(planId, note, ref(user));
      people.audit('plan.submitted', user.id, { planId, contentHash: view.draft.submitted!.contentHash, note });
      return view;
    },
    'plans.sendBack': async ({ planId, comment }, caller) => {
      const user = actor(caller);
      const hash = plans.draft(planId).contentHash ?? '';
      const view = plans.sendBack(planId, comment, ref(user));
      people.audit('plan.sentBack', user.id, { planId, contentHash: hash, comment });
      return view;
    },
    'plans.approve': async ({ planId, contentHash, pin }, caller) => {
      // Approval is a signature: the PIN is asked again (with the same waits and lockouts as unlocking), and the
      // submitter may approve their own change only where nobody else could.
      const user = await people.checkPin(actor(caller).id, pin, false);
      const reviewers = people.list().filter((u) => !u.disabled && roleAtLeast(u.role, 'manager'));
      const { publication, before } = plans.approve(planId, ref(user), contentHash, reviewers.length <= 1);
      // The improvement actions this version answers are done, and say which version did it.
      services.actions.closedByVersion(
        (publication.forActions ?? []).map((a) => a.actionId),
        { planId, version: publication.version, contentHash: publication.contentHash },
        ref(user),
      );
      people.audit('plan.published', user.id, {
        planId,
        version: publication.version,
        before: before?.contentHash ?? null,
        after: publication.contentHash,
        author: publication.author?.name ?? '',
        selfApproved: publication.selfApproved,
      });
      return plans.get(planId).summary;
    },
    'plans.retire': async ({ planId, note }, caller) => {
      const user = actor(caller);
      const retired = plans.retire(planId, note, ref(user));
      people.audit('plan.retired', user.id, {
        planId,
        version: retired.version,
        contentHash: retired.contentHash,
        note,
      });
      return plans.get(planId).summary;
    },
    'plans.rollback': async ({ planId, version }, caller) => {
      const user = actor(caller);
      return draftStarted(user, plans.rollback(planId, version, ref(user)));
    },
    'plans.import': async ({ fileName, content }, caller) => {
      const user = actor(caller);
      const result = plans.importFile(fileName, content, ref(user));
      if (result.accepted) draftStarted(user, result.draft);
      return result;
    },
    'plans.takeTemplateUpdate': async ({ planId }, caller) => {
      const user = actor(caller);
      return draftStarted(user, plans.takeTemplateUpdate(planId, ref(user)));
    },
    'plans.dismissTemplateUpdate': async ({ planId }, caller) => {
      const user = actor(caller);
      const hash = plans.dismissTemplateUpdate(planId, ref(user));
      people.audit('plan.templateDismissed', user.id, { planId, templateHash: hash });
      return plans.get(planId).summary;
    },
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
    ...drillHandlers(
      services.drills,
      services.evaluations,
      people,
      sessions,
      services.reportPdf,
      () => drillCoverage(services),
      services.runs,
    ),
    ...trainingHandlers(services.training, services.drills, services.evaluations, plans, people, sessions),
    ...actionHandlers(services.actions, services.drills, plans, people, sessions, (caller, view) =>
      draftStarted(actor(caller), view),
    ),
    ...checklistHandlers(services.checklists, people, sessions),
    ...syncHandlers({ ...services, people, sessions, draftStarted }),
    ...hqHandlers({ ...services, console: services.hqConsole, credentials: services.hqConsoleCredentials }),
    ...inspectionHandlers(
      services.inspections,
      services.checklists,
      services.actions,
      people,
      sessions,
      services.settings,
      services.reportPdf,
    ),
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
      const pdf = await services.reportPdf({ kind: 'run', runId });
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
