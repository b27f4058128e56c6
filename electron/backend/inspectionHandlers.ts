// The inspections channels: templates, planning (an unannounced inspection planned ahead is its planner's alone until
// it begins), conducting item by item with photos, signing (the inspector's PIN asked again) and the scorecard. Every
// change but an answer, a note or a photo (which are in the inspection's own journal) is on the audit trail.
import type { Caller, Handlers } from '../../shared/api/dispatch';
import { ApiError } from '../../shared/api/errors';
import { countBySeverity } from '../../shared/checklist/findings';
import type { Checklist } from '../../shared/checklist/schema';
import { scorecardOf } from '../../shared/inspections/scorecard';
import type { PersonRef } from '../../shared/library/libraryLog';
import { API_MESSAGES } from '../../shared/messages/api';
import type { User } from '../../shared/people/roles';
import { effectiveTimeZone } from '../../shared/time/localTime';
import type { ActionTracker } from '../actions/actionTracker';
import type { ChecklistSource } from '../inspections/checklistSource';
import type { InspectionStore } from '../inspections/inspectionStore';
import type { PeopleService } from '../people/peopleService';
import type { Sessions } from '../people/sessions';
import type { SettingsService } from '../settings/settingsService';
import type { ReportPrinter } from './reportPage';

type InspectionChannel = Extract<keyof Handlers, `inspections.${string}`>;

export function inspectionHandlers(
  inspections: InspectionStore,
  checklists: ChecklistSource,
  actions: ActionTracker,
  people: PeopleService,
  sessions: Sessions,
  settings: SettingsService,
  reportPdf: ReportPrinter | undefined,
): Pick<Handlers, InspectionChannel> {
  const inspector = (caller: Caller): { user: User; by: PersonRef } => {
    const user = sessions.requireUser(caller);
    return { user, by: { userId: user.id, name: user.name } };
  };
  const viewer = (caller: Caller) => sessions.userOf(caller)?.id;
  return {
    'inspections.checklists': async () =>
      checklists.list().map((c) => {
        const items = c.checklist?.sections.flatMap((s) => s.items) ?? [];
        const title = c.checklist?.shortTitle ?? c.checklist?.title;
        return {
          id: c.id,
          version: c.version,
          contentHash: c.contentHash,
          ...(c.checklist ? { use: c.checklist.use } : {}),
          title: { 'zh-CN': title?.['zh-CN'] ?? c.id, en: title?.en ?? c.id },
          items: items.length,
          critical: items.filter((i) => i.critical).length,
          ...countBySeverity(c.findings),
        };
      }),
    'inspections.checklist': async ({ checklistId }) => {
      const { checklist, version, contentHash } = checklists.use(checklistId);
      return { checklist, version, contentHash };
    },
    'inspections.list': async (_input, caller) => inspections.list(viewer(caller)),
    'inspections.get': async ({ inspectionId }, caller) => inspections.get(inspectionId, viewer(caller)),
    'inspections.plan': async ({ plan }, caller) => {
      const { user, by } = inspector(caller);
      const planned = inspections.plan(plan, by);
      people.audit('inspection.changed', user.id, {
        inspectionId: planned.id,
        action: 'planned',
        announced: plan.announced,
        // An unannounced inspection's template would say what is coming: the trail names it by id only.
        ...(plan.announced ? { checklistId: plan.checklistId } : {}),
      });
      return planned;
    },
    'inspections.cancel': async ({ inspectionId, reason }, caller) => {
      const { user, by } = inspector(caller);
      const cancelled = inspections.cancel(inspectionId, reason, by);
      people.audit('inspection.changed', user.id, { inspectionId, action: 'cancelled', reason });
      return cancelled;
    },
    'inspections.start': async (input, caller) => {
      const { user, by } = inspector(caller);
      const view = inspections.start(input, by);
      people.audit('inspection.changed', user.id, {
        inspectionId: view.summary.id,
        checklistId: view.summary.checklistId,
        action: 'started',
        announced: view.summary.announced,
      });
      return view;
    },
    'inspections.answer': async ({ inspectionId, itemId, answer }, caller) =>
      inspections.answer(inspectionId, itemId, answer, inspector(caller).by),
    'inspections.note': async ({ inspectionId, itemId, note }, caller) =>
      inspections.note(inspectionId, itemId, note, inspector(caller).by),
    'inspections.attach': async ({ inspectionId, itemId, file }, caller) =>
      inspections.attach(inspectionId, itemId, file.name, Buffer.from(file.base64, 'base64'), inspector(caller).by),
    'inspections.attachment': async ({ inspectionId, sha256 }, caller) => {
      const file = inspections.attachment(inspectionId, sha256, viewer(caller));
      return { name: file.name, mime: file.mime, base64: file.bytes.toString('base64') };
    },
    'inspections.signOff': async ({ inspectionId, pin, ...input }, caller) => {
      // Signing is a signature: the PIN is asked again, with the waits and lockouts of unlocking.
      const user = await people.checkPin(inspector(caller).user.id, pin, false);
      const view = inspections.signOff(inspectionId, input, { userId: user.id, name: user.name });
      people.audit('inspection.changed', user.id, {
        inspectionId,
        checklistId: view.summary.checklistId,
        action: 'signedOff',
        percent: view.signedOff?.percent ?? null,
        passed: view.signedOff?.passed ?? false,
      });
      return view;
    },
    'inspections.reportPdf': async ({ inspectionId }, caller) => {
      if (!reportPdf) throw new ApiError({ code: 'forbidden', message: API_MESSAGES.pdfInBrowser() });
      const { user } = inspector(caller);
      inspections.get(inspectionId, user.id); // unknown or hidden: not-found, not a blank PDF
      const pdf = await reportPdf({ kind: 'inspection', inspectionId }, (sessionId) => {
        sessions.unlockAs({ sessionId }, user);
        return () => void sessions.lock({ sessionId });
      });
      return {
        fileName: `guardbook-inspection-${inspectionId}.pdf`,
        mime: 'application/pdf' as const,
        base64: pdf.toString('base64'),
      };
    },
    'inspections.scorecard': async () => {
      const templates = new Map<string, Checklist>();
      for (const c of checklists.list()) if (c.checklist) templates.set(c.id, c.checklist);
      return scorecardOf(
        inspections.summaries(),
        actions.list(),
        templates,
        effectiveTimeZone(settings.state().settings.timeZone),
      );
    },
  };
}
