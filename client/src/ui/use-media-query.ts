// Whether a CSS media query matches now, kept up to date as the window changes.
import { useEffect, useState } from 'react';

/** The console's read-only layout (console.css uses the same width). */
export const NARROW_SCREEN = '(max-width: 767px)';

export function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const list = window.matchMedia(query);
    const onChange = (): void => setMatches(list.matches);
    onChange();
    list.addEventListener('change', onChange);
    return () => list.removeEventListener('change', onChange);
  }, [query]);
  return matches;
}
