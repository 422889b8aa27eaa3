// Guided capture and annotation layers over real HTTP: a case with a checklist, photos filed under its
// items and judged by the shared quality rule in the same transaction as the photo, a rejected photo
// kept as evidence, retries that do not double-count, the state for the customer and the console, and
// the annotation layer kept beside the untouched original; every refusal stores nothing.
import crypto from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChecklistView } from '../../../protocol/checklist.ts';
import { CaseDetail, EvidenceView, JoinView } from '../../../protocol/http.ts';
import type { AnnotationLayer } from '../../../protocol/spatial.ts';
import { detailedJpeg } from '../evidence/fixtures.ts';
import { openStoreProbe, type StoreProbe } from '../faults/store-probe.ts';
import { eventsDuring } from './events.ts';
import { bearer, snapshotOf, startHarness, type Client, type Harness } from './harness.ts';

let h: Harness;
let admin: Client;
let probe: StoreProbe;
let caseId: string;
let token: string;
let plain: { id: string; token: string };
const photos: Record<'sharp' | 'blurred' | 'dark' | 'other', Buffer> = {} as never;

const layer: AnnotationLayer = {
  items: [
    { kind: 'circle', points: [{ u: 0.5, v: 0.5 }], label: 'Dent' },
    { kind: 'measurement', points: [{ u: 0.2, v: 0.8 }, { u: 0.8, v: 0.8 }], refId: 'measure-0001' },
  ],
};

function form(file: Buffer, fields: Record<string, string> = {}): FormData {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.set(k, v);
  body.set('file', new Blob([new Uint8Array(file)], { type: 'image/jpeg' }), 'photo.jpg');
  return body;
}

const upload = (file: Buffer, fields: Record<string, string>, id = caseId, who = token) =>
  h.client().json(`/api/cases/${id}/evidence`, { method: 'POST', headers: bearer(who), body: form(file, { source: 'device-still', ...fields }) });
const checklist = async () => ChecklistView.parse((await h.client().json(`/api/cases/${caseId}/checklist`, { headers: bearer(token) })).body);
const item = async (id: string) => (await checklist()).items.find((i) => i.id === id)!;
const ledger = async (id = caseId) => (await admin.json(`/api/cases/${id}/ledger`)).body.entries as Array<{ type: string; payload: any; seq: number }>;
const stored = async (id = caseId) => ({ api: await snapshotOf(admin, id, h.dataDir), tables: (await probe.digest()) });

beforeAll(async () => {
  h = await startHarness();
  admin = h.client();
  await admin.login();
  const created = await admin.json('/api/cases', { method: 'POST', json: { title: 'Rear-end collision', checklist: 'vehicle' } });
  expect(created.status).toBe(201);
  expect(created.body.case.checklist).toBe('vehicle');
  caseId = created.body.case.id;
  token = created.body.token;
  await h.client().json('/api/join/consent', { method: 'POST', headers: bearer(token), json: { recording: true, location: false } });
  const other = (await admin.json('/api/cases', { method: 'POST', json: { title: 'No checklist here' } })).body;
  plain = { id: other.case.id, token: other.token };
  await h.client().json('/api/join/consent', { method: 'POST', headers: bearer(plain.token), json: { recording: true, location: false } });
  photos.sharp = await detailedJpeg(800, 600);
  photos.blurred = await sharp(photos.sharp).blur(10).jpeg().toBuffer();
  photos.dark = await sharp(photos.sharp).linear(0.15, 0).jpeg().toBuffer();
  photos.other = await sharp(photos.sharp).flop().jpeg().toBuffer();
  probe = await openStoreProbe(h.dataDir, h.databaseUrl);
});
afterAll(async () => {
  await probe.close();
  await h.close();
});

describe('a case with a checklist', () => {
  it('carries the template on the case and the state on the customer\'s join view', async () => {
    expect((await admin.json(`/api/cases/${caseId}`)).body.case.checklist).toBe('vehicle');
    expect((await admin.json(`/api/cases/${plain.id}`)).body.case.checklist).toBeNull();
    const join = JoinView.parse((await h.client().json('/api/join', { headers: bearer(token) })).body);
    expect(join.checklist?.template).toBe('vehicle');
    expect(join.checklist?.items.every((i) => i.status === 'pending')).toBe(true);
    expect((await h.client().json('/api/join', { headers: bearer(plain.token) })).body.checklist).toBeNull();
    expect((await ledger()).find((e) => e.type === 'case.created')?.payload.checklist).toBe('vehicle');
  });

  it('refuses an unknown checklist template with 400', async () => {
    const res = await admin.json('/api/cases', { method: 'POST', json: { title: 'x', checklist: 'boat' } });
    expect(res.status).toBe(400);
  });
});

describe('checklist photos', () => {
  it('accepts a sharp photo: the photo and its verdict in one go, and the console hears the new state', async () => {
    let res: { status: number; body: any } | undefined;
    const events = await eventsDuring(admin, async () => {
      res = await upload(photos.sharp, { checklistItem: 'vin-plate', uploadId: 'upload-vin-00001' });
    }, (seen) => seen.some((e) => e.type === 'checklist'));
    expect(res!.status).toBe(201);
    const view = EvidenceView.parse(res!.body);
    expect(view.checklist).toMatchObject({ itemId: 'vin-plate', evidenceId: view.id, accepted: true, problems: [] });
    const [added, captured] = (await ledger()).slice(-2);
    expect(added).toMatchObject({ type: 'evidence.added', payload: { evidenceId: view.id } });
    expect(captured).toMatchObject({ type: 'checklist.captured', seq: added!.seq + 1 });
    expect(captured!.payload).toEqual({ itemId: 'vin-plate', evidenceId: view.id, accepted: true, problems: [] });
    const event = events.find((e) => e.type === 'checklist');
    expect(event).toMatchObject({ caseId, checklist: { template: 'vehicle' } });
    expect(event?.type === 'checklist' && event.checklist.items.find((i) => i.id === 'vin-plate')?.status).toBe('done');
    expect(await item('vin-plate')).toMatchObject({ status: 'done', attempts: 1, acceptedEvidenceIds: [view.id] });
  });

  it('keeps a blurred photo as evidence but asks for a retake, then takes the retake', async () => {
    const blurred = await upload(photos.blurred, { checklistItem: 'odometer' });
    expect(blurred.status).toBe(201);
    expect(blurred.body.checklist).toMatchObject({ accepted: false, problems: ['blurry'] });
    expect((await admin.fetch(blurred.body.originalUrl)).status).toBe(200);
    expect(await item('odometer')).toMatchObject({ status: 'retake', attempts: 1, problems: ['blurry'], acceptedEvidenceIds: [] });

    const dark = await upload(photos.dark, { checklistItem: 'odometer' });
    expect(dark.body.checklist).toMatchObject({ accepted: false, problems: ['too-dark'] });
    expect(await item('odometer')).toMatchObject({ status: 'retake', attempts: 2, problems: ['too-dark'] });

    const retake = await upload(photos.other, { checklistItem: 'odometer' });
    expect(retake.body.checklist.accepted).toBe(true);
    expect(await item('odometer')).toMatchObject({ status: 'done', attempts: 3, problems: [], acceptedEvidenceIds: [retake.body.id] });
  });

  it('files an assessor\'s photo too, via a raw body with the item in the query', async () => {
    const res = await admin.json(`/api/cases/${caseId}/evidence?source=video-frame&checklistItem=damage-area`, {
      method: 'POST', headers: { 'content-type': 'image/jpeg' }, body: new Uint8Array(photos.sharp),
    });
    expect(res.status).toBe(201);
    expect(res.body.checklist).toMatchObject({ itemId: 'damage-area', accepted: true });
  });

  it('does not count a retried upload twice', async () => {
    const before = await stored();
    const again = await upload(photos.sharp, { checklistItem: 'vin-plate', uploadId: 'upload-vin-00001' });
    expect(again.status).toBe(200);
    expect(again.body.checklist).toMatchObject({ itemId: 'vin-plate', accepted: true });
    expect(await stored()).toEqual(before);
    expect((await item('vin-plate')).attempts).toBe(1);
  });

  it('shows the state to the assessor, in case detail, and on each evidence item', async () => {
    const forAssessor = ChecklistView.parse((await admin.json(`/api/cases/${caseId}/checklist`)).body);
    expect(forAssessor).toEqual(await checklist());
    const detail = CaseDetail.parse((await admin.json(`/api/cases/${caseId}`)).body);
    expect(detail.checklist).toEqual(forAssessor);
    expect(detail.checklist?.complete).toBe(false);
    expect(detail.evidence.map((e) => e.checklist?.accepted)).toEqual([true, false, false, true, true]);
  });
});

describe('checklist refusals: 422 with a reason, and nothing stored', () => {
  const refusals: Array<[string, () => Promise<{ status: number; body: any }>, string, () => string]> = [
    ['an item the template lacks', () => upload(photos.other, { checklistItem: 'room-overview', uploadId: 'upload-bad-0001' }), 'unknown_checklist_item', () => caseId],
    ['an unknown item in the query of a raw body', () => h.client().json(`/api/cases/${caseId}/evidence?checklistItem=spare-wheel`, {
      method: 'POST', headers: { ...bearer(token), 'content-type': 'image/jpeg' }, body: new Uint8Array(photos.other),
    }), 'unknown_checklist_item', () => caseId],
    ['a case without a checklist', () => upload(photos.other, { checklistItem: 'vin-plate' }, plain.id, plain.token), 'no_checklist', () => plain.id],
  ];
  for (const [name, send, code, target] of refusals) {
    it(name, async () => {
      const before = await stored(target());
      const res = await send();
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe(code);
      expect(res.body.error.message).toMatch(/checklist/);
      expect(await stored(target())).toEqual(before);
      expect(before.api.temp).toEqual([]);
    });
  }

  it('answers GET checklist 404 for a case without one, and refuses other callers', async () => {
    const none = await h.client().json(`/api/cases/${plain.id}/checklist`, { headers: bearer(plain.token) });
    expect(none.status).toBe(404);
    expect(none.body.error.code).toBe('no_checklist');
    expect((await h.client().json(`/api/cases/${caseId}/checklist`, { headers: bearer(plain.token) })).status).toBe(403);
    expect((await h.client().json(`/api/cases/${caseId}/checklist`)).status).toBe(401);
  });
});

describe('annotation layers', () => {
  it('keeps the layer beside the photo and in its ledger entry; the original is byte-for-byte what was sent', async () => {
    const res = await upload(photos.other, { layer: JSON.stringify(layer) });
    expect(res.status).toBe(201);
    expect(res.body.layer).toEqual(layer);
    const added = (await ledger()).filter((e) => e.type === 'evidence.added').at(-1)!;
    expect(added.payload.layer).toEqual(layer);
    const original = Buffer.from(await (await admin.fetch(res.body.originalUrl)).arrayBuffer());
    expect(original.equals(photos.other)).toBe(true);
    expect(res.body.sha256).toBe(crypto.createHash('sha256').update(photos.other).digest('hex'));
    const listed = (await admin.json(`/api/cases/${caseId}`)).body.evidence.find((e: { id: string }) => e.id === res.body.id);
    expect(listed.layer).toEqual(layer);
  });

  it('takes a layer far larger than the other fields may be (200 items)', async () => {
    const big: AnnotationLayer = { items: Array.from({ length: 200 }, (_, i) => ({ kind: 'label' as const, points: [{ u: (i % 20) / 20, v: Math.floor(i / 20) / 10 }], label: `Label number ${i}` })) };
    expect(JSON.stringify(big).length).toBeGreaterThan(4096);
    const res = await upload(photos.other, { layer: JSON.stringify(big) });
    expect(res.status).toBe(201);
    expect(res.body.layer.items).toHaveLength(200);
  });

  const bad: Array<[string, string]> = [
    ['text that is not JSON', '{"items": [ {"kind": "marker"'],
    ['an empty layer', '{"items": []}'],
    ['a point off the photo', JSON.stringify({ items: [{ kind: 'marker', points: [{ u: 1.5, v: 0.5 }] }] })],
    ['an unknown kind', JSON.stringify({ items: [{ kind: 'smiley', points: [{ u: 0.5, v: 0.5 }] }] })],
    ['an arrow with three points', JSON.stringify({ items: [{ kind: 'arrow', points: [{ u: 0, v: 0 }, { u: 0.5, v: 0.5 }, { u: 1, v: 1 }] }] })],
  ];
  for (const [name, text] of bad) {
    it(`refuses ${name} with 400, storing nothing`, async () => {
      const before = await stored();
      const res = await upload(photos.other, { layer: text, checklistItem: 'corner-front-left' });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('invalid_input');
      expect(res.body.error.message).toMatch(/layer/);
      expect(await stored()).toEqual(before);
      expect(before.api.temp).toEqual([]);
    });
  }
});
