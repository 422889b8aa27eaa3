// The case list as filtered: filters kept in the URL hash, typing debounced, each search replacing the
// last (an older answer never overwrites a newer one), and live cases added or dropped as they match.
import { useCallback, useEffect, useState } from 'react';
import type { CaseView, User } from '../../../../protocol/http.ts';
import { messageOf } from '../../lib/api.ts';
import { consoleApi } from '../app/console-api.ts';
import { useConsoleEvent } from '../app/use-console-event.ts';
import { DEFAULT_FILTERS, filtersFromHash, filtersToHash, filtersToQuery, matchesFilters, type CaseFilters } from './case-filters.ts';

/** How long typing in the search box waits before it searches. */
const TYPING_MS = 250;

export function useCaseSearch(user: User) {
  const [filters, setFilters] = useState<CaseFilters>(() => filtersFromHash(location.hash));
  /** What is in the search box now; `filters.q` follows it once typing pauses. */
  const [text, setText] = useState(filters.q);
  const [cases, setCases] = useState<CaseView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (text === filters.q) return;
    const timer = setTimeout(() => setFilters((f) => ({ ...f, q: text })), TYPING_MS);
    return () => clearTimeout(timer);
  }, [text, filters.q]);

  useEffect(() => {
    // replaceState, not location.hash: the route stays the list, and no history entry per keystroke.
    const hash = filtersToHash(filters);
    if (location.hash !== hash && !(hash === '#/' && location.hash === '')) history.replaceState(null, '', hash);
    const controller = new AbortController();
    consoleApi.listCases(filtersToQuery(filters), controller.signal).then(
      (list) => {
        setCases(list);
        setError(null);
      },
      (e: unknown) => !controller.signal.aborted && setError(messageOf(e)),
    );
    return () => controller.abort();
  }, [filters, attempt]);

  useConsoleEvent((event) => {
    // The feed missed events it can no longer replay: the list may be stale, so fetch it again.
    if (event.type === 'resync') setAttempt((n) => n + 1);
    if (event.type !== 'case') return;
    const c = event.case;
    // A case reassigned away from this assessor leaves their list.
    const mine = user.role === 'admin' || c.assessorId === user.id;
    setCases((list) => {
      if (!list) return list;
      const others = list.filter((x) => x.id !== c.id);
      return mine && matchesFilters(c, filters) ? [...others, c] : others;
    });
  });

  const change = useCallback((next: Partial<CaseFilters>) => setFilters((f) => ({ ...f, ...next })), []);
  const clear = useCallback(() => {
    setText('');
    setFilters(DEFAULT_FILTERS);
  }, []);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  /** A case this page just created: shown at once when it matches. */
  const add = useCallback((c: CaseView) => setCases((list) => (matchesFilters(c, filters) ? [...(list ?? []).filter((x) => x.id !== c.id), c] : list)), [filters]);

  return { filters, text, setText, cases, error, change, clear, retry, add };
}
