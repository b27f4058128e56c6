// A tiny hash router: the app has a handful of screens and must work from app:// and http:// alike.
import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';

export type Route =
  | { screen: 'home' }
  | { screen: 'run'; runId: string }
  | { screen: 'plans'; planId?: string }
  | { screen: 'records'; runId?: string; report?: boolean }
  | { screen: 'settings' }
  | { screen: 'users' }
  | { screen: 'audit' };

export function parseRoute(hash: string): Route {
  const [screen, id, sub] = hash.replace(/^#\/?/, '').split('/');
  const planId = id ? decodeURIComponent(id) : undefined;
  if (screen === 'run' && id) return { screen: 'run', runId: decodeURIComponent(id) };
  if (screen === 'plans') return planId ? { screen: 'plans', planId } : { screen: 'plans' };
  if (screen === 'records') {
    if (!id) return { screen: 'records' };
    return { screen: 'records', runId: decodeURIComponent(id), ...(sub === 'report' ? { report: true } : {}) };
  }
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
    case 'plans':
      return route.planId ? `#/plans/${encodeURIComponent(route.planId)}` : '#/plans';
    case 'records':
      if (!route.runId) return '#/records';
      return `#/records/${encodeURIComponent(route.runId)}${route.report ? '/report' : ''}`;
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
