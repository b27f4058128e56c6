// Settings over the real conf store in temp dirs: defaults, persistence, validation, repair of a corrupt file
// (kept byte for byte, with a notice) and write failures that change nothing.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { setupAdmin } from '../support/people';
import { createBackend } from '../../electron/backend/backend';
import { confSettingsStore, SETTINGS_FILE_NAME, type SettingsStoreFactory } from '../../electron/settings/settingsFile';
import { SettingsService } from '../../electron/settings/settingsService';
import type { SettingsState } from '../../shared/api/channels';
import { ApiError } from '../../shared/api/errors';
import { DIRECTORY_CONTACTS_MAX } from '../../shared/limits';
import {
  applySettingsPatch,
  DEFAULT_SETTINGS,
  SettingsPatchSchema,
  SettingsSchema,
  type Settings,
} from '../../shared/settings/schema';

const PLANS_DIR = fileURLToPath(new URL('../../plans/', import.meta.url));
const NOW = new Date('2025-03-04T05:06:07.089Z');
/** The backup name: the ISO time with `:` and `.` made safe for every file system. */
const BACKUP_NAME = 'settings.corrupt-2025-03-04T05-06-07-089Z.json';

const tempDirs: string[] = [];

afterEach(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'guardbook-settings-'));
  tempDirs.push(dir);
  return dir;
}

const BLANK_CONTACT = { name: { 'zh-CN': '', en: '' }, role: '', phones: [] as string[], notes: '' };
const OFFICE = { ...BLANK_CONTACT, name: { 'zh-CN': '市分行保卫处', en: 'City branch security' }, role: '保卫处' };

const settingsFile = (dir: string) => join(dir, SETTINGS_FILE_NAME);
const readSettingsFile = (dir: string): unknown => JSON.parse(readFileSync(settingsFile(dir), 'utf8'));
const hasCjk = (text: string) => /[\u4e00-\u9fff]/.test(text);

/** conf, whose writes can be made to fail as a full disk would. */
function failingStore(): { factory: SettingsStoreFactory; failWrites(): void } {
  let failing = false;
  const factory: SettingsStoreFactory = (dataDir) => {
    const real = confSettingsStore(dataDir);
    return {
      get path() {
        return real.path;
      },
      get store() {
        return real.store;
      },
      set store(value: Record<string, unknown>) {
        if (failing) {
          throw Object.assign(new Error(`ENOSPC: no space left on device, write '${real.path}'`), { code: 'ENOSPC' });
        }
        real.store = value;
      },
    };
  };
  return { factory, failWrites: () => (failing = true) };
}

describe('SettingsService: defaults and persistence', () => {
  it('starts from defaults and writes every field to settings.json', () => {
    const dir = tempDir();
    const service = new SettingsService(dir, confSettingsStore);
    expect(service.state()).toEqual({ settings: DEFAULT_SETTINGS });
    expect(service.state().notice).toBeUndefined();
    expect(existsSync(settingsFile(dir))).toBe(true);
    expect(readSettingsFile(dir)).toEqual(DEFAULT_SETTINGS);
    expect(Object.keys(readSettingsFile(dir) as object).sort()).toEqual(Object.keys(SettingsSchema.shape).sort());
    expect(DEFAULT_SETTINGS).toEqual({
      language: 'zh-CN',
      branch: { name: '', code: '' },
      contacts: {},
      sound: true,
      theme: 'standard',
      idleLockMinutes: 5,
      timeZone: '', // the system's
      // Head office not configured: nothing is ever sent until an administrator sets it.
      headOffice: {
        host: '',
        port: 5432,
        database: 'guardbook',
        user: '',
        sslMode: 'verify-full',
        ca: '',
        publicKey: '',
      },
      // Not a head-office console: no dashboard connection until an administrator sets one.
      headOfficeConsole: {
        host: '',
        port: 5432,
        database: 'guardbook',
        user: '',
        sslMode: 'verify-full',
        ca: '',
      },
    });
  });

  it('keeps a partial but valid file, filling in the missing fields, with no notice', () => {
    const dir = tempDir();
    writeFileSync(settingsFile(dir), JSON.stringify({ language: 'en' }));
    const service = new SettingsService(dir, confSettingsStore);
    expect(service.state()).toEqual({ settings: { ...DEFAULT_SETTINGS, language: 'en' } });
    expect(readSettingsFile(dir)).toEqual({ ...DEFAULT_SETTINGS, language: 'en' });
    expect(readdirSync(dir)).toEqual([SETTINGS_FILE_NAME]);
  });

  it('keeps an update across a new service on the same dir', () => {
    const dir = tempDir();
    const first = new SettingsService(dir, confSettingsStore);
    const expected: Settings = {
      language: 'en',
      branch: { name: 'Pudong sub-branch', code: '' },
      contacts: { 'head-office-security': { ...OFFICE, phones: ['021-5555 0101'] } },
      sound: false,
      theme: 'high-contrast',
      idleLockMinutes: 5,
      timeZone: '',
      headOffice: DEFAULT_SETTINGS.headOffice,
      headOfficeConsole: DEFAULT_SETTINGS.headOfficeConsole,
    };
    const returned = first.update({
      language: 'en',
      branch: { name: '  Pudong sub-branch  ' },
      contacts: { 'head-office-security': { ...OFFICE, role: '  保卫处  ', phones: [' 021-5555 0101 '] } },
      sound: false,
      theme: 'high-contrast',
    });
    expect(returned).toEqual({ settings: expected });
    expect(readSettingsFile(dir)).toEqual(expected);
    const second = new SettingsService(dir, confSettingsStore);
    expect(second.state()).toEqual({ settings: expected });
    // A later patch changes only what it names.
    second.update({ branch: { code: 'SH-001' } });
    expect(new SettingsService(dir, confSettingsStore).state().settings).toEqual({
      ...expected,
      branch: { name: 'Pudong sub-branch', code: 'SH-001' },
    });
  });

  it('calls onChange with the new state after an update', () => {
    const dir = tempDir();
    const changes: SettingsState[] = [];
    const service = new SettingsService(dir, confSettingsStore, (state) => changes.push(state));
    expect(changes).toEqual([]); // starting is not a change
    const state = service.update({ sound: false });
    expect(changes).toEqual([state]);
    expect(changes[0]?.settings.sound).toBe(false);
    service.update({ theme: 'high-contrast' });
    expect(changes).toHaveLength(2);
    expect(changes[1]).toEqual(service.state());
  });
});

describe('SettingsService: invalid patches', () => {
  const invalid: unknown[] = [
    { language: 'fr' },
    { phones: { 'head-office-security': '110' } }, // the previous release's field: files are migrated, patches are not
    { contacts: { 'head-office-security': { phones: ['abc'] } } },
    { contacts: { 'head-office-security': { phones: ['110', 'abc'] } } },
    { contacts: { 'Not A Slug': { phones: ['110'] } } },
    { contacts: { 'it-helpdesk': { phones: ['   '] } } },
    { contacts: { 'it-helpdesk': { phones: [] } } }, // a contact needs a number
    { contacts: { 'it-helpdesk': { phones: ['1', '2', '3', '4', '5'].map((n) => `9555${n}`) } } }, // at most 4
    { contacts: { 'it-helpdesk': { phones: ['95555'], name: { 'zh-CN': 'x'.repeat(81) } } } },
    { contacts: { 'it-helpdesk': { phones: ['95555'], notes: 'x'.repeat(501) } } },
    { contacts: { 'it-helpdesk': { phones: ['95555'], email: 'it@example.com' } } },
    { contacts: { 'it-helpdesk': '95555' } },
    { branch: { name: 'x'.repeat(81) } },
    { branch: { name: 'ok', extra: 1 } },
    { sound: 'yes' },
    { theme: 'dark' },
    { unknown: true },
  ];

  it.each(invalid)('SettingsPatchSchema rejects %j', (patch) => {
    expect(SettingsPatchSchema.safeParse(patch).success).toBe(false);
  });

  it(`SettingsPatchSchema rejects a directory of more than ${DIRECTORY_CONTACTS_MAX} contacts`, () => {
    const directory = (n: number) =>
      Object.fromEntries(Array.from({ length: n }, (_, i) => [`contact-${i}`, { phones: ['110'] }]));
    expect(SettingsPatchSchema.safeParse({ contacts: directory(DIRECTORY_CONTACTS_MAX) }).success).toBe(true);
    expect(SettingsPatchSchema.safeParse({ contacts: directory(DIRECTORY_CONTACTS_MAX + 1) }).success).toBe(false);
  });

  it('accepts the valid patches the UI sends', () => {
    for (const patch of [
      {},
      { language: 'en' },
      { contacts: {} },
      { contacts: { 'it-helpdesk': { phones: ['400-800', '+86 (21) 5555-0101'] } } },
      { branch: { code: 'A1' } },
    ]) {
      expect(SettingsPatchSchema.safeParse(patch).success).toBe(true);
    }
  });

  it('an invalid patch through the backend is refused as invalid-input and changes nothing', async () => {
    const dir = tempDir();
    const changes: unknown[] = [];
    const backend = await createBackend({
      dataDir: dir,
      plansDir: PLANS_DIR,
      host: 'web',
      version: '0',
      log: () => {},
    });
    backend.push.subscribe((event, payload) => changes.push([event, payload]));
    await setupAdmin(backend); // settings.update needs a manager's PIN or above
    const valid = await backend.call('settings.update', { language: 'en' });
    expect(valid.ok).toBe(true);
    changes.length = 0;
    const fileBefore = readFileSync(settingsFile(dir));
    const stateBefore = await backend.call('settings.get', {});
    for (const patch of invalid) {
      const result = await backend.call('settings.update', patch);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('invalid-input');
        expect(result.error.issues?.length).toBeGreaterThan(0);
      }
    }
    expect(readFileSync(settingsFile(dir)).equals(fileBefore)).toBe(true);
    expect(await backend.call('settings.get', {})).toEqual(stateBefore);
    expect(changes).toEqual([]);
  });
});

describe('SettingsService: a corrupt settings file', () => {
  const cases: { name: string; bytes: Buffer; reason: RegExp }[] = [
    { name: 'not JSON', bytes: Buffer.from('{"language": "en", '), reason: /not valid JSON/ },
    {
      name: 'random bytes',
      bytes: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0xfe]), randomBytes(256)]),
      reason: /not valid JSON/,
    },
    { name: 'an invalid language', bytes: Buffer.from('{"language":"fr","sound":false}\n'), reason: /language/ },
    {
      name: 'an invalid phone',
      bytes: Buffer.from(JSON.stringify({ contacts: { x: { phones: ['abc'] } } })),
      reason: /contacts\.x\.phones\.0/,
    },
    {
      // The previous release's field is migrated first; a number it would have refused is still refused.
      name: 'an invalid phone in the previous release’s shape',
      bytes: Buffer.from(JSON.stringify({ phones: { x: 'abc' } })),
      reason: /contacts\.x\.phones\.0/,
    },
    {
      name: 'both the old and the new shape',
      bytes: Buffer.from(JSON.stringify({ phones: { x: '110' }, contacts: {} })),
      reason: /invalid values/,
    },
    { name: 'an unknown field', bytes: Buffer.from('{"colour":"red"}'), reason: /invalid values/ },
    { name: 'a JSON array', bytes: Buffer.from('[1,2,3]'), reason: /invalid values: \(root\)/ },
    { name: 'JSON null', bytes: Buffer.from('null'), reason: /invalid values/ },
  ];

  it.each(cases)('$name: kept aside byte for byte, defaults used, and a notice given', ({ bytes, reason }) => {
    const dir = tempDir();
    writeFileSync(settingsFile(dir), bytes);
    const changes: SettingsState[] = [];
    const service = new SettingsService(
      dir,
      confSettingsStore,
      (s) => changes.push(s),
      () => NOW,
    );
    const backupFile = join(dir, BACKUP_NAME);

    expect(readFileSync(backupFile).equals(bytes)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual([BACKUP_NAME, SETTINGS_FILE_NAME]);
    expect(readSettingsFile(dir)).toEqual(DEFAULT_SETTINGS);

    const state = service.state();
    expect(state.settings).toEqual(DEFAULT_SETTINGS);
    expect(state.notice).toEqual({
      code: 'settings-reset',
      backupFile,
      reason: { 'zh-CN': expect.any(String), en: expect.stringMatching(reason) },
    });
    expect(hasCjk(state.notice!.reason['zh-CN'])).toBe(true);
    expect(hasCjk(state.notice!.reason.en)).toBe(false);

    // The notice stays until dismissed, and dismissing it is pushed like any change.
    service.update({ sound: false });
    expect(service.state().notice).toEqual(state.notice);
    const dismissed = service.dismissNotice();
    expect(dismissed).toEqual({ settings: { ...DEFAULT_SETTINGS, sound: false } });
    expect(service.state().notice).toBeUndefined();
    expect(changes.at(-1)).toEqual(dismissed);

    // The repaired file is used as it is on the next start; the backup is left alone.
    const next = new SettingsService(
      dir,
      confSettingsStore,
      () => {},
      () => new Date(NOW.getTime() + 1000),
    );
    expect(next.state()).toEqual({ settings: { ...DEFAULT_SETTINGS, sound: false } });
    expect(readFileSync(backupFile).equals(bytes)).toBe(true);
  });

  it('names the backup by the ISO time of the repair', () => {
    const dir = tempDir();
    writeFileSync(settingsFile(dir), 'garbage');
    const service = new SettingsService(
      dir,
      confSettingsStore,
      () => {},
      () => NOW,
    );
    const iso = NOW.toISOString();
    expect(service.state().notice?.backupFile).toBe(join(dir, `settings.corrupt-${iso.replace(/[:.]/g, '-')}.json`));
  });
});

describe('SettingsService: a write that fails', () => {
  it('throws an ApiError with code storage and keeps the previous settings', () => {
    const dir = tempDir();
    const { factory, failWrites } = failingStore();
    const changes: SettingsState[] = [];
    const service = new SettingsService(dir, factory, (s) => changes.push(s));
    service.update({ language: 'en' });
    changes.length = 0;
    const fileBefore = readFileSync(settingsFile(dir));
    failWrites();

    let thrown: unknown;
    try {
      service.update({ language: 'zh-CN', sound: false });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ApiError);
    const body = (thrown as ApiError).body;
    expect(body.code).toBe('storage');
    expect(body.message.en).toContain('ENOSPC');
    expect(body.message['zh-CN']).toContain('ENOSPC');
    expect(hasCjk(body.message['zh-CN'])).toBe(true);

    expect(service.state()).toEqual({ settings: { ...DEFAULT_SETTINGS, language: 'en' } });
    expect(readFileSync(settingsFile(dir)).equals(fileBefore)).toBe(true);
    expect(changes).toEqual([]);
  });

  it('comes back through the backend as a storage error, with nothing pushed', async () => {
    const dir = tempDir();
    const { factory, failWrites } = failingStore();
    const backend = await createBackend({
      dataDir: dir,
      plansDir: PLANS_DIR,
      host: 'web',
      version: '0',
      settingsStore: factory,
      log: () => {},
    });
    const pushed: unknown[] = [];
    backend.push.subscribe((event) => pushed.push(event));
    failWrites();
    const result = await backend.call('settings.setPreferences', { theme: 'high-contrast' });
    expect(result).toEqual({ ok: false, error: { code: 'storage', message: expect.any(Object) } });
    expect(await backend.call('settings.get', {})).toEqual({ ok: true, value: { settings: DEFAULT_SETTINGS } });
    expect(pushed).toEqual([]);
  });
});

describe('applySettingsPatch', () => {
  const withContacts: Settings = {
    ...DEFAULT_SETTINGS,
    contacts: {
      'head-office-security': { ...OFFICE, phones: ['021-5555 0101', '021-5555 0102'] },
      'local-police-station': { ...BLANK_CONTACT, phones: ['110'] },
    },
  };

  it('replaces the whole directory: a contact left out is removed', () => {
    const next = applySettingsPatch(withContacts, {
      contacts: { 'local-police-station': { ...BLANK_CONTACT, phones: ['110'] } },
    });
    expect(next.contacts).toEqual({ 'local-police-station': { ...BLANK_CONTACT, phones: ['110'] } });
    expect(applySettingsPatch(withContacts, { contacts: {} }).contacts).toEqual({});
  });

  it('fills in what a contact leaves out and trims what it gives', () => {
    const patch = SettingsPatchSchema.parse({ contacts: { 'it-helpdesk': { phones: [' 400-800 '] } } });
    expect(applySettingsPatch(withContacts, patch).contacts).toEqual({
      'it-helpdesk': { name: { 'zh-CN': '', en: '' }, role: '', phones: ['400-800'], notes: '' },
    });
  });

  it('leaves the directory alone when the patch has none, and does not change its input', () => {
    const before = structuredClone(withContacts);
    expect(applySettingsPatch(withContacts, { sound: false })).toEqual({ ...withContacts, sound: false });
    expect(withContacts).toEqual(before);
  });

  it('removes a contact through the service, and the removal persists', () => {
    const dir = tempDir();
    const service = new SettingsService(dir, confSettingsStore);
    const cit = { ...BLANK_CONTACT, phones: ['95555'] };
    service.update({
      contacts: { 'head-office-security': { ...OFFICE, phones: ['021-5555 0101'] }, 'cit-company': cit },
    });
    service.update({ contacts: { 'cit-company': cit } });
    expect(service.state().settings.contacts).toEqual({ 'cit-company': cit });
    expect(new SettingsService(dir, confSettingsStore).state().settings.contacts).toEqual({ 'cit-company': cit });
  });
});

describe('repairs at the same instant', () => {
  it('never overwrite an earlier backup', () => {
    const dir = tempDir();
    writeFileSync(settingsFile(dir), 'first damage');
    new SettingsService(
      dir,
      confSettingsStore,
      () => {},
      () => NOW,
    );
    writeFileSync(settingsFile(dir), 'second damage');
    const second = new SettingsService(
      dir,
      confSettingsStore,
      () => {},
      () => NOW,
    );
    const backups = readdirSync(dir)
      .filter((f) => f.startsWith('settings.corrupt-'))
      .sort();
    expect(backups).toEqual([BACKUP_NAME.replace('.json', '-2.json'), BACKUP_NAME]);
    expect(readFileSync(join(dir, BACKUP_NAME), 'utf8')).toBe('first damage');
    expect(second.state().notice?.backupFile).toBe(join(dir, BACKUP_NAME.replace('.json', '-2.json')));
  });
});
