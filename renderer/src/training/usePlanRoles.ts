// The role titles of the plans people drilled in (a participant's role is the plan's role id): one plans.get per
// plan named, after the records are on screen; an id stands for itself until then, or if the plan is gone.
import { useEffect, useState } from 'react';
import { pick } from '../../../shared/plan/labels';
import type { Language } from '../../../shared/plan/schema';
import { useApi } from '../api/ApiContext';

type RoleTitles = ReadonlyMap<string, ReadonlyMap<string, { 'zh-CN'?: string; en?: string }>>;

export function usePlanRoles(planIds: readonly string[]): (planId: string, roleId: string, lang: Language) => string {
  const api = useApi();
  const [titles, setTitles] = useState<RoleTitles>(new Map());
  const key = [...new Set(planIds)].sort().join(' ');
  useEffect(() => {
    let live = true;
    const ids = key ? key.split(' ') : [];
    void Promise.all(
      ids.map((id) =>
        api.call('plans.get', { id }).then(
          (detail) => [id, new Map((detail.plan?.roles ?? []).map((r) => [r.id, r.title]))] as const,
          () => [id, new Map()] as const,
        ),
      ),
    ).then((entries) => live && setTitles(new Map(entries)));
    return () => {
      live = false;
    };
  }, [api, key]);
  return (planId, roleId, lang) => pick(titles.get(planId)?.get(roleId), lang) || roleId;
}
