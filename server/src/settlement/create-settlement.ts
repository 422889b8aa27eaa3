// Builds the settlement capability for the app: the offers service and the public receipts over it.
import type { CaseStore } from '../cases/case-store.ts';
import type { Keyring } from '../ledger/keyring.ts';
import { createReceiptService, type ReceiptService } from './receipt-service.ts';
import { createSettlementService, type SettlementDeps, type SettlementService } from './settlement-service.ts';

export interface Settlement {
  offers: SettlementService;
  receipts: ReceiptService;
  /** The clock the capability runs on (the server's; a test's). */
  clock: () => Date;
}

export function createSettlement(deps: SettlementDeps & { caseStore: Pick<CaseStore, 'byId'>; keyring: Pick<Keyring, 'list'> }): Settlement {
  const offers = createSettlementService(deps);
  const receipts = createReceiptService({
    byReceiptCode: offers.byReceiptCode,
    caseReference: async (caseId) => (await deps.caseStore.byId(caseId))?.reference ?? null,
    ledger: deps.ledger,
    keyring: deps.keyring,
    organisation: deps.organisation,
  });
  return { offers, receipts, clock: deps.clock };
}
