// Crash safety of the case writes: the real server as a child process, a customer uploading snapshots
// and writing chat lines while the assessor writes chat lines and outcomes, all at once; SIGKILL at a
// random moment, restart on the same data dir, again and again. After each restart every acknowledged
// write is there and intact, the ledger only grew and verifies, every blob on disk hashes to its name in
// the content-addressed layout (nothing half-written can be served) and what is served hashes right;
// each snapshot is a checklist photo whose verdict commits with it and is never counted twice.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { CaseDetail, type ChatLine, type OutcomeView } from '../../../protocol/http.ts';
import { detailedJpeg } from '../evidence/fixtures.ts';
import { attempt, seeded, startChildServer, type ChildServer } from '../support/child-server.ts';
import { blobStoreProblems, sha256, tempFiles } from './store-probe.ts';

const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 20);
const SEED = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);
const ADMIN = { email: 'crash-writes@example.test', password: 'crash writes password' };

const random = seeded(SEED);
const between = (min: number, max: number): number => Math.floor(min + random() * (max - min + 1));
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-crash-writes-'));
let child: ChildServer | null = null;

afterAll(async () => {
  await child?.kill();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

type Who = 'customer' | 'assessor';

/** What the client knows: each write it made, and whether the server acknowledged it (2xx). */
interface ClientRecord {
  chat: Map<string, { text: string; from: Who; acked: boolean }>;
  snapshots: Map<string, { photo: Buffer; evidence: { id: string; sha256: string } | null; served: boolean }>;
  outcomes: Array<{ reason: string; view: OutcomeView }>;
  /** Ledger hashes seen at the last check: the ledger may only grow past them. */
  ledger: string[];
}

it(`keeps every acknowledged chat line, snapshot and outcome across ${ROUNDS} SIGKILLs (seed ${SEED})`, async () => {
  const startedAt = Date.now();
  let cookie = '';
  let token = '';
  let caseId = '';
  const call = async (base: string, who: Who, pathname: string, init: RequestInit & { json?: unknown } = {}) => {
    const headers = new Headers(init.headers);
    if (who === 'assessor') headers.set('cookie', cookie);
    else headers.set('authorization', `Bearer ${token}`);
    let body = init.body;
    if (init.json !== undefined) {
      headers.set('content-type', 'application/json');
      body = JSON.stringify(init.json);
    }
    const res = await fetch(base + pathname, { ...init, headers, body, signal: AbortSignal.timeout(15_000) });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) cookie = setCookie.split(';')[0]!;
    return res;
  };
  /** The whole exchange, body included, so a kill anywhere in it rejects here (and `attempt` sees it). */
  const json = async (base: string, who: Who, pathname: string, init?: RequestInit & { json?: unknown }) => {
    const res = await call(base, who, pathname, init);
    return { status: res.status, body: (await res.json()) as any };
  };

  const record: ClientRecord = { chat: new Map(), snapshots: new Map(), outcomes: [], ledger: [] };
  const counters = { line: 0, snapshot: 0, outcome: 0 };
  const log: Array<Record<string, unknown>> = [];

  /** After a restart: the store is sound and everything acknowledged is there, intact. */
  const checkAfterRestart = async (base: string): Promise<{ storedUnacked: number }> => {
    expect(tempFiles(dataDir), 'the temp folder is cleaned at start').toEqual([]);
    expect(blobStoreProblems(dataDir)).toEqual([]);
    const detail = CaseDetail.parse((await json(base, 'assessor', `/api/cases/${caseId}`)).body);
    let storedUnacked = 0;

    const lines = new Map<string, ChatLine>();
    for (const line of detail.chat) {
      expect(lines.has(line.id), `chat line ${line.id} stored twice`).toBe(false);
      lines.set(line.id, line);
    }
    for (const [id, mine] of record.chat) {
      const held = lines.get(id);
      if (mine.acked) expect(held, `acknowledged chat line ${id}`).toMatchObject({ text: mine.text, from: mine.from });
      else if (held) {
        // Stored, but the kill cut the answer: the retry with the same id will be answered 200.
        expect(held).toMatchObject({ text: mine.text, from: mine.from });
        storedUnacked += 1;
      }
    }
    for (const line of lines.values()) expect(record.chat.has(line.id), `a chat line nobody wrote: ${line.id}`).toBe(true);

    const evidence = new Map(detail.evidence.map((e) => [e.id, e]));
    for (const [uploadId, snapshot] of record.snapshots) {
      if (!snapshot.evidence) continue;
      expect(evidence.get(snapshot.evidence.id)?.sha256, `acknowledged snapshot ${uploadId}`).toBe(snapshot.evidence.sha256);
      if (snapshot.served) continue;
      // Served bytes: the original is the upload itself, each rendition hashes to its ETag.
      for (const rendition of ['original', 'preview', 'thumbnail']) {
        const res = await call(base, 'customer', `/api/cases/${caseId}/evidence/${snapshot.evidence.id}/${rendition}`);
        const bytes = Buffer.from(await res.arrayBuffer());
        expect(res.status).toBe(200);
        expect(`"${sha256(bytes)}"`, `${rendition} of ${uploadId}`).toBe(res.headers.get('etag'));
        if (rendition === 'original') expect(bytes.equals(snapshot.photo)).toBe(true);
      }
      snapshot.served = true;
    }

    // Every snapshot is a checklist photo: its verdict committed with it, and a retried upload counted once.
    for (const item of detail.evidence) expect(item.checklist?.evidenceId, `the checklist verdict of ${item.id}`).toBe(item.id);
    expect(detail.checklist?.items.find((i) => i.id === 'damage-close-up')?.attempts).toBe(detail.evidence.length);

    const stored = detail.outcomes;
    for (const mine of record.outcomes) expect(stored.find((o) => o.id === mine.view.id), `acknowledged outcome ${mine.reason}`).toEqual(mine.view);
    stored.forEach((outcome, i) => expect(outcome.supersedes, `outcome ${i} supersedes the one before it`).toBe(i === 0 ? null : stored[i - 1]!.id));
    storedUnacked += stored.length - record.outcomes.length;

    const ledger = (await json(base, 'assessor', `/api/cases/${caseId}/ledger`)).body.entries.map((e: { hash: string }) => e.hash) as string[];
    expect(ledger.slice(0, record.ledger.length), 'the ledger only grows').toEqual(record.ledger);
    record.ledger = ledger;
    expect((await json(base, 'assessor', `/api/cases/${caseId}/verify`)).body).toMatchObject({ ok: true, firstBroken: null });
    return { storedUnacked };
  };

  /** Writes until the server dies: a snapshot worker, two chat workers and an outcome worker. */
  const workload = (base: string, inFlight: Set<string>, onSnapshotAcked: () => void) => {
    let dead = false;
    // People pause between lines and decisions; without it synchronous commits starve the uploads.
    const think = () => new Promise((resolve) => setTimeout(resolve, between(0, 30)));
    const track = async <T>(label: string, request: Promise<T>): Promise<T | null> => {
      inFlight.add(label);
      const res = await attempt(request);
      inFlight.delete(label);
      if (!res) dead = true;
      return res;
    };
    const snapshots = async () => {
      while (!dead) {
        const pending = [...record.snapshots].find(([, s]) => s.evidence === null);
        const uploadId = pending?.[0] ?? `snap-${String(++counters.snapshot).padStart(6, '0')}`;
        const photo = pending?.[1].photo ?? (await detailedJpeg(160 + counters.snapshot, 120));
        record.snapshots.set(uploadId, { photo, evidence: null, served: false });
        const form = new FormData();
        form.set('source', 'device-still');
        form.set('uploadId', uploadId);
        form.set('checklistItem', 'damage-close-up');
        form.set('file', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'still.jpg');
        const res = await track(`snapshot ${uploadId}`, json(base, 'customer', `/api/cases/${caseId}/evidence`, { method: 'POST', body: form }));
        if (!res) break;
        expect([200, 201], JSON.stringify(res.body)).toContain(res.status);
        expect(res.body.sha256).toBe(sha256(photo));
        record.snapshots.set(uploadId, { photo, evidence: { id: res.body.id, sha256: res.body.sha256 }, served: false });
        onSnapshotAcked();
      }
    };
    const chat = (who: Who) => async () => {
      while (!dead) {
        const pending = [...record.chat].find(([, l]) => !l.acked && l.from === who);
        const id = pending?.[0] ?? `line-${who}-${String(++counters.line).padStart(6, '0')}`;
        const text = pending?.[1].text ?? `${who} says ${counters.line}: ${'é∂ '.repeat(between(1, 200))}`.trim();
        record.chat.set(id, { text, from: who, acked: false });
        const res = await track(`chat ${id}`, json(base, who, `/api/cases/${caseId}/chat`, { method: 'POST', json: { id, text } }));
        if (!res) break;
        expect([200, 201]).toContain(res.status);
        expect(res.body).toMatchObject({ id, text, from: who });
        record.chat.set(id, { text, from: who, acked: true });
        await think();
      }
    };
    const outcomes = async () => {
      while (!dead) {
        const reason = `outcome ${++counters.outcome}`;
        const body = counters.outcome % 2
          ? { decision: 'referred', reason }
          : { decision: 'settled', reason, amount: counters.outcome * 10, currency: 'EUR', damageItems: [{ area: 'floor', severity: 'minor', estimatedCost: 5 }] };
        const res = await track(`outcome ${counters.outcome}`, json(base, 'assessor', `/api/cases/${caseId}/outcome`, { method: 'POST', json: body }));
        if (!res) break;
        expect(res.status).toBe(201);
        record.outcomes.push({ reason, view: res.body as OutcomeView });
        await think();
      }
    };
    return Promise.all([snapshots(), chat('customer')(), chat('assessor')(), outcomes()]);
  };

  child = await startChildServer({ dataDir, admin: ADMIN });
  let base = child.base;
  await json(base, 'assessor', '/api/auth/login', { method: 'POST', json: ADMIN });
  const created = (await json(base, 'assessor', '/api/cases', { method: 'POST', json: { title: 'Crash writes', checklist: 'property' } })).body;
  caseId = created.case.id;
  token = created.token;
  expect((await json(base, 'customer', '/api/join/consent', { method: 'POST', json: { recording: true } })).status).toBe(200);

  for (let round = 1; round <= ROUNDS; round++) {
    const checkStart = Date.now();
    const { storedUnacked } = round === 1 ? { storedUnacked: 0 } : await checkAfterRestart(base);
    const checkMs = Date.now() - checkStart;
    const inFlight = new Set<string>();
    const killAfterMs = between(20, 500);
    // Every other round the kill clock starts once a snapshot is acknowledged, so snapshots are
    // acknowledged (and later checked) however slow the machine is; the other rounds kill from the
    // start, while the restarted server takes its first writes.
    const afterSnapshot = round % 2 === 0;
    let snapshotAcked!: () => void;
    const firstSnapshot = new Promise<void>((resolve) => (snapshotAcked = resolve));
    const running = workload(base, inFlight, () => snapshotAcked());
    if (afterSnapshot) await Promise.race([firstSnapshot, running]);
    await new Promise((resolve) => setTimeout(resolve, killAfterMs));
    const caught = [...inFlight];
    await child.kill();
    await running;
    const restartStart = Date.now();
    child = await startChildServer({ dataDir, admin: ADMIN });
    base = child.base;
    log.push({ round, killAfterMs, afterSnapshot, inFlight: caught, storedUnackedBefore: storedUnacked, checkMs, restartMs: Date.now() - restartStart });
  }
  await checkAfterRestart(base);

  const acked = {
    chat: [...record.chat.values()].filter((l) => l.acked).length,
    snapshots: [...record.snapshots.values()].filter((s) => s.evidence).length,
    outcomes: record.outcomes.length,
  };
  console.log(`crash writes ${JSON.stringify({ seed: SEED, rounds: ROUNDS, seconds: Math.round((Date.now() - startedAt) / 100) / 10, acked, ledgerEntries: record.ledger.length })}\n${log.map((l) => JSON.stringify(l)).join('\n')}`);
  // Every kind of write was acknowledged and so checked; uploads are slow beside the small writes, so
  // fewer of them finish, but one was on the wire at most kills.
  expect(acked.chat).toBeGreaterThan(ROUNDS);
  expect(acked.outcomes).toBeGreaterThan(ROUNDS);
  expect(acked.snapshots).toBeGreaterThanOrEqual(Math.floor(ROUNDS / 2));
  expect(log.filter((l) => (l.inFlight as string[]).some((w) => w.startsWith('snapshot'))).length).toBeGreaterThan(ROUNDS / 2);
}, 200_000);
