// The template's own fields: titles, summary, the rules it is based on, what it is for and its pass mark.
import { useTranslation } from 'react-i18next';
import { CHECKLIST_USE_LABELS, CHECKLIST_USES, type ChecklistUse } from '../../../shared/checklist/vocabulary';
import { useLanguage } from '../components/useLanguage';
import { NumberInput } from '../editor/inputs';
import { LocalizedField } from '../editor/LocalizedField';
import type { TemplateTextField } from './checklistEdits';
import { useChecklistEditor } from './editorContext';
import { templateField } from './fieldIds';

const TEXTS: readonly { field: TemplateTextField; multiline?: boolean }[] = [
  { field: 'title' },
  { field: 'shortTitle' },
  { field: 'summary', multiline: true },
  { field: 'basis', multiline: true },
];

export function TemplateFields() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { checklist, edit } = useChecklistEditor();
  return (
    <section className="editor-section ck-template" aria-labelledby="ck-template-title">
      <h2 id="ck-template-title">{t('checklistEditor.template.heading')}</h2>
      {TEXTS.map(({ field, multiline }) => (
        <LocalizedField
          key={field}
          label={t(`checklistEditor.template.${field}`)}
          value={checklist[field]}
          multiline={multiline}
          idFor={(l) => templateField(field, l)}
          onValue={(l, value) => edit({ type: 'template.setText', field, lang: l, value })}
        />
      ))}
      <div className="ed-row">
        <div className="ed-field">
          <label htmlFor={templateField('use')}>{t('checklistEditor.template.use')}</label>
          <select
            id={templateField('use')}
            value={checklist.use}
            onChange={(e) => edit({ type: 'template.setUse', use: e.target.value as ChecklistUse })}
          >
            {CHECKLIST_USES.map((use) => (
              <option key={use} value={use}>
                {CHECKLIST_USE_LABELS[use][lang]}
              </option>
            ))}
          </select>
        </div>
        <div className="ed-field">
          <label htmlFor={templateField('passScore')}>{t('checklistEditor.template.passScore')}</label>
          <NumberInput
            id={templateField('passScore')}
            min={0}
            value={checklist.passScore}
            onValue={(passScore) => edit({ type: 'template.setPassScore', passScore })}
          />
        </div>
      </div>
    </section>
  );
}
