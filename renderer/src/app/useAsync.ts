// Loads data from the API with loading and error states, and a way to load it again.
import { useEffect, useRef, useState } from 'react';

export type AsyncState<T> = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; value: T };

/**
 * `load` runs again whenever a value in `deps` changes, or when the returned `reload` is called. `initial`, when
 * given, is a value already loaded (fetched alongside others at start-up): shown at once, not loaded again.
 */
export function useAsync<T>(
  load: () => Promise<T>,
  deps: readonly unknown[],
  initial?: { value: T },
): [AsyncState<T>, () => void] {
  const [state, setState] = useState<AsyncState<T>>(
    initial ? { status: 'ready', value: initial.value } : { status: 'loading' },
  );
  const [attempt, setAttempt] = useState(0);
  const skipFirst = useRef(initial !== undefined);
  const depsRef = useRef<readonly unknown[] | undefined>(initial !== undefined ? deps : undefined);
  useEffect(() => {
    if (skipFirst.current) {
      skipFirst.current = false;
      return;
    }
    let live = true;
    // Loading the same thing again (reload, a push) keeps what is shown until the new value arrives: replacing it
    // with "loading" would unmount the screen under it — an editor mid-keystroke, a form with a "saved" note.
    const same = depsRef.current !== undefined && sameDeps(depsRef.current, deps);
    depsRef.current = deps;
    setState((current) => (same && current.status === 'ready' ? current : { status: 'loading' }));
    load().then(
      (value) => live && setState({ status: 'ready', value }),
      (error: unknown) => live && setState({ status: 'error', error }),
    );
    return () => {
      live = false;
    };
  }, [...deps, attempt]);
  return [state, () => setAttempt((n) => n + 1)];
}

function sameDeps(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value, i) => Object.is(value, b[i]));
}
