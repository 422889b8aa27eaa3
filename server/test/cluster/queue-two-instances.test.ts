// The front door's queue on two instances sharing PostgreSQL (and Redis, which a cluster requires):
// 20 customers and 5 assessors, routing passes running on both instances at once while the assessors
// answer offers through either. The ledger then shows every entry offered to one assessor at a time,
// no assessor ever holding two offers, and every entry assigned exactly once. Then a warm transfer sent
// on one instance and answered on the other, each console hearing of it on the other instance's stream.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../../../protocol/http.ts';
import type { QueueView } from '../../../protocol/queue.ts';
import { loadConfig } from '../../src/config.ts';
import { startServer, type RunningServer } from '../../src/server.ts';
import { eventsDuring } from '../http/events.ts';
import { engines } from '../support/engines.ts';
import { redisMissing, startRedis, type RedisServer } from '../support/redis-server.ts';

const ADMIN = { email: 'admin@example.test', password: 'correct horse battery' };
const PASSWORD = 'a long enough password';
const postgres = engines().find((engine) => engine.name === 'postgres')!;
const skip = postgres.skip ?? redisMissing();

let redis: RedisServer | undefined;
let database: { env: Record<string, string>; drop(): Promise<void> };
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-queue-two-'));
let servers: RunningServer[] = [];

const start = () => startServer(loadConfig({
  PORT: '0', HTTPS_PORT: 'off', HOST: '127.0.0.1', SIGHTLINE_DATA_DIR: dataDir, LOG_LEVEL: 'silent',
  SIGHTLINE_ADMIN_EMAIL: ADMIN.email, SIGHTLINE_ADMIN_PASSWORD: ADMIN.password, SIGHTLINE_REDIS_URL: redis!.url,
  ...database.env,
}), pino({ level: 'silent' }));
const bases = () => servers.map((s) => s.httpUrl!.replace('localhost', '127.0.0.1'));

/** A call on one instance with a session cookie (sessions live in the shared database, so it works on both). */
async function call(base: string, cookie: string, method: string, pathname: string, json?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(base + pathname, {
    method, headers: { cookie, origin: base, ...(json !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: json !== undefined ? JSON.stringify(json) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

async function login(base: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  expect(res.status).toBe(200);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

/** A console's session on one instance, as the shared event reader takes it. */
const consoleOn = (base: string, cookie: string) => ({ fetch: (pathname: string, init: RequestInit = {}) => fetch(`${base}${pathname}`, { ...init, headers: { cookie, accept: 'text/event-stream' } }) });

beforeAll(async () => {
  if (skip) return;
  redis = await startRedis();
  database = await postgres.fresh();
  servers = [await start(), await start()];
}, 60_000);

afterAll(async () => {
  for (const server of servers) await server.close();
  await redis?.stop();
  await database?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe.skipIf(skip)('the queue on two instances', () => {
  it('offers each entry to one assessor at a time, never two offers to one assessor, and assigns each once', async () => {
    const [a, b] = bases() as [string, string];
    const admin = await login(a, ADMIN.email, ADMIN.password);
    const assessors: { id: string; cookie: string }[] = [];
    for (let i = 0; i < 5; i++) {
      const email = `asr${i}@example.test`;
      const created = await call(a, admin, 'POST', '/api/users', { email, name: `Assessor ${i}`, password: PASSWORD });
      expect(created.status).toBe(201);
      expect((await call(b, admin, 'PUT', `/api/users/${created.body.user.id}/routing`, { skills: { auto: 3 }, capacity: { text: 1 } })).status).toBe(204);
      assessors.push({ id: created.body.user.id, cookie: await login(i % 2 ? a : b, email, PASSWORD) });
    }
    const caseIds: string[] = [];
    for (let i = 0; i < 20; i++) {
      const base = i % 2 ? a : b;
      const made = await call(base, admin, 'POST', '/api/cases', { title: `Customer ${i}` });
      caseIds.push(made.body.case.id);
      expect((await call(base, admin, 'POST', '/api/queue', { caseId: made.body.case.id, channel: 'text', priority: i % 3 })).status).toBe(201);
    }

    // Passes on both instances at once, over and over, while the assessors work through either.
    let done = false;
    const snapshots: QueueView[] = [];
    const passes = Promise.all([a, b].map(async (base) => {
      while (!done) {
        const view = await call(base, admin, 'GET', '/api/queue');
        expect(view.status).toBe(200);
        snapshots.push(view.body);
      }
    }));
    let assigned = 0;
    const work = Promise.all(assessors.map(async (person, n) => {
      expect((await call(n % 2 ? b : a, person.cookie, 'PUT', '/api/me/status', { status: 'available' })).status).toBe(204);
      let round = 0;
      const deadline = Date.now() + 60_000;
      while (assigned < 20 && Date.now() < deadline) {
        round += 1;
        const here = (n + round) % 2 ? a : b;
        const there = here === a ? b : a;
        const offer = await call(here, person.cookie, 'GET', '/api/me/offer');
        if (offer.status === 204) continue;
        const entryId: string = offer.body.offer.entryId;
        if (round % 4 === 0) {
          expect((await call(there, person.cookie, 'POST', `/api/queue/${entryId}/decline`, {})).status).toBe(204);
          continue;
        }
        const accepted = await call(there, person.cookie, 'POST', `/api/queue/${entryId}/accept`, {});
        expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
        assigned += 1;
        expect((await call(here, person.cookie, 'POST', `/api/queue/${entryId}/finish`, {})).status).toBe(200);
      }
    }));
    try {
      await work;
    } finally {
      done = true;
      await passes;
    }
    expect(assigned).toBe(20);
    expect(snapshots.length).toBeGreaterThan(10);

    // Every snapshot: no assessor holds two offers.
    for (const view of snapshots) {
      const offeredTo = view.entries.filter((e) => e.state === 'offered').map((e) => e.offeredTo);
      expect(new Set(offeredTo).size).toBe(offeredTo.length);
    }

    // The ledger: per entry, offers alternate with their answer and end in one assignment; per assessor,
    // the spans from an offer to its answer never overlap.
    const spans = new Map<string, [string, string][]>();
    for (const caseId of caseIds) {
      const entries: LedgerEntry[] = (await call(a, admin, 'GET', `/api/cases/${caseId}/ledger`)).body.entries;
      const queue = entries.filter((e) => e.type === 'queue.offered' || e.type === 'queue.declined' || e.type === 'queue.assigned');
      expect(queue.filter((e) => e.type === 'queue.assigned')).toHaveLength(1);
      for (let i = 0; i < queue.length; i += 2) {
        const [offer, answer] = [queue[i]!, queue[i + 1]!];
        expect(offer.type).toBe('queue.offered');
        expect(answer.type).not.toBe('queue.offered');
        expect(answer.payload.assessorId).toBe(offer.payload.assessorId);
        const list = spans.get(offer.payload.assessorId as string) ?? [];
        list.push([offer.at, answer.at]);
        spans.set(offer.payload.assessorId as string, list);
      }
      expect(queue.at(-1)!.type).toBe('queue.assigned');
    }
    for (const list of spans.values()) {
      list.sort((x, y) => (x[0] < y[0] ? -1 : 1));
      for (let i = 1; i < list.length; i++) expect(list[i]![0] >= list[i - 1]![1]).toBe(true);
    }
    const final: QueueView = (await call(b, admin, 'GET', '/api/queue')).body;
    expect(final.entries).toEqual([]);
    expect(final.assessors.every((x) => (x.load.text ?? 0) === 0)).toBe(true);
  }, 120_000);

  it('hands a session on warm across instances: the offer and its answer reach each console through the other instance', async () => {
    const [a, b] = bases() as [string, string];
    const admin = await login(a, ADMIN.email, ADMIN.password);
    const people: { id: string; cookie: string; name: string }[] = [];
    for (const [i, base] of [a, b].entries()) {
      const email = `warm${i}@example.test`;
      const created = await call(a, admin, 'POST', '/api/users', { email, name: `Warm ${i}`, password: PASSWORD });
      expect((await call(b, admin, 'PUT', `/api/users/${created.body.user.id}/routing`, { skills: { roof: 2 }, capacity: { video: 1 } })).status).toBe(204);
      const cookie = await login(base, email, PASSWORD);
      expect((await call(base, cookie, 'PUT', '/api/me/status', { status: 'available' })).status).toBe(204);
      people.push({ id: created.body.user.id, cookie, name: `Warm ${i}` });
    }
    const [sender, colleague] = people as [(typeof people)[0], (typeof people)[0]];
    const made = await call(b, admin, 'POST', '/api/cases', { title: 'Roof' });
    const caseId: string = made.body.case.id;
    // Only the two here have the roof skill, so the first test's assessors are never offered it.
    const entered = await call(b, admin, 'POST', '/api/queue', { caseId, channel: 'video', steps: [{ afterSeconds: 0, requires: [{ skill: 'roof', minLevel: 2 }] }] });
    const entryId: string = entered.body.entry.id;
    let offer = await call(a, sender.cookie, 'GET', '/api/me/offer');
    if (offer.status === 204) {
      // The colleague was offered it first: they decline, so it goes to the sender.
      expect((await call(b, colleague.cookie, 'POST', `/api/queue/${entryId}/decline`, {})).status).toBe(204);
      offer = await call(a, sender.cookie, 'GET', '/api/me/offer');
    }
    expect(offer.body.offer.entryId).toBe(entryId);
    expect((await call(b, sender.cookie, 'POST', `/api/queue/${entryId}/accept`, {})).status).toBe(200);

    // Sent on instance a, heard on instance b's stream.
    const heard: any[] = await eventsDuring(consoleOn(b, colleague.cookie), async () => {
      const moved = await call(a, sender.cookie, 'POST', `/api/queue/${entryId}/transfer`, { mode: 'warm', to: colleague.id, note: 'Loose tiles, photos taken' });
      expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    }, (seen) => seen.some((e) => e.type === 'offer' && e.offer.entryId === entryId));
    expect(heard.find((e) => e.type === 'offer')!.offer).toMatchObject({ entryId, caseTitle: 'Roof', transfer: { fromId: sender.id, fromName: sender.name, note: 'Loose tiles, photos taken' } });
    // Accepted on instance a, the sender told on instance b.
    const told: any[] = await eventsDuring(consoleOn(b, sender.cookie), async () => {
      expect((await call(a, colleague.cookie, 'POST', `/api/queue/${entryId}/accept`, {})).status).toBe(200);
    }, (seen) => seen.some((e) => e.type === 'transfer'));
    expect(told.find((e) => e.type === 'transfer')).toEqual({ type: 'transfer', assessorId: sender.id, entryId, caseId, outcome: 'accepted', colleagueName: colleague.name });

    expect((await call(a, admin, 'GET', `/api/cases/${caseId}`)).body.case.assessorId).toBe(colleague.id);
    const ledger: LedgerEntry[] = (await call(b, admin, 'GET', `/api/cases/${caseId}/ledger`)).body.entries;
    expect(ledger.filter((e) => e.type === 'queue.entered')).toHaveLength(1);
    expect(ledger.filter((e) => e.type === 'queue.transferred').map((e) => e.payload)).toEqual([{ entryId, from: sender.id, to: colleague.id, mode: 'warm', note: 'Loose tiles, photos taken' }]);
    expect(ledger.filter((e) => e.type === 'queue.assigned').map((e) => e.payload.assessorId)).toEqual([sender.id, colleague.id]);
    const loads = (await call(a, admin, 'GET', '/api/queue')).body.assessors as QueueView['assessors'];
    expect(loads.filter((x) => x.id === sender.id || x.id === colleague.id).map((x) => [x.id, x.load.video ?? 0])).toEqual(expect.arrayContaining([[sender.id, 0], [colleague.id, 1]]));
    expect((await call(b, colleague.cookie, 'POST', `/api/queue/${entryId}/finish`, {})).status).toBe(200);
  }, 60_000);
});
