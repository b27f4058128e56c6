// What can be done with one plan, by whom: managers revise (or continue the draft), review a draft in review,
// retire, take or dismiss a newer template; trainers read the draft and export; anyone sees the history. Buttons for
// a higher role than the window's are not offered (the backend refuses them anyway).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanSummary } from '../../../shared/api/channels';
import { DRAFT_NOTE_MAX } from '../../../shared/limits';
import { useApi } from '../api/ApiContext';
import { hrefFor, navigate } from '../app/router';
import { saveBlob } from '../components/saveBlob';
import { ErrorNote } from '../people/ErrorNote';
import { useSession } from '../people/SessionContext';
import { useUnlockedAction } from '../people/useUnlockedAction';
import './strings';

export function PlanActions({ summary }: { summary: PlanSummary }) {
  const { t } = useTranslation();
  const api = useApi();
  const session = useSession();
  const manager = useUnlockedAction('manager');
  const trainer = useUnlockedAction('trainer');
  const [retiring, setRetiring] = useState(false);
  const [note, setNote] = useState('');
  const planId = summary.id;
  const { draft } = summary;
  const toEditor = () => {
    navigate({ screen: 'plans', planId, view: { kind: 'edit' } });
    return '';
  };
  const failed = [manager.outcome, trainer.outcome].find((o) => o?.kind === 'failed');
  return (
    <div className="plan-actions">
      <p className="button-row">
        {session.mayEditAs('manager') && (!draft || draft.status === 'draft') && (
          <button
            type="button"
            className="primary"
            onClick={() =>
              void manager.run(
                async () => (draft ? true : (await api.call('plans.revise', { planId }), true)),
                toEditor,
                'revise',
              )
            }
          >
            {draft ? t('library.continueEditing') : t('library.revise')}
          </button>
        )}
        {draft && !session.mayEditAs('manager') && session.mayEditAs('trainer') && (
          <a className="button-link" href={hrefFor({ screen: 'plans', planId, view: { kind: 'edit' } })}>
            {t('library.continueEditing')}
          </a>
        )}
        {draft?.status === 'in-review' && (
          <a className="button-link primary" href={hrefFor({ screen: 'plans', planId, view: { kind: 'review' } })}>
            {t('library.review')}
          </a>
        )}
        {draft && summary.status !== 'unpublished' && session.mayEditAs('trainer') && (
          <a
            className="button-link"
            href={hrefFor({ screen: 'plans', planId, view: { kind: 'compare', a: summary.version, b: 'draft' } })}
          >
            {t('library.compareDraft')}
          </a>
        )}
        {summary.status !== 'unpublished' && (
          <a className="button-link" href={hrefFor({ screen: 'plans', planId, view: { kind: 'history' } })}>
            {t('library.history')}
          </a>
        )}
        {summary.status !== 'unpublished' && session.mayEditAs('trainer') && (
          <button
            type="button"

            onClick={() =>
              void trainer.run(
                () => api.call('plans.export', { planId, version: summary.version }),
                (file) => {
                  saveBlob(new Blob([file.content], { type: file.mime }), file.fileName);
                  return file.fileName;
                },
                'export',
              )
            }
          >
            {t('library.export')}
          </button>
        )}
        {summary.status === 'published' && session.mayEditAs('manager') && (
          <button
            type="button"

            aria-expanded={retiring}
            onClick={() => setRetiring(!retiring)}
          >
            {t('library.retire')}
          </button>
        )}
        {summary.templateUpdate && !draft && session.mayEditAs('manager') && (
          <>
            <button
              type="button"

              onClick={() =>
                void manager.run(
                  () => api.call('plans.takeTemplateUpdate', { planId }),
                  () => {
                    // The update's diff against the version in use comes first: that is what the manager decides on.
                    navigate({ screen: 'plans', planId, view: { kind: 'compare', a: summary.version, b: 'draft' } });
                    return '';
                  },
                  'take',
                )
              }
            >
              {t('library.takeTemplate')}
            </button>
            <button
              type="button"

              onClick={() =>
                void manager.run(
                  () => api.call('plans.dismissTemplateUpdate', { planId }),
                  () => '',
                  'dismiss',
                )
              }
            >
              {t('library.dismissTemplate')}
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
              () => api.call('plans.retire', { planId, note: note.trim() }),
              () => {
                setRetiring(false);
                setNote('');
                return t('library.retired');
              },
              'retire',
            );
          }}
        >
          <label className="field">
            <span>{t('library.retireNote')}</span>
            <input value={note} maxLength={DRAFT_NOTE_MAX} onChange={(event) => setNote(event.target.value)} />
          </label>
          <button type="submit" className="danger" disabled={note.trim() === ''}>
            {t('library.retireConfirm')}
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
