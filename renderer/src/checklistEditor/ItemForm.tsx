// One item's form: what to check and how (both languages), its kind and the kind's own settings, weight, critical
// (一票否决), photo, what closing a rectification needs and in how many days, its id and its section.
import { useTranslation } from 'react-i18next';
import type { ChecklistItem } from '../../../shared/checklist/schema';
import { ITEM_KINDS, type ItemKind } from '../../../shared/checklist/vocabulary';
import { pick } from '../../../shared/plan/labels';
import { useLanguage } from '../components/useLanguage';
import { IdField, NumberInput } from '../editor/inputs';
import { LocalizedField } from '../editor/LocalizedField';
import { allIds, type ItemFlag, type ItemNumberField, type ItemTextField } from './checklistEdits';
import { useChecklistEditor } from './editorContext';
import { itemField } from './fieldIds';

/** Whether "not applicable" may be answered when the item does not say (the schema's defaults). */
const ALLOW_NA_DEFAULT: Partial<Record<ItemKind, boolean>> = { 'yes-no': true, number: false };

export function ItemForm({ item, sectionIndex, index }: { item: ChecklistItem; sectionIndex: number; index: number }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { checklist, edit, setOpen, focusLater } = useChecklistEditor();
  const itemId = item.id;
  const field = (...parts: string[]) => itemField(sectionIndex, index, ...parts);
  const text = (name: ItemTextField, label: string, multiline = true) => (
    <LocalizedField
      label={label}
      value={item[name as keyof ChecklistItem] as ChecklistItem['text'] | undefined}
      multiline={multiline}
      idFor={(l) => field(name, l)}
      onValue={(l, value) => edit({ type: 'item.setText', itemId, field: name, lang: l, value })}
    />
  );
  const number = (name: ItemNumberField, label: string, min = 0) => (
    <div className="ed-field">
      <label htmlFor={field(name)}>{label}</label>
      <NumberInput
        id={field(name)}
        min={min}
        value={item[name as keyof ChecklistItem] as number | undefined}
        onValue={(value) => edit({ type: 'item.setNumber', itemId, field: name, value })}
      />
    </div>
  );
  const flag = (name: ItemFlag, label: string, checked: boolean, fallback = false) => (
    <label className="ed-check">
      <input
        id={field(name)}
        type="checkbox"
        checked={checked}
        // A value equal to the default is written as nothing.
        onChange={(e) =>
          edit({
            type: 'item.setFlag',
            itemId,
            field: name,
            value: e.target.checked === fallback ? undefined : e.target.checked,
          })
        }
      />
      {label}
    </label>
  );
  const allowNaDefault = ALLOW_NA_DEFAULT[item.kind];
  return (
    <div className="ck-item-form">
      {text('text', t('checklistEditor.items.text'))}
      {text('guidance', t('checklistEditor.items.guidance'))}
      <div className="ed-row">
        <div className="ed-field">
          <label htmlFor={field('kind')}>{t('checklistEditor.items.kind')}</label>
          <select
            id={field('kind')}
            value={item.kind}
            aria-describedby={field('kind-hint')}
            onChange={(e) => edit({ type: 'item.setKind', itemId, kind: e.target.value as ItemKind })}
          >
            {ITEM_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`checklistEditor.kinds.${k}`)}
              </option>
            ))}
          </select>
          <p id={field('kind-hint')} className="ed-hint">
            {t('checklistEditor.items.kindChangeHint')}
          </p>
        </div>
        {number('weight', t('checklistEditor.items.weight'))}
        {number('rectifyDays', t('checklistEditor.items.rectifyDays'))}
      </div>
      {item.kind === 'score' && (
        <div className="ed-row">
          {number('max', t('checklistEditor.items.max'), 1)}
          {number('passAt', t('checklistEditor.items.passAt'))}
        </div>
      )}
      {item.kind === 'number' && (
        <>
          <div className="ed-row">
            {number('min', t('checklistEditor.items.min'), -1_000_000)}
            {number('max', t('checklistEditor.items.numberMax'), -1_000_000)}
          </div>
          {text('unit', t('checklistEditor.items.unit'), false)}
        </>
      )}
      <fieldset className="ed-choices">
        <legend className="visually-hidden">{t('checklistEditor.items.label', { id: itemId })}</legend>
        {flag('critical', t('checklistEditor.items.critical'), item.critical === true)}
        {flag('photo', t('checklistEditor.items.photo'), item.photo === true)}
        {allowNaDefault !== undefined &&
          flag(
            'allowNa',
            t('checklistEditor.items.allowNa'),
            (item as { allowNa?: boolean }).allowNa ?? allowNaDefault,
            allowNaDefault,
          )}
      </fieldset>
      {text('evidence', t('checklistEditor.items.evidence'))}
      <div className="ed-row">
        <IdField
          id={field('id')}
          label={t('checklistEditor.items.id')}
          value={itemId}
          taken={allIds(checklist)}
          hint={t('checklistEditor.items.idHint')}
          onRename={(to) => {
            edit({ type: 'item.rename', itemId, to });
            setOpen(itemId, false);
            setOpen(to, true);
            focusLater(field('id'));
          }}
        />
        <div className="ed-field">
          <label htmlFor={field('section')}>{t('checklistEditor.items.section')}</label>
          <select
            id={field('section')}
            value={sectionIndex}
            onChange={(e) => {
              const target = checklist.sections[Number(e.target.value)];
              if (!target) return;
              edit({ type: 'item.moveToSection', itemId, sectionId: target.id });
              focusLater(itemField(Number(e.target.value), target.items.length, 'section'));
            }}
          >
            {checklist.sections.map((section, s) => (
              <option key={`${s}-${section.id}`} value={s}>
                {s + 1}. {pick(section.title, lang) || section.id}
              </option>
            ))}
          </select>
        </div>
      </div>
    </div>
  );
}
