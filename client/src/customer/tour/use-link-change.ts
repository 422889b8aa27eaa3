// A tour link opened again in the tab that already shows the tour (same token, another &node=…&yaw=)
// only changes the address's fragment: the page does not reload, so the tour moves there itself.
// A link of another case reloads the page, which then reads it as a new join link.
import { useEffect, useEffectEvent } from 'react';
import { parseJoinHash, type TourDeepLink } from '../join-token.ts';

export function useLinkChange(token: string, onLink: (link: TourDeepLink) => void): void {
  const follow = useEffectEvent(onLink);
  useEffect(() => {
    const changed = () => {
      const link = parseJoinHash(location.hash);
      if (!link.token) return;
      if (link.token !== token) {
        location.reload();
        return;
      }
      // The token leaves the address bar again at once, as on the first visit.
      history.replaceState(null, '', location.pathname + location.search);
      follow(link.tour);
    };
    window.addEventListener('hashchange', changed);
    return () => window.removeEventListener('hashchange', changed);
  }, [token]);
}
