// The top of the editor: which draft this is (status, base version, origin), whether it is saved, why it is
// read-only when it is (DraftStatus.tsx, shared with the checklist editor), and the draft's actions (undo, redo,
// submit for review, discard).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VERSION_SOURCE_LABELS } from '../../../shared/library/labels';
import type { Draft } from '../../../shared/library/draft';
import { pick } from '../../../shared/plan/labels';
import { navigate } from '../app/router';
import { useLanguage } from '../components/useLanguage';
import { formatDateTime } from '../records/recordTime';
import { canRedo, canUndo } from './editorModel';
import { DiscardDialog, SubmitDialog } from './DraftDialogs';
import { ReadOnlyNotice, SaveStatus } from './DraftStatus';
import type { DraftEditor } from './useDraftEditor';
import type { EditorState } from './editorModel';

export function EditorHeader({
  editor,
  meta,
  errors,
  travel,
}: {
  editor: DraftEditor;
  meta: Draft;
  errors: number;
  travel: (direction: 'undo' | 'redo') => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const state = editor.editor as EditorState;
  const [dialog, setDialog] = useState<'submit' | 'discard' | null>(null);
  const readOnly = editor.readOnly !== undefined;
  const stale = editor.save.kind === 'stale';
  const submitBlock = errors > 0 ? t('editor.submit.blocked', { count: errors }) : undefined;
  return (
    <header className="editor-head">
      <h1 id="editor-title">{t('editor.title', { title: pick(state.plan.title, lang) || meta.planId })}</h1>
      <dl className="editor-facts">
        <div>
          <dt>{t('editor.facts.status')}</dt>
          <dd>
            <span className={`badge ${meta.status === 'in-review' ? 'badge-warning' : 'badge-start'}`}>
              {t(meta.status === 'in-review' ? 'editor.facts.inReview' : 'editor.facts.draft')}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t('editor.facts.base')}</dt>
          <dd>
            {meta.base ? t('editor.facts.baseVersion', { version: meta.base.version }) : t('editor.facts.noBase')}
          </dd>
        </div>
        <div>
          <dt>{t('editor.facts.origin')}</dt>
          <dd>{VERSION_SOURCE_LABELS[meta.origin][lang]}</dd>
        </div>
        <div>
          <dt>{t('editor.facts.revision')}</dt>
          <dd>{meta.revision}</dd>
        </div>
      </dl>
      <SaveStatus draft={editor} />
      {meta.status === 'draft' && meta.sentBack && (
        <p className="notice notice-warning">
          {t('editor.sentBack', {
            name: meta.sentBack.by.name,
            at: formatDateTime(meta.sentBack.at, false),
            comment: meta.sentBack.comment,
          })}
        </p>
      )}
      <ReadOnlyNotice readOnly={editor.readOnly} meta={meta} />
      <div className="editor-toolbar" role="toolbar" aria-label={t('editor.toolbar.label')}>
        <button
          type="button"
          disabled={readOnly || !canUndo(state)}
          aria-keyshortcuts="Control+Z"
          title={t('editor.toolbar.undoHint')}
          onClick={() => travel('undo')}
        >
          ↶ {t('editor.toolbar.undo')}
        </button>
        <button
          type="button"
          disabled={readOnly || !canRedo(state)}
          aria-keyshortcuts="Control+Shift+Z Control+Y"
          title={t('editor.toolbar.redoHint')}
          onClick={() => travel('redo')}
        >
          ↷ {t('editor.toolbar.redo')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={readOnly || stale || submitBlock !== undefined}
          aria-describedby={submitBlock ? 'submit-blocked' : undefined}
          onClick={() => setDialog('submit')}
        >
          {t('editor.toolbar.submit')}
        </button>
        <button
          type="button"
          className="danger-outline"
          disabled={editor.readOnly === 'trainer'}
          onClick={() => setDialog('discard')}
        >
          {t('editor.toolbar.discard')}
        </button>
        {submitBlock && !readOnly && (
          <span id="submit-blocked" className="ed-hint">
            {submitBlock}
          </span>
        )}
      </div>
      <SubmitDialog open={dialog === 'submit'} onClose={() => setDialog(null)} submit={editor.submit} />
      <DiscardDialog
        open={dialog === 'discard'}
        onClose={() => setDialog(null)}
        discard={async () => {
          const done = await editor.discard();
          if (done) navigate({ screen: 'plans', planId: meta.planId });
          return done;
        }}
      />
    </header>
  );
}
