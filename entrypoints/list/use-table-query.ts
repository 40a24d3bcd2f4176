import Dexie, { type ObservabilitySet } from 'dexie';
import { type DependencyList, useEffect, useRef, useState } from 'react';

const PAUSED_MS = 5000;

/**
 * Runs `query` now, whenever `deps` change, and again after any committed write to `tables` (from this page,
 * another page or the background), at most once per `settleMs`. Unlike `useLiveQuery` it does not record which
 * keys the query read: for a query that returns 100,000 ids that bookkeeping costs more than the query itself.
 * On its first run after `deps` change, `query` may `publish` a partial result (the first screenful) before
 * its whole result; re-runs after writes replace the result only when complete. When `deps` change, the
 * run in progress is told to stop (`signal`), so that a new search does not wait for the last one to finish. While `paused` (a re-score
 * rewriting the list chunk by chunk), writes are noted and answered with one run when it ends: re-running
 * the query after every chunk would hold up the re-score's writes behind the page's reads.
 * @returns the latest result (undefined until the first one), and the error of the latest run if it failed
 */
export function useTableQuery<T>(
  db: Dexie,
  tables: string[],
  query: (publish: (partial: T) => void, signal: AbortSignal) => Promise<T>,
  deps: DependencyList,
  paused = false,
  settleMs = 100,
): { value: T | undefined; error: Error | null } {
  const [state, setState] = useState<{ value: T | undefined; error: Error | null }>({
    value: undefined,
    error: null,
  });
  const pausedRef = useRef(paused);
  const missed = useRef<(() => void) | null>(null);
  pausedRef.current = paused;
  useEffect(() => {
    if (!paused && missed.current) {
      const rerun = missed.current;
      missed.current = null;
      rerun();
    }
  }, [paused]);
  useEffect(() => {
    let cancelled = false;
    let running = false;
    let pending = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let slow: ReturnType<typeof setTimeout> | undefined;
    let first = true;
    const stop = new AbortController();
    const publish = (value: T) => {
      if (!cancelled) setState({ value, error: null });
    };
    const run = async () => {
      if (running) {
        pending = true;
        return;
      }
      running = true;
      try {
        const value = await query(first ? publish : () => {}, stop.signal);
        first = false;
        publish(value);
      } catch (error) {
        if (!cancelled) setState((s) => ({ value: s.value, error: error as Error }));
      } finally {
        running = false;
        if (pending && !cancelled) {
          pending = false;
          schedule();
        }
      }
    };
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void run(), settleMs);
    };
    const prefixes = tables.map((table) => `idb://${db.name}/${table}/`);
    const onMutated = (parts: ObservabilitySet) => {
      if (!Object.keys(parts).some((part) => prefixes.some((prefix) => part.startsWith(prefix)))) return;
      if (!pausedRef.current) return schedule();
      // Paused: one run when it ends, and meanwhile at most one every `PAUSED_MS` (a re-score that never
      // ends must not freeze the list).
      missed.current = schedule;
      slow ??= setTimeout(() => {
        slow = undefined;
        if (missed.current) {
          missed.current = null;
          schedule();
        }
      }, PAUSED_MS);
    };
    Dexie.on('storagemutated', onMutated);
    void run();
    return () => {
      cancelled = true;
      stop.abort();
      missed.current = null;
      clearTimeout(timer);
      clearTimeout(slow);
      Dexie.on('storagemutated').unsubscribe(onMutated);
    };
    // biome-ignore lint/correctness/useExhaustiveDependencies: the caller's deps decide when the query changes.
  }, deps);
  return state;
}
