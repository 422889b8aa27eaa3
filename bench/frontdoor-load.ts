// The front door's queue under load: CUSTOMERS customers arrive over ARRIVAL_S seconds (seeded times)
// and are queued (POST /api/queue, as an operator's intake would) for ASSESSORS assessors with mixed
// skills and per-channel capacity. Each assessor is a console: a live event stream (GET /api/events)
// that hears its `offer`, accepts it (POST /api/queue/:id/accept), holds the session for a seeded handle
// time and finishes it (POST /api/queue/:id/finish). The server is a child process on loopback.
// Checked, not only measured: every customer served exactly once (none lost, none twice).
// Measured: routing decision latency (enqueue → the offer arriving at a console, for entries that were
// offered at once because someone with capacity was free), the enqueue call's own time (it runs a
// routing pass), waits, and fairness (max ÷ median wait for equal priority).
// Run: npx tsx bench/frontdoor-load.ts (QUICK=1 for a smoke run).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seeded, startChildServer, type ChildServer } from '../server/test/support/child-server.ts';
import { apiClient, inBatches, type ApiClient } from './support/api-client.ts';
import { QUICK, round, sleep, summary, within, writeResult } from './support/results.ts';

const CUSTOMERS = QUICK ? 60 : 2_000;
const ASSESSORS = QUICK ? 8 : 50;
const ARRIVAL_S = QUICK ? 5 : 60;
/** Every customer must be served within this after the last arrival. */
const DRAIN_LIMIT_MS = QUICK ? 60_000 : 180_000;
const SKILLS = ['auto', 'property', 'travel'] as const;
const SEED = 20_261_205;

interface Offer { entryId: string; caseId: string; channel: 'text' | 'video' }
interface Customer { caseId: string; skill: string; channel: 'text' | 'video'; arriveAtMs: number; entryId?: string; enqueuedAt?: number; enqueueMs?: number }
/** What the consoles saw of an entry; kept by entry id, since an offer may arrive before the enqueue call has answered. */
interface Seen { offeredAt?: number; acceptedAt?: number; accepts: number }

const random = seeded(SEED);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

/** A console's event stream: calls `onOffer` for each offer event addressed to this user. */
function listen(base: string, cookie: string, userId: string, onOffer: (offer: Offer) => void, signal: AbortSignal): Promise<void> {
  return (async () => {
    const res = await fetch(`${base}/api/events`, { headers: { cookie, accept: 'text/event-stream' }, signal });
    if (!res.ok || !res.body) throw new Error(`event stream: ${res.status}`);
    const decoder = new TextDecoder();
    let buffered = '';
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      buffered += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffered.indexOf('\n\n')) >= 0) {
        const message = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        const data = message.split('\n').filter((line) => line.startsWith('data:')).map((line) => line.slice(5).trim()).join('\n');
        if (!data) continue;
        const event = JSON.parse(data) as { type: string; assessorId?: string; offer?: Offer };
        if (event.type === 'offer' && event.assessorId === userId && event.offer) onOffer(event.offer);
      }
    }
  })().catch((error: unknown) => {
    if (!signal.aborted) throw error;
  });
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-frontdoor-'));
  const admin = { email: 'admin@bench.test', password: 'bench-password-1' };
  let server: ChildServer | null = null;
  const stop = new AbortController();
  try {
    server = await startChildServer({ dataDir, admin, env: { SIGHTLINE_LOGIN_LIMIT_PER_15MIN: '1000' } });
    const base = server.base;
    const operator = apiClient(base);
    await operator.login(admin.email, admin.password);

    // Assessors: one or two skills at levels 1–3, three text chats or one video call at once.
    const consoles: { id: string; client: ApiClient; skills: Record<string, number>; busy: number }[] = [];
    await inBatches(Array.from({ length: ASSESSORS }, (_, i) => i), 10, async (i) => {
      const email = `assessor${i}@bench.test`;
      const created = await operator.json('/api/users', { method: 'POST', json: { email, name: `Assessor ${i}`, password: 'bench-password-1', role: 'assessor' } });
      if (created.status !== 201) throw new Error(`create user: ${created.status} ${JSON.stringify(created.body)}`);
      const id = (created.body as { user: { id: string } }).user.id;
      const skills: Record<string, number> = { [SKILLS[i % SKILLS.length]!]: 1 + (i % 3) };
      if (i % 4 === 0) skills[SKILLS[(i + 1) % SKILLS.length]!] = 1;
      const routed = await operator.json(`/api/users/${id}/routing`, { method: 'PUT', json: { skills, capacity: { text: 3, video: 1 } } });
      if (routed.status !== 204) throw new Error(`routing: ${routed.status} ${JSON.stringify(routed.body)}`);
      const client = apiClient(base);
      await client.login(email, 'bench-password-1');
      consoles.push({ id, client, skills, busy: 0 });
    });

    // The customers' cases, made before the clock starts (an intake would make them as they arrive).
    const customers: Customer[] = [];
    for (let i = 0; i < CUSTOMERS; i++) customers.push({ caseId: '', skill: pick(SKILLS), channel: random() < 0.7 ? 'text' : 'video', arriveAtMs: random() * ARRIVAL_S * 1000 });
    customers.sort((a, b) => a.arriveAtMs - b.arriveAtMs);
    await inBatches(customers, 20, async (customer) => {
      const made = await operator.json('/api/cases', { method: 'POST', json: { title: `Front door ${customer.skill}`, customerName: 'Bench customer' } });
      if (made.status !== 201) throw new Error(`create case: ${made.status}`);
      customer.caseId = (made.body as { case: { id: string } }).case.id;
    });
    const seen = new Map<string, Seen>();
    const seenOf = (entryId: string): Seen => {
      let entry = seen.get(entryId);
      if (!entry) seen.set(entryId, (entry = { accepts: 0 }));
      return entry;
    };

    // Consoles: hear the offer, accept, hold the session for its handle time, finish.
    const handled: Promise<void>[] = [];
    const problems: string[] = [];
    let staleAccepts = 0;
    const onOffer = (assessor: (typeof consoles)[number]) => (offer: Offer) => {
      const heardAt = performance.now();
      handled.push((async () => {
        seenOf(offer.entryId).offeredAt ??= heardAt;
        const accepted = await assessor.client.json(`/api/queue/${offer.entryId}/accept`, { method: 'POST' });
        if (accepted.status === 409) {
          staleAccepts++;
          return;
        }
        if (accepted.status !== 200) {
          problems.push(`accept ${offer.entryId}: ${accepted.status}`);
          return;
        }
        const entry = seenOf(offer.entryId);
        entry.accepts++;
        entry.acceptedAt ??= performance.now();
        await sleep((offer.channel === 'video' ? 2_000 : 1_000) + random() * 2_000);
        const finished = await assessor.client.json(`/api/queue/${offer.entryId}/finish`, { method: 'POST' });
        if (finished.status !== 200) problems.push(`finish ${offer.entryId}: ${finished.status}`);
      })().catch((error: unknown) => {
        problems.push(`offer ${offer.entryId}: ${(error as Error).message}`);
      }));
    };
    const streams = consoles.map((c) => listen(base, c.client.cookie()!, c.id, onOffer(c), stop.signal));
    await inBatches(consoles, 10, async (c) => {
      const set = await c.client.json('/api/me/status', { method: 'PUT', json: { status: 'available' } });
      if (set.status !== 204) throw new Error(`status: ${set.status}`);
    });

    // Arrivals, open loop: each customer is queued at their time whatever happened before.
    const t0 = performance.now();
    await Promise.all(customers.map(async (customer) => {
      await sleep(Math.max(0, customer.arriveAtMs - (performance.now() - t0)));
      const sent = performance.now();
      const steps = [
        { afterSeconds: 0, requires: [{ skill: customer.skill, minLevel: 2 }] },
        { afterSeconds: 10, requires: [{ skill: customer.skill, minLevel: 1 }] },
        { afterSeconds: 30, requires: [] },
      ];
      const queued = await operator.json('/api/queue', { method: 'POST', json: { caseId: customer.caseId, channel: customer.channel, priority: 0, steps } }).catch((error: unknown) => ({ status: 0, body: (error as Error).message }));
      if (queued.status !== 201) {
        problems.push(`enqueue: ${queued.status} ${JSON.stringify(queued.body)}`);
        return;
      }
      customer.enqueuedAt = sent;
      customer.enqueueMs = performance.now() - sent;
      customer.entryId = (queued.body as { entry: { id: string } }).entry.id;
    }));
    const arrivedMs = performance.now() - t0;

    // Drain: until every customer has been served (or the limit says the queue lost some).
    await within(DRAIN_LIMIT_MS, 'every customer served', (async () => {
      while (customers.some((c) => !c.entryId || !seen.get(c.entryId)?.accepts)) await sleep(200);
    })()).catch((error: unknown) => problems.push((error as Error).message));
    await Promise.all(handled);
    const drainedMs = performance.now() - t0;
    const left = await operator.json('/api/queue');
    const stillQueued = (left.body as { entries: unknown[] }).entries.length;

    const accepts = (c: Customer) => (c.entryId ? seen.get(c.entryId)?.accepts ?? 0 : 0);
    const served = customers.filter((c) => accepts(c) === 1).length;
    const twice = customers.filter((c) => accepts(c) > 1).length;
    const lost = customers.filter((c) => accepts(c) === 0).length;
    const timed = customers.flatMap((c) => (c.entryId && c.enqueuedAt !== undefined ? [{ enqueuedAt: c.enqueuedAt, ...seen.get(c.entryId) }] : []));
    const waits = timed.filter((t) => t.acceptedAt !== undefined).map((t) => t.acceptedAt! - t.enqueuedAt);
    const medianWait = summary(waits, [50]).p50 ?? 0;
    // Offered within a second of arriving: someone with capacity and the skill was free, so the time is the decision's own.
    const decisions = timed.filter((t) => t.offeredAt !== undefined).map((t) => Math.max(0, t.offeredAt! - t.enqueuedAt)).filter((ms) => ms < 1_000);
    writeResult('frontdoor-load', {
      setup: { customers: CUSTOMERS, assessors: ASSESSORS, arrivalSeconds: ARRIVAL_S, channels: 'text 70% (capacity 3), video 30% (capacity 1)', handleSeconds: 'text 1–3, video 2–4', seed: SEED },
      served, twice, lost, stillQueued, staleAccepts, problems: problems.slice(0, 10),
      exactlyOnce: served === CUSTOMERS && twice === 0 && lost === 0 && stillQueued === 0,
      decisionMs: summary(decisions, [50, 99]),
      enqueueCallMs: summary(customers.flatMap((c) => (c.enqueueMs === undefined ? [] : [c.enqueueMs])), [50, 99]),
      waitMs: summary(waits, [50, 95, 99]),
      fairness: medianWait > 0 ? round(Math.max(...waits) / medianWait, 1) : null,
      arrivedSeconds: round(arrivedMs / 1000), drainedSeconds: round(drainedMs / 1000),
    });
    stop.abort();
    await Promise.all(streams);
    if (problems.length > 0 || served !== CUSTOMERS || twice > 0) process.exitCode = 1;
  } finally {
    stop.abort();
    await server?.kill();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
