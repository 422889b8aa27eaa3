// Outgoing webhooks through the real server and a real receiver on loopback: signed deliveries from the
// outbox, retries after a 500 and while the receiver is down (each message once, in order per case),
// filters and disabling, retry by hand, the test event, secret rotation, bad input and who may call.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebhookCreated, WebhookDeliveries, WebhookList, WebhookPayload } from '../../../protocol/webhooks.ts';
import { signatureValid, startSink, type Received, type Sink } from '../webhooks/sink.ts';
import { newUser, startHarness, type Client, type Harness } from './harness.ts';

let h: Harness;
let admin: Client;
let sink: Sink;

beforeAll(async () => {
  h = await startHarness({ SIGHTLINE_WEBHOOK_RETRY_BASE_MS: '50' });
  admin = h.client();
  await admin.login();
  sink = await startSink();
});

afterAll(async () => {
  await sink?.close();
  await h?.close();
});

afterEach(async () => {
  // Each test starts with no endpoints and a receiver that is up and answers 204.
  for (const endpoint of (await admin.json('/api/admin/webhooks')).body.endpoints) await admin.fetch(`/api/admin/webhooks/${endpoint.id}`, { method: 'DELETE' });
  await sink.up();
  sink.answer = () => 204;
  sink.received.length = 0;
});

async function addEndpoint(events: string[] = ['case.created', 'outcome.recorded', 'case.closed'], url = sink.url) {
  const res = await admin.json('/api/admin/webhooks', { method: 'POST', json: { url, events, description: 'claims system' } });
  expect(res.status).toBe(201);
  return WebhookCreated.parse(res.body);
}

async function newCase(title: string, reference?: string): Promise<string> {
  const res = await admin.json('/api/cases', { method: 'POST', json: { title, ...(reference ? { reference } : {}) } });
  expect(res.status).toBe(201);
  return res.body.case.id;
}

const ofCase = (received: Received[], caseId: string) => received.filter((r) => r.json?.data?.caseId === caseId);

describe('webhook deliveries', () => {
  it('delivers a case.created event signed with the endpoint secret, checkable against the ledger', async () => {
    const { endpoint, secret } = await addEndpoint();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice(6), 'base64').length).toBeGreaterThanOrEqual(24);
    // The secret is shown on create and on reveal, never in the list.
    expect(JSON.stringify((await admin.json('/api/admin/webhooks')).body)).not.toContain(secret);
    expect((await admin.json(`/api/admin/webhooks/${endpoint.id}/secret`)).body).toEqual({ secret });

    const caseId = await newCase('Hail damage', 'CLM-1001');
    const [received] = await sink.until((r) => r.length === 1);
    expect(signatureValid(secret, received!)).toBe(true);
    expect(Math.abs(Number(received!.timestamp) - Date.now() / 1000)).toBeLessThan(60);
    expect(received!.id).toMatch(/^msg_/);
    const event = WebhookPayload.parse(received!.json);
    const ledger = (await admin.json(`/api/cases/${caseId}/ledger`)).body.entries;
    expect(event).toEqual({
      type: 'case.created', timestamp: ledger[0].at,
      data: { caseId, reference: 'CLM-1001', ledgerSeq: 1, entryHash: ledger[0].hash, kind: 'damage', title: 'Hail damage', customerName: null, assessorId: expect.any(String) },
    });
    // The sink has the request before the sender has its answer and records it: wait for that record.
    const deliveries = async () => WebhookDeliveries.parse((await admin.json(`/api/admin/webhooks/${endpoint.id}/deliveries`)).body).deliveries;
    await expect.poll(async () => (await deliveries())[0]?.state).toBe('delivered');
    const history = await deliveries();
    expect(history).toEqual([expect.objectContaining({ id: received!.id, event: 'case.created', caseId, ledgerSeq: 1, state: 'delivered', nextAttemptAt: null })]);
    expect(history[0]!.attempts).toEqual([expect.objectContaining({ status: 204, error: null })]);
  });

  it('retries after a 500 and records both attempts', async () => {
    const { endpoint, secret } = await addEndpoint();
    let calls = 0;
    sink.answer = () => (++calls === 1 ? 500 : 200);
    await newCase('Flooded kitchen');
    const received = await sink.until((r) => r.length === 2);
    expect(received[0]!.id).toBe(received[1]!.id);
    expect(received.every((r) => signatureValid(secret, r))).toBe(true);
    await expect.poll(async () => (await admin.json(`/api/admin/webhooks/${endpoint.id}/deliveries`)).body.deliveries[0].state).toBe('delivered');
    const [delivery] = (await admin.json(`/api/admin/webhooks/${endpoint.id}/deliveries`)).body.deliveries;
    expect(delivery.attempts.map((a: { status: number; error: string | null }) => [a.status, a.error])).toEqual([[500, 'answered 500'], [200, null]]);
  });

  it('delivers every message once, in order per case, after the receiver was down for a while', async () => {
    const { endpoint } = await addEndpoint();
    await sink.down();
    const cases = [await newCase('Down one'), await newCase('Down two')];
    for (const caseId of cases) {
      expect((await admin.json(`/api/cases/${caseId}/outcome`, { method: 'POST', json: { decision: 'approved', reason: 'clear photos' } })).status).toBe(201);
      expect((await admin.json(`/api/cases/${caseId}/close`, { method: 'POST', json: { reason: 'settled' } })).status).toBe(200);
    }
    // Attempts fail while it is down; the first message of each case waits, the later ones are not tried.
    await expect.poll(async () => (await admin.json(`/api/admin/webhooks/${endpoint.id}/deliveries?state=pending`)).body.deliveries
      .some((d: { attempts: unknown[] }) => d.attempts.length >= 2), { timeout: 5000 }).toBe(true);
    const waiting = (await admin.json(`/api/admin/webhooks/${endpoint.id}/deliveries`)).body.deliveries;
    expect(waiting).toHaveLength(6);
    for (const d of waiting) if (d.ledgerSeq > 1) expect(d.attempts).toEqual([]);
    await sink.up();
    const received = await sink.until((r) => r.length >= 6, 15_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(received).toHaveLength(6);
    expect(new Set(received.map((r) => r.id)).size).toBe(6);
    for (const caseId of cases) {
      expect(ofCase(received, caseId).map((r) => r.json.type)).toEqual(['case.created', 'outcome.recorded', 'case.closed']);
      const seqs = ofCase(received, caseId).map((r) => r.json.data.ledgerSeq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    }
  });

  it('sends only the events an endpoint subscribes to, and nothing to a disabled one', async () => {
    const closing = await addEndpoint(['case.closed']);
    const disabled = await addEndpoint(['case.created']);
    const off = await admin.json(`/api/admin/webhooks/${disabled.endpoint.id}`, { method: 'PATCH', json: { enabled: false } });
    expect(off.status).toBe(200);
    expect(off.body.endpoint).toMatchObject({ enabled: false, disabledAt: expect.any(String) });
    const caseId = await newCase('Filtered');
    expect((await admin.json(`/api/cases/${caseId}/close`, { method: 'POST', json: {} })).status).toBe(200);
    await sink.until((r) => r.length >= 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sink.received.map((r) => r.json.type)).toEqual(['case.closed']);
    expect(signatureValid(closing.secret, sink.received[0]!)).toBe(true);
    expect((await admin.json(`/api/admin/webhooks/${disabled.endpoint.id}/deliveries`)).body.deliveries).toEqual([]);
  });

  it('redelivers a message by hand, under the same id', async () => {
    const { endpoint } = await addEndpoint();
    await newCase('Again');
    const [first] = await sink.until((r) => r.length === 1);
    await expect.poll(async () => (await admin.json(`/api/admin/webhooks/${endpoint.id}/deliveries`)).body.deliveries[0].state).toBe('delivered');
    const retried = await admin.json(`/api/admin/webhooks/${endpoint.id}/deliveries/${first!.id}/retry`, { method: 'POST' });
    expect(retried.status).toBe(200);
    expect(retried.body.delivery).toMatchObject({ id: first!.id, state: 'pending' });
    const received = await sink.until((r) => r.length === 2);
    expect(received[1]!.id).toBe(first!.id);
    expect(received[1]!.body).toBe(first!.body);
  });

  it('sends a test event at once and answers what the endpoint said; a rotated secret signs what follows', async () => {
    const { endpoint, secret } = await addEndpoint();
    const test = await admin.json(`/api/admin/webhooks/${endpoint.id}/test`, { method: 'POST' });
    expect(test.status).toBe(200);
    expect(test.body).toMatchObject({ delivered: true, attempt: { status: 204, error: null } });
    expect(sink.received[0]!.json).toMatchObject({ type: 'webhook.test', data: { endpointId: endpoint.id } });
    expect(signatureValid(secret, sink.received[0]!)).toBe(true);
    sink.answer = () => 503;
    expect((await admin.json(`/api/admin/webhooks/${endpoint.id}/test`, { method: 'POST' })).body).toMatchObject({ delivered: false, attempt: { status: 503 } });

    sink.answer = () => 204;
    const rotated = await admin.json(`/api/admin/webhooks/${endpoint.id}/secret`, { method: 'POST' });
    expect(rotated.body.secret).not.toBe(secret);
    await newCase('After rotation');
    const received = await sink.until((r) => r.some((x) => x.json?.type === 'case.created'));
    const created = received.find((x) => x.json?.type === 'case.created')!;
    expect(signatureValid(rotated.body.secret, created)).toBe(true);
    expect(signatureValid(secret, created)).toBe(false);
  });

  it('edits and deletes an endpoint', async () => {
    const { endpoint } = await addEndpoint();
    const edited = await admin.json(`/api/admin/webhooks/${endpoint.id}`, { method: 'PATCH', json: { events: ['offer.accepted', 'offer.declined'], description: null } });
    expect(edited.body.endpoint).toMatchObject({ events: ['offer.accepted', 'offer.declined'], description: null, enabled: true });
    const list = WebhookList.parse((await admin.json('/api/admin/webhooks')).body);
    expect(list.endpoints.map((e) => e.id)).toEqual([endpoint.id]);
    expect((await admin.fetch(`/api/admin/webhooks/${endpoint.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await admin.json(`/api/admin/webhooks/${endpoint.id}/deliveries`)).status).toBe(404);
    expect((await admin.fetch(`/api/admin/webhooks/${endpoint.id}`, { method: 'DELETE' })).status).toBe(404);
  });
});

describe('webhook admin refusals', () => {
  it('refuses bad input with a 400 that names the field', async () => {
    const bad: Array<[unknown, RegExp]> = [
      [{ url: 'ftp://example.test/x', events: ['case.created'] }, /url: must be an http/],
      [{ url: 'not a url', events: ['case.created'] }, /url/],
      [{ url: 'https://user:pw@example.test/', events: ['case.created'] }, /without credentials/],
      [{ url: 'https://example.test/', events: [] }, /events: choose at least one event/],
      [{ url: 'https://example.test/', events: ['case.created', 'case.created'] }, /listed twice/],
      [{ url: 'https://example.test/', events: ['case.deleted'] }, /events\.0/],
      [{ url: 'https://example.test/', events: ['case.created'], secret: 'whsec_mine' }, /secret/],
      [{ events: ['case.created'] }, /url/],
    ];
    for (const [json, message] of bad) {
      const res = await admin.json('/api/admin/webhooks', { method: 'POST', json });
      expect(res.status, JSON.stringify(json)).toBe(400);
      expect(res.body.error.message).toMatch(message);
    }
    const { endpoint } = await addEndpoint();
    expect((await admin.json(`/api/admin/webhooks/${endpoint.id}`, { method: 'PATCH', json: {} })).body.error.message).toMatch(/nothing to change/);
    expect((await admin.json(`/api/admin/webhooks/${endpoint.id}`, { method: 'PATCH', json: { enabled: 'yes' } })).status).toBe(400);
    expect((await admin.json(`/api/admin/webhooks/${endpoint.id}/deliveries?limit=0`)).status).toBe(400);
    expect((await admin.json(`/api/admin/webhooks/${endpoint.id}/deliveries?state=lost`)).status).toBe(400);
    expect((await admin.json('/api/admin/webhooks/whe_none', { method: 'PATCH', json: { enabled: true } })).status).toBe(404);
    expect((await admin.json(`/api/admin/webhooks/${endpoint.id}/deliveries/msg_none/retry`, { method: 'POST' })).status).toBe(404);
    expect((await admin.json('/api/admin/webhooks/whe_none/test', { method: 'POST' })).status).toBe(404);
    expect((await admin.json('/api/admin/webhooks', { method: 'POST', json: [] })).status).toBe(400);
  });

  it('refuses everyone but an admin', async () => {
    const { endpoint } = await addEndpoint();
    const assessor = await newUser(h, admin, 'assessor');
    const supervisor = await newUser(h, admin, 'supervisor');
    for (const who of [assessor.client, supervisor.client]) {
      expect((await who.json('/api/admin/webhooks')).status).toBe(403);
      expect((await who.json(`/api/admin/webhooks/${endpoint.id}/secret`)).status).toBe(403);
      expect((await who.json('/api/admin/webhooks', { method: 'POST', json: { url: sink.url, events: ['case.created'] } })).status).toBe(403);
    }
    expect((await h.client().json('/api/admin/webhooks')).status).toBe(401);
  });
});
