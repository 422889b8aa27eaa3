// The ledger hook on both engines: an entry of an event kind writes one outbox message per enabled
// endpoint subscribed to it, in the append's transaction (a rollback leaves none), with the case's
// reference and, for an acceptance, the accepted offer's terms read from its offer.made entry.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebhookPayload } from '../../../protocol/webhooks.ts';
import { createLedgerStore, type LedgerStore } from '../../src/ledger/ledger-store.ts';
import { loadOrCreateSigner } from '../../src/ledger/signing-key.ts';
import type { Db } from '../../src/storage/database.ts';
import { createEndpointStore } from '../../src/webhooks/endpoint-store.ts';
import { createOutboxStore } from '../../src/webhooks/outbox-store.ts';
import { createOutboxWriter } from '../../src/webhooks/outbox-writer.ts';
import { engines, openFresh } from '../support/engines.ts';

const signer = loadOrCreateSigner(fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-key-')));
const actor = { type: 'system', id: 'test' } as const;

for (const engine of engines()) {
  describe.skipIf(engine.skip)(`the outbox writer on ${engine.name}`, () => {
    let db: Db;
    let close: () => Promise<void>;
    let ledger: LedgerStore;
    let woken = 0;
    const messages = (endpointId: string) => db.q().selectFrom('webhook_outbox').selectAll().where('endpoint_id', '=', endpointId).orderBy('ledger_seq').execute();

    beforeAll(async () => {
      ({ db, close } = await openFresh(engine));
      const endpoints = createEndpointStore(db);
      const outbox = createOutboxStore(db);
      await db.q().insertInto('users').values({ id: 'u1', email: 'a@b.c', name: 'A', role: 'admin', password_hash: 'x', created_at: '2026-01-01' }).execute();
      await db.q().insertInto('cases').values({ id: 'c1', kind: 'damage', title: 'T', customer_name: null, assessor_id: 'u1', created_by: 'u1', created_at: '2026-01-01', reference: 'CLM-9' }).execute();
      const endpoint = (id: string, events: Array<'offer.accepted' | 'case.closed' | 'evidence.added'>, disabledAt: string | null = null) =>
        endpoints.create({ id, url: 'http://127.0.0.1:9/', description: null, events, secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', createdAt: '2026-01-01', disabledAt, createdBy: 'u1' });
      await endpoint('payer', ['offer.accepted', 'case.closed']);
      await endpoint('off', ['offer.accepted', 'case.closed'], '2026-01-02');
      await endpoint('photos', ['evidence.added']);
      const writer = createOutboxWriter({ db, endpoints, outbox, onWritten: () => { woken += 1; } });
      ledger = createLedgerStore(db, () => new Date(), signer, writer);
    });
    afterAll(async () => {
      await close?.();
    });

    it('writes a message per subscribed enabled endpoint, with the offer terms on an acceptance', async () => {
      await ledger.append({ caseId: 'c1', actor, type: 'chat.line', payload: { lineId: 'l1', from: 'assessor', text: 'hello' } });
      const items = [{ description: 'Bumper', amount: 700 }, { description: 'Labour', amount: 200 }];
      await ledger.append({ caseId: 'c1', actor, type: 'offer.made', payload: { offerId: 'off_1', amount: 900, currency: 'EUR', items, conditions: 'Paid in 5 days', expiresAt: '2027-01-01T00:00:00.000Z', confirmWith: 'code', supersedes: null } });
      const accepted = await ledger.append({ caseId: 'c1', actor, type: 'offer.accepted', payload: { offerId: 'off_1', confirmedWith: 'code', identityCheckId: null, receiptCode: 'ABCD-EFGH-JKLM' } });
      expect(woken).toBe(1);
      const [message, ...rest] = await messages('payer');
      expect(rest).toEqual([]);
      expect(message).toMatchObject({ case_id: 'c1', ledger_seq: accepted.seq, event: 'offer.accepted', state: 'pending', attempts: 0 });
      expect(WebhookPayload.parse(JSON.parse(message!.payload))).toEqual({
        type: 'offer.accepted', timestamp: accepted.at,
        data: { caseId: 'c1', reference: 'CLM-9', ledgerSeq: accepted.seq, entryHash: accepted.hash, offerId: 'off_1', amount: 900, currency: 'EUR', items, confirmedWith: 'code', receiptCode: 'ABCD-EFGH-JKLM' },
      });
      expect(await messages('off')).toEqual([]);
      expect(await messages('photos')).toEqual([]);
    });

    it('writes nothing when the append rolls back', async () => {
      const before = (await messages('payer')).length;
      await expect(db.transaction(async () => {
        await ledger.append({ caseId: 'c1', actor, type: 'case.closed', payload: { reason: 'rolled back' } });
        expect((await messages('payer')).length).toBe(before + 1);
        throw new Error('the caller fails after the append');
      })).rejects.toThrow('the caller fails');
      expect((await messages('payer')).length).toBe(before);
      expect(await ledger.listOfType('c1', 'case.closed')).toEqual([]);
    });
  });
}
