// An offer row as the console and the customer's page read it; 'expired' is decided here, by the clock.
import type { OfferView } from '../../../protocol/settlement-http.ts';
import type { OfferItem } from '../../../protocol/settlement.ts';
import type { OfferRow } from './offer-store.ts';

export function offerView(row: OfferRow, now: string, codeSentTo: string | null): OfferView {
  return {
    id: row.id,
    caseId: row.case_id,
    madeBy: row.made_by,
    madeAt: row.made_at,
    amount: row.amount,
    currency: row.currency,
    items: JSON.parse(row.items) as OfferItem[],
    conditions: row.conditions,
    expiresAt: row.expires_at,
    confirmWith: row.confirm_with,
    state: row.state === 'open' && row.expires_at <= now ? 'expired' : row.state,
    supersedes: row.supersedes,
    supersededBy: row.superseded_by,
    decidedAt: row.decided_at,
    declineReason: row.decline_reason,
    receiptCode: row.receipt_code,
    codeSentAt: row.code_sent_at,
    codeSentTo,
  };
}
