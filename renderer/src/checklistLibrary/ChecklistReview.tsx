// A checklist template's draft in review, as its reviewer sees it: who submitted it and why, what changed against
// the version it came from (each change a line, a changed text with its edits marked), and the two answers —
// approve with one's PIN, which publishes it as the next version, or send it back saying why.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistDraftView } from '../../../shared/api/channels';
import { checkChecklistDocument } from '../../../shared/checklist/checkChecklist';
import { describeChecklistCounts, describeChecklistDiffEntries } from '../../../shared/checklist/describeDiff';
import { diffChecklists } from '../../../shared/checklist/diff';
import type { Checklist } from '../../../shared/checklist/schema';
import { useApi } from '../api/ApiContext';
import { navigate } from '../app/router';
import { useAsync } from '../app/useAsync';
import { LoadState } from '../components/LoadState';
import { DiffLines } from '../components/MarkedText';
import { ReviewAnswers } from '../components/ReviewAnswers';
import { useLanguage } from '../components/useLanguage';
import { useSession } from '../people/SessionContext';
import { ChecklistContents } from './ChecklistContents';
import { when } from './when';
import './strings';

export function ChecklistReview({ checklistId }: { checklistId: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const [state, retry] = useAsync(async () => {
    const view = await api.call('checklists.draft', { checklistId });
    const base = view.draft.base
      ? (await api.call('checklists.version', { checklistId, version: view.draft.base.version })).checklist
      : undefined;
    return { view, base };
  }, [checklistId]);
  return (
    <section aria-labelledby="review-title">
      <LoadState state={state} retry={retry}>
        {({ view, base }) =>
          view.draft.status !== 'in-review' || !view.draft.submitted || !view.contentHash ? (
            <>
              <h2 id="review-title">{t('checklistLibrary.review')}</h2>
              <p className="notice">{t('checklistLibrary.notInReview')}</p>
            </>
          ) : (
            <Review checklistId={checklistId} view={view} contentHash={view.contentHash} base={base} />
          )
        }
      </LoadState>
    </section>
  );
}

function Review({
  checklistId,
  view: { draft },
  contentHash,
  base,
}: {
  checklistId: string;
  view: ChecklistDraftView;
  contentHash: string;
  base: Checklist | undefined;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const api = useApi();
  const session = useSession();
  const submitted = draft.submitted!;
  const after = useMemo(() => checkChecklistDocument(draft.plan).checklist, [draft.plan]);
  const diff = useMemo(() => (after && base ? diffChecklists(base, after) : undefined), [after, base]);
  const entries = useMemo(() => (diff ? describeChecklistDiffEntries(diff, lang) : []), [diff, lang]);
  const title = after?.title[lang] || after?.title['zh-CN'] || checklistId;
  const backToTemplate = (said: string) => {
    navigate({ screen: 'checklists', checklistId });
    return said;
  };
  return (
    <>
      <h2 id="review-title">{t('checklistLibrary.reviewTitle', { title })}</h2>
      <dl className="facts">
        <dt>{t('checklistLibrary.submittedBy', { name: submitted.by.name, at: when(submitted.at) })}</dt>
        <dd>
          {draft.base ? t('checklistLibrary.base', { version: draft.base.version }) : t('checklistLibrary.newTemplate')}
        </dd>
        <dt>{t('checklistLibrary.note')}</dt>
        <dd className="review-note">{submitted.note}</dd>
        <dt>{t('checklistLibrary.hash')}</dt>
        <dd>
          <code className="small">{contentHash}</code>
        </dd>
      </dl>
      {diff && draft.base ? (
        <section aria-labelledby="diff-changes" className="diff-changes">
          <h3 id="diff-changes">{t('checklistLibrary.changes', { version: draft.base.version })}</h3>
          <p className="diff-counts">{describeChecklistCounts(diff, lang)}</p>
          {entries.length > 0 && <DiffLines entries={entries} />}
        </section>
      ) : after ? (
        <ChecklistContents checklist={after} headingLevel={3} />
      ) : (
        <p className="notice notice-error">{t('checklistLibrary.notAChecklist')}</p>
      )}
      {session.mayEditAs('manager') && (
        <ReviewAnswers
          self={session.view?.unlocked?.userId === submitted.by.userId}
          approve={(pin) => api.call('checklists.approve', { checklistId, contentHash, pin })}
          onApproved={(summary) => backToTemplate(t('checklistLibrary.approved', { version: summary.version }))}
          sendBack={(comment) => api.call('checklists.sendBack', { checklistId, comment })}
          onSentBack={() => backToTemplate(t('checklistLibrary.sentBack'))}
        />
      )}
    </>
  );
}
