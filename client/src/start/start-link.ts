// A /start opened from a join page's "Ask for help" carries that page's join token (?link= or #link=):
// the case is known. Taken out of the address bar at once, and kept for this tab so a reload keeps it.
const KEY = 'sightline.startLink';

export function takeStartLink(): string | null {
  const fromQuery = new URLSearchParams(location.search).get('link');
  const fromHash = new URLSearchParams(location.hash.replace(/^#/, '')).get('link');
  const token = (fromQuery ?? fromHash)?.trim() || null;
  if (token) {
    sessionStorage.setItem(KEY, token);
    history.replaceState(null, '', location.pathname);
    return token;
  }
  return sessionStorage.getItem(KEY);
}

export function forgetStartLink(): void {
  sessionStorage.removeItem(KEY);
}
