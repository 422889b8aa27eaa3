// Where keyboard focus goes when the console's page changes or "Skip to main content" is pressed: the
// page's heading (its first h1), so keyboard and screen-reader users start reading the new page
// instead of the top bar. A page still loading gets focus on its heading once it shows one.
import { useEffect, useRef, type RefObject } from 'react';

/** How long a loading page may take to show its heading before focus stays where it is. */
const HEADING_WAIT_MS = 10_000;

/** Focuses the first h1 in `region` (made focusable by script only), or the region itself; false when neither can be. */
export function focusHeading(region: HTMLElement | null, fallbackToRegion: boolean): boolean {
  if (!region) return false;
  const heading = region.querySelector<HTMLElement>('h1');
  const target = heading ?? (fallbackToRegion ? region : null);
  if (!target) return false;
  if (!target.hasAttribute('tabindex')) target.tabIndex = -1;
  target.focus();
  return true;
}

/** Moves focus to the new page's heading each time `page` changes (not on the first page shown). */
export function usePageFocus(region: RefObject<HTMLElement | null>, page: string): void {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const element = region.current;
    if (!element || focusHeading(element, false)) return;
    const observer = new MutationObserver(() => {
      if (focusHeading(element, false)) stop();
    });
    const timer = setTimeout(() => stop(), HEADING_WAIT_MS);
    function stop(): void {
      observer.disconnect();
      clearTimeout(timer);
    }
    observer.observe(element, { childList: true, subtree: true });
    return stop;
  }, [region, page]);
}
