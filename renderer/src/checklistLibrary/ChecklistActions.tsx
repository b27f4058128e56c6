// What can be done with one checklist template, by whom: managers revise (or continue the draft), review a draft in
// review, retire with a reason, take or dismiss a newer bundled template; trainers read the history and export.
// Buttons for a higher role than the window's are not offered (the backend refuses them anyway).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistSummary } from '../../../shared/api/channels';
import { DRAFT_NOTE_MAX } from '../../../shared/limits';
import { useApi } from '../api/ApiContext';
import { hrefFor, navigate } from '../app/router';
import { saveBlob } from '../components/saveBlob';
import { ErrorNote } from '../people/ErrorNote';
import { useSession } from '../people/SessionContext';
import { useUnlockedAction } from '../people/useUnlockedAction';
import './strings';

export function ChecklistActions({ summary }: { summary: ChecklistSummary }) {
  const { t } = useTranslation();
  const api = useApi();
  const session = useSession();
  const manager = useUnlockedAction('manager');
  const trainer = useUnlockedAction('trainer');
  const [retiring, setRetiring] = useState(false);
  const [note, setNote] = useState('');
  const checklistId = summary.id;
  const { draft } = summary;
  const mayManage = session.mayEditAs('manager');
  const toEditor = () => {
    navigate({ screen: 'checklists', checklistId, view: 'edit' });
    return '';
  };
  const failed = [manager.outcome, trainer.outcome].find((o) => o?.kind === 'failed');
  return (
    <div className="plan-actions">
      <p className="button-row">
        {mayManage && (!draft || draft.status === 'draft') && (
          <button
            type="button"
            className="primary"
            onClick={() =>
              void manager.run(
                async () => (draft ? true : (await api.call('checklists.revise', { checklistId }), true)),
                toEditor,
                'revise',
              )
            }
          >
            {draft ? t('checklistLibrary.continueEditing') : t('checklistLibrary.revise')}
          </button>
        )}
        {mayManage && draft?.status === 'in-review' && (
          <a className="button-link primary" href={hrefFor({ screen: 'checklists', checklistId, view: 'review' })}>
            {t('checklistLibrary.review')}
          </a>
        )}
        {summary.status !== 'unpublished' && (
          <a className="button-link" href={hrefFor({ screen: 'checklists', checklistId, view: 'history' })}>
            {t('checklistLibrary.history')}
          </a>
        )}
        {summary.status !== 'unpublished' && session.mayEditAs('trainer') && (
          <button
            type="button"
            onClick={() =>
              void trainer.run(
                () => api.call('checklists.export', { checklistId }),
                (file) => {
                  saveBlob(new Blob([file.content], { type: file.mime }), file.fileName);
                  return file.fileName;
                },
                'export',
              )
            }
          >
            {t('checklistLibrary.export')}
          </button>
        )}
        {summary.status === 'published' && mayManage && (
          <button type="button" aria-expanded={retiring} onClick={() => setRetiring(!retiring)}>
            {t('checklistLibrary.retire')}
          </button>
        )}
        {summary.templateUpdate && !draft && mayManage && (
          <>
            <button
              type="button"
              onClick={() =>
                void manager.run(() => api.call('checklists.takeTemplateUpdate', { checklistId }), toEditor)
              }
            >
              {t('checklistLibrary.takeTemplate')}
            </button>
            <button
              type="button"
              onClick={() =>
                void manager.run(
                  () => api.call('checklists.dismissTemplateUpdate', { checklistId }),
                  () => t('checklistLibrary.dismissed'),
                )
              }
            >
              {t('checklistLibrary.dismissTemplate')}
            </button>
          </>
        )}
      </p>
      {retiring && (
        <form
          className="retire-form"
          onSubmit={(event) => {
            event.preventDefault();
            void manager.run(
              () => api.call('checklists.retire', { checklistId, note: note.trim() }),
              () => {
                setRetiring(false);
                setNote('');
                return t('checklistLibrary.retired');
              },
              'retire',
            );
          }}
        >
          <label className="field">
            <span>{t('checklistLibrary.retireNote')}</span>
            <input value={note} maxLength={DRAFT_NOTE_MAX} onChange={(event) => setNote(event.target.value)} />
          </label>
          <button type="submit" className="danger" disabled={note.trim() === ''}>
            {t('checklistLibrary.retireConfirm')}
          </button>
        </form>
      )}
      {manager.outcome?.kind === 'done' && manager.outcome.text && (
        <p role="status" className="notice">
          {manager.outcome.text}
        </p>
      )}
      {failed?.kind === 'failed' && <ErrorNote error={failed.error} />}
    </div>
  );
}
