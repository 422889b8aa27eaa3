// A /start opened from a join page's "Ask for help" carries that page's join token (?link= or #link=):
// the case is known. Taken out of the address bar at once, and kept for this tab so a reload keeps it.
// The page's language may come in the address too (?lang= or #lang=); it stays there (as #lang=), so a
// reload keeps the language the customer chose.
const KEY = 'sightline.startLink';

const param = (name: string): string | null => {
  const fromQuery = new URLSearchParams(location.search).get(name);
  const fromHash = new URLSearchParams(location.hash.replace(/^#/, '')).get(name);
  return (fromQuery ?? fromHash)?.trim() || null;
};

/** The address without the link: only `#lang=` kept, when there is a language. */
const addressWith = (language: string | null): string => `${location.pathname}${language ? `#lang=${encodeURIComponent(language)}` : ''}`;

export function takeStartLink(): string | null {
  const token = param('link');
  if (token) {
    sessionStorage.setItem(KEY, token);
    history.replaceState(null, '', addressWith(param('lang')));
    return token;
  }
  return sessionStorage.getItem(KEY);
}

export function forgetStartLink(): void {
  sessionStorage.removeItem(KEY);
}

/** The language the address asks for (`?lang=` or `#lang=`), or null. */
export function startLanguage(): string | null {
  return param('lang');
}

/** Records a language the customer switched to in the address (`#lang=`), so a reload keeps it. */
export function rememberStartLanguage(language: string): void {
  history.replaceState(null, '', addressWith(language));
}
