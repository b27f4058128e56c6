// The top of the checklist editor: which draft this is (status, base version, saves), whether it is saved and why it
// is read-only when it is (../editor/DraftStatus, as in the plan editor), and the draft's actions (undo, redo,
// submit for review with a note, discard).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Draft } from '../../../shared/library/draft';
import { pick } from '../../../shared/plan/labels';
import { useLanguage } from '../components/useLanguage';
import { DiscardDialog, SubmitDialog } from '../editor/DraftDialogs';
import { ReadOnlyNotice, SaveStatus } from '../editor/DraftStatus';
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
      <SaveStatus draft={draft} words="checklistEditor.save" />
      {meta.status === 'draft' && meta.sentBack && (
        <p className="notice notice-warning">
          {t('checklistEditor.sentBack', {
            name: meta.sentBack.by.name,
            at: formatDateTime(meta.sentBack.at, false),
            comment: meta.sentBack.comment,
          })}
        </p>
      )}
      <ReadOnlyNotice readOnly={draft.readOnly} meta={meta} />
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
