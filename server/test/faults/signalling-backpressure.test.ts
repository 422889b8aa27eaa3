// A peer that stops reading its signalling socket (but keeps sending heartbeats) while another peer of
// the same join link floods it: the server drops the reader once a bounded amount is queued for it,
// instead of holding everything sent to it. The relay rate limit is raised out of the way here, so
// that the cap on queued bytes is what stops the flood (the rate limit has its own test).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, startHarness, type Client, type Harness } from '../http/harness.ts';
import { closeOf, openPeer, tcpOf, type PeerCredentialLike, type PeerSocket } from './peer-socket.ts';

/** The server's cap on what it queues for one socket (signalling.ts). */
const QUEUE_CAP_BYTES = 256 * 1024;
const MESSAGE_BYTES = 60 * 1024;
const BATCH = 8;
/** Far beyond what the kernel's socket buffers on both ends hold (Linux: tcp_rmem + tcp_wmem maxima, 10-36 MiB). */
const CEILING_BYTES = 128 * 1024 * 1024;
/** Generous, for a loaded machine: the waits are for progress, not a time limit. */
const WAIT = { timeout: 10_000 };

let h: Harness;
let admin: Client;
const opened: PeerSocket[] = [];

beforeAll(async () => {
  h = await startHarness({ SIGHTLINE_SIGNALLING_KIB_PER_SEC: String(1024 * 1024) });
  admin = h.client();
  await admin.login();
});
afterAll(async () => {
  for (const peer of opened) tcpOf(peer).resume();
  await Promise.all(opened.map((p) => p.close()));
  await h.close();
});

describe('a peer that stops reading', () => {
  it('is dropped once the bytes queued for it pass the cap, and the flood then queues nothing', async () => {
    const created = (await admin.json('/api/cases', { method: 'POST', json: { title: 'Flooded reader' } })).body;
    await h.client().json('/api/join/consent', { method: 'POST', headers: bearer(created.token), json: { recording: true } });
    const customer = async (): Promise<PeerCredentialLike> => (await h.client().json('/api/join/peer', { method: 'POST', headers: bearer(created.token) })).body;
    const assessorCredential: PeerCredentialLike = (await admin.json(`/api/cases/${created.case.id}/peer`, { method: 'POST' })).body;
    const [reader, flooder, assessor] = await Promise.all([customer(), customer(), assessorCredential].map(async (c) => {
      const peer = await openPeer(h.base, await c);
      opened.push(peer);
      return peer;
    }));
    if (!reader || !flooder || !assessor) throw new Error('not connected');
    const customerLeft = async (peerId: string): Promise<boolean> => (await admin.json(`/api/cases/${created.case.id}/ledger`)).body.entries
      .some((e: { type: string; payload: { peerId?: string } }) => e.type === 'customer.left' && e.payload.peerId === peerId);

    let received = 0;
    reader.ws.on('message', (data: Buffer) => {
      received += data.length;
    });
    const readerClosed = closeOf(reader);
    tcpOf(reader).pause();

    // Batches of 60 KiB messages; after each, a marker through the same socket to a reading peer shows
    // the server has handled the whole batch, so `sent` is never far ahead of what it has relayed.
    // `sent` counts each message as relayed, with the `src` the server adds.
    const message = JSON.stringify({ type: 'CANDIDATE', dst: reader.id, payload: { candidate: 'x'.repeat(MESSAGE_BYTES) } });
    const relayedBytes = message.length + `,"src":"${flooder.id}"`.length;
    let sent = 0;
    let markers = 0;
    // The reader keeps talking, but never once dropped (writing to a closed socket would bring a reset,
    // and its kernel would throw away what it holds), and each heartbeat is read before the next batch:
    // unread data when the server drops the socket would turn its close into a reset too.
    while (!(await customerLeft(reader.id))) {
      if (sent > CEILING_BYTES) throw new Error(`the reader was never dropped: ${sent} bytes sent to it`);
      reader.send({ type: 'HEARTBEAT' });
      expect((await fetch(`${h.base}/api/health`)).status).toBe(200);
      for (let i = 0; i < BATCH; i++) {
        flooder.ws.send(message);
        sent += relayedBytes;
      }
      markers += 1;
      flooder.send({ type: 'CANDIDATE', dst: assessor.id, payload: { candidate: `marker ${markers}` } });
      await expect.poll(() => assessor.messages.length, WAIT).toBe(1 + markers);
    }

    // Everything relayed to the reader either sits in the kernel's buffers (it arrives once the reader
    // reads again) or sat in the server's queue, which was dropped with the socket: so what never
    // arrives is what the server held, at most the cap plus the batch in flight.
    tcpOf(reader).resume();
    expect((await readerClosed).code).toBe(1006);
    const heldByServer = sent - received;
    console.log(`signalling backpressure: reader dropped after ${(sent / 2 ** 20).toFixed(1)} MiB sent to it; ${(received / 2 ** 20).toFixed(1)} MiB reached it, at most ${(heldByServer / 2 ** 10).toFixed(0)} KiB was queued in the server`);
    expect(heldByServer).toBeLessThanOrEqual(QUEUE_CAP_BYTES + BATCH * relayedBytes);

    // The flood goes on, but to a peer that is gone: nothing is queued, the flooder and the API are fine.
    for (let i = 0; i < 64; i++) flooder.ws.send(message);
    flooder.send({ type: 'CANDIDATE', dst: assessor.id, payload: { candidate: 'after' } });
    await expect.poll(() => assessor.messages.at(-1)?.payload, WAIT).toEqual({ candidate: 'after' });
    expect(flooder.ws.readyState).toBe(flooder.ws.OPEN);
    expect((await fetch(`${h.base}/api/health`)).status).toBe(200);
  });
});
