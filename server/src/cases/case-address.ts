// The case's address (issue 15): words for people and the coordinate the assessor gave or picked from a
// photo — no geocoder. Setting it writes the case's columns and a `case.address-set` ledger entry in one
// transaction, under the case's ledger lock, so an upload checked at the same moment sees either the old
// address or the new one, in the order the ledger records.
import type { CaseAddress } from '../../../protocol/capture.ts';
import type { CaseView, User } from '../../../protocol/http.ts';
import { CaseAddressSetPayload } from '../../../protocol/ledger.ts';
import type { LedgerStore } from '../ledger/ledger-store.ts';
import type { Db } from '../storage/database.ts';
import type { CaseService } from './case-service.ts';

export interface CaseAddressDeps {
  db: Db;
  cases: CaseService;
  ledger: LedgerStore;
}

export type CaseAddressService = ReturnType<typeof createCaseAddressService>;

export function createCaseAddressService(deps: CaseAddressDeps) {
  const { db, cases, ledger } = deps;

  /**
   * The address photos are checked against: the last `case.address-set` entry's payload — the very
   * values the verifier re-derives each photo's check from. Call under the case's ledger lock.
   */
  const current = async (caseId: string): Promise<CaseAddress | null> => {
    const last = (await ledger.listOfType(caseId, 'case.address-set')).at(-1);
    return last ? CaseAddressSetPayload.parse(last.payload) : null;
  };

  return {
    current,

    /** Sets (or corrects) the address; the same address again writes nothing. */
    async set(user: User, caseId: string, address: CaseAddress): Promise<{ view: CaseView; changed: boolean }> {
      const principal = { kind: 'user', user } as const;
      await cases.authorizeWrite(principal, caseId);
      const changed = await db.transaction(async () => {
        await db.lockInTransaction(`ledger:${caseId}`);
        // Read again under the lock: the case may have closed, or been given this address, meanwhile.
        await cases.authorizeWrite(principal, caseId);
        if (sameAddress(await current(caseId), address)) return false;
        await ledger.append({ caseId, actor: { type: 'assessor', id: user.id }, type: 'case.address-set', payload: address });
        await db.q().updateTable('cases')
          .set({ address: address.address, address_latitude: address.latitude, address_longitude: address.longitude })
          .where('id', '=', caseId).execute();
        return true;
      });
      if (changed) await cases.publish(caseId);
      const record = await cases.authorize(principal, caseId);
      return { view: await cases.view(record), changed };
    },
  };
}

function sameAddress(a: CaseAddress | null, b: CaseAddress): boolean {
  return a !== null && a.address === b.address && a.latitude === b.latitude && a.longitude === b.longitude;
}
