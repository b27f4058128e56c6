// The top of the checklist editor: which draft this is (status, base version, saves), whether it is saved, why it is
// read-only when it is, and the draft's actions (undo, redo, submit for review with a note, discard).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Draft } from '../../../shared/library/draft';
import { pick } from '../../../shared/plan/labels';
import { formatLocalClock } from '../../../shared/time/localTime';
import { displayTimeZone } from '../components/displayTimeZone';
import { useLanguage } from '../components/useLanguage';
import { DiscardDialog, SubmitDialog } from '../editor/DraftDialogs';
import { bilingualError } from '../people/labels';
import { useSession } from '../people/SessionContext';
import { formatDateTime } from '../records/recordTime';
import { canRedo, canUndo, type ChecklistEditorState } from './checklistHistory';
import type { ChecklistDraft } from './useChecklistDraft';

export function ChecklistHeader({
  draft,
  meta,
  errors,
  travel,
  leave,
}: {
  draft: ChecklistDraft;
  meta: Draft;
  errors: number;
  travel: (direction: 'undo' | 'redo') => void;
  /** Goes to the template's page (after submitting or discarding). */
  leave: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const state = draft.editor as ChecklistEditorState;
  const [dialog, setDialog] = useState<'submit' | 'discard' | null>(null);
  const readOnly = draft.readOnly !== undefined;
  const stale = draft.save.kind === 'stale';
  const blocked = errors > 0 ? t('checklistEditor.toolbar.blocked', { count: errors }) : undefined;
  return (
    <header className="editor-head">
      <h1 id="ck-editor-title">
        {t('checklistEditor.title', { title: pick(state.checklist.title, lang) || meta.planId })}
      </h1>
      <dl className="editor-facts">
        <div>
          <dt>{t('checklistEditor.facts.status')}</dt>
          <dd>
            <span className={`badge ${meta.status === 'in-review' ? 'badge-warning' : 'badge-start'}`}>
              {t(meta.status === 'in-review' ? 'checklistEditor.facts.inReview' : 'checklistEditor.facts.draft')}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t('checklistEditor.facts.base')}</dt>
          <dd>
            {meta.base
              ? t('checklistEditor.facts.baseVersion', { version: meta.base.version })
              : t('checklistEditor.facts.noBase')}
          </dd>
        </div>
        <div>
          <dt>{t('checklistEditor.facts.revision')}</dt>
          <dd>{meta.revision}</dd>
        </div>
      </dl>
      <SaveStatus draft={draft} />
      {meta.status === 'draft' && meta.sentBack && (
        <p className="notice notice-warning">
          {t('checklistEditor.sentBack', {
            name: meta.sentBack.by.name,
            at: formatDateTime(meta.sentBack.at, false),
            comment: meta.sentBack.comment,
          })}
        </p>
      )}
      <ReadOnlyNotice draft={draft} meta={meta} />
      <div className="editor-toolbar" role="toolbar" aria-label={t('checklistEditor.toolbar.label')}>
        <button
          type="button"
          className="big"
          disabled={readOnly || !canUndo(state)}
          aria-keyshortcuts="Control+Z"
          onClick={() => travel('undo')}
        >
          ↶ {t('checklistEditor.toolbar.undo')}
        </button>
        <button
          type="button"
          className="big"
          disabled={readOnly || !canRedo(state)}
          aria-keyshortcuts="Control+Shift+Z Control+Y"
          onClick={() => travel('redo')}
        >
          ↷ {t('checklistEditor.toolbar.redo')}
        </button>
        <button
          type="button"
          className="primary big"
          disabled={readOnly || stale || blocked !== undefined}
          aria-describedby={blocked ? 'ck-submit-blocked' : undefined}
          onClick={() => setDialog('submit')}
        >
          {t('checklistEditor.toolbar.submit')}
        </button>
        <button
          type="button"
          className="danger-outline big"
          disabled={draft.readOnly === 'trainer'}
          onClick={() => setDialog('discard')}
        >
          {t('checklistEditor.toolbar.discard')}
        </button>
        {blocked && !readOnly && (
          <span id="ck-submit-blocked" className="ed-hint">
            {blocked}
          </span>
        )}
      </div>
      <SubmitDialog
        open={dialog === 'submit'}
        onClose={() => setDialog(null)}
        submit={async (note) => {
          const result = await draft.submit(note);
          if (result === 'submitted') leave();
          return result;
        }}
      />
      <DiscardDialog
        open={dialog === 'discard'}
        onClose={() => setDialog(null)}
        discard={async () => {
          const done = await draft.discard();
          if (done) leave();
          return done;
        }}
      />
    </header>
  );
}

function SaveStatus({ draft }: { draft: ChecklistDraft }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { save, dirty } = draft;
  const message = (error: unknown) => {
    const text = bilingualError(error);
    return 'plain' in text ? text.plain : text[lang];
  };
  let text: string;
  let action: { label: string; run: () => void } | undefined;
  let tone = '';
  switch (save.kind) {
    case 'saving':
      text = t('checklistEditor.save.saving');
      break;
    case 'saved':
      text = dirty
        ? t('checklistEditor.save.pending')
        : t('checklistEditor.save.saved', { time: formatLocalClock(save.at, displayTimeZone(), false) });
      break;
    case 'unsaved':
      text = t('checklistEditor.save.unsaved');
      action = { label: t('checklistEditor.save.saveNow'), run: () => void draft.saveNow() };
      tone = 'notice notice-warning';
      break;
    case 'failed':
      text = t('checklistEditor.save.failed', { message: message(save.error) });
      action = { label: t('checklistEditor.save.saveNow'), run: () => void draft.saveNow() };
      tone = 'notice notice-error';
      break;
    case 'stale':
      text = `${t('checklistEditor.save.stale')} ${message(save.error)}`;
      action = { label: t('checklistEditor.save.reload'), run: () => void draft.reload() };
      tone = 'notice notice-error';
      break;
    default:
      text = dirty ? t('checklistEditor.save.pending') : t('checklistEditor.save.idle');
  }
  return (
    <div className={`ed-save-state ${tone}`}>
      <p role="status" data-testid="save-state">
        {text}
      </p>
      {action && (
        <button type="button" onClick={action.run}>
          {action.label}
        </button>
      )}
    </div>
  );
}

function ReadOnlyNotice({ draft, meta }: { draft: ChecklistDraft; meta: Draft }) {
  const { t } = useTranslation();
  const session = useSession();
  if (draft.readOnly === undefined) return null;
  if (draft.readOnly === 'in-review') {
    return (
      <div className="notice notice-info ed-read-only-notice" data-testid="read-only">
        <p>{t('checklistEditor.readOnly.inReview')}</p>
        {meta.submitted && (
          <>
            <p>
              {t('checklistEditor.readOnly.submittedBy', {
                name: meta.submitted.by.name,
                at: formatDateTime(meta.submitted.at, false),
              })}
            </p>
            <p>{t('checklistEditor.readOnly.note', { note: meta.submitted.note })}</p>
          </>
        )}
      </div>
    );
  }
  return (
    <div className="notice notice-info ed-read-only-notice" data-testid="read-only">
      <p>{t(draft.readOnly === 'trainer' ? 'checklistEditor.readOnly.trainer' : 'checklistEditor.readOnly.locked')}</p>
      <button type="button" onClick={() => void session.requestUnlock('manager')}>
        {t('checklistEditor.readOnly.unlock')}
      </button>
    </div>
  );
}
