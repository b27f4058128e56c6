// One checklist item while it is checked: its text (Chinese first and large; the English under it when the screen is
// in English), how to check it (folded), whether it is critical or must be photographed, its answer, photos and notes.
import { forwardRef, memo, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Answer } from '../../../shared/checklist/score';
import type { ChecklistItem } from '../../../shared/checklist/schema';
import type { InspectionView } from '../../../shared/inspections/inspectionView';
import { INSPECTION_LIMITS } from '../../../shared/limits';
import { pick } from '../../../shared/plan/labels';
import { useApi } from '../api/ApiContext';
import { useLanguage } from '../components/useLanguage';
import { ErrorNote } from '../people/ErrorNote';
import { formatDateTime } from '../records/recordTime';
import { AnswerButtons } from './AnswerButtons';
import { ResultBadge } from './Badges';
import type { ItemResultName } from './inspectionModel';
import { PhotoPicker } from './PhotoPicker';
import { useAsInspector, useCall } from './useInspections';

type ItemRecord = InspectionView['items'][string];

export interface ItemCardProps {
  inspectionId: string;
  item: ChecklistItem;
  /** Its place in the whole checklist, from 1. */
  number: number;
  record: ItemRecord | undefined;
  result: ItemResultName;
  onAnswered: (itemId: string, view: InspectionView) => void;
  onChanged: (view: InspectionView) => void;
}

/**
 * One item, re-rendered only when what it shows changes: a view arrives whole after every tap, so a card compares
 * its own answer, result, notes and photos rather than object identity (its callbacks are stable: ConductScreen).
 */
export const ItemCard = memo(
  forwardRef<HTMLLIElement, ItemCardProps>(function ItemCard(
    { inspectionId, item, number, record, result, onAnswered, onChanged },
    ref,
  ) {
    const { t } = useTranslation();
    const lang = useLanguage();
    const textId = `item-${item.id}-text`;
    const needsPhoto = item.photo === true && (record?.attachments.length ?? 0) === 0;
    return (
      <li
        ref={ref}
        className={`item-card result-${result}${item.critical ? ' critical' : ''}`}
        data-item={item.id}
        aria-labelledby={textId}
      >
        <div className="item-head">
          <span className="item-number">{t('inspections.item.number', { n: number })}</span>
          <span className="item-badges">
            {item.critical && <span className="badge badge-critical">{t('inspections.item.critical')}</span>}
            {item.photo && (
              <span className={`badge ${needsPhoto ? 'badge-photo-needed' : 'badge-photo'}`}>
                {t('inspections.item.photo')}
              </span>
            )}
            <ResultBadge result={result} />
          </span>
        </div>
        <ItemText id={textId} text={item.text} />
        {item.guidance && (
          <details className="item-guidance">
            <summary>{t('inspections.item.guidance')}</summary>
            <p>{pick(item.guidance, lang)}</p>
          </details>
        )}
        <AnswerButtons
          inspectionId={inspectionId}
          item={item}
          answer={record?.answer as Answer | undefined}
          labelledBy={textId}
          onAnswered={(view) => onAnswered(item.id, view)}
        />
        <PhotoPicker
          inspectionId={inspectionId}
          itemId={item.id}
          itemText={pick(item.text, lang)}
          attachments={record?.attachments ?? []}
          onChanged={onChanged}
        />
        <ItemNotes
          inspectionId={inspectionId}
          itemId={item.id}
          itemText={pick(item.text, lang)}
          notes={record?.notes ?? []}
          onChanged={onChanged}
        />
      </li>
    );
  }),
  sameCard,
);

function sameCard(a: ItemCardProps, b: ItemCardProps): boolean {
  return (
    a.inspectionId === b.inspectionId &&
    a.item.id === b.item.id &&
    a.number === b.number &&
    a.result === b.result &&
    JSON.stringify(a.record) === JSON.stringify(b.record)
  );
}

/** Chinese first, large; the English under it, smaller, when the screen is in English. */
export function ItemText({ id, text }: { id?: string; text: ChecklistItem['text'] }) {
  const lang = useLanguage();
  const zh = pick(text, 'zh-CN');
  const en = text.en?.trim();
  return (
    <p id={id} className="item-text">
      <span className="item-text-zh" lang="zh-CN">
        {zh}
      </span>
      {lang === 'en' && en && en !== zh && (
        <span className="item-text-en" lang="en">
          {en}
        </span>
      )}
    </p>
  );
}

function ItemNotes({
  inspectionId,
  itemId,
  itemText,
  notes,
  onChanged,
}: {
  inspectionId: string;
  itemId: string;
  itemText: string;
  notes: ItemRecord['notes'];
  onChanged: (view: InspectionView) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const asInspector = useAsInspector();
  const call = useCall();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const noteId = `item-${itemId}-note`;
  const textarea = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (open) textarea.current?.focus();
  }, [open]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const note = typed.trim();
    if (!note) return;
    const view = await call.run('note', () =>
      asInspector(() => api.call('inspections.note', { inspectionId, itemId, note })),
    );
    if (view) {
      onChanged(view);
      setTyped('');
      setOpen(false);
    }
  };
  return (
    <div className="item-notes">
      {notes.length > 0 && (
        <ul className="note-list" aria-label={t('inspections.item.notes')}>
          {notes.map((n, i) => (
            <li key={i}>
              <span className="note-by">
                {t('inspections.item.noteBy', { at: formatDateTime(n.at, false), name: n.by?.name ?? '' })}
              </span>{' '}
              {n.note}
            </li>
          ))}
        </ul>
      )}
      {open ? (
        <form className="note-form" onSubmit={(e) => void submit(e)}>
          <label htmlFor={noteId}>
            {t('inspections.item.notes')}
            <span className="visually-hidden">{t('inspections.item.noteOf', { item: itemText })}</span>
          </label>
          <textarea
            id={noteId}
            ref={textarea}
            rows={2}
            value={typed}
            maxLength={INSPECTION_LIMITS.note}
            onChange={(e) => setTyped(e.target.value)}
          />
          <div className="insp-buttons">
            <button
              type="submit"
              className="primary"
              disabled={call.busy !== undefined || !typed.trim()}
              aria-busy={call.busy !== undefined || undefined}
            >
              {t('inspections.item.saveNote')}
            </button>
            <button type="button" disabled={call.busy !== undefined} onClick={() => setOpen(false)}>
              {t('inspections.item.cancelNote')}
            </button>
          </div>
          {call.error !== undefined && <ErrorNote error={call.error} />}
        </form>
      ) : (
        <button type="button" className="add-note" onClick={() => setOpen(true)}>
          {t('inspections.item.addNote')}
        </button>
      )}
    </div>
  );
}
