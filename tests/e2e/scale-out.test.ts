// Journey: Sightline scaled out (issue 13). Two instances A and B share one PostgreSQL, one Redis, one
// S3 bucket and the secret files; HAProxy sends the customer to A while A is up. The console works on
// B directly. The call connects across the two instances, a photo and an outcome are stored, and B's
// export verifies offline. Then A is killed mid-call: the customer's page re-registers through HAProxy
// on B while the call goes on, a new photo is stored, nothing either page saw acknowledged is lost, the
// chain verifies, and a recording chunk re-sent after the kill is stored once.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CaseDetail, LedgerEntry } from '../../protocol/http.ts';
import { CHUNK_SHA256_HEADER, ChunkReceipt, RecordingResponse, RecordingView } from '../../protocol/recording.ts';
import { redisMissing } from '../../server/test/support/redis-server.ts';
import { findPostgres } from '../../scripts/postgres.mjs';
import { expectAccessible } from './support/axe.ts';
import { ensureClientBuild } from './support/client-build.ts';
import { HAPROXY, startCluster, type Cluster } from './support/cluster.ts';
import { ConsolePage } from './support/console-page.ts';
import { CustomerPage } from './support/customer-page.ts';
import { receivedMessages, recordDataChannel } from './support/data-channel-record.ts';
import { launchBrowser, newPeerContext, recordPageLog, viewports } from './support/launcher.ts';
import { inLoopbackOnlyNamespace } from './support/network.ts';
import { repoRoot } from './support/server.ts';

/** What a page was told the server stored: 2xx answers to its evidence and chat writes. */
interface Acknowledged {
  evidence: Map<string, string>;
  chat: Set<string>;
}

function watchAcknowledged(page: Page, into: Acknowledged): void {
  page.on('response', (response) => {
    const request = response.request();
    if (request.method() !== 'POST' || !response.ok()) return;
    const url = new URL(response.url()).pathname;
    if (/^\/api\/cases\/[^/]+\/evidence$/.test(url)) {
      void response.json().then((body: { id: string; sha256: string }) => into.evidence.set(body.id, body.sha256), () => undefined);
    } else if (/^\/api\/cases\/[^/]+\/chat$/.test(url)) {
      void response.json().then((body: { id: string }) => into.chat.add(body.id), () => undefined);
    }
  });
}

/** The signalling sockets a page opened, and whether the server accepted each registration (PeerJS OPEN). */
interface SignallingSocket {
  url: string;
  openedAt: number;
  registered: boolean;
  closed: boolean;
}

function watchSignalling(page: Page, into: SignallingSocket[]): void {
  page.on('websocket', (socket) => {
    if (!socket.url().includes('/peerjs')) return;
    const entry: SignallingSocket = { url: socket.url(), openedAt: Date.now(), registered: false, closed: false };
    into.push(entry);
    socket.on('framereceived', (frame) => {
      if (typeof frame.payload === 'string' && frame.payload.includes('"OPEN"')) entry.registered = true;
    });
    socket.on('close', () => (entry.closed = true));
  });
}

/** Records, inside the page, every value an attribute of an element takes until `stop`. */
async function watchAttribute(page: Page, selector: string, attribute: string): Promise<{ stop: () => Promise<string[]> }> {
  const handle = await page.evaluateHandle(
    ([sel, attr]) => {
      const element = document.querySelector(sel);
      const values: string[] = [element?.getAttribute(attr) ?? 'none'];
      const observer = new MutationObserver(() => {
        const value = element?.getAttribute(attr) ?? 'none';
        if (values[values.length - 1] !== value) values.push(value);
      });
      if (element) observer.observe(element, { attributes: true, attributeFilter: [attr] });
      return { values, observer };
    },
    [selector, attribute] as const,
  );
  return {
    stop: async () => {
      const values = await handle.evaluate((w) => {
        w.observer.disconnect();
        return w.values;
      });
      await handle.dispose();
      return values;
    },
  };
}

const missing = [
  redisMissing(),
  findPostgres() ? undefined : 'no PostgreSQL server binaries',
  existsSync(HAPROXY) ? undefined : `no HAProxy at ${HAPROXY}`,
  inLoopbackOnlyNamespace() ? undefined : 'not in a loopback-only network namespace',
].filter(Boolean);

describe.skipIf(missing.length > 0)('scale-out: two instances behind HAProxy, one killed mid-call', () => {
  let cluster: Cluster;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let assessor: ConsolePage;
  let customer: CustomerPage;
  const logs: string[][] = [];
  let failed = false;
  let downloads = '';
  let caseId = '';
  const customerAcks: Acknowledged = { evidence: new Map(), chat: new Set() };
  const consoleAcks: Acknowledged = { evidence: new Map(), chat: new Set() };
  const sockets: SignallingSocket[] = [];
  /** The ledger entries A served just before it was killed. */
  let ledgerOnA: LedgerEntry[] = [];
  /** A session cookie of the admin, good on both instances (sessions live in the shared database). */
  let cookie = '';
  let recordingId = '';
  let liveVideo = { width: 0, height: 0 };
  const chunks = [Buffer.from('scale-out chunk 0 '.repeat(64)), Buffer.from('scale-out chunk 1 '.repeat(64))];

  const api = async (base: string, route: string, init: RequestInit = {}): Promise<{ status: number; body: unknown }> => {
    const response = await fetch(`${base}${route}`, { ...init, headers: { cookie, ...(init.headers as Record<string, string> | undefined) } });
    return { status: response.status, body: await response.json() };
  };
  const putChunk = (base: string, n: number) =>
    api(base, `/api/cases/${caseId}/recordings/${recordingId}/chunks/${n}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream', [CHUNK_SHA256_HEADER]: createHash('sha256').update(chunks[n]!).digest('hex') },
      body: chunks[n],
    });
  const caseOn = async (base: string): Promise<CaseDetail> => {
    const { status, body } = await api(base, `/api/cases/${caseId}`);
    expect(status).toBe(200);
    return CaseDetail.parse(body);
  };
  const ledgerOn = async (base: string): Promise<LedgerEntry[]> => {
    const { status, body } = await api(base, `/api/cases/${caseId}/ledger`);
    expect(status).toBe(200);
    return z.object({ entries: z.array(LedgerEntry) }).parse(body).entries;
  };
  const stillCount = (): Promise<number> => assessor.page.locator('[data-testid="evidence-item"][data-source="device-still"]').count();

  beforeAll(async () => {
    ensureClientBuild();
    const started = Date.now();
    cluster = await startCluster();
    console.log(`cluster (PostgreSQL, Redis, S3, A, B, HAProxy) ready in ${Date.now() - started} ms`);
    downloads = await mkdtemp(path.join(tmpdir(), 'sightline-scale-out-'));
    browser = await launchBrowser();
    contexts.push(await newPeerContext(browser, { viewport: viewports.desktop }), await newPeerContext(browser, { viewport: viewports.phone, mobile: true }));
    await contexts[0]!.addInitScript(recordDataChannel);
    assessor = new ConsolePage(await contexts[0]!.newPage());
    customer = new CustomerPage(await contexts[1]!.newPage());
    logs.push(recordPageLog(assessor.page, 'console'), recordPageLog(customer.page, 'customer'));
    watchAcknowledged(customer.page, customerAcks);
    watchAcknowledged(assessor.page, consoleAcks);
    watchSignalling(customer.page, sockets);

    const login = await fetch(`${cluster.a.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(cluster.admin),
    });
    expect(login.status).toBe(200);
    cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  });

  afterEach((context) => {
    if (context.task.result?.state === 'fail') failed = true;
  });

  afterAll(async () => {
    if (failed || process.env.SIGHTLINE_E2E_VERBOSE) console.log([...logs.flat(), cluster?.output() ?? ''].join('\n'));
    for (const context of contexts) await context.close();
    await browser?.close();
    await cluster?.stop();
    if (downloads) await rm(downloads, { recursive: true, force: true });
  });

  it('the customer joins through HAProxy (served by A), the console on B connects: video and a data-channel message arrive', async () => {
    await assessor.login(cluster.b.url, cluster.admin.email, cluster.admin.password);
    let joinUrl = '';
    ({ caseId, joinUrl } = await assessor.createCase('Storm damage — roof tiles', 'Alex Example'));
    // Both instances have SIGHTLINE_PUBLIC_URL: the link points at HAProxy, not at B.
    expect(joinUrl.startsWith(`${cluster.url}/j#`)).toBe(true);
    const before = await cluster.backendStatus();
    await customer.open(joinUrl);
    await customer.accept();
    await assessor.caseRow(caseId).getByTestId('badge-waiting').waitFor();
    // Everything the customer's page asked for went to A.
    const after = await cluster.backendStatus();
    expect(after.a!.sessions).toBeGreaterThan(before.a!.sessions);
    expect(after.b!.sessions).toBe(before.b!.sessions);
    expect(sockets.filter((s) => s.registered)).toHaveLength(1);
    await expectAccessible(assessor.page, 'console case list on B, a customer waiting');
    await expectAccessible(customer.page, 'waiting, served by A', { desktop: true });

    await assessor.openCase(caseId);
    await assessor.connect();
    liveVideo = await assessor.waitForLiveVideo();
    expect(liveVideo.width).toBeGreaterThan(0);
    await customer.callPage('in-call');

    await customer.sendChat('The tiles came off near the chimney.');
    await expect.poll(() => receivedMessages(assessor.page).then((messages) => messages.filter((m) => m.type === 'chat').map((m) => m.text))).toContain('The tiles came off near the chimney.');
    await assessor.chatLine('customer', 'near the chimney').waitFor();
    await expectAccessible(customer.page, 'chat sheet in a call across two instances', { desktop: true });
    await expectAccessible(assessor.page, 'console case on B in the call, with the chat');
    await customer.closeChat();
  });

  it('a full-resolution photo is captured and lands; an outcome is recorded; a bundle exported from B verifies offline', async () => {
    await assessor.page.getByTestId('request-photo').click();
    const still = await assessor.waitForEvidence('device-still');
    expect(still.naturalWidth).toBeGreaterThan(0);
    await expect.poll(() => customer.evidenceCount()).toBe(1);
    expect(customerAcks.evidence.has(still.id)).toBe(true);
    // The still is the camera's own picture, not a frame of the (smaller, at first) call video.
    const stored = (await caseOn(cluster.b.url)).evidence.find((e) => e.id === still.id);
    console.log(`device still ${stored?.width}x${stored?.height}, thumbnail ${still.naturalWidth} px wide, live video ${liveVideo.width}x${liveVideo.height}`);
    expect(stored?.width).toBeGreaterThanOrEqual(640);
    await expect(fetch(`${cluster.b.url}${stored!.originalUrl}`, { headers: { cookie } }).then((r) => r.status)).resolves.toBe(200);

    await assessor.recordSettlement('Three roof tiles replaced; gutter cleared.', 640, { area: 'Roof', severity: 'moderate', cost: 640 });
    const bundle = await assessor.download('download-export', downloads);
    const verify = spawnSync(process.execPath, [path.join(repoRoot, 'server/src/verifier/bin.mjs'), bundle.file], { encoding: 'utf8' });
    expect(verify.stdout + verify.stderr).toMatch(/VERIFIED/);
    expect(verify.status).toBe(0);
    await expectAccessible(assessor.page, 'console case on B with a photo and an outcome');
  });

  it('a recording chunk is stored once whichever instance takes it', async () => {
    const created = await api(cluster.a.url, `/api/cases/${caseId}/recordings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mimeType: 'video/webm', startedAt: new Date().toISOString(), chunkMs: 1000, uploadId: 'scale-out-upload-1' }),
    });
    expect(created.status).toBe(201);
    recordingId = RecordingResponse.parse(created.body).recording.id;
    // The create retried on B returns the same recording.
    const again = await api(cluster.b.url, `/api/cases/${caseId}/recordings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mimeType: 'video/webm', startedAt: new Date().toISOString(), chunkMs: 1000, uploadId: 'scale-out-upload-1' }),
    });
    expect(again.status).toBe(200);
    expect(RecordingResponse.parse(again.body).recording.id).toBe(recordingId);

    expect(ChunkReceipt.parse((await putChunk(cluster.a.url, 0)).body).stored).toBe(true);
    expect(await putChunk(cluster.b.url, 0)).toMatchObject({ status: 200, body: { n: 0, stored: false } });
    expect(await putChunk(cluster.b.url, 0)).toMatchObject({ status: 200, body: { n: 0, stored: false } });
    // Chunk 1 is acknowledged by A only; it is re-sent after A is killed.
    expect(await putChunk(cluster.a.url, 1)).toMatchObject({ status: 201, body: { n: 1, stored: true } });
  });

  it('A is killed mid-call: the customer re-registers through HAProxy on B and the call goes on', async () => {
    ledgerOnA = await ledgerOn(cluster.a.url);
    expect(ledgerOnA.length).toBeGreaterThan(0);
    const registeredBefore = sockets.filter((s) => s.registered).length;
    const sessionsOnB = (await cluster.backendStatus()).b!.sessions;
    const watch = await watchAttribute(customer.page, '[data-testid="customer-call"]', 'data-state');
    const killedAt = Date.now();
    await cluster.a.kill();
    expect(cluster.a.alive()).toBe(false);

    // HAProxy marks A down after two failed checks.
    await expect.poll(async () => (await cluster.backendStatus()).a?.status, { timeout: 10_000 }).toMatch(/^DOWN/);
    // The customer's signalling socket to A closed; a new one registered through HAProxy (now B).
    await expect.poll(() => sockets.filter((s) => s.openedAt >= killedAt && s.registered).length, { timeout: 30_000 }).toBeGreaterThan(0);
    expect(sockets.filter((s) => s.registered).length).toBeGreaterThan(registeredBefore);
    expect(sockets.filter((s) => s.openedAt < killedAt).every((s) => s.closed)).toBe(true);
    console.log(`signalling re-registered on B ${sockets.find((s) => s.openedAt >= killedAt && s.registered)!.openedAt - killedAt} ms after the kill`);

    // The media path is peer to peer: the call never dropped on either side, and the customer was
    // shown nothing of the restart (no "reconnecting", no error).
    await customer.callPage('in-call');
    expect(await watch.stop()).toEqual(['in-call']);
    expect(await customer.page.getByTestId('toast-error').count()).toBe(0);
    expect((await cluster.backendStatus()).b!.sessions).toBeGreaterThan(sessionsOnB);
    expect(await assessor.page.getByTestId('call-state').getAttribute('data-state')).toBe('connected');
    await assessor.waitForLiveVideo();
    await customer.sendChat('Still here after the restart.');
    await expect.poll(() => receivedMessages(assessor.page).then((messages) => messages.filter((m) => m.type === 'chat').map((m) => m.text))).toContain('Still here after the restart.');
    await customer.closeChat();
  });

  it('after the kill a new photo is captured and stored on B', async () => {
    await assessor.page.getByTestId('request-photo').click();
    await expect.poll(stillCount, { timeout: 45_000 }).toBe(2);
    await expect.poll(() => customer.evidenceCount()).toBe(2);
    await expectAccessible(customer.page, 'in call after A was killed', { desktop: true });
    const detail = await caseOn(cluster.b.url);
    expect(detail.evidence.filter((e) => e.source === 'device-still')).toHaveLength(2);
  });

  it('nothing acknowledged before the kill is lost, the chain verifies, and the re-sent chunk is stored once', async () => {
    const detail = await caseOn(cluster.b.url);
    const stored = new Map(detail.evidence.map((e) => [e.id, e.sha256]));
    for (const [id, sha256] of [...customerAcks.evidence, ...consoleAcks.evidence]) expect(stored.get(id)).toBe(sha256);
    const chatIds = new Set(detail.chat.map((line) => line.id));
    for (const id of [...customerAcks.chat, ...consoleAcks.chat]) expect(chatIds.has(id)).toBe(true);
    expect(customerAcks.evidence.size).toBe(2);
    expect(customerAcks.chat.size).toBe(2);
    expect(detail.outcomes).toHaveLength(1);

    const ledgerOnB = await ledgerOn(cluster.b.url);
    expect(ledgerOnB.slice(0, ledgerOnA.length).map((e) => [e.seq, e.hash])).toEqual(ledgerOnA.map((e) => [e.seq, e.hash]));
    expect(ledgerOnB.length).toBeGreaterThan(ledgerOnA.length);
    expect(await api(cluster.b.url, `/api/cases/${caseId}/verify`)).toMatchObject({ status: 200, body: { ok: true } });

    // Chunk 1, acknowledged by A before it died, re-sent to B: accepted, not stored again.
    expect(await putChunk(cluster.b.url, 1)).toMatchObject({ status: 200, body: { n: 1, stored: false } });
    expect(await putChunk(cluster.b.url, 1)).toMatchObject({ status: 200, body: { n: 1, stored: false } });
    const recording = RecordingView.parse((await api(cluster.b.url, `/api/cases/${caseId}/recordings/${recordingId}`)).body);
    expect(recording.chunks.map((c) => c.n)).toEqual([0, 1]);
    expect(recording.chunkCount).toBe(2);
    expect(recording.bytes).toBe(chunks[0]!.length + chunks[1]!.length);
  });
});
