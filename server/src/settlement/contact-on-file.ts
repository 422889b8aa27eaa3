// Where a case's customer can be reached for an offer's code and receipt: the phone or email their join
// link was last sent to, else the phone of a callback they asked for at the front door.
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
