// When gathered records go to the server: every so often, when the page is hidden (a phone locked, a
// tab switched, the page left) and when the component goes; the last two as a last batch (`last`),
// which the caller sends with keepalive so it outlives the page.
import { useEffect } from 'react';

export function useFlushSchedule(flush: (last: boolean) => void, everyMs: number): void {
  useEffect(() => {
    const timer = setInterval(() => flush(false), everyMs);
    const onVisibility = (): void => {
      if (document.visibilityState === 'hidden') flush(true);
    };
    const onPageHide = (): void => flush(true);
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', onPageHide);
      flush(true);
    };
  }, [flush, everyMs]);
}
