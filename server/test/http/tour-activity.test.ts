// What a preview customer was shown is evidence: batches from the customer's page and the agent's
// console become signed `tour.activity` entries, once per batch id; bad batches name the field and
// store nothing; a case's exposure and a tour's analytics add them up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_TOURS } from '../faults/principals.ts';
import { pdfText } from '../report/poppler.ts';
import { bearer, startHarness, type Client, type Harness } from './harness.ts';

let h: Harness;
let admin: Client;
let caseId = '';
let token = '';
const at = '2026-12-04T10:00:00.000Z';

beforeAll(async () => {
  h = await startHarness({ SIGHTLINE_TOURS_DIR: FIXTURE_TOURS });
  admin = h.client();
  await admin.login();
  const created = await admin.json('/api/cases', { method: 'POST', json: { kind: 'preview', title: 'Room preview', tour: 'test-room' } });
  caseId = created.body.case.id;
  token = created.body.token;
});
afterAll(() => h.close());

const send = (body: unknown, who: 'customer' | 'agent' = 'customer') =>
  who === 'customer'
    ? h.client().json(`/api/cases/${caseId}/tour-activity`, { method: 'POST', headers: bearer(token), json: body })
    : admin.json(`/api/cases/${caseId}/tour-activity`, { method: 'POST', json: body });
const ledgerLength = async () => (await admin.json(`/api/cases/${caseId}/ledger`)).body.entries.length;

describe('tour activity', () => {
  it('needs the customer\'s consent first', async () => {
    const res = await send({ batchId: 'batch-before-consent', events: [{ kind: 'hotspot', hotspot: 'bed', at }] });
    expect([res.status, res.body.error.code]).toEqual([403, 'consent_required']);
    await h.client().json('/api/join/consent', { method: 'POST', headers: bearer(token), json: { recording: true } });
  });

  it('signs a batch into the ledger once, however often it is sent', async () => {
    const batch = { batchId: 'batch-0000001', view: '3d', events: [{ kind: 'viewpoint', viewpoint: 'door', at, seconds: 14.5 }, { kind: 'hotspot', hotspot: 'bed', at }] };
    const first = await send(batch);
    expect(first.status).toBe(201);
    const again = await send(batch);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ ...first.body, created: false });
    const entries = (await admin.json(`/api/cases/${caseId}/ledger`)).body.entries;
    const activity = entries.filter((e: { type: string }) => e.type === 'tour.activity');
    expect(activity).toHaveLength(1);
    expect(activity[0]).toMatchObject({ seq: first.body.ledgerSeq, actor: { type: 'customer' }, payload: { batchId: 'batch-0000001', tour: 'test-room', from: 'customer', view: '3d', events: batch.events } });
    expect((await admin.json(`/api/cases/${caseId}/verify`)).body.ok).toBe(true);
  });

  it('takes the agent\'s pointing, leading and offers, and adds everything up for the case and the tour', async () => {
    const res = await send({ batchId: 'batch-agent-01', events: [
      { kind: 'led', viewpoint: 'window', at },
      { kind: 'pointer', viewpoint: 'window', target: [0, 1, -3], at },
      { kind: 'offer', option: 'room-only', amount: 169, currency: 'EUR', at },
    ] }, 'agent');
    expect(res.status).toBe(201);
    const exposure = (await admin.json(`/api/cases/${caseId}/tour-exposure`)).body.exposure;
    expect(exposure).toMatchObject({
      viewpoints: [{ id: 'door', visits: 1, seconds: 14.5 }], hotspots: [{ id: 'bed', title: 'King bed', opens: 1 }], pointers: 1, led: 1,
      offers: [{ option: 'room-only', title: 'Room only', amount: 169, currency: 'EUR' }],
    });
    const analytics = await admin.json('/api/tours/test-room/analytics');
    expect(analytics.body).toMatchObject({ tour: 'test-room', cases: 1, exposure: { hotspots: [{ id: 'bed', opens: 1 }] } });
    expect((await admin.json('/api/tours/nope/analytics')).status).toBe(404);
  });

  it('refuses what the tour lacks, agent events from the customer, and a case without a tour, storing nothing', async () => {
    const before = await ledgerLength();
    const refusals: Array<[unknown, 'customer' | 'agent', number, string, RegExp]> = [
      [{ batchId: 'batch-bad-0001', events: [{ kind: 'viewpoint', viewpoint: 'balcony', at, seconds: 3 }] }, 'customer', 422, 'not_in_tour', /^events\[0\]\.viewpoint: the tour has no viewpoint "balcony"/],
      [{ batchId: 'batch-bad-0002', events: [{ kind: 'offer', option: 'room-only', amount: 1, currency: 'EUR', at }] }, 'customer', 422, 'not_in_tour', /events\[0\]\.kind: only the agent sends "offer"/],
      [{ batchId: 'batch-bad-0003', events: [] }, 'customer', 400, 'invalid_input', /events/],
      [{ batchId: 'batch-bad-0004', events: [{ kind: 'hotspot', hotspot: 'bed', at: 'yesterday' }] }, 'customer', 400, 'invalid_input', /events\.0\.at|events\[0\]\.at/],
      [{ batchId: 'batch-bad-0005', events: [{ kind: 'teleport', at }] }, 'agent', 400, 'invalid_input', /kind/],
    ];
    for (const [body, who, status, code, message] of refusals) {
      const res = await send(body, who);
      expect([res.status, res.body.error.code], JSON.stringify(body)).toEqual([status, code]);
      expect(res.body.error.message).toMatch(message);
    }
    const damage = await admin.json('/api/cases', { method: 'POST', json: { kind: 'damage', title: 'Hail' } });
    const noTour = await admin.json(`/api/cases/${damage.body.case.id}/tour-activity`, { method: 'POST', json: { batchId: 'batch-bad-0006', events: [{ kind: 'hotspot', hotspot: 'bed', at }] } });
    expect([noTour.status, noTour.body.error.code]).toEqual([422, 'no_tour']);
    expect(await ledgerLength()).toBe(before);
  });
});

describe('the report of a preview case', () => {
  it('says what the customer was shown and what was offered', async () => {
    const file = `${h.dataDir}/shown.pdf`;
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, Buffer.from(await (await admin.fetch(`/api/cases/${caseId}/report`)).arrayBuffer()));
    const text = pdfText(file).replace(/\s+/g, ' ');
    expect(text).toContain('What the customer was shown');
    expect(text).toContain('Tour: Test room (test-room).');
    // pdftotext reads table cells in its own order: each fact is checked on its own.
    expect(text).toMatch(/Viewpoints visited VIEWPOINT VISITS TIME THERE .*Door/);
    expect(text).toContain('15 s');
    expect(text).toMatch(/Details opened King bed/);
    expect(text).toContain('brought the customer to a viewpoint 1 time');
    expect(text).toMatch(/Offers made .*Room only/);
    expect(text).toContain('EUR 169.00');
    // The timeline: who did what, in order.
    expect(text).toMatch(/Timeline TIME \(UTC\) WHO WHAT/);
    expect(text).toMatch(/Customer At Door for 15 s/);
    expect(text).toMatch(/Agent Brought the customer to .*Agent Pointed at \(0\.00, 1\.00, -3\.00\) m, seen from .*Agent Offered Room only at EUR 169\.00/);
  });
});
