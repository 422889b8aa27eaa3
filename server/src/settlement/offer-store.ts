// Settlement offers as stored: one row per offer; a decision, a supersession or a code changes its row.
import type { Selectable } from 'kysely';
import type { OfferItem } from '../../../protocol/settlement.ts';
import type { Db } from '../storage/database.ts';
import type { SettlementOffersTable } from '../storage/schema.ts';

export type OfferRow = Selectable<SettlementOffersTable>;

export interface NewOffer {
  id: string;
  caseId: string;
  madeBy: string;
  madeAt: string;
  amount: number;
  currency: string;
  items: OfferItem[];
  conditions: string;
  expiresAt: string;
  confirmWith: 'code' | 'identity';
  supersedes: string | null;
}

export type OfferStore = ReturnType<typeof createOfferStore>;

export function createOfferStore(db: Db) {
  return {
    byId: async (id: string): Promise<OfferRow | null> =>
      (await db.q().selectFrom('settlement_offers').selectAll().where('id', '=', id).executeTakeFirst()) ?? null,

    byReceiptCode: async (code: string): Promise<OfferRow | null> =>
      (await db.q().selectFrom('settlement_offers').selectAll().where('receipt_code', '=', code).executeTakeFirst()) ?? null,

    /** The case's offers, oldest first. */
    list: (caseId: string): Promise<OfferRow[]> =>
      db.q().selectFrom('settlement_offers').selectAll().where('case_id', '=', caseId).orderBy('made_at').orderBy('id').execute(),

    open: async (caseId: string): Promise<OfferRow | null> =>
      (await db.q().selectFrom('settlement_offers').selectAll().where('case_id', '=', caseId).where('state', '=', 'open').executeTakeFirst()) ?? null,

    async insert(o: NewOffer): Promise<void> {
      await db.q().insertInto('settlement_offers').values({
        id: o.id, case_id: o.caseId, made_by: o.madeBy, made_at: o.madeAt, amount: o.amount, currency: o.currency,
        items: JSON.stringify(o.items), conditions: o.conditions, expires_at: o.expiresAt, confirm_with: o.confirmWith,
        state: 'open', supersedes: o.supersedes,
      }).execute();
    },

    /** Takes an offer out of 'open' before its successor is stored (one open offer per case); `linkSuccessor` names it after. */
    async supersede(id: string): Promise<void> {
      await db.q().updateTable('settlement_offers').set({ state: 'superseded' }).where('id', '=', id).where('state', '=', 'open').execute();
    },

    async linkSuccessor(id: string, by: string): Promise<void> {
      await db.q().updateTable('settlement_offers').set({ superseded_by: by }).where('id', '=', id).execute();
    },

    async putCode(id: string, code: { hash: string; sentAt: string; expiresAt: string }): Promise<void> {
      await db.q().updateTable('settlement_offers').set({ code_hash: code.hash, code_sent_at: code.sentAt, code_expires_at: code.expiresAt, code_attempts: 0 }).where('id', '=', id).execute();
    },

    async clearCode(id: string): Promise<void> {
      await db.q().updateTable('settlement_offers').set({ code_hash: null, code_sent_at: null, code_expires_at: null }).where('id', '=', id).execute();
    },

    /** Counts one attempt; false when the attempts were already used up. */
    async countAttempt(id: string, max: number): Promise<boolean> {
      const result = await db.q().updateTable('settlement_offers').set((eb) => ({ code_attempts: eb('code_attempts', '+', 1) }))
        .where('id', '=', id).where('code_attempts', '<', max).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** Records the decision on an offer still open; false when it was no longer open (a race lost). */
    async decide(id: string, d: { state: 'accepted' | 'declined'; at: string; receiptCode: string; declineReason: string | null; identityCheckId: string | null }): Promise<boolean> {
      const result = await db.q().updateTable('settlement_offers')
        .set({ state: d.state, decided_at: d.at, receipt_code: d.receiptCode, decline_reason: d.declineReason, identity_check_id: d.identityCheckId, code_hash: null })
        .where('id', '=', id).where('state', '=', 'open').executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}
