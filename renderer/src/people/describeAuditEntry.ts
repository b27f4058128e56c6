// What an audit entry says, in the UI's language: a one-line description of its type and the details of its
// data. Entries are parsed with their own schema; one that does not parse is shown as raw data, never dropped.
import type { TFunction } from 'i18next';
import { auditEventData, type AuditEntry, type AuditEventData } from '../../../shared/audit/events';
import { VERSION_SOURCE_LABELS } from '../../../shared/library/labels';
import { ROLES, type Role } from '../../../shared/people/roles';
import type { Language } from '../../../shared/plan/schema';
import { roleLabel } from './labels';

export interface AuditDescription {
  /** One line: what happened, to whom. */
  summary: string;
  /** Further facts, one per line (each field changed, the range exported…). */
  details: string[];
}

/**
 * Who did it: a user id resolved to a name (the id itself when unknown); "system" is Guardbook itself; null is
 * nobody identified (a wrong PIN, a claim to be on duty: no PIN proves who it was); `cli:<account>` is the
 * command line run by that operating-system account.
 */
export function auditActor(by: string | null, names: ReadonlyMap<string, string>, t: TFunction): string {
  if (by === null) return t('audit.unidentified');
  if (by === 'system' && !names.has(by)) return t('audit.system');
  if (by.startsWith('cli:')) return t('audit.commandLine', { account: by.slice('cli:'.length) });
  return names.get(by) ?? by;
}

export function describeAuditEntry(entry: AuditEntry, t: TFunction, lang: Language): AuditDescription {
  const schema = auditEventData[entry.type];
  const parsed = schema?.safeParse(entry.data);
  if (!parsed?.success) return { summary: t('audit.unknown', { type: entry.type }), details: [raw(entry.data)] };
  return describe(entry.type, parsed.data as never, t, lang);
}

type Described = { [K in keyof typeof auditEventData]: (data: AuditEventData<K>) => AuditDescription };

function describe<K extends keyof typeof auditEventData>(
  type: K,
  data: AuditEventData<K>,
  t: TFunction,
  lang: Language,
): AuditDescription {
  const role = (r: Role) => roleLabel(r, lang);
  const value = (v: unknown) => formatValue(v, t, lang);
  const hash = (h: string) => t('audit.planHashIs', { hash: h });
  const by: Described = {
    'audit.started': (d) => ({
      summary: t('audit.events.started'),
      details: [t('audit.installation', { id: d.installation })],
    }),
    'user.setup': (d) => ({ summary: t('audit.events.setup', { name: d.name, role: role(d.role) }), details: [] }),
    'user.added': (d) => ({ summary: t('audit.events.added', { name: d.name, role: role(d.role) }), details: [] }),
    'user.changed': (d) => ({
      summary: t('audit.events.changed', { name: d.name }),
      details: Object.entries(d.changes).map(([field, change]) => {
        const show = field === 'role' ? (v: unknown) => (isRole(v) ? role(v) : value(v)) : value;
        return t('audit.change', {
          field: t(`audit.userFields.${field}`, { defaultValue: field }),
          from: field === 'disabled' ? disabledText(change.from, t) : show(change.from),
          to: field === 'disabled' ? disabledText(change.to, t) : show(change.to),
        });
      }),
    }),
    'user.pinReset': (d) => ({ summary: t('audit.events.pinReset', { name: d.name }), details: [] }),
    'user.pinChanged': (d) => ({ summary: t('audit.events.pinChanged', { name: d.name }), details: [] }),
    'user.lockoutCleared': (d) => ({ summary: t('audit.events.lockoutCleared', { name: d.name }), details: [] }),
    'pin.failed': (d) => ({
      summary: t('audit.events.pinFailed', { name: d.name }),
      details: [t('audit.failures', { count: d.failures }), ...(d.lockedOut ? [t('audit.lockedOut')] : [])],
    }),
    'session.unlocked': (d) => ({
      summary: t('audit.events.unlocked', { name: d.name, role: role(d.role) }),
      details: [],
    }),
    'signOff.pinConfirmed': (d) => ({
      summary: t('audit.events.signOffPin', { name: d.name, runId: d.runId }),
      details: [],
    }),
    'duty.changed': (d) => ({
      summary: d.name === null ? t('audit.events.dutyNobody') : t('audit.events.duty', { name: d.name }),
      details: [],
    }),
    'settings.changed': (d) => ({
      summary: t('audit.events.settings'),
      details: Object.entries(d.changes).flatMap(([field, change]) =>
        settingChanges(field, change.from, change.to, t).map((c) =>
          t('audit.change', { field: c.label, from: value(c.from), to: value(c.to) }),
        ),
      ),
    }),
    'records.exported': (d) => ({
      summary: t('audit.events.exported', { format: d.format.toUpperCase() }),
      details: [
        ...(d.runId ? [t('audit.exportRun', { runId: d.runId })] : []),
        ...(d.from || d.to ? [t('audit.exportRange', { from: d.from ?? '…', to: d.to ?? '…' })] : []),
        ...(d.runs !== undefined ? [t('audit.exportRuns', { count: d.runs })] : []),
      ],
    }),
    'plan.draftStarted': (d) => ({
      summary: t('audit.events.planDraftStarted', { plan: d.planId, origin: VERSION_SOURCE_LABELS[d.origin][lang] }),
      details: [...(d.fileName ? [t('audit.planFile', { file: d.fileName })] : []), ...(d.base ? [hash(d.base)] : [])],
    }),
    'plan.draftDiscarded': (d) => ({ summary: t('audit.events.planDraftDiscarded', { plan: d.planId }), details: [] }),
    'plan.submitted': (d) => ({
      summary: t('audit.events.planSubmitted', { plan: d.planId }),
      details: [t('audit.planNote', { note: d.note }), hash(d.contentHash)],
    }),
    'plan.sentBack': (d) => ({
      summary: t('audit.events.planSentBack', { plan: d.planId }),
      details: [t('audit.planNote', { note: d.comment }), hash(d.contentHash)],
    }),
    'plan.published': (d) => ({
      summary: t('audit.events.planPublished', { plan: d.planId, version: d.version }),
      details: [
        t('audit.planAuthor', { name: d.author }),
        ...(d.selfApproved ? [t('audit.planSelfApproved')] : []),
        t('audit.change', { field: t('audit.planHash'), from: d.before ?? '—', to: d.after }),
      ],
    }),
    'plan.retired': (d) => ({
      summary: t('audit.events.planRetired', { plan: d.planId, version: d.version }),
      details: [t('audit.planNote', { note: d.note }), hash(d.contentHash)],
    }),
    'plan.templateDismissed': (d) => ({
      summary: t('audit.events.planTemplateDismissed', { plan: d.planId }),
      details: [hash(d.templateHash)],
    }),
    'plan.exported': (d) => ({
      summary: t('audit.events.planExported', { plan: d.planId, version: d.version }),
      details: [],
    }),
    'exercise.changed': (d) => ({
      summary: t(`audit.events.exercise.${d.action}`, { title: d.title, plan: d.planId }),
      details: [
        ...(d.runId ? [t('audit.exerciseRun', { runId: d.runId })] : []),
        ...(d.injectId ? [t('audit.exerciseInject', { inject: d.injectId })] : []),
        ...(d.reason ? [t('audit.planNote', { note: d.reason })] : []),
      ],
    }),
    'inspection.changed': (d) => ({
      summary: t(`audit.events.inspection.${d.action}`, {
        id: d.inspectionId,
        checklist: d.checklistId ? t('audit.inspectionChecklist', { checklist: d.checklistId }) : '',
      }),
      details: [
        ...(d.percent !== undefined && d.percent !== null ? [t('audit.inspectionScore', { percent: d.percent })] : []),
        ...(d.passed !== undefined ? [t(d.passed ? 'audit.inspectionPassed' : 'audit.inspectionFailed')] : []),
        ...(d.reason ? [t('audit.planNote', { note: d.reason })] : []),
      ],
    }),
    'checklist.changed': (d) => ({
      summary: t(`audit.events.checklist.${d.action}`, { id: d.checklistId, version: d.version ?? '' }),
      details: [
        ...(d.origin ? [t('audit.checklistOrigin', { origin: d.origin })] : []),
        ...(d.note ? [t('audit.planNote', { note: d.note })] : []),
        ...(d.contentHash ? [hash(d.contentHash)] : []),
        ...(d.selfApproved ? [t('audit.checklistSelfApproved')] : []),
      ],
    }),
    'rectification.changed': (d) => ({
      summary: t(`audit.events.rectification.${d.action}`, { id: d.actionId }),
      details: [
        ...(d.files !== undefined ? [t('audit.evidenceFiles', { count: d.files })] : []),
        ...(d.note ? [t('audit.planNote', { note: d.note })] : []),
      ],
    }),
    'sync.configured': (d) => ({
      summary: t('audit.events.syncConfigured', { host: d.host, port: d.port, user: d.user }),
      details: [
        t('audit.syncTls', { mode: d.sslMode }),
        d.keyFingerprint ? t('audit.syncKey', { fingerprint: d.keyFingerprint }) : t('audit.syncNoKey'),
        ...(d.passwordChanged ? [t('audit.syncPasswordChanged')] : []),
      ],
    }),
    'hq.configured': (d) => ({
      summary: t('audit.events.hqConfigured', { host: d.host, port: d.port, user: d.user }),
      details: [
        t('audit.syncTls', { mode: d.sslMode }),
        ...(d.passwordChanged ? [t('audit.syncPasswordChanged')] : []),
      ],
    }),
    'hq.published': (d) => ({
      summary: t('audit.events.hqPublished', { plan: d.planId, version: d.version }),
      details: [
        d.scope.kind === 'all'
          ? t('audit.hqScopeAll')
          : d.scope.kind === 'regions'
            ? t('audit.hqScopeRegions', { list: d.scope.regions.join(', ') })
            : t('audit.hqScopeBranches', { list: d.scope.branches.join(', ') }),
        t(d.mandatory ? 'audit.hqMandatory' : 'audit.hqAdvisory', { date: d.effectiveDate }),
        t('audit.hqLogin', { where: d.where }),
        ...(d.alreadyPublished ? [t('audit.hqAlreadyPublished')] : []),
        t('audit.hqHash', { hash: d.contentHash }),
      ],
    }),
    'users.restored': (d) => ({
      summary: t('audit.events.usersRestored'),
      details: [t('audit.restoredFrom', { file: d.from }), t('audit.damagedCopy', { file: d.damagedCopy }), d.reason],
    }),
    'app.dataDir': (d) => ({
      summary: t('audit.events.dataDir', { source: t(`app.dataDirSources.${d.source}`) }),
      details: [t('audit.dataDirFolder', { dir: d.dir })],
    }),
    'audit.recovered': (d) => ({
      summary: t('audit.events.recovered', { bytes: d.bytes }),
      details: [t('audit.sidecar', { file: d.sidecar }), d.reason],
    }),
  };
  return (by[type] as (data: AuditEventData<K>) => AuditDescription)(data);
}

/**
 * A changed setting, down to the parts that changed: the branch's name rather than the whole branch, each contact of
 * the directory field by field, each phone number by its contact (entries written before the directory replaced
 * `phones`).
 */
function settingChanges(
  field: string,
  from: unknown,
  to: unknown,
  t: TFunction,
): { label: string; from: unknown; to: unknown }[] {
  const label =
    field === 'contacts' ? t('settings.directory') : t(`audit.settingsFields.${field}`, { defaultValue: field });
  if (!isRecord(from ?? {}) || !isRecord(to ?? {})) return [{ label, from, to }];
  const before = (from ?? {}) as Record<string, unknown>;
  const after = (to ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  if (field === 'contacts') return keys.flatMap((id) => contactChanges(label, id, before[id], after[id], t));
  return keys
    .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .map((key) => ({
      label: `${label} · ${
        field === 'phones'
          ? t(`contacts.${key}`, { defaultValue: key })
          : t(`audit.settingsFields.${key}`, { defaultValue: key })
      }`,
      from: before[key],
      to: after[key],
    }));
}

const CONTACT_FIELDS = ['nameZh', 'nameEn', 'role', 'phones', 'notes'] as const;

/** A directory contact's changed fields, each named with the contact (its Chinese name and id) and the field. */
function contactChanges(
  label: string,
  id: string,
  from: unknown,
  to: unknown,
  t: TFunction,
): { label: string; from: unknown; to: unknown }[] {
  const before = contactFieldsOf(from);
  const after = contactFieldsOf(to);
  const name = after.nameZh || before.nameZh || t(`contacts.${id}`, { defaultValue: '' });
  const who = name ? t('settings.contactWho', { name, id }) : id;
  return CONTACT_FIELDS.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f])).map((f) => ({
    label: `${label} · ${who} · ${t(`settings.contactFields.${f}`)}`,
    from: before[f],
    to: after[f],
  }));
}

/** A contact as recorded on the trail, read leniently (the trail's data is not this release's to trust). */
function contactFieldsOf(value: unknown): Record<(typeof CONTACT_FIELDS)[number], unknown> {
  const contact = isRecord(value) ? (value as Record<string, unknown>) : {};
  const name = isRecord(contact.name) ? (contact.name as Record<string, unknown>) : {};
  const filled = (v: unknown) => (v === '' || (Array.isArray(v) && v.length === 0) ? undefined : v);
  return {
    nameZh: filled(name['zh-CN']),
    nameEn: filled(name.en),
    role: filled(contact.role),
    phones: filled(contact.phones),
    notes: filled(contact.notes),
  };
}

function isRecord(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

function disabledText(value: unknown, t: TFunction): string {
  return value === true ? t('users.disabled') : value === false ? t('users.enabled') : String(value);
}

/** A changed value as a reader expects it: text in quotes, yes/no, an object's fields, "(empty)". */
function formatValue(value: unknown, t: TFunction, lang: Language): string {
  if (value === null || value === undefined || value === '') return t('audit.empty');
  if (typeof value === 'boolean') return value ? t('on') : t('off');
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return lang === 'en' ? `"${value}"` : `“${value}”`;
  if (Array.isArray(value)) return value.map((v) => formatValue(v, t, lang)).join(', ');
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return t('audit.empty');
    const colon = lang === 'en' ? ': ' : '：';
    return entries
      .map(
        ([key, v]) =>
          `${t(`audit.settingsFields.${key}`, { defaultValue: t(`contacts.${key}`, { defaultValue: key }) })}${colon}${formatValue(v, t, lang)}`,
      )
      .join(lang === 'en' ? '; ' : '；');
  }
  return String(value);
}

function raw(data: unknown): string {
  try {
    return JSON.stringify(data);
  } catch {
    return String(data);
  }
}
