// The console's places: the case list (#/), one case (#/cases/<id>) and the tours (#/tours). The hash
// keeps a reload (and the browser's back button) on the same place.
import { useCallback, useEffect, useState } from 'react';

export type Route = { page: 'list' } | { page: 'case'; caseId: string } | { page: 'tours' };

export function parseRoute(hash: string): Route {
  if (hash === '#/tours') return { page: 'tours' };
  const match = /^#\/cases\/([^/?#]+)$/.exec(hash);
  return match?.[1] ? { page: 'case', caseId: decodeURIComponent(match[1]) } : { page: 'list' };
}

export function useHashRoute() {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onChange = (): void => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const go = useCallback((next: Route) => {
    location.hash = next.page === 'case' ? `#/cases/${encodeURIComponent(next.caseId)}` : next.page === 'tours' ? '#/tours' : '#/';
  }, []);
  return { route, go };
}
