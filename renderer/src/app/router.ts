// A tiny hash router: the app has a handful of screens and must work from app:// and http:// alike.
import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';

export type Route =
  | { screen: 'home' }
  | { screen: 'run'; runId: string }
  | { screen: 'plans'; planId?: string; view?: PlanView }
  /** Checklist templates (检查表): the list, one template, its draft in the editor, the draft in review, its history. */
  | { screen: 'checklists'; checklistId?: string; view?: ChecklistView }
  | { screen: 'records'; runId?: string; report?: boolean }
  /** Drill exercises (a trainer's): the list and planning, one exercise, its console during the drill. */
  | { screen: 'drills'; exerciseId?: string; console?: boolean; plan?: boolean; evaluate?: boolean; report?: boolean }
  /** Improvement actions (整改措施) from drills and rectifications (整改) from inspections. */
  | { screen: 'actions' }
  /**
   * Inspections (明查暗访 and daily checks): the list, planning or starting one (`plan`), one inspection (conducted,
   * or its result), its printable report, the branch scorecard.
   */
  | { screen: 'inspections'; inspectionId?: string; plan?: boolean; report?: boolean; scorecard?: boolean }
  /** The coverage and training dashboard (a trainer's). */
  | { screen: 'training' }
  /** Self-study: a short quiz on the plans, for whoever is unlocked. */
  | { screen: 'study' }
  | { screen: 'settings' }
  | { screen: 'users' }
  | { screen: 'audit' }
  /** The head-office console (总行看板, a manager's): the dashboard, one branch's history, one record, its connection. */
  | { screen: 'hq'; view?: HqView };

export type HqView =
  | { kind: 'branch'; code: string }
  | { kind: 'record'; code: string; recordKind: string; recordId: string }
  | { kind: 'settings' };

/**
 * What of one plan a screen shows: its detail (none), its draft in the editor, the draft in review, its history,
 * or two versions compared (`a`, `b`: version numbers, or `draft`).
 */
export type PlanView =
  { kind: 'edit' } | { kind: 'review' } | { kind: 'history' } | { kind: 'compare'; a: VersionKey; b: VersionKey };
export type VersionKey = number | 'draft';
export type ChecklistView = 'edit' | 'review' | 'history';

function versionKey(text: string | undefined): VersionKey | undefined {
  if (text === 'draft') return 'draft';
  const n = Number(text);
  return Number.isInteger(n) && n >= 1 ? n : undefined;
}

function planView(parts: readonly string[]): PlanView | undefined {
  const [kind, a, b] = parts;
  if (kind === 'edit' || kind === 'review' || kind === 'history') return { kind };
  const from = versionKey(a);
  const to = versionKey(b);
  if (kind === 'compare' && from !== undefined && to !== undefined) return { kind, a: from, b: to };
  return undefined;
}

export function parseRoute(hash: string): Route {
  const [screen, id, sub, ...rest] = hash.replace(/^#\/?/, '').split('/');
  const planId = id ? decodeURIComponent(id) : undefined;
  if (screen === 'run' && id) return { screen: 'run', runId: decodeURIComponent(id) };
  if (screen === 'plans') {
    if (!planId) return { screen: 'plans' };
    const view = sub ? planView([sub, ...rest]) : undefined;
    return view ? { screen: 'plans', planId, view } : { screen: 'plans', planId };
  }
  if (screen === 'checklists') {
    if (!id) return { screen: 'checklists' };
    const checklistId = decodeURIComponent(id);
    const view = sub === 'edit' || sub === 'review' || sub === 'history' ? sub : undefined;
    return view ? { screen: 'checklists', checklistId, view } : { screen: 'checklists', checklistId };
  }
  if (screen === 'records') {
    if (!id) return { screen: 'records' };
    return { screen: 'records', runId: decodeURIComponent(id), ...(sub === 'report' ? { report: true } : {}) };
  }
  if (screen === 'drills') {
    if (id === 'new') return { screen: 'drills', plan: true };
    if (!id) return { screen: 'drills' };
    const exerciseId = decodeURIComponent(id);
    if (sub === 'console') return { screen: 'drills', exerciseId, console: true };
    if (sub === 'evaluate') return { screen: 'drills', exerciseId, evaluate: true };
    if (sub === 'report') return { screen: 'drills', exerciseId, report: true };
    return { screen: 'drills', exerciseId };
  }
  if (screen === 'inspections') {
    if (id === 'new') return { screen: 'inspections', plan: true };
    if (id === 'scorecard') return { screen: 'inspections', scorecard: true };
    if (!id) return { screen: 'inspections' };
    const inspectionId = decodeURIComponent(id);
    return sub === 'report'
      ? { screen: 'inspections', inspectionId, report: true }
      : { screen: 'inspections', inspectionId };
  }
  if (screen === 'hq') {
    // #/hq/record/<code>/<kind>/<id>: after `record`, the branch code (in `sub`) and the kind and id (in `rest`).
    const [recordKind, recordId] = rest.map(decodeURIComponent);
    if (id === 'settings') return { screen: 'hq', view: { kind: 'settings' } };
    if (id === 'branch' && sub) return { screen: 'hq', view: { kind: 'branch', code: decodeURIComponent(sub) } };
    if (id === 'record' && sub && recordKind && recordId) {
      return { screen: 'hq', view: { kind: 'record', code: decodeURIComponent(sub), recordKind, recordId } };
    }
    return { screen: 'hq' };
  }
  if (screen === 'actions') return { screen: 'actions' };
  if (screen === 'training') return { screen: 'training' };
  if (screen === 'study') return { screen: 'study' };
  if (screen === 'settings') return { screen: 'settings' };
  if (screen === 'users') return { screen: 'users' };
  if (screen === 'audit') return { screen: 'audit' };
  return { screen: 'home' };
}

export function hrefFor(route: Route): string {
  switch (route.screen) {
    case 'home':
      return '#/';
    case 'run':
      return `#/run/${encodeURIComponent(route.runId)}`;
    case 'plans': {
      if (!route.planId) return '#/plans';
      const base = `#/plans/${encodeURIComponent(route.planId)}`;
      const view = route.view;
      if (!view) return base;
      return view.kind === 'compare' ? `${base}/compare/${view.a}/${view.b}` : `${base}/${view.kind}`;
    }
    case 'checklists':
      if (!route.checklistId) return '#/checklists';
      return `#/checklists/${encodeURIComponent(route.checklistId)}${route.view ? `/${route.view}` : ''}`;
    case 'records':
      if (!route.runId) return '#/records';
      return `#/records/${encodeURIComponent(route.runId)}${route.report ? '/report' : ''}`;
    case 'drills':
      if (route.plan) return '#/drills/new';
      if (!route.exerciseId) return '#/drills';
      return `#/drills/${encodeURIComponent(route.exerciseId)}${
        route.console ? '/console' : route.evaluate ? '/evaluate' : route.report ? '/report' : ''
      }`;
    case 'inspections':
      if (route.plan) return '#/inspections/new';
      if (route.scorecard) return '#/inspections/scorecard';
      if (!route.inspectionId) return '#/inspections';
      return `#/inspections/${encodeURIComponent(route.inspectionId)}${route.report ? '/report' : ''}`;
    case 'hq': {
      const view = route.view;
      if (!view) return '#/hq';
      if (view.kind === 'settings') return '#/hq/settings';
      if (view.kind === 'branch') return `#/hq/branch/${encodeURIComponent(view.code)}`;
      return `#/hq/record/${[view.code, view.recordKind, view.recordId].map(encodeURIComponent).join('/')}`;
    }
    default:
      return `#/${route.screen}`;
  }
}

const routeListeners = new Set<() => void>();

export function navigate(route: Route): void {
  window.location.hash = hrefFor(route);
  // The new screen renders now, in this task: waiting for the hashchange event (a task of its own) and then for
  // React's scheduled render put two hops between a tap on a tile and the run's first step.
  flushSync(() => routeListeners.forEach((notify) => notify()));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    // The same address again (the hashchange after navigate) keeps the route object: nothing renders twice.
    const update = () =>
      setRoute((current) => {
        const next = parseRoute(window.location.hash);
        return hrefFor(current) === hrefFor(next) ? current : next;
      });
    routeListeners.add(update);
    window.addEventListener('hashchange', update);
    return () => {
      routeListeners.delete(update);
      window.removeEventListener('hashchange', update);
    };
  }, []);
  return route;
}
