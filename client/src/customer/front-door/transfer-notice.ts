// What a customer on a call is told about a transfer, from two readings of their place in the queue:
// a colleague is being asked (stay on the line), or a colleague has taken over. Pure.
import type { QueuePlace } from '../../../../protocol/intake.ts';
import { i18next } from '../../i18n/i18n.ts';

/** `pending`: being handed on (`toName` when the colleague is known); `done`: `toName` took over. */
export type TransferNotice = { state: 'pending'; toName: string | null } | { state: 'done'; toName: string } | null;

/**
 * The notice after reading `place`, the one before being `previous` (null on the first reading) and the
 * notice shown being `shown`. A change of assessor in a session is a take-over; a "done" stays until the
 * caller clears it; a transfer that ends with the same assessor (declined, cancelled) ends the notice.
 */
export function nextTransferNotice(previous: QueuePlace | null, place: QueuePlace, shown: TransferNotice): TransferNotice {
  if (place.transferring) return { state: 'pending', toName: place.transferTo ?? null };
  const before = previous?.assessorName ?? null;
  const now = place.state === 'assigned' ? place.assessorName : null;
  if (now !== null && before !== null && now !== before) return { state: 'done', toName: now };
  if (now !== null && before === null && previous?.transferring) return { state: 'done', toName: now };
  return shown?.state === 'done' ? shown : null;
}

export function transferWords(notice: NonNullable<TransferNotice>): string {
  if (notice.state === 'done') return i18next.t('frontdoor:transfer.done', { name: notice.toName });
  return notice.toName ? i18next.t('frontdoor:transfer.toNamed', { name: notice.toName }) : i18next.t('frontdoor:transfer.toColleague');
}
