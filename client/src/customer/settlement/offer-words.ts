// Words of the settlement sheet, as pure functions of the page's language (tested beside, in English).
import type { OfferView } from '../../../../protocol/settlement-http.ts';
import { i18next } from '../../i18n/i18n.ts';

/** "in 6 days", "in 3 hours", "in 12 minutes" (Intl's relative time in the page's language), "now" (expired). */
export function expiresIn(expiresAt: string, now: number): string {
  const ms = new Date(expiresAt).getTime() - now;
  if (!(ms > 0)) return i18next.t('settlement:expiresNow');
  const relative = new Intl.RelativeTimeFormat(i18next.language, { numeric: 'always' });
  const minutes = Math.ceil(ms / 60_000);
  if (minutes < 90) return relative.format(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 48) return relative.format(hours, 'hour');
  return relative.format(Math.round(hours / 24), 'day');
}

/** What the customer is told about an offer they can no longer decide; null while it is open. */
export function offerStateWords(offer: OfferView): string | null {
  return offer.state === 'open' ? null : i18next.t(`settlement:state.${offer.state}`);
}
