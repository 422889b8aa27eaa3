// The console's places: the case list (#/, its filters after a ?), one case (#/cases/<id>), the tours
// (#/tours), for admins the users (#/users) and webhooks (#/webhooks), for supervisors and admins the wall board (#/supervisor).
// The hash keeps a reload (and the back button) on the same place.
import { useCallback, useEffect, useRef, useState } from 'react';

export type Route = { page: 'list' } | { page: 'case'; caseId: string } | { page: 'tours' } | { page: 'users' } | { page: 'supervisor' } | { page: 'webhooks' };

export function parseRoute(hash: string): Route {
  if (hash === '#/tours') return { page: 'tours' };
  if (hash === '#/users' || hash === '#users') return { page: 'users' };
  if (hash === '#/supervisor') return { page: 'supervisor' };
  if (hash === '#/webhooks') return { page: 'webhooks' };
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
  // The list's filters live in its hash: leaving for a case and coming back finds them as they were.
  const lastList = useRef('#/');
  const go = useCallback((next: Route) => {
    if (parseRoute(location.hash).page === 'list' && location.hash.startsWith('#/')) lastList.current = location.hash;
    location.hash = next.page === 'case' ? `#/cases/${encodeURIComponent(next.caseId)}` : next.page === 'list' ? lastList.current : `#/${next.page}`;
  }, []);
  return { route, go };
}
