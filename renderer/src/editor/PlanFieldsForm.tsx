// The plan's own fields: titles and summary, category, severity, where it applies, silence, drill interval, the
// first step; then its roles and contacts.
import { useTranslation } from 'react-i18next';
import { CATEGORY_LABELS, LOCATION_LABELS, pick, SEVERITY_LABELS } from '../../../shared/plan/labels';
import { CATEGORIES, LOCATIONS, SEVERITIES } from '../../../shared/plan/vocabulary';
import { useLanguage } from '../components/useLanguage';
import { freshContactId, freshRoleId } from './editorModel';
import { useEditor } from './editorContext';
import { contactField, planField, roleField } from './fieldIds';
import { IdField, NumberInput, TargetSelect, TextInput } from './inputs';
import { LocalizedField } from './LocalizedField';

export function PlanFieldsForm() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { plan, edit } = useEditor();
  return (
    <div className="editor-form-body">
      <h2 id="plan-fields-title">{t('editor.plan.heading')}</h2>
      <LocalizedField
        label={t('editor.plan.title')}
        value={plan.title}
        idFor={(l) => planField('title', l)}
        onValue={(l, value) => edit({ type: 'plan.setText', field: 'title', lang: l, value })}
      />
      <LocalizedField
        label={t('editor.plan.shortTitle')}
        value={plan.shortTitle}
        idFor={(l) => planField('shortTitle', l)}
        onValue={(l, value) => edit({ type: 'plan.setText', field: 'shortTitle', lang: l, value })}
      />
      <LocalizedField
        label={t('editor.plan.summary')}
        value={plan.summary}
        multiline
        idFor={(l) => planField('summary', l)}
        onValue={(l, value) => edit({ type: 'plan.setText', field: 'summary', lang: l, value })}
      />
      <div className="ed-row">
        <div className="ed-field">
          <label htmlFor={planField('category')}>{t('editor.plan.category')}</label>
          <select
            id={planField('category')}
            value={plan.category}
            onChange={(e) => edit({ type: 'plan.setCategory', category: e.target.value as typeof plan.category })}
          >
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {CATEGORY_LABELS[c][lang]}
              </option>
            ))}
          </select>
        </div>
        <div className="ed-field">
          <label htmlFor={planField('severity')}>{t('editor.plan.severity')}</label>
          <select
            id={planField('severity')}
            value={plan.severity}
            onChange={(e) => edit({ type: 'plan.setSeverity', severity: e.target.value as typeof plan.severity })}
          >
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {SEVERITY_LABELS[s][lang]}
              </option>
            ))}
          </select>
        </div>
        <div className="ed-field">
          <label htmlFor={planField('drill')}>{t('editor.plan.drill')}</label>
          <NumberInput
            id={planField('drill')}
            value={plan.drill.everyDays}
            onValue={(days) => days !== undefined && edit({ type: 'plan.setDrillDays', days })}
          />
        </div>
        <div className="ed-field">
          <label htmlFor={planField('start')}>{t('editor.plan.start')}</label>
          <TargetSelect
            id={planField('start')}
            value={plan.start}
            scope={plan.steps}
            onValue={(stepId) => edit({ type: 'plan.setStart', stepId })}
          />
        </div>
      </div>
      <fieldset className="ed-choices">
        <legend>{t('editor.plan.locations')}</legend>
        {LOCATIONS.map((location) => (
          <label key={location} className="ed-check">
            <input
              id={planField('location', location)}
              type="checkbox"
              checked={plan.locations?.includes(location) ?? false}
              onChange={(e) => edit({ type: 'plan.toggleLocation', location, on: e.target.checked })}
            />
            {LOCATION_LABELS[location][lang]}
          </label>
        ))}
      </fieldset>
      <label className="ed-check">
        <input
          id={planField('silent')}
          type="checkbox"
          checked={plan.silent === true}
          onChange={(e) => edit({ type: 'plan.setSilent', silent: e.target.checked })}
        />
        {t('editor.plan.silent')}
      </label>
      <RolesEditor />
      <ContactsEditor />
    </div>
  );
}

function RolesEditor() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { plan, edit, focusLater } = useEditor();
  const taken = new Set(plan.roles.map((r) => r.id));
  return (
    <section className="editor-section" aria-labelledby="roles-title">
      <h3 id="roles-title">{t('editor.roles.heading')}</h3>
      <ol className="ed-part-list">
        {plan.roles.map((role, i) => (
          <li
            key={i}
            className="ed-part"
            aria-label={t('editor.roles.item', { id: pick(role.title, lang) || role.id })}
          >
            <div className="ed-part-head">
              <IdField
                id={roleField(i, 'id')}
                label={t('editor.roles.id')}
                value={role.id}
                taken={taken}
                onRename={(to) => edit({ type: 'role.rename', roleId: role.id, to })}
              />
              <button
                type="button"
                className="danger-outline"
                onClick={() => edit({ type: 'role.remove', roleId: role.id })}
              >
                {t('editor.roles.remove', { id: role.id })}
              </button>
            </div>
            <LocalizedField
              label={t('editor.roles.title')}
              value={role.title}
              idFor={(l) => roleField(i, 'title', l)}
              onValue={(l, value) => edit({ type: 'role.setText', roleId: role.id, field: 'title', lang: l, value })}
            />
            <LocalizedField
              label={t('editor.roles.duties')}
              value={role.duties}
              multiline
              idFor={(l) => roleField(i, 'duties', l)}
              onValue={(l, value) => edit({ type: 'role.setText', roleId: role.id, field: 'duties', lang: l, value })}
            />
          </li>
        ))}
      </ol>
      <button
        type="button"
        id={planField('add-role')}
        onClick={() => {
          edit({ type: 'role.add', id: freshRoleId(plan) });
          focusLater(roleField(plan.roles.length, 'title', 'zh-CN'));
        }}
      >
        {t('editor.roles.add')}
      </button>
    </section>
  );
}

function ContactsEditor() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { plan, edit, focusLater } = useEditor();
  const taken = new Set(plan.contacts.map((c) => c.id));
  return (
    <section className="editor-section" aria-labelledby="contacts-title">
      <h3 id="contacts-title">{t('editor.contacts.heading')}</h3>
      <ol className="ed-part-list">
        {plan.contacts.map((contact, i) => (
          <li
            key={i}
            className="ed-part"
            aria-label={t('editor.contacts.item', { id: pick(contact.name, lang) || contact.id })}
          >
            <div className="ed-part-head">
              <IdField
                id={contactField(i, 'id')}
                label={t('editor.contacts.id')}
                value={contact.id}
                taken={taken}
                onRename={(to) => edit({ type: 'contact.rename', contactId: contact.id, to })}
              />
              <button
                type="button"
                className="danger-outline"
                onClick={() => edit({ type: 'contact.remove', contactId: contact.id })}
              >
                {t('editor.contacts.remove', { id: contact.id })}
              </button>
            </div>
            <LocalizedField
              label={t('editor.contacts.name')}
              value={contact.name}
              idFor={(l) => contactField(i, 'name', l)}
              onValue={(l, value) => edit({ type: 'contact.setName', contactId: contact.id, lang: l, value })}
            />
            <div className="ed-field">
              <label htmlFor={contactField(i, 'phone')}>{t('editor.contacts.phone')}</label>
              <TextInput
                id={contactField(i, 'phone')}
                type="tel"
                value={contact.phone ?? ''}
                onValue={(phone) => edit({ type: 'contact.setPhone', contactId: contact.id, phone })}
              />
            </div>
          </li>
        ))}
      </ol>
      <button
        type="button"
        id={planField('add-contact')}
        onClick={() => {
          edit({ type: 'contact.add', id: freshContactId(plan) });
          focusLater(contactField(plan.contacts.length, 'name', 'zh-CN'));
        }}
      >
        {t('editor.contacts.add')}
      </button>
    </section>
  );
}
