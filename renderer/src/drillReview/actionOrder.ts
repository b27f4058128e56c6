// The order of the actions list: what is overdue first (the longest overdue at the top), then what is open by due
// date, then what is closed, most recently closed first.
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
