// Free-text notes: a box to write one (opened by the "备注" button or the N key) and the notes so far.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunMode } from '../../../shared/journal/events';
import { NOTE_MAX } from '../../../shared/limits';
import { pick } from '../../../shared/plan/labels';
import type { IndexedStep } from '../../../shared/plan/stepIndex';
import type { RunView } from '../../../shared/run/runViewSchema';
import { useLanguage } from '../components/useLanguage';
import { Dialog } from './Dialog';
import { CommandError } from './RunBanners';
import { formatClock } from './time';
import type { RunHandle } from './useRun';

const SAVE_NOTE = 'note.save';

export function NoteDialog({
  open,
  onClose,
  run,
  step,
  mode,
}: {
  open: boolean;
  onClose: () => void;
  run: Pick<RunHandle, 'send' | 'pending' | 'error' | 'dismissError'>;
  /** A drill's note goes into the drill's record, and the label says so. */
  mode: RunMode;
  /** The step the note is about: the first current one, if any. */
  step?: string;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const busy = run.pending.has(SAVE_NOTE);
  const submit = async (event: { preventDefault(): void }) => {
    event.preventDefault();
    if (!text.trim()) return;
    const saved = await run.send(SAVE_NOTE, { type: 'note', text: text.trim(), ...(step ? { step } : {}) });
    if (saved) {
      setText('');
      onClose();
    }
  };
  return (
    <Dialog open={open} onClose={onClose} labelledBy="note-title">
      <form className="dialog-form" onSubmit={submit}>
        <h2 id="note-title">{t('run.noteTitle')}</h2>
        <label className="stacked-field">
          <span>{t('run.noteLabel', { context: mode })}</span>
          <textarea
            value={text}
            rows={4}
            maxLength={NOTE_MAX}
            autoFocus
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              // Ctrl+Enter saves; plain Enter is a new line.
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit(e);
            }}
          />
        </label>
        <CommandError run={run} />
        <div className="dialog-actions">
          <button type="submit" className="primary big" disabled={busy || !text.trim()} aria-busy={busy || undefined}>
            {busy ? t('run.pending') : t('run.noteSave')}
          </button>
          <button type="button" className="big" onClick={onClose}>
            {t('run.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function NoteList({ view, index }: { view: RunView; index: Map<string, IndexedStep> }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <section className="notes" aria-labelledby="notes-title">
      <h2 id="notes-title">{t('run.notes', { count: view.notes.length })}</h2>
      {view.notes.length === 0 ? (
        <p className="muted small">{t('run.noNotes')}</p>
      ) : (
        <ul>
          {view.notes.map((note, i) => (
            <li key={i}>
              <time dateTime={note.at}>{formatClock(note.at, lang)}</time>
              {note.step && <span className="muted small"> · {pick(index.get(note.step)?.step.title, lang)}</span>}
              <p>{note.text}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
