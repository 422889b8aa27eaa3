// Where a case's customer can be reached for a one-time code or a receipt (an offer's, an identity check's):
// the phone or email their join link was last sent to, else the phone of a callback they asked for at the
// front door; and that contact masked as the customer and the ledger see it.
import type { Db } from '../storage/database.ts';

export interface Contact {
  channel: 'email' | 'sms';
  recipient: string;
}

export async function contactOnFile(db: Db, caseId: string): Promise<Contact | null> {
  const sent = await db.q().selectFrom('link_sends').select(['channel', 'recipient']).where('case_id', '=', caseId).where('status', '=', 'sent')
    .orderBy('at', 'desc').orderBy('rowid', 'desc').limit(1).executeTakeFirst();
  if (sent && (sent.channel === 'email' || sent.channel === 'sms')) return { channel: sent.channel, recipient: sent.recipient };
  const queued = await db.q().selectFrom('queue_entries').select('callback').where('case_id', '=', caseId).where('callback', 'is not', null)
    .orderBy('enqueued_at', 'desc').limit(1).executeTakeFirst();
  const phone = queued?.callback ? (JSON.parse(queued.callback) as { phone?: unknown }).phone : undefined;
  return typeof phone === 'string' && phone !== '' ? { channel: 'sms', recipient: phone } : null;
}

/** Enough of a phone number or email for the customer to recognise it, not enough to learn it: "••• 123", "j•••@example.com". */
export function maskRecipient(channel: 'email' | 'sms', recipient: string): string {
  if (channel === 'sms') return `••• ${recipient.replace(/\D/g, '').slice(-3)}`;
  const at = recipient.lastIndexOf('@');
  return at <= 0 ? '•••' : `${recipient[0]}•••${recipient.slice(at)}`;
}
