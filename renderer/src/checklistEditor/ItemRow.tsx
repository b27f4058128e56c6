// One item in its section: a line that says what it checks (text, kind, critical, photo) with its actions — open,
// move up or down, remove — and, when open, its form.
import { useTranslation } from 'react-i18next';
import type { ChecklistItem } from '../../../shared/checklist/schema';
import { pick } from '../../../shared/plan/labels';
import { useLanguage } from '../components/useLanguage';
import { useChecklistEditor } from './editorContext';
import { itemField } from './fieldIds';
import { ItemForm } from './ItemForm';

export function ItemRow({
  item,
  sectionIndex,
  index,
  count,
}: {
  item: ChecklistItem;
  sectionIndex: number;
  index: number;
  count: number;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { edit, isOpen, setOpen, focusLater } = useChecklistEditor();
  const open = isOpen(item.id);
  const id = item.id;
  const field = (...parts: string[]) => itemField(sectionIndex, index, ...parts);
  const move = (to: 'up' | 'down') => {
    edit({ type: 'item.move', itemId: id, to });
    focusLater(itemField(sectionIndex, index + (to === 'up' ? -1 : 1), `move-${to}`));
  };
  return (
    <li className={open ? 'ck-item ck-item-open' : 'ck-item'} aria-label={t('checklistEditor.items.label', { id })}>
      <div className="ck-item-line">
        <span className="ck-item-number">{index + 1}</span>
        <span className="ck-item-text">{pick(item.text, lang) || t('checklistEditor.items.untitled')}</span>
        <span className="ck-item-badges">
          <span className="badge">{t(`checklistEditor.kinds.${item.kind}`)}</span>
          {item.critical && <span className="badge badge-error">{t('checklistEditor.badges.critical')}</span>}
          {item.photo && <span className="badge badge-start">{t('checklistEditor.badges.photo')}</span>}
          <code className="ck-item-id">{id}</code>
        </span>
        <span className="ck-item-actions">
          <button
            type="button"
            id={field('toggle')}
            aria-expanded={open}
            aria-label={t(open ? 'checklistEditor.items.closeLabel' : 'checklistEditor.items.editLabel', { id })}
            className="ck-toggle"
            onClick={() => setOpen(id, !open)}
          >
            {t(open ? 'checklistEditor.items.close' : 'checklistEditor.items.edit')}
          </button>
          <button
            type="button"
            id={field('move-up')}
            disabled={index === 0}
            aria-label={t('checklistEditor.items.moveUpLabel', { id })}
            onClick={() => move('up')}
          >
            ↑ {t('checklistEditor.items.moveUp')}
          </button>
          <button
            type="button"
            id={field('move-down')}
            disabled={index === count - 1}
            aria-label={t('checklistEditor.items.moveDownLabel', { id })}
            onClick={() => move('down')}
          >
            ↓ {t('checklistEditor.items.moveDown')}
          </button>
          <button
            type="button"
            className="danger-outline"
            aria-label={t('checklistEditor.items.removeLabel', { id })}
            onClick={() => edit({ type: 'item.remove', itemId: id })}
          >
            {t('checklistEditor.items.remove')}
          </button>
        </span>
      </div>
      {open && <ItemForm item={item} sectionIndex={sectionIndex} index={index} />}
    </li>
  );
}
