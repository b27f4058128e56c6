// The history as pages of `records.list`, fetched as the list scrolls to them; a new query starts afresh, and a
// `records.changed` push (the background re-check changed what the history shows) fetches again in place.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RecordQuery } from '../../../shared/records/recordQuery';
import type { RunRecord } from '../../../shared/records/runSummary';
import { useApi, usePush } from '../api/ApiContext';

export const PAGE_SIZE = 200;

export interface RecordPages {
  /** Unknown until the first page has arrived. */
  total: number | undefined;
  error: unknown;
  /** The record at a position, if its page has arrived. */
  at(position: number): RunRecord | undefined;
  /** Asks for the pages that hold positions first…last (each page once). */
  want(first: number, last: number): void;
  /** Fetches again from the top, keeping what is shown until the answer arrives. */
  refresh(): void;
  retry(): void;
}

export function useRecordPages(query: Omit<RecordQuery, 'offset' | 'limit'>): RecordPages {
  const api = useApi();
  const key = JSON.stringify(query);
  const [pages, setPages] = useState<ReadonlyMap<number, RunRecord[]>>(new Map());
  const [total, setTotal] = useState<number>();
  const [error, setError] = useState<unknown>();
  // Answers to an older query (or from before a refresh) are dropped: they would mix two lists.
  const generation = useRef(0);
  const inFlight = useRef(new Set<number>());

  const fetchPage = useCallback(
    (page: number, gen: number, replace: boolean) => {
      inFlight.current.add(page);
      api
        .call('records.list', { ...(JSON.parse(key) as RecordQuery), offset: page * PAGE_SIZE, limit: PAGE_SIZE })
        .then(
          (result) => {
            if (gen !== generation.current) return;
            inFlight.current.delete(page);
            setError(undefined);
            setTotal(result.total);
            setPages((old) => new Map(replace ? [] : old).set(page, result.items));
          },
          (failure: unknown) => {
            if (gen !== generation.current) return;
            inFlight.current.delete(page);
            setError(failure);
          },
        );
    },
    [api, key],
  );

  const restart = useCallback(
    (keepShown: boolean) => {
      generation.current += 1;
      inFlight.current = new Set();
      if (!keepShown) {
        setPages(new Map());
        setTotal(undefined);
      }
      fetchPage(0, generation.current, true);
    },
    [fetchPage],
  );

  useEffect(() => restart(false), [restart]);

  // Lines the re-check settled ('checking' → verified, damaged…): fetch again, keeping what is shown meanwhile.
  usePush(
    'records.changed',
    useCallback(() => restart(true), [restart]),
  );

  const want = useCallback(
    (first: number, last: number) => {
      for (let page = Math.floor(first / PAGE_SIZE); page <= Math.floor(last / PAGE_SIZE); page++) {
        if (!pages.has(page) && !inFlight.current.has(page)) fetchPage(page, generation.current, false);
      }
    },
    [pages, fetchPage],
  );

  return {
    total,
    error,
    at: (position) => pages.get(Math.floor(position / PAGE_SIZE))?.[position % PAGE_SIZE],
    want,
    refresh: useCallback(() => restart(true), [restart]),
    retry: useCallback(() => restart(false), [restart]),
  };
}
