// Words of the settlement sheet, as pure functions (tested beside).
import type { OfferView } from '../../../../protocol/settlement-http.ts';

/** "in 6 days", "in 3 hours", "in 12 minutes", "now" (expired). */
export function expiresIn(expiresAt: string, now: number): string {
  const ms = new Date(expiresAt).getTime() - now;
  if (!(ms > 0)) return 'now';
  const minutes = Math.ceil(ms / 60_000);
  if (minutes < 90) return `in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `in ${hours} hours`;
  return `in ${Math.round(hours / 24)} days`;
}

/** What the customer is told about an offer they can no longer decide; null while it is open. */
export function offerStateWords(offer: OfferView): string | null {
  switch (offer.state) {
    case 'open':
      return null;
    case 'expired':
      return 'This offer has expired. Ask your assessor for a new one.';
    case 'superseded':
      return 'This offer was replaced by a newer one.';
    case 'withdrawn':
      return 'This offer was withdrawn.';
    case 'accepted':
      return 'You accepted this offer.';
    case 'declined':
      return 'You declined this offer.';
  }
}
