// Two versions of a plan side by side as a diff: any two published versions, or the draft against one.
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../../../shared/api/client';
import { checkPlanDocument } from '../../../shared/plan/checkPlan';
import { diffPlans } from '../../../shared/plan/diff';
import type { Plan } from '../../../shared/plan/schema';
import { useApi } from '../api/ApiContext';
import type { VersionKey } from '../app/router';
import { useAsync } from '../app/useAsync';
import { LoadState } from '../components/LoadState';
import { DiffView } from './DiffView';
import './strings';

/** A version's plan, or the draft's when it matches the plan format (a draft may not while being edited). */
export async function loadVersion(api: ApiClient, planId: string, key: VersionKey): Promise<Plan | undefined> {
  if (key === 'draft') return checkPlanDocument((await api.call('plans.draft', { planId })).draft.plan).plan;
  return (await api.call('plans.version', { planId, version: key })).plan;
}

export function CompareView({ planId, a, b }: { planId: string; a: VersionKey; b: VersionKey }) {
  const { t } = useTranslation();
  const api = useApi();
  const name = (key: VersionKey) => (key === 'draft' ? t('library.draftName') : t('library.version', { version: key }));
  const [state, retry] = useAsync(async () => {
    const before = await loadVersion(api, planId, a);
    const after = await loadVersion(api, planId, b);
    // Computed once per load: the diagram's marks follow this object's identity.
    return { after, diff: before && after ? diffPlans(before, after) : undefined };
  }, [planId, a, b]);
  return (
    <section aria-labelledby="compare-title">
      <h2 id="compare-title">{t('library.compareTitle', { a: name(a), b: name(b) })}</h2>
      <LoadState state={state} retry={retry}>
        {({ after, diff }) =>
          diff && after ? (
            <DiffView diff={diff} after={after} />
          ) : (
            <p className="notice notice-error">{t('library.notAPlan')}</p>
          )
        }
      </LoadState>
    </section>
  );
}
