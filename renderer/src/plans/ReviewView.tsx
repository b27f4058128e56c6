// The draft in review, as its reviewer sees it: who submitted it and why, what changed against the version it came
// from, and two answers — approve with one's PIN (publishing it as the next version) or send it back saying why.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Draft } from '../../../shared/library/draft';
import type { Plan } from '../../../shared/plan/schema';
import { checkPlanDocument } from '../../../shared/plan/checkPlan';
import { diffPlans } from '../../../shared/plan/diff';
import { formatLocalDateTime } from '../../../shared/time/localTime';
import { useApi } from '../api/ApiContext';
import { navigate } from '../app/router';
import { useAsync } from '../app/useAsync';
import { displayTimeZone } from '../components/displayTimeZone';
import { LoadState } from '../components/LoadState';
import { PlanOutline } from '../components/PlanOutline';
import { ReviewAnswers } from '../components/ReviewAnswers';
import { useLanguage } from '../components/useLanguage';
import { useSession } from '../people/SessionContext';
import { DiffView } from './DiffView';
import './strings';

export function ReviewView({ planId }: { planId: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const [state, retry] = useAsync(async () => {
    const view = await api.call('plans.draft', { planId });
    const base =
      view.draft.base && (await api.call('plans.version', { planId, version: view.draft.base.version })).plan;
    return { view, base };
  }, [planId]);
  return (
    <section aria-labelledby="review-title">
      <LoadState state={state} retry={retry}>
        {({ view, base }) =>
          view.draft.status !== 'in-review' || !view.draft.submitted || !view.contentHash ? (
            <p className="notice">{t('library.notInReview')}</p>
          ) : (
            <Review
              planId={planId}
              draft={view.draft}
              submitted={view.draft.submitted}
              contentHash={view.contentHash}
              base={base ?? undefined}
            />
          )
        }
      </LoadState>
    </section>
  );
}

function Review({
  planId,
  draft,
  submitted,
  contentHash,
  base,
}: {
  planId: string;
  draft: Draft;
  submitted: NonNullable<Draft['submitted']>;
  contentHash: string;
  base: Plan | undefined;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const api = useApi();
  const session = useSession();
  const after = useMemo(() => checkPlanDocument(draft.plan).plan, [draft.plan]);
  const diff = useMemo(() => (after && base ? diffPlans(base, after) : undefined), [after, base]);
  const self = session.view?.unlocked?.userId === submitted.by.userId;
  const title = after?.title[lang] || after?.title['zh-CN'] || planId;
  return (
    <>
      <h2 id="review-title">{t('library.reviewTitle', { title })}</h2>
      <dl className="facts">
        <dt>{t('library.submittedBy', { name: submitted.by.name, at: when(submitted.at) })}</dt>
        <dd>{draft.base ? t('library.base', { version: draft.base.version }) : t('library.newPlan')}</dd>
        <dt>{t('library.note')}</dt>
        <dd className="review-note">{submitted.note}</dd>
        <dt>{t('library.hash')}</dt>
        <dd>
          <code className="small">{contentHash}</code>
        </dd>
      </dl>
      {after && diff ? <DiffView diff={diff} after={after} /> : after && <PlanOutline plan={after} directory={{}} />}
      <ReviewAnswers
        self={self}
        approve={(pin) => api.call('plans.approve', { planId, contentHash, pin })}
        onApproved={(summary) => {
          navigate({ screen: 'plans', planId });
          return t('library.approved', { version: summary.version });
        }}
        sendBack={(comment) => api.call('plans.sendBack', { planId, comment })}
        onSentBack={() => {
          navigate({ screen: 'plans', planId });
          return t('library.sentBack');
        }}
      />
    </>
  );
}

function when(at: string): string {
  return formatLocalDateTime(Date.parse(at), displayTimeZone(), false);
}
