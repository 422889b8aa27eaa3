// The ledger append's hook: an entry whose kind is a webhook event becomes one outbox message per
// enabled endpoint that subscribes to it, in the append's own transaction — the message exists exactly
// when the entry does, whatever crashes after the commit.
import type { LedgerEntry } from '../../../protocol/http.ts';
import { OfferMadePayload } from '../../../protocol/ledger.ts';
import { newId } from '../auth/tokens.ts';
import type { Db } from '../storage/database.ts';
import type { EndpointStore } from './endpoint-store.ts';
import type { OutboxStore } from './outbox-store.ts';
import { isWebhookEvent, webhookEventFor } from './webhook-events.ts';

export interface OutboxWriterDeps {
  db: Db;
  endpoints: EndpointStore;
  outbox: OutboxStore;
  /** Messages were written (called inside the transaction: the delivery worker looks once it has committed). */
  onWritten: () => void;
}

/** Runs inside the ledger append's transaction, right after the entry's row is inserted. */
export function createOutboxWriter(deps: OutboxWriterDeps): (entry: LedgerEntry) => Promise<void> {
  const { db, endpoints, outbox } = deps;
  return async (entry) => {
    if (!isWebhookEvent(entry.type)) return;
    const subscribers = await endpoints.subscribers(entry.type);
    if (subscribers.length === 0) return;
    const caseRow = await db.q().selectFrom('cases').select('reference').where('id', '=', entry.caseId).executeTakeFirst();
    const event = webhookEventFor(entry, { reference: caseRow?.reference ?? null, offer: entry.type === 'offer.accepted' ? await offerOf(entry) : null });
    if (!event) return;
    const payload = JSON.stringify(event);
    // The entry's own time: the database's on PostgreSQL, the clock the delivery worker reckons in.
    const createdAt = entry.at;
    await outbox.enqueue(subscribers.map((endpoint) => ({
      id: newId('msg'), endpointId: endpoint.id, caseId: entry.caseId, ledgerSeq: entry.seq, event: event.type, payload, createdAt,
    })));
    deps.onWritten();
  };

  /** The terms of the offer an acceptance names: its `offer.made` entry in the same case. */
  async function offerOf(entry: LedgerEntry): Promise<OfferMadePayload | null> {
    const rows = await db.q().selectFrom('ledger_entries').select('payload').where('case_id', '=', entry.caseId).where('type', '=', 'offer.made').orderBy('seq', 'desc').execute();
    for (const row of rows) {
      const offer = OfferMadePayload.safeParse(JSON.parse(row.payload));
      if (offer.success && offer.data.offerId === entry.payload.offerId) return offer.data;
    }
    return null;
  }
}
