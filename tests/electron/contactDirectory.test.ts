// The branch's contact directory: the one number rule (directory first, else the plan, else none), the contacts a
// plan leaves unfilled, a settings file of the previous release (`phones`) migrated in a real temp folder, and the run
// engine recording the directory's number in `contact.called`.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/backend';
import { loadOrCreateSigningKey } from '../../electron/journal/signingKey';
import { SealRegister } from '../../electron/journal/sealRegister';
import type { PlanLibrary } from '../../electron/plans/planLibrary';
import { RunEngine } from '../../electron/runs/runEngine';
import { confSettingsStore, readOnlySettingsStore, SETTINGS_FILE_NAME } from '../../electron/settings/settingsFile';
import { migrateSettings } from '../../electron/settings/settingsMigration';
import { SettingsService } from '../../electron/settings/settingsService';
import {
  contactIdsOf,
  contactNumber,
  contactNumbers,
  unfilledContacts,
  type PhoneDirectory,
} from '../../shared/contacts/directory';
import type { SettingsState } from '../../shared/api/channels';
import type { AuditEntry } from '../../shared/audit/events';
import type { Plan } from '../../shared/plan/schema';
import type { RunView } from '../../shared/run/runView';
import { DEFAULT_SETTINGS, SettingsSchema } from '../../shared/settings/schema';
import { call, setupAdmin } from '../support/people';
import { BUNDLED_PLANS_DIR, bundledLibrary, TestClock } from '../support/runJournal';

const tempDirs: string[] = [];
afterEach(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'guardbook-contacts-'));
  tempDirs.push(dir);
  return dir;
}

/** A plan with a numbered contact, one left to the branch, and one named only by a step inside a track. */
const plan = {
  contacts: [
    { id: 'police', name: { 'zh-CN': '报警' }, phone: '110' },
    { id: 'head-office-security', name: { 'zh-CN': '上级行安全保卫部门' } },
  ],
  steps: [
    { id: 'alarm', kind: 'action', title: {}, next: 'split', contacts: ['police', 'head-office-security'] },
    {
      id: 'split',
      kind: 'parallel',
      title: {},
      next: 'done',
      tracks: [
        {
          role: 'guard',
          start: 'call-cit',
          steps: [
            { id: 'call-cit', kind: 'action', title: {}, next: 'guard-done', contacts: ['cit-company', 'police'] },
            { id: 'guard-done', kind: 'end' },
          ],
        },
      ],
    },
    { id: 'ask', kind: 'decision', title: {}, options: [], contacts: ['property-management'] },
    { id: 'done', kind: 'end', title: {}, outcome: 'resolved' },
  ],
} as unknown as Pick<Plan, 'contacts' | 'steps'>;

const entry = (...phones: string[]) => ({ name: { 'zh-CN': '', en: '' }, role: '', phones, notes: '' });

describe('the number rule', () => {
  it('dials the directory’s first number, before the plan’s own', () => {
    const directory: PhoneDirectory = { police: entry('12110', '0571-110') };
    expect(contactNumber(plan, 'police', directory)).toBe('12110');
    expect(contactNumbers(plan, 'police', directory)).toEqual(['12110', '0571-110']);
  });

  it('falls back to the plan’s number when the directory has none for the id', () => {
    expect(contactNumber(plan, 'police', {})).toBe('110');
    expect(contactNumber(plan, 'police', { 'head-office-security': entry('021-5555 0101') })).toBe('110');
    expect(contactNumbers(plan, 'police', { police: entry() })).toEqual(['110']); // an entry with no number
  });

  it('has no number when neither the directory nor the plan gives one', () => {
    expect(contactNumber(plan, 'head-office-security', {})).toBeUndefined();
    expect(contactNumbers(plan, 'head-office-security', {})).toEqual([]);
    expect(contactNumber(plan, 'nobody', {})).toBeUndefined();
    // Ids are slugs, and `constructor` is one: nothing on Object.prototype is taken for an entry.
    expect(contactNumber(plan, 'constructor', {})).toBeUndefined();
  });

  it('fills a contact the plan leaves to the branch, and copies rather than shares the list', () => {
    const directory = { 'head-office-security': entry('021-5555 0101', '021-5555 0102') };
    const numbers = contactNumbers(plan, 'head-office-security', directory);
    expect(numbers).toEqual(['021-5555 0101', '021-5555 0102']);
    numbers.pop();
    expect(directory['head-office-security'].phones).toHaveLength(2);
  });
});

describe('unfilledContacts', () => {
  it('lists every contact id the plan uses, steps and tracks included, once each', () => {
    expect(contactIdsOf(plan)).toEqual(['police', 'head-office-security', 'cit-company', 'property-management']);
  });

  it('names the ids with neither a plan number nor a directory number', () => {
    expect(unfilledContacts(plan, {})).toEqual(['head-office-security', 'cit-company', 'property-management']);
    expect(
      unfilledContacts(plan, { 'head-office-security': entry('021-5555 0101'), 'cit-company': entry('95555') }),
    ).toEqual(['property-management']);
    expect(unfilledContacts(plan, { 'property-management': entry() })).toContain('property-management');
  });

  it('finds what each bundled plan leaves to the branch', async () => {
    const library = await bundledLibrary();
    const robbery = library.get('armed-robbery').plan!;
    expect(unfilledContacts(robbery, {})).toEqual(['head-office-security']);
    expect(unfilledContacts(robbery, { 'head-office-security': entry('0571-8888 1234') })).toEqual([]);
    const all = new Set(library.list().flatMap((s) => unfilledContacts(library.get(s.id).plan!, {})));
    expect([...all].sort()).toEqual([
      'cit-company',
      'head-office-security',
      'it-helpdesk',
      'local-police-station',
      'property-management',
    ]);
  });
});

describe('a settings file of the previous release', () => {
  const OLD_FILE = {
    language: 'en',
    branch: { name: '城东支行营业部', code: '0571-0012' },
    phones: { 'head-office-security': '0571-8888 1234', 'cit-company': '95555' },
    sound: false,
    theme: 'standard',
    idleLockMinutes: 5,
    timeZone: '',
  };
  const MIGRATED = {
    'head-office-security': entry('0571-8888 1234'),
    'cit-company': entry('95555'),
  };

  it('becomes directory entries with nothing lost, and is written back in the new shape', () => {
    const dir = tempDir();
    const file = join(dir, SETTINGS_FILE_NAME);
    writeFileSync(file, JSON.stringify(OLD_FILE));
    const state = new SettingsService(dir, confSettingsStore).state();
    expect(state.notice).toBeUndefined(); // not a damaged file: nothing set aside
    const { phones: _old, ...kept } = OLD_FILE;
    // Fields that release did not have take their defaults (head office: not configured).
    expect(state.settings).toEqual({
      ...kept,
      contacts: MIGRATED,
      headOffice: DEFAULT_SETTINGS.headOffice,
      headOfficeConsole: DEFAULT_SETTINGS.headOfficeConsole,
    });
    expect(readdirSync(dir)).toEqual([SETTINGS_FILE_NAME]);
    const written = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(written).toEqual(state.settings);
    expect(written).not.toHaveProperty('phones');
    // The next start reads the new shape as it is.
    expect(new SettingsService(dir, confSettingsStore).state()).toEqual({ settings: state.settings });
  });

  it('keeps its numbers in a data folder that cannot be written, without touching the file', () => {
    const dir = tempDir();
    const file = join(dir, SETTINGS_FILE_NAME);
    const bytes = JSON.stringify(OLD_FILE);
    writeFileSync(file, bytes);
    const state = new SettingsService(dir, readOnlySettingsStore, () => {}, undefined, true).state();
    expect(state.settings.contacts).toEqual(MIGRATED);
    expect(readFileSync(file, 'utf8')).toBe(bytes);
  });

  it('reaches the API and the runner’s numbers through the backend', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, SETTINGS_FILE_NAME), JSON.stringify(OLD_FILE));
    const backend = await createBackend({ dataDir: dir, plansDir: BUNDLED_PLANS_DIR, host: 'web', version: '0' });
    try {
      const got = await call<SettingsState>(backend, 'settings.get', {});
      expect(got.settings.contacts).toEqual(MIGRATED);
      const { runId } = await call<RunView>(backend, 'runs.start', { planId: 'armed-robbery', mode: 'drill' });
      await call(backend, 'runs.command', { runId, command: { type: 'complete', step: 'press-alarm' } });
      const view = await call<RunView>(backend, 'runs.command', {
        runId,
        command: { type: 'called', step: 'call-police', contact: 'head-office-security' },
      });
      expect(view.called).toEqual([
        expect.objectContaining({ contact: 'head-office-security', phone: '0571-8888 1234' }),
      ]);
    } finally {
      await backend.close();
    }
  });

  it('is migrated only when it is exactly the old shape; anything else is judged as it is', () => {
    expect(migrateSettings({ phones: { x: '110' } })).toEqual({ contacts: { x: entry('110') } });
    expect(migrateSettings({ phones: {} })).toEqual({ contacts: {} });
    for (const odd of [
      { phones: { x: '110' }, contacts: {} }, // both shapes
      { phones: ['110'] },
      { phones: { x: 110 } },
      { phones: null },
      null,
      [1, 2],
      'phones',
    ]) {
      expect(migrateSettings(odd)).toBe(odd);
    }
    expect(migrateSettings(DEFAULT_SETTINGS)).toBe(DEFAULT_SETTINGS);
    // A migrated number the old release would have refused is refused now too (and the file kept aside).
    expect(SettingsSchema.safeParse(migrateSettings({ phones: { x: 'call me' } })).success).toBe(false);
  });
});

describe('the run engine', () => {
  let library: PlanLibrary;
  beforeAll(async () => {
    library = await bundledLibrary();
  });

  it('records in contact.called the number the directory gives, as it is when the call is made', async () => {
    const dir = tempDir();
    let directory: PhoneDirectory = { 'head-office-security': entry('021-5555 0101', '021-5555 0102') };
    const clock = new TestClock();
    const key = loadOrCreateSigningKey(dir);
    const engine = new RunEngine({
      runsDir: join(dir, 'runs'),
      plans: library,
      signingKey: () => key,
      register: SealRegister.open(dir, key.keyId),
      branch: () => ({ name: '', code: '' }),
      directory: () => directory,
      onChange: () => {},
      now: clock.now,
      schedule: () => () => {},
    });
    try {
      const { runId } = await engine.start('armed-robbery', 'drill', '张三');
      await engine.command(runId, { type: 'complete', step: 'press-alarm' }, null);
      const call = (contact: string) => engine.command(runId, { type: 'called', step: 'call-police', contact }, null);
      await call('head-office-security');
      await call('police'); // no directory entry: the plan's own number
      directory = { police: entry('12110') }; // changed in Settings mid-run: the next call records the new number
      await call('police');
      directory = {};
      const view = await call('head-office-security'); // neither: recorded as no number
      expect(view.called.map((c) => [c.contact, c.phone])).toEqual([
        ['head-office-security', '021-5555 0101'],
        ['police', '110'],
        ['police', '12110'],
        ['head-office-security', ''],
      ]);
      const journal = readFileSync(join(dir, 'runs', `${runId}.jsonl`), 'utf8');
      const phones = journal
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { type: string; data: { phone?: string } })
        .filter((e) => e.type === 'contact.called')
        .map((e) => e.data.phone);
      expect(phones).toEqual(['021-5555 0101', '110', '12110', '']);
    } finally {
      await engine.close();
    }
  });
});

describe('settings.update through the backend', () => {
  it('saves a directory a manager sends and puts each changed contact on the audit trail', async () => {
    const dir = tempDir();
    const backend = await createBackend({ dataDir: dir, plansDir: BUNDLED_PLANS_DIR, host: 'web', version: '0' });
    try {
      await setupAdmin(backend);
      const contacts = { 'head-office-security': { ...entry('0571-8888 1234', '0571-8888 5678'), role: '保卫处' } };
      const saved = await call<SettingsState>(backend, 'settings.update', { contacts });
      expect(saved.settings.contacts).toEqual(contacts);
      const audit = await call<{ entries: AuditEntry[] }>(backend, 'audit.list', {});
      expect(audit.entries[0]).toMatchObject({
        type: 'settings.changed',
        data: { changes: { contacts: { from: {}, to: contacts } } },
      });
    } finally {
      await backend.close();
    }
  });
});
