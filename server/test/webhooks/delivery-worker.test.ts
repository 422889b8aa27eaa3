// The delivery worker on both engines against a real receiver: it gives up after the schedule and a
// retry by hand delivers; a slow receiver is cut at the timeout, a redirect is not followed; a disabled
// endpoint's messages wait; a stop waits for the attempt under way; two workers on one database
// (two instances) deliver each message once, in order per case.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/storage/database.ts';
import { MAX_ATTEMPTS } from '../../src/webhooks/backoff.ts';
import { createDeliveryWorker, type DeliveryWorker } from '../../src/webhooks/delivery-worker.ts';
import { createEndpointStore, type EndpointStore } from '../../src/webhooks/endpoint-store.ts';
import { createOutboxStore, type OutboxStore } from '../../src/webhooks/outbox-store.ts';
import { engines, openFresh } from '../support/engines.ts';
import { signatureValid, startSink, type Sink } from './sink.ts';

let sink: Sink;
beforeAll(async () => {
  sink = await startSink();
});
afterAll(async () => {
  await sink?.close();
});

for (const engine of engines()) {
  describe.skipIf(engine.skip)(`delivery worker on ${engine.name}`, () => {
    let db: Db;
    let close: () => Promise<void>;
    let endpoints: EndpointStore;
    let outbox: OutboxStore;
    const workers: DeliveryWorker[] = [];
    let serial = 0;

    const worker = (instanceId: string, opts: { retryBaseMs?: number; timeoutMs?: number } = {}) => {
      const w = createDeliveryWorker({ outbox, endpoints, instanceId, now: async () => new Date(), retryBaseMs: opts.retryBaseMs ?? 20, pollMs: 50, timeoutMs: opts.timeoutMs ?? 2000, onError: (err) => { throw err; } });
      workers.push(w);
      w.start();
      return w;
    };
    const endpoint = async (url = sink.url) => {
      const id = `whe_${++serial}`;
      await endpoints.create({ id, url, description: null, events: ['case.created'], secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', createdAt: new Date().toISOString(), disabledAt: null, createdBy: 'u1' });
      return id;
    };
    const message = async (endpointId: string, caseId: string, seq: number) => {
      const id = `msg_${++serial}`;
      await outbox.enqueue([{ id, endpointId, caseId, ledgerSeq: seq, event: 'case.created', payload: JSON.stringify({ caseId, seq }), createdAt: new Date().toISOString() }]);
      return id;
    };
    const stateOf = async (endpointId: string, id: string) => (await outbox.deliveries(endpointId, { limit: 200 })).find((d) => d.id === id)!;

    beforeAll(async () => {
      ({ db, close } = await openFresh(engine));
      endpoints = createEndpointStore(db);
      outbox = createOutboxStore(db);
      await db.q().insertInto('users').values({ id: 'u1', email: 'a@b.c', name: 'A', role: 'admin', password_hash: 'x', created_at: '2026-01-01' }).execute();
      for (const c of ['c1', 'c2', 'c3']) await db.q().insertInto('cases').values({ id: c, kind: 'damage', title: 'T', customer_name: null, assessor_id: 'u1', created_by: 'u1', created_at: '2026-01-01' }).execute();
    });
    afterEach(async () => {
      for (const w of workers.splice(0)) await w.stop();
      await sink.up();
      sink.answer = () => 204;
      sink.received.length = 0;
    });
    afterAll(async () => {
      await close?.();
    });

    it('forgets delivered and abandoned messages past the keeping time, with their attempts; a waiting one stays', async () => {
      const e = await endpoint();
      const old = async (seq: number, state: 'delivered' | 'abandoned' | 'pending') => {
        const id = await message(e, 'c3', seq);
        await db.q().updateTable('webhook_outbox').set({ state, created_at: '2026-01-01T00:00:00.000Z' }).where('id', '=', id).execute();
        await db.q().insertInto('webhook_attempts').values({ id: `att_${id}`, outbox_id: id, at: '2026-01-01T00:00:01.000Z', status: 500, error: null, duration_ms: 3 }).execute();
        return id;
      };
      const delivered = await old(900, 'delivered');
      const abandoned = await old(901, 'abandoned');
      const waiting = await old(902, 'pending');
      const recent = await message(e, 'c3', 903);
      await db.q().updateTable('webhook_outbox').set({ state: 'delivered' }).where('id', '=', recent).execute();
      expect(await outbox.prune('2026-02-01T00:00:00.000Z')).toBe(2);
      const left = (await db.q().selectFrom('webhook_outbox').select('id').where('endpoint_id', '=', e).execute()).map((r) => r.id).sort();
      expect(left).toEqual([waiting, recent].sort());
      const attempts = (await db.q().selectFrom('webhook_attempts').select('outbox_id').where('outbox_id', 'in', [delivered, abandoned, waiting]).execute()).map((r) => r.outbox_id);
      expect(attempts).toEqual([waiting]);
      await db.q().deleteFrom('webhook_attempts').where('outbox_id', '=', waiting).execute();
      await db.q().deleteFrom('webhook_outbox').where('id', 'in', [waiting, recent]).execute();
    });

    it('abandons a message after the last attempt of the schedule; a retry by hand delivers it', async () => {
      const e = await endpoint();
      const id = await message(e, 'c1', 1);
      sink.answer = () => 500;
      worker('i1', { retryBaseMs: 0.05 });
      await expect.poll(async () => (await stateOf(e, id)).state, { timeout: 10_000 }).toBe('abandoned');
      expect((await stateOf(e, id)).attempts).toHaveLength(MAX_ATTEMPTS);
      sink.answer = () => 200;
      expect(await outbox.retry(e, id, new Date().toISOString())).toMatchObject({ state: 'pending' });
      await expect.poll(async () => (await stateOf(e, id)).state).toBe('delivered');
      expect((await stateOf(e, id)).attempts.at(-1)).toMatchObject({ status: 200, error: null });
    });

    it('cuts a receiver that does not answer in time, and does not follow a redirect', async () => {
      const e = await endpoint();
      const slow = await message(e, 'c2', 1);
      sink.answer = () => 'hang';
      worker('i1', { timeoutMs: 200, retryBaseMs: 60_000 });
      await expect.poll(async () => (await stateOf(e, slow)).attempts.length).toBe(1);
      expect((await stateOf(e, slow)).attempts[0]).toMatchObject({ status: null, error: 'no answer within 0.2 s' });
      expect((await stateOf(e, slow)).attempts[0]!.durationMs).toBeGreaterThanOrEqual(190);

      sink.answer = () => 302;
      const moved = await message(e, 'c3', 1);
      await expect.poll(async () => (await stateOf(e, moved)).attempts.length).toBe(1);
      expect((await stateOf(e, moved)).attempts[0]).toMatchObject({ status: 302, error: 'redirect (302) not followed' });
      expect(sink.received.filter((r) => r.headers.host && r.json?.caseId === 'c3')).toHaveLength(1);
    });

    it('holds a disabled endpoint\'s messages until it is enabled again', async () => {
      const e = await endpoint();
      await endpoints.update(e, { disabledAt: new Date().toISOString() });
      const id = await message(e, 'c1', 2);
      worker('i1');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect((await stateOf(e, id)).attempts).toEqual([]);
      await endpoints.update(e, { disabledAt: null });
      await expect.poll(async () => (await stateOf(e, id)).state).toBe('delivered');
    });

    it('waits on stop for the attempt under way and records it: nothing is sent twice', async () => {
      const e = await endpoint();
      const id = await message(e, 'c1', 3);
      sink.answer = () => 'hang';
      const w = worker('i1');
      await sink.until((r) => r.length === 1);
      // The receiver goes away mid-answer, after the stop was asked for.
      setTimeout(() => void sink.down(), 200);
      await w.stop();
      // The receiver went away mid-answer: the attempt is recorded as failed and the claim freed.
      const after = await stateOf(e, id);
      expect(after.attempts).toHaveLength(1);
      expect(after.state).toBe('pending');
      const row = await db.q().selectFrom('webhook_outbox').select(['claimed_by']).where('id', '=', id).executeTakeFirstOrThrow();
      expect(row.claimed_by).toBeNull();
    });

    it('with two workers on one database, delivers each message once and in order per case', async () => {
      const e = await endpoint();
      const ids: string[] = [];
      for (let seq = 10; seq < 30; seq++) for (const c of ['c1', 'c2', 'c3']) ids.push(await message(e, c, seq));
      // Every third answer fails at first, so retries and claims interleave across the two workers.
      const seen = new Map<string, number>();
      const accepted: Array<{ id: string; caseId: string; seq: number }> = [];
      sink.answer = (r) => {
        seen.set(r.id, (seen.get(r.id) ?? 0) + 1);
        if (seen.get(r.id) === 1 && r.id.endsWith('3')) return 503;
        accepted.push({ id: r.id, caseId: r.json.caseId, seq: r.json.seq });
        return 204;
      };
      worker('a');
      worker('b');
      await expect.poll(async () => (await outbox.deliveries(e, { state: 'delivered', limit: 200 })).length, { timeout: 20_000 }).toBe(ids.length);
      const mine = accepted.filter((a) => ids.includes(a.id));
      expect(mine).toHaveLength(ids.length);
      expect(new Set(mine.map((a) => a.id)).size).toBe(ids.length);
      for (const c of ['c1', 'c2', 'c3']) {
        const seqs = mine.filter((a) => a.caseId === c).map((a) => a.seq);
        expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
      }
      const attempts = await db.q().selectFrom('webhook_attempts').select(({ fn }) => fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(Number(attempts.n)).toBeGreaterThan(0);
      expect(sink.received.every((r) => signatureValid('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', r))).toBe(true);
    });
  });
}
