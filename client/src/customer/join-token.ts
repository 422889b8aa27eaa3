// The join token arrives in the link's fragment (/j#<token>) so it never reaches server logs. It is
// taken out of the address bar at once (and kept for this tab only, so a reload still works).
const KEY = 'sightline.joinToken';

export function takeJoinToken(): string | null {
  const fromHash = decodeURIComponent(location.hash.replace(/^#/, '')).trim();
  if (fromHash) {
    sessionStorage.setItem(KEY, fromHash);
    history.replaceState(null, '', location.pathname + location.search);
    return fromHash;
  }
  return sessionStorage.getItem(KEY);
}

export function forgetJoinToken(): void {
  sessionStorage.removeItem(KEY);
}
