// The public receipt of a settlement decision: what anyone holding its code may see (no customer name),
// and whether the ledger entry that recorded the decision still verifies on this server, now.
import type { ReceiptView } from '../../../protocol/settlement-http.ts';
import type { OfferItem } from '../../../protocol/settlement.ts';
import { notFound } from '../errors.ts';
import { entryFault } from '../ledger/chain.ts';
import { keyringCheck } from '../ledger/key-trust.ts';
import type { Keyring } from '../ledger/keyring.ts';
import type { LedgerStore } from '../ledger/ledger-store.ts';
import type { OfferRow } from './offer-store.ts';
import { normaliseReceiptCode } from './receipt-code.ts';

export interface ReceiptDeps {
  byReceiptCode: (code: string) => Promise<OfferRow | null>;
  caseReference: (caseId: string) => Promise<string | null>;
  ledger: Pick<LedgerStore, 'listOfType' | 'list'>;
  keyring: Pick<Keyring, 'list'>;
  organisation: string | null;
}

export type ReceiptService = ReturnType<typeof createReceiptService>;

export function createReceiptService(deps: ReceiptDeps) {
  return {
    async receipt(typed: string): Promise<ReceiptView> {
      const code = normaliseReceiptCode(typed);
      // A malformed code and an unknown one get the same answer.
      const row = code === null ? null : await deps.byReceiptCode(code);
      if (!row || (row.state !== 'accepted' && row.state !== 'declined')) throw notFound('receipt');
      const decision = row.state;
      const entries = await deps.ledger.list(row.case_id);
      const index = entries.findIndex((e) => e.type === `offer.${decision}` && e.payload.offerId === row.id);
      const entry = entries[index]!;
      const fault = entryFault(entry, { caseId: row.case_id, seq: index + 1, prevHash: index === 0 ? null : entries[index - 1]!.hash }, keyringCheck(await deps.keyring.list(), "this server's keyring"));
      return {
        code: row.receipt_code!,
        organisation: deps.organisation,
        caseReference: await deps.caseReference(row.case_id),
        offer: { amount: row.amount, currency: row.currency, items: JSON.parse(row.items) as OfferItem[], conditions: row.conditions, madeAt: row.made_at, expiresAt: row.expires_at },
        decision,
        decidedAt: row.decided_at!,
        ledger: { seq: entry.seq, hash: entry.hash, keyId: entry.keyId ?? null, verified: fault === null, fault },
      };
    },
  };
}
