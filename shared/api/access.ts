// Who may call each channel. The backend checks this before it even parses the input; the UI only uses it to
// hide what the unlocked role cannot do. A new channel does not compile until it is listed here.
import type { Access } from '../people/roles';
import type { Channel } from './channels';

export const CHANNEL_ACCESS = {
  'app.info': 'anyone',
  'plans.list': 'anyone',
  'plans.get': 'anyone',
  'plans.history': 'anyone',
  'plans.version': 'anyone',
  // Plans leave the machine as files only for staff; drafts are read by trainers and written by managers, and
  // publishing (approve), sending back, retiring and rolling back are a manager's (the maker-checker rule is the
  // backend's: see plans.approve).
  'plans.export': 'trainer',
  'plans.draft': 'trainer',
  'plans.revise': 'manager',
  'plans.saveDraft': 'manager',
  'plans.discardDraft': 'manager',
  'plans.submit': 'manager',
  'plans.sendBack': 'manager',
  'plans.approve': 'manager',
  'plans.retire': 'manager',
  'plans.rollback': 'manager',
  'plans.import': 'manager',
  'plans.takeTemplateUpdate': 'manager',
  'plans.dismissTemplateUpdate': 'manager',
  'settings.get': 'anyone',
  'settings.update': 'manager',
  'settings.setPreferences': 'anyone',
  'settings.dismissNotice': 'anyone',
  'session.get': 'anyone',
  'session.setOnDuty': 'anyone',
  'session.unlock': 'anyone',
  'session.lock': 'anyone',
  'session.touch': 'anyone',
  'users.list': 'anyone',
  // Refused by the backend once any user exists: it creates the first administrator only.
  'users.setup': 'anyone',
  'users.add': 'admin',
  'users.update': 'admin',
  'users.resetPin': 'admin',
  'users.changePin': 'guard',
  'users.clearLockout': 'admin',
  'audit.list': 'manager',
  'audit.verify': 'manager',
  // Emergencies never wait: starting and running a run needs no PIN.
  'runs.start': 'anyone',
  'runs.escalate': 'anyone',
  'runs.get': 'anyone',
  'runs.command': 'anyone',
  'runs.unfinished': 'anyone',
  // Reading and printing records is open; handing them out as files is recorded and needs a trainer or above.
  'records.list': 'anyone',
  'records.get': 'anyone',
  'records.reportPdf': 'anyone',
  'records.integrity': 'anyone',
  'records.export': 'trainer',
  'records.exportBatch': 'trainer',
  // Exercises are the trainer's: a guard can neither see one (an unannounced drill must stay unannounced) nor
  // declare a run a drill.
  'drills.list': 'trainer',
  'drills.get': 'trainer',
  'drills.plan': 'trainer',
  'drills.update': 'trainer',
  'drills.cancel': 'trainer',
  'drills.start': 'trainer',
  'drills.declare': 'trainer',
  'drills.pause': 'trainer',
  'drills.resume': 'trainer',
  'drills.fire': 'trainer',
  'drills.evaluation': 'trainer',
  'drills.rate': 'trainer',
  'drills.note': 'trainer',
  'drills.close': 'trainer',
  'drills.reportPdf': 'trainer',
  'drills.coverage': 'trainer',
  'drills.trends': 'trainer',
  // Improvement actions: tracked by trainers; revising a plan for one is a manager's, as any revision.
  'actions.list': 'trainer',
  'actions.open': 'trainer',
  'actions.update': 'trainer',
  'actions.finish': 'trainer',
  'actions.revisePlan': 'manager',
  // Rectifications: whoever owns one reports it fixed (a guard, their own only: the backend checks); a second person,
  // a trainer or above, checks it. Inspections: read by staff who unlocked (guards see results, never edit); planned,
  // conducted and signed by trainers and managers, the branch's inspectors (no separate role: see ARCHITECTURE.md).
  'actions.mine': 'guard',
  'actions.fix': 'guard',
  'actions.check': 'trainer',
  'actions.evidence': 'guard',
  'inspections.checklists': 'trainer',
  'inspections.checklist': 'trainer',
  'inspections.list': 'guard',
  'inspections.get': 'guard',
  'inspections.plan': 'trainer',
  'inspections.cancel': 'trainer',
  'inspections.start': 'trainer',
  'inspections.answer': 'trainer',
  'inspections.note': 'trainer',
  'inspections.attach': 'trainer',
  'inspections.attachment': 'guard',
  'inspections.signOff': 'trainer',
  'inspections.reportPdf': 'trainer',
  'inspections.scorecard': 'guard',
  // Self-study: anyone unlocked as themselves (the result goes into their record); the records are a trainer's.
  'training.quiz': 'guard',
  'training.submit': 'guard',
  'training.records': 'trainer',
} as const satisfies Record<Channel, Access>;

export function accessOf(channel: Channel): Access {
  return CHANNEL_ACCESS[channel];
}
