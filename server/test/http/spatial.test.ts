// Annotations and measurements over real HTTP: placed by the customer or the assessor, idempotent by
// client id (same body 200, other body 409), cleared by a new entry, the distance computed by the
// server, ledgered, pushed to the console, in case detail; access and bad input store nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseDetail } from '../../../protocol/http.ts';
import { AnnotationView, measure, MeasurementView, type AnnotationBody, type MeasurementBody } from '../../../protocol/spatial.ts';
import { openStoreProbe, type StoreProbe } from '../faults/store-probe.ts';
import { eventsDuring } from './events.ts';
import { bearer, snapshotOf, startHarness, type Client, type Harness } from './harness.ts';

let h: Harness;
let admin: Client;
let alice: Client;
let bob: Client;
let probe: StoreProbe;
let caseId: string;
let token: string;
let otherToken: string;

const pose = { position: [0, 1.5, 0] as [number, number, number], orientation: [0, 0, 0, 1] as [number, number, number, number] };
const marker: AnnotationBody = {
  id: 'ann-customer-01', kind: 'marker', label: 'Crack here', screen: { u: 0.4, v: 0.6 },
  anchor: { pose: { position: [0.2, 0, -1.5], orientation: [0, 0, 0, 1] }, anchored: true, cameraPose: pose },
};
const arrow: AnnotationBody = { id: 'ann-assessor-01', kind: 'arrow', screen: { u: 0.1, v: 0.2 }, anchor: null };
const tape: MeasurementBody = {
  id: 'measure-0001', a: [0, 0, -2], b: [1.2, 0, -2], screenA: { u: 0.3, v: 0.7 }, screenB: { u: 0.7, v: 0.7 }, cameraPose: pose, label: 'Door width',
};

const inCase = (rest: string, id = caseId) => `/api/cases/${id}${rest}`;
const post = (who: Client, rest: string, json: unknown, headers: Record<string, string> = {}) => who.json(inCase(rest), { method: 'POST', headers, json });
const asCustomer = (rest: string, json: unknown) => post(h.client(), rest, json, bearer(token));
const ledger = async () => (await alice.json(inCase('/ledger'))).body.entries as Array<{ type: string; actor: { type: string }; payload: any }>;
const stored = async () => ({ api: await snapshotOf(alice, caseId, h.dataDir), tables: (await probe.digest()) });

beforeAll(async () => {
  h = await startHarness();
  admin = h.client();
  await admin.login();
  for (const name of ['alice', 'bob']) {
    await admin.json('/api/users', { method: 'POST', json: { email: `${name}@example.test`, name, password: 'a long password 1', role: 'assessor' } });
  }
  alice = h.client();
  await alice.login('alice@example.test', 'a long password 1');
  bob = h.client();
  await bob.login('bob@example.test', 'a long password 1');
  const created = (await alice.json('/api/cases', { method: 'POST', json: { title: 'Cracked wall, hallway' } })).body;
  caseId = created.case.id;
  token = created.token;
  await h.client().json('/api/join/consent', { method: 'POST', headers: bearer(token), json: { recording: true, location: false } });
  const other = (await alice.json('/api/cases', { method: 'POST', json: { title: 'Another case' } })).body;
  otherToken = other.token;
  await h.client().json('/api/join/consent', { method: 'POST', headers: bearer(otherToken), json: { recording: true, location: false } });
  probe = await openStoreProbe(h.dataDir, h.databaseUrl);
});
afterAll(async () => {
  await probe.close();
  await h.close();
});

describe('annotations', () => {
  it('stores a customer annotation (201), ledgers the body and pushes it to the assessor', async () => {
    let res: { status: number; body: any } | undefined;
    const events = await eventsDuring(alice, async () => {
      res = await asCustomer('/annotations', marker);
    }, (seen) => seen.some((e) => e.type === 'annotation'));
    expect(res!.status).toBe(201);
    const view = AnnotationView.parse(res!.body);
    expect(view).toMatchObject({ ...marker, caseId, createdBy: 'customer', clearedAt: null });
    const entry = (await ledger()).at(-1)!;
    expect(entry).toMatchObject({ type: 'annotation.placed', actor: { type: 'customer' } });
    expect(entry.payload).toEqual(marker);
    expect(events.find((e) => e.type === 'annotation')).toEqual({ type: 'annotation', annotation: view });
  });

  it('answers a retry with the same body 200 and the stored view, writing nothing', async () => {
    const before = await stored();
    const first = (await asCustomer('/annotations', marker)).body;
    const again = await asCustomer('/annotations', { ...marker, label: '  Crack here  ' });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first);
    expect(await stored()).toEqual(before);
  });

  it('refuses the same id with another body (409), changing nothing', async () => {
    const before = await stored();
    const res = await asCustomer('/annotations', { ...marker, screen: { u: 0.41, v: 0.6 } });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('annotation_conflict');
    expect(await stored()).toEqual(before);
  });

  it('stores an assessor annotation without an anchor, and lists both for either side', async () => {
    const res = await post(alice, '/annotations', arrow);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ createdBy: 'assessor', anchor: null });
    expect((await ledger()).at(-1)).toMatchObject({ type: 'annotation.placed', actor: { type: 'assessor' } });
    const fromCustomer = await h.client().json(inCase('/annotations'), { headers: bearer(token) });
    const fromAssessor = await alice.json(inCase('/annotations'));
    expect(fromCustomer.status).toBe(200);
    expect(fromCustomer.body.annotations.map((a: { id: string }) => a.id)).toEqual([marker.id, arrow.id]);
    expect(fromAssessor.body).toEqual(fromCustomer.body);
  });

  it('clears named annotations with one entry; clearing them again writes nothing', async () => {
    const res = await asCustomer('/annotations/clear', { ids: [marker.id] });
    expect(res.status).toBe(200);
    expect(res.body.annotations).toHaveLength(1);
    expect(res.body.annotations[0]).toMatchObject({ id: marker.id, clearedAt: expect.any(String) });
    expect((await ledger()).at(-1)).toMatchObject({ type: 'annotation.cleared', payload: { ids: [marker.id], all: false } });
    const before = await stored();
    expect((await asCustomer('/annotations/clear', { ids: [marker.id] })).body).toEqual({ annotations: [] });
    expect(await stored()).toEqual(before);
    // A cleared annotation's id stays taken: the same body answers with it, cleared.
    expect((await asCustomer('/annotations', marker)).body.clearedAt).toBe(res.body.annotations[0].clearedAt);
  });

  it('refuses to clear an id the case never had (404), changing nothing', async () => {
    const before = await stored();
    const res = await post(alice, '/annotations/clear', { ids: [arrow.id, 'never-placed-1'] });
    expect(res.status).toBe(404);
    expect(res.body.error.message).toContain('never-placed-1');
    expect(await stored()).toEqual(before);
  });

  it('clears every visible annotation when no ids are named', async () => {
    const res = await post(alice, '/annotations/clear', {});
    expect(res.body.annotations.map((a: { id: string }) => a.id)).toEqual([arrow.id]);
    expect((await ledger()).at(-1)).toMatchObject({ type: 'annotation.cleared', actor: { type: 'assessor' }, payload: { ids: [arrow.id], all: true } });
    const all = (await alice.json(inCase('/annotations'))).body.annotations;
    expect(all.every((a: { clearedAt: string | null }) => a.clearedAt !== null)).toBe(true);
  });
});

describe('measurements', () => {
  it('computes the distance and uncertainty itself, never taking the client\'s, and ledgers them', async () => {
    let res: { status: number; body: any } | undefined;
    const events = await eventsDuring(alice, async () => {
      res = await asCustomer('/measurements', { ...tape, distanceM: 99, uncertaintyM: 0 });
    }, (seen) => seen.some((e) => e.type === 'measurement'));
    expect(res!.status).toBe(201);
    const view = MeasurementView.parse(res!.body);
    const expected = measure(tape.a, tape.b, pose.position);
    expect(view).toMatchObject({ ...tape, caseId, createdBy: 'customer', ...expected });
    expect(view.distanceM).toBeCloseTo(1.2, 12);
    const entry = (await ledger()).at(-1)!;
    expect(entry.type).toBe('measurement.recorded');
    expect(entry.payload).toEqual({ ...tape, ...expected });
    expect(events.find((e) => e.type === 'measurement')).toEqual({ type: 'measurement', measurement: view });
  });

  it('is idempotent by id: same body 200, another body 409, neither writes', async () => {
    const before = await stored();
    const again = await asCustomer('/measurements', tape);
    expect(again.status).toBe(200);
    expect(again.body.distanceM).toBeCloseTo(1.2, 12);
    const moved = await asCustomer('/measurements', { ...tape, b: [1.3, 0, -2] });
    expect(moved.status).toBe(409);
    expect(moved.body.error.code).toBe('measurement_conflict');
    expect(await stored()).toEqual(before);
  });

  it('lists them, and case detail carries annotations and measurements', async () => {
    const assessorTape = { ...tape, id: 'measure-0002', label: undefined, b: [0, 2.5, -2] };
    expect((await post(alice, '/measurements', assessorTape)).body.createdBy).toBe('assessor');
    const list = await h.client().json(inCase('/measurements'), { headers: bearer(token) });
    expect(list.body.measurements.map((m: { id: string }) => m.id)).toEqual(['measure-0001', 'measure-0002']);
    const detail = CaseDetail.parse((await alice.json(inCase(''))).body);
    expect(detail.annotations?.map((a) => a.id)).toEqual([marker.id, arrow.id]);
    expect(detail.measurements?.map((m) => m.distanceM)).toEqual([expect.closeTo(1.2, 12), expect.closeTo(2.5, 12)]);
    expect(detail.checklist).toBeNull();
  });
});

describe('access: a clear refusal, and nothing stored changes', () => {
  const routes = ['/annotations', '/annotations/clear', '/measurements'];
  const bodies: Record<string, unknown> = { '/annotations': { ...marker, id: 'ann-refused-01' }, '/annotations/clear': {}, '/measurements': { ...tape, id: 'measure-refused' } };

  it('refuses another case\'s customer (403), another assessor (403), no login (401) and a bad token (401)', async () => {
    const callers: Array<[string, Client, Record<string, string>, number]> = [
      ['other case customer', h.client(), bearer(otherToken), 403],
      ['other assessor', bob, {}, 403],
      ['nobody', h.client(), {}, 401],
      ['unknown token', h.client(), bearer('Q'.repeat(43)), 401],
    ];
    for (const [name, who, headers, status] of callers) {
      for (const route of routes) {
        const before = await stored();
        const write = await post(who, route, bodies[route], headers);
        expect(write.status, `${name} POST ${route}`).toBe(status);
        expect(write.body.error.message.length).toBeGreaterThan(5);
        expect(await stored()).toEqual(before);
      }
      for (const route of ['/annotations', '/measurements']) {
        expect((await who.json(inCase(route), { headers })).status, `${name} GET ${route}`).toBe(status);
      }
    }
  });

  it('refuses a customer who has not consented yet (403 consent_required)', async () => {
    const fresh = (await alice.json('/api/cases', { method: 'POST', json: { title: 'Not consented' } })).body;
    for (const route of ['/annotations', '/measurements']) {
      const res = await h.client().json(inCase(route, fresh.case.id), { method: 'POST', headers: bearer(fresh.token), json: bodies[route] });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('consent_required');
    }
    expect((await alice.json(inCase('/annotations', fresh.case.id))).body.annotations).toEqual([]);
  });

  it('answers 404 for an unknown case', async () => {
    expect((await alice.json('/api/cases/case_nope/annotations')).status).toBe(404);
    expect((await alice.json('/api/cases/case_nope/measurements', { method: 'POST', json: tape })).status).toBe(404);
  });
});

describe('bad input: 400 with the field named, and nothing stored changes', () => {
  const cases: Array<[string, string, unknown]> = [
    ['an id with a slash', '/annotations', { ...marker, id: 'ann/../../x' }],
    ['a short id', '/annotations', { ...marker, id: 'a1' }],
    ['an unknown kind', '/annotations', { ...marker, id: 'ann-bad-00001', kind: 'scribble' }],
    ['a screen point off the picture', '/annotations', { ...marker, id: 'ann-bad-00002', screen: { u: 1.2, v: 0.5 } }],
    ['no anchor field', '/annotations', { ...marker, id: 'ann-bad-00003', anchor: undefined }],
    ['a position far out of range', '/annotations', { ...marker, id: 'ann-bad-00004', anchor: { ...marker.anchor!, pose: { position: [1e9, 0, 0], orientation: [0, 0, 0, 1] } } }],
    ['a label over 200 characters', '/annotations', { ...marker, id: 'ann-bad-00005', label: 'x'.repeat(201) }],
    ['ids that are not an array', '/annotations/clear', { ids: marker.id }],
    ['a point with two coordinates', '/measurements', { ...tape, id: 'measure-bad-1', a: [0, 0] }],
    ['a non-numeric coordinate', '/measurements', { ...tape, id: 'measure-bad-2', b: [1, '2', 3] }],
    ['no camera pose', '/measurements', { ...tape, id: 'measure-bad-3', cameraPose: undefined }],
  ];
  for (const [name, route, body] of cases) {
    it(`${name} (${route})`, async () => {
      const before = await stored();
      const res = await post(alice, route, body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('invalid_input');
      expect(await stored()).toEqual(before);
    });
  }

  it('malformed JSON → 400 invalid_json', async () => {
    const before = await stored();
    const res = await h.client().json(inCase('/measurements'), { method: 'POST', headers: { ...bearer(token), 'content-type': 'application/json' }, body: '{"id": "measure-x' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_json');
    expect(await stored()).toEqual(before);
  });
});
