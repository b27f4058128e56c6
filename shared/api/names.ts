// The names of API channels and push events alone, without their schemas: small enough for the preload
// script, which exposes one function per channel. channels.ts checks that both lists stay in step.
export const CHANNEL_NAMES = [
  'app.info',
  'plans.list',
  'plans.get',
  'settings.get',
  'settings.update',
  'settings.setPreferences',
  'settings.dismissNotice',
  'session.get',
  'session.setOnDuty',
  'session.unlock',
  'session.lock',
  'session.touch',
  'users.list',
  'users.setup',
  'users.add',
  'users.update',
  'users.resetPin',
  'users.changePin',
  'users.clearLockout',
  'audit.list',
  'audit.verify',
  'runs.start',
  'runs.escalate',
  'runs.get',
  'runs.command',
  'runs.unfinished',
  'records.list',
  'records.reportPdf',
  'records.get',
  'records.integrity',
  'records.export',
  'records.exportBatch',
] as const;

export const PUSH_EVENT_NAMES = [
  'settings.changed',
  'plans.changed',
  'run.changed',
  'people.changed',
  'records.changed',
] as const;

/** IPC channel names: one per API channel, and one for pushes to the renderer. */
export const ipcChannelFor = (channel: string): string => `guardbook:${channel}`;
export const IPC_PUSH_CHANNEL = 'guardbook:push';
