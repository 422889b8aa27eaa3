// An identity photo's purpose travels with the upload only as the customer's own live capture: a gallery
// pick, a video frame or a staff upload that names one is refused whole, and nothing stored changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detailedJpeg } from '../evidence/fixtures.ts';
import { bearer, snapshotOf, startHarness, type Client, type Harness } from './harness.ts';

let h: Harness;
let admin: Client;
let caseId: string;
let token: string;
let photo: Buffer;

beforeAll(async () => {
  h = await startHarness();
  admin = h.client();
  await admin.login();
  const created = (await admin.json('/api/cases', { method: 'POST', json: { title: 'Identity photos' } })).body;
  caseId = created.case.id;
  token = created.token;
  await h.client().json('/api/join/consent', { method: 'POST', headers: bearer(token), json: { recording: true, location: true } });
  photo = await detailedJpeg(640, 480);
});
afterAll(() => h.close());

function form(fields: Record<string, string>): FormData {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.set(k, v);
  body.set('file', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'photo.jpg');
  return body;
}
const asCustomer = (fields: Record<string, string>) =>
  h.client().json(`/api/cases/${caseId}/evidence`, { method: 'POST', headers: bearer(token), body: form(fields) });

describe('identity photo purpose', () => {
  it('a customer live capture keeps its purpose in the row, the view and the ledger entry', async () => {
    const res = await asCustomer({ source: 'device-still', purpose: 'id-front', deviceTime: new Date().toISOString() });
    expect(res.status).toBe(201);
    expect(res.body.purpose).toBe('id-front');
    const listed = (await admin.json(`/api/cases/${caseId}`)).body.evidence.find((e: { id: string }) => e.id === res.body.id);
    expect(listed.purpose).toBe('id-front');
    const entries = (await admin.json(`/api/cases/${caseId}/ledger`)).body.entries;
    const added = entries.find((e: { type: string; payload: { evidenceId: string } }) => e.type === 'evidence.added' && e.payload.evidenceId === res.body.id);
    expect(added.payload.purpose).toBe('id-front');
  });

  it('an ordinary photo has no purpose, and its entry carries none', async () => {
    const res = await asCustomer({ source: 'device-still' });
    expect(res.status).toBe(201);
    expect(res.body.purpose).toBeNull();
    const entries = (await admin.json(`/api/cases/${caseId}/ledger`)).body.entries;
    const added = entries.find((e: { type: string; payload: { evidenceId: string } }) => e.type === 'evidence.added' && e.payload.evidenceId === res.body.id);
    expect('purpose' in added.payload).toBe(false);
  });

  const refusals: Array<[string, () => Promise<{ status: number; body: { error: { code: string; message: string } } }>, number, string]> = [
    ['a gallery pick', () => asCustomer({ source: 'gallery', purpose: 'selfie' }), 400, 'identity_photo_not_live'],
    ['no source (a gallery pick by default)', () => asCustomer({ purpose: 'id-back' }), 400, 'identity_photo_not_live'],
    ['a video frame', () => asCustomer({ source: 'video-frame', purpose: 'id-front' }), 400, 'identity_photo_not_live'],
    ['an unknown purpose', () => asCustomer({ source: 'device-still', purpose: 'passport' }), 400, 'invalid_input'],
    ['the assessor', () => admin.json(`/api/cases/${caseId}/evidence`, { method: 'POST', body: form({ source: 'device-still', purpose: 'selfie' }) }), 403, 'identity_photo_customer_only'],
  ];
  it.each(refusals)('%s naming a purpose is refused and nothing stored changes', async (_name, send, status, code) => {
    const before = await snapshotOf(admin, caseId, h.dataDir);
    const res = await send();
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    if (code === 'identity_photo_not_live') expect(res.body.error.message).toMatch(/^identity photos must be live captures, not gallery picks/i);
    expect(await snapshotOf(admin, caseId, h.dataDir)).toEqual(before);
  });
});
