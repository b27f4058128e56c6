// The head-office channels: the connection an administrator sets (the password stored apart from settings, the
// head-office key pinned), the exchange's status for managers, a pass on request, and the plan versions head office
// released to this branch, which a manager takes as drafts. A pass that cannot get through is reported in the
// status, never thrown at the caller.
import type { SyncStatusView } from '../../shared/api/channels';
import type { Caller, Handlers } from '../../shared/api/dispatch';
import type { PersonRef } from '../../shared/library/libraryLog';
import type { User } from '../../shared/people/roles';
import { effectiveTimeZone, formatLocalDate } from '../../shared/time/localTime';
import type { PeopleService } from '../people/peopleService';
import type { Sessions } from '../people/sessions';
import type { BranchLibrary, DraftView } from '../plans/branchLibrary';
import type { SettingsService } from '../settings/settingsService';
import type { HeadOfficeCredentials } from '../sync/credentials';
import type { SyncService } from '../sync/syncService';
import { fingerprintOf } from '../journal/signingKey';

type SyncChannel = Extract<keyof Handlers, `sync.${string}` | 'plans.releases' | 'plans.takeRelease'>;

export interface SyncServices {
  sync: SyncService;
  credentials: HeadOfficeCredentials;
  plans: BranchLibrary;
  settings: SettingsService;
  people: PeopleService;
  sessions: Sessions;
  now: () => Date;
  draftStarted: (user: User, view: DraftView) => DraftView;
}

export function syncHandlers(services: SyncServices): Pick<Handlers, SyncChannel> {
  const { sync, credentials, plans, settings, people, sessions } = services;
  const ref = (user: User): PersonRef => ({ userId: user.id, name: user.name });
  const actor = (caller: Caller) => sessions.requireUser(caller);
  const status = (): SyncStatusView => ({
    ...sync.status(),
    headOffice: settings.state().settings.headOffice,
    password: credentials.kind(),
  });
  return {
    'sync.status': async () => status(),
    'sync.configure': async ({ password, ...headOffice }, caller) => {
      const admin = actor(caller);
      if (password) await credentials.set(password);
      settings.update({ headOffice });
      people.audit('sync.configured', admin.id, {
        host: headOffice.host,
        port: headOffice.port,
        database: headOffice.database,
        user: headOffice.user,
        sslMode: headOffice.sslMode,
        keyFingerprint: headOffice.publicKey ? fingerprintOf(headOffice.publicKey) : '',
        passwordChanged: password !== undefined,
      });
      sync.kick();
      return status();
    },
    'sync.now': async () => {
      if (sync.status().configured) await sync.syncOnce().catch(() => {}); // the failure is in the status
      return status();
    },
    'plans.releases': async () => {
      const zone = effectiveTimeZone(settings.state().settings.timeZone);
      const titles = new Map(
        sync.releasedPlans().map((r) => [`${r.release.planId}@${r.release.version}`, r.plan.title]),
      );
      return plans.releaseOffers(formatLocalDate(services.now(), zone)).map((offer) => {
        const title = titles.get(`${offer.planId}@${offer.version}`);
        return {
          ...offer,
          title: {
            'zh-CN': title?.['zh-CN'] || title?.en || offer.planId,
            en: title?.en || title?.['zh-CN'] || offer.planId,
          },
        };
      });
    },
    'plans.takeRelease': async ({ planId, version }, caller) => {
      const user = actor(caller);
      return services.draftStarted(user, plans.takeHeadOfficeRelease(planId, version, ref(user)));
    },
  };
}
