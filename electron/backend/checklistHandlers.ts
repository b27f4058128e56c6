// The checklist template channels: the plans' lifecycle on the branch's checklist library — a manager revises a
// template as a draft, submits it with a reason, another manager approves it with their PIN (or the only one,
// recorded as self-approved) and it becomes the version inspections use. Every change is on the audit trail.
import type { Caller, Handlers } from '../../shared/api/dispatch';
import type { AuditEventData } from '../../shared/audit/events';
import type { PersonRef } from '../../shared/library/libraryLog';
import { roleAtLeast, type User } from '../../shared/people/roles';
import type { ChecklistLibrary } from '../checklists/checklistLibrary';
import type { PeopleService } from '../people/peopleService';
import type { Sessions } from '../people/sessions';

type ChecklistChannel = Extract<keyof Handlers, `checklists.${string}`>;

export function checklistHandlers(
  library: ChecklistLibrary,
  people: PeopleService,
  sessions: Sessions,
): Pick<Handlers, ChecklistChannel> {
  const actor = (caller: Caller): { user: User; by: PersonRef } => {
    const user = sessions.requireUser(caller);
    return { user, by: { userId: user.id, name: user.name } };
  };
  const audit = (user: User, data: AuditEventData<'checklist.changed'>) =>
    people.audit('checklist.changed', user.id, data);
  /** A new draft, on the audit trail with where it came from. */
  const started = <V extends ReturnType<ChecklistLibrary['draft']>>(user: User, view: V): V => {
    const { draft } = view;
    audit(user, {
      checklistId: draft.planId,
      action: 'draftStarted',
      origin: draft.origin,
      before: draft.base?.contentHash ?? null,
      ...(draft.importedFrom ? { note: draft.importedFrom } : {}),
    });
    return view;
  };
  return {
    'checklists.list': async () => library.summaries(),
    'checklists.get': async ({ checklistId }) => library.detail(checklistId),
    'checklists.history': async ({ checklistId }) => library.history(checklistId),
    'checklists.version': async ({ checklistId, version }) => {
      const { doc, findings, file } = library.versionOf(checklistId, version);
      return { findings, file, ...(doc ? { checklist: doc } : {}) };
    },
    'checklists.export': async ({ checklistId, version }, caller) => {
      const { user } = actor(caller);
      const file = library.exportVersion(checklistId, version);
      audit(user, { checklistId, action: 'exported', version: file.version });
      return { fileName: file.fileName, mime: 'application/json' as const, content: file.content };
    },
    'checklists.draft': async ({ checklistId }) => library.draft(checklistId),
    'checklists.revise': async ({ checklistId }, caller) => {
      const { user, by } = actor(caller);
      // Revising a template whose draft is open opens that draft: only a new one goes on the trail.
      if (library.hasDraft(checklistId)) return library.draft(checklistId);
      return started(user, library.revise(checklistId, by));
    },
    'checklists.saveDraft': async ({ checklistId, checklist, revision }, caller) =>
      library.saveDraft(checklistId, checklist, revision, actor(caller).by),
    'checklists.discardDraft': async ({ checklistId }, caller) => {
      const { user } = actor(caller);
      library.discardDraft(checklistId);
      audit(user, { checklistId, action: 'draftDiscarded' });
      return {};
    },
    'checklists.submit': async ({ checklistId, note }, caller) => {
      const { user, by } = actor(caller);
      const view = library.submit(checklistId, note, by);
      audit(user, { checklistId, action: 'submitted', contentHash: view.draft.submitted!.contentHash, note });
      return view;
    },
    'checklists.sendBack': async ({ checklistId, comment }, caller) => {
      const { user, by } = actor(caller);
      const hash = library.draft(checklistId).contentHash;
      const view = library.sendBack(checklistId, comment, by);
      audit(user, { checklistId, action: 'sentBack', note: comment, ...(hash ? { contentHash: hash } : {}) });
      return view;
    },
    'checklists.approve': async ({ checklistId, contentHash, pin }, caller) => {
      // A signature, as for plans: the PIN asked again, and self-approval only where nobody else could approve.
      const user = await people.checkPin(actor(caller).user.id, pin, false);
      const reviewers = people.list().filter((u) => !u.disabled && roleAtLeast(u.role, 'manager'));
      const by = { userId: user.id, name: user.name };
      const { publication, before } = library.approve(checklistId, by, contentHash, reviewers.length <= 1);
      audit(user, {
        checklistId,
        action: 'published',
        version: publication.version,
        before: before?.contentHash ?? null,
        contentHash: publication.contentHash,
        selfApproved: publication.selfApproved,
      });
      return library.detail(checklistId).summary;
    },
    'checklists.retire': async ({ checklistId, note }, caller) => {
      const { user, by } = actor(caller);
      const retired = library.retire(checklistId, note, by);
      audit(user, { checklistId, action: 'retired', version: retired.version, contentHash: retired.contentHash, note });
      return library.detail(checklistId).summary;
    },
    'checklists.rollback': async ({ checklistId, version }, caller) => {
      const { user, by } = actor(caller);
      return started(user, library.rollback(checklistId, version, by));
    },
    'checklists.import': async ({ fileName, content }, caller) => {
      const { user, by } = actor(caller);
      const result = library.importFile(fileName, content, by);
      if (result.accepted) started(user, result.draft);
      return result;
    },
    'checklists.takeTemplateUpdate': async ({ checklistId }, caller) => {
      const { user, by } = actor(caller);
      return started(user, library.takeTemplateUpdate(checklistId, by));
    },
    'checklists.dismissTemplateUpdate': async ({ checklistId }, caller) => {
      const { user, by } = actor(caller);
      const hash = library.dismissTemplateUpdate(checklistId, by);
      audit(user, { checklistId, action: 'templateDismissed', contentHash: hash });
      return library.detail(checklistId).summary;
    },
  };
}
