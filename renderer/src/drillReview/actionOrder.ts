// The order of the actions list: what is overdue first (the longest overdue at the top), then what is open by due
// date, then what is closed, most recently closed first. And its filters: by where an action stands (to fix, to
// check, closed, overdue) and by where it came from (a drill, an inspection), each counted within the other.
import type { ActionView } from '../../../shared/actions/actionView';

export function inListOrder(actions: readonly ActionView[]): ActionView[] {
  const rank = (a: ActionView) => (a.closed ? 2 : a.overdue ? 0 : 1);
  return [...actions].sort((a, b) => {
    const byRank = rank(a) - rank(b);
    if (byRank !== 0) return byRank;
    if (a.closed && b.closed) return Date.parse(b.closed.at) - Date.parse(a.closed.at);
    return a.spec.due.localeCompare(b.spec.due) || Date.parse(a.opened.at) - Date.parse(b.opened.at);
  });
}

export const STATUS_FILTERS = ['all', 'toFix', 'toCheck', 'closed', 'overdue'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export const SOURCE_FILTERS = ['anySource', 'drill', 'inspection'] as const;
export type SourceFilter = (typeof SOURCE_FILTERS)[number];

export interface ActionFilter {
  status: StatusFilter;
  source: SourceFilter;
}

export function matchesStatus(action: ActionView, filter: StatusFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'toFix':
      return action.status === 'open' || action.status === 'in-progress';
    case 'toCheck':
      return action.status === 'fixed';
    case 'closed':
      return action.status === 'done' || action.status === 'dropped';
    case 'overdue':
      return action.overdue === true;
  }
}

export function matchesSource(action: ActionView, filter: SourceFilter): boolean {
  return filter === 'anySource' || action.spec.source.kind === filter;
}

export function filterActions(actions: readonly ActionView[], filter: ActionFilter): ActionView[] {
  return actions.filter((a) => matchesStatus(a, filter.status) && matchesSource(a, filter.source));
}

/**
 * How many actions each choice would show, the other filter kept as it is: the numbers on the filter buttons.
 */
export function filterCounts(
  actions: readonly ActionView[],
  filter: ActionFilter,
): { status: Record<StatusFilter, number>; source: Record<SourceFilter, number> } {
  const ofSource = actions.filter((a) => matchesSource(a, filter.source));
  const ofStatus = actions.filter((a) => matchesStatus(a, filter.status));
  const count = <K extends string>(
    keys: readonly K[],
    list: readonly ActionView[],
    match: (a: ActionView, k: K) => boolean,
  ) => Object.fromEntries(keys.map((k) => [k, list.filter((a) => match(a, k)).length])) as Record<K, number>;
  return {
    status: count(STATUS_FILTERS, ofSource, matchesStatus),
    source: count(SOURCE_FILTERS, ofStatus, matchesSource),
  };
}
