// The join token arrives in the link's fragment (/j#<token>) so it never reaches server logs. It is
// taken out of the address bar at once (and kept for this tab only, so a reload still works). A
// preview tour's link may add where to open it: /j#<token>&node=<viewpointId>&yaw=<degrees>, and
// &guide=self for a tour the customer takes alone (no call until they ask for a person). Any link may
// add &lang=<BCP 47 tag>: the language the page opens in (over the case's; the customer can switch).
const KEY = 'sightline.joinToken';
const TOUR_KEY = 'sightline.joinTourLink';
const LANG_KEY = 'sightline.joinLang';

/** Where a tour link asks to open the tour; each part only when the link gives it. */
export interface TourDeepLink {
  node?: string;
  yaw?: number;
  /** A self-guided tour: no call is joined until the customer asks for a person. */
  selfGuided?: true;
}

export interface JoinLink {
  token: string | null;
  tour: TourDeepLink;
  /** The link's `lang=` as written (matched against the page's languages when chosen); absent when it gives none. */
  lang?: string;
}

/** Reads a join link's fragment: the token up to the first "&", then key=value parameters. */
export function parseJoinHash(hash: string): JoinLink {
  const body = hash.replace(/^#/, '');
  const cut = body.indexOf('&');
  const token = decodeURIComponent(cut < 0 ? body : body.slice(0, cut)).trim();
  const query = cut < 0 ? '' : body.slice(cut + 1);
  const lang = new URLSearchParams(query).get('lang')?.trim();
  return { token: token || null, tour: parseTourDeepLink(query), ...(lang ? { lang } : {}) };
}

function parseTourDeepLink(query: string): TourDeepLink {
  const params = new URLSearchParams(query);
  const link: TourDeepLink = {};
  const node = params.get('node')?.trim();
  if (node) link.node = node;
  const yawText = params.get('yaw')?.trim();
  const yaw = yawText ? Number(yawText) : Number.NaN;
  if (Number.isFinite(yaw)) link.yaw = yaw;
  if (params.get('guide') === 'self') link.selfGuided = true;
  return link;
}

function tourQuery(link: TourDeepLink): string {
  const params = new URLSearchParams();
  if (link.node !== undefined) params.set('node', link.node);
  if (link.yaw !== undefined) params.set('yaw', String(link.yaw));
  if (link.selfGuided) params.set('guide', 'self');
  return params.toString();
}

/** The join link of this tab: from the address bar (then removed from it), or as kept from earlier. */
export function takeJoinLink(): JoinLink {
  const fromHash = parseJoinHash(location.hash);
  if (fromHash.token) {
    sessionStorage.setItem(KEY, fromHash.token);
    sessionStorage.setItem(TOUR_KEY, tourQuery(fromHash.tour));
    if (fromHash.lang) sessionStorage.setItem(LANG_KEY, fromHash.lang);
    else sessionStorage.removeItem(LANG_KEY);
    history.replaceState(null, '', location.pathname + location.search);
    return fromHash;
  }
  const lang = sessionStorage.getItem(LANG_KEY);
  return { token: sessionStorage.getItem(KEY), tour: parseTourDeepLink(sessionStorage.getItem(TOUR_KEY) ?? ''), ...(lang ? { lang } : {}) };
}

export function forgetJoinToken(): void {
  sessionStorage.removeItem(KEY);
  sessionStorage.removeItem(TOUR_KEY);
  sessionStorage.removeItem(LANG_KEY);
}
