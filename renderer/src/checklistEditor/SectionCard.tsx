// One section as a card: its title, id and weight, its items (each a row that opens into its form), and adding an
// item of a chosen kind at its end.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistSection } from '../../../shared/checklist/schema';
import { ITEM_KINDS, type ItemKind } from '../../../shared/checklist/vocabulary';
import { pick } from '../../../shared/plan/labels';
import { useLanguage } from '../components/useLanguage';
import { IdField, NumberInput } from '../editor/inputs';
import { LocalizedField } from '../editor/LocalizedField';
import { allIds, freshItemId } from './checklistEdits';
import { useChecklistEditor } from './editorContext';
import { itemField, sectionField } from './fieldIds';
import { ItemRow } from './ItemRow';

export function SectionCard({
  section,
  index,
  count,
}: {
  section: ChecklistSection;
  index: number;
  /** How many sections there are (the last one cannot move down). */
  count: number;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { checklist, edit, setOpen, focusLater } = useChecklistEditor();
  const [kind, setKind] = useState<ItemKind>('yes-no');
  const title = pick(section.title, lang) || t('checklistEditor.sections.untitled');
  const move = (to: 'up' | 'down') => {
    edit({ type: 'section.move', sectionId: section.id, to });
    focusLater(sectionField(index + (to === 'up' ? -1 : 1), to === 'up' ? 'move-up' : 'move-down'));
  };
  const addItem = () => {
    const id = freshItemId(checklist);
    edit({ type: 'item.add', sectionId: section.id, kind, id });
    setOpen(id, true);
    focusLater(itemField(index, section.items.length, 'text', 'zh-CN'));
  };
  return (
    <li className="ck-section" aria-label={t('checklistEditor.sections.label', { title })}>
      <div className="ck-section-head">
        <h3>
          {index + 1}. {title}
          <span className="ck-count">{t('checklistEditor.sections.count', { count: section.items.length })}</span>
        </h3>
        <div className="ed-part-actions">
          <button type="button" id={sectionField(index, 'move-up')} disabled={index === 0} onClick={() => move('up')}>
            ↑ {t('checklistEditor.sections.moveUp')}
          </button>
          <button
            type="button"
            id={sectionField(index, 'move-down')}
            disabled={index === count - 1}
            onClick={() => move('down')}
          >
            ↓ {t('checklistEditor.sections.moveDown')}
          </button>
          <button
            type="button"
            className="danger-outline"
            onClick={() => edit({ type: 'section.remove', sectionId: section.id })}
          >
            {t('checklistEditor.sections.remove')}
          </button>
        </div>
      </div>
      <LocalizedField
        label={t('checklistEditor.sections.title')}
        value={section.title}
        idFor={(l) => sectionField(index, 'title', l)}
        onValue={(l, value) => edit({ type: 'section.setTitle', sectionId: section.id, lang: l, value })}
      />
      <div className="ed-row">
        <IdField
          id={sectionField(index, 'id')}
          label={t('checklistEditor.sections.id')}
          value={section.id}
          taken={allIds(checklist)}
          onRename={(to) => edit({ type: 'section.rename', sectionId: section.id, to })}
        />
        <div className="ed-field">
          <label htmlFor={sectionField(index, 'weight')}>{t('checklistEditor.sections.weight')}</label>
          <NumberInput
            id={sectionField(index, 'weight')}
            min={0}
            value={section.weight}
            onValue={(weight) => edit({ type: 'section.setWeight', sectionId: section.id, weight })}
          />
        </div>
      </div>
      {section.items.length === 0 ? (
        <p className="muted">{t('checklistEditor.sections.empty')}</p>
      ) : (
        <ol className="ck-items">
          {section.items.map((item, i) => (
            <ItemRow
              // Position and id: a half-edited draft may hold one id twice.
              key={`${i}-${item.id}`}
              item={item}
              sectionIndex={index}
              index={i}
              count={section.items.length}
            />
          ))}
        </ol>
      )}
      <div className="ck-add-item">
        <label htmlFor={sectionField(index, 'add-item')}>{t('checklistEditor.items.addKind')}</label>
        <select id={sectionField(index, 'add-item')} value={kind} onChange={(e) => setKind(e.target.value as ItemKind)}>
          {ITEM_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`checklistEditor.kinds.${k}`)}
            </option>
          ))}
        </select>
        <button type="button" className="primary" onClick={addItem}>
          + {t('checklistEditor.items.add')}
        </button>
      </div>
    </li>
  );
}
