// What an admin page reads from the server once and again on demand: null while it loads, the value,
// or the error that stopped it; the last value stays on screen while a reload is under way or fails.
import { useCallback, useEffect, useRef, useState } from 'react';
import { messageOf } from '../../lib/api.ts';

export interface Loaded<T> {
  value: T | null;
  error: string | null;
  reload: () => void;
}

/**
 * Reads with `read` (a stable function, e.g. `webhooksApi.list`) on mount and on each `reload()`; an
 * answer that lands after unmount is dropped.
 */
export function useLoaded<T>(read: () => Promise<T>): Loaded<T> {
  const [state, setState] = useState<{ value: T | null; error: string | null }>({ value: null, error: null });
  const mounted = useRef(true);

  const reload = useCallback(() => {
    read().then(
      (value) => mounted.current && setState({ value, error: null }),
      (e: unknown) => mounted.current && setState((s) => ({ ...s, error: messageOf(e) })),
    );
  }, [read]);

  useEffect(() => {
    mounted.current = true;
    reload();
    return () => {
      mounted.current = false;
    };
  }, [reload]);

  return { ...state, reload };
}
