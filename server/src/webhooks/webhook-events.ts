// Which ledger entries become webhook events, and what each event says: pure, so the mapping is tested
// without a database. The facts a claims system needs, never the whole payload (an evidence entry's
// image metrics, a chat line's text stay inside).
import type { LedgerEntry } from '../../../protocol/http.ts';
import { readLedgerEntry, type OfferMadePayload } from '../../../protocol/ledger.ts';
import { WEBHOOK_EVENTS, type WebhookEvent, type WebhookPayload } from '../../../protocol/webhooks.ts';

export function isWebhookEvent(type: string): type is WebhookEvent {
  return (WEBHOOK_EVENTS as readonly string[]).includes(type);
}

/** What the entry does not carry itself: the case's reference and, for an acceptance, the offer's terms. */
export interface EventContext {
  reference: string | null;
  offer: OfferMadePayload | null;
}

/** The event an entry makes, or null when its kind is not an event (or it does not fit its contract). */
export function webhookEventFor(entry: LedgerEntry, context: EventContext): WebhookPayload | null {
  const reading = readLedgerEntry(entry);
  if (!reading.ok) return null;
  const known = reading.entry;
  const base = { caseId: entry.caseId, reference: context.reference, ledgerSeq: entry.seq, entryHash: entry.hash };
  const timestamp = entry.at;
  switch (known.type) {
    case 'case.created': {
      const p = known.payload;
      return { type: known.type, timestamp, data: { ...base, kind: p.kind, title: p.title, customerName: p.customerName, assessorId: p.assessorId } };
    }
    case 'evidence.added': {
      const p = known.payload;
      return {
        type: known.type, timestamp,
        data: { ...base, evidenceId: p.evidenceId, source: p.source, mime: p.mime, size: p.size, sha256: p.sha256, purpose: p.purpose ?? null, flags: p.capture?.flags ?? [] },
      };
    }
    case 'outcome.recorded': {
      const p = known.payload;
      return { type: known.type, timestamp, data: { ...base, outcomeId: p.outcomeId, decision: p.decision, reason: p.reason, amount: p.amount, currency: p.currency, supersedes: p.supersedes } };
    }
    case 'identity.checked': {
      const p = known.payload;
      return { type: known.type, timestamp, data: { ...base, checkId: p.checkId, result: p.result, reason: p.reason } };
    }
    case 'offer.accepted': {
      const p = known.payload;
      const offer = context.offer?.offerId === p.offerId ? context.offer : null;
      return {
        type: known.type, timestamp,
        data: { ...base, offerId: p.offerId, amount: offer?.amount ?? null, currency: offer?.currency ?? null, items: offer?.items ?? [], confirmedWith: p.confirmedWith, receiptCode: p.receiptCode },
      };
    }
    case 'offer.declined': {
      const p = known.payload;
      return { type: known.type, timestamp, data: { ...base, offerId: p.offerId, reason: p.reason, receiptCode: p.receiptCode } };
    }
    case 'case.closed':
      return { type: known.type, timestamp, data: { ...base, reason: known.payload.reason } };
    default:
      return null;
  }
}
