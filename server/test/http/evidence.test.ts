// Evidence upload, renditions, chat, outcomes and verification over real HTTP, and every bad input the
// issue names: each a clear 4xx, and nothing stored changes.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detailedJpeg, jpegWithGps, pngBomb } from '../evidence/fixtures.ts';
import { bearer, snapshotOf, startHarness, type Client, type Harness } from './harness.ts';

let h: Harness;
let admin: Client;
let caseId: string;
let token: string;
let photo: Buffer;

beforeAll(async () => {
  h = await startHarness({ SIGHTLINE_MAX_UPLOAD_MB: '2' });
  admin = h.client();
  await admin.login();
  const created = (await admin.json('/api/cases', { method: 'POST', json: { title: 'Water damage, kitchen' } })).body;
  caseId = created.case.id;
  token = created.token;
  await h.client().json('/api/join/consent', { method: 'POST', headers: bearer(token), json: { recording: true, location: true } });
  photo = await detailedJpeg(1920, 1080);
});
afterAll(() => h.close());

function form(file: Buffer | string, fields: Record<string, string> = {}, filename = 'photo.jpg', type = 'image/jpeg'): FormData {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.set(k, v);
  body.set('file', new Blob([typeof file === 'string' ? file : new Uint8Array(file)], { type }), filename);
  return body;
}

const upload = (body: FormData | Buffer, headers: Record<string, string> = bearer(token), query = '') =>
  h.client().json(`/api/cases/${caseId}/evidence${query}`, { method: 'POST', headers, body: body as BodyInit });

describe('evidence', () => {
  it('stores a customer still with thumbnail, preview, hash, size, clock skew and location', async () => {
    const deviceTime = new Date(Date.now() - 5 * 60_000).toISOString();
    const res = await upload(form(photo, { source: 'device-still', deviceTime, latitude: '51.5', longitude: '-0.12', accuracy: '8', requestId: 'req-00000001' }));
    expect(res.status).toBe(201);
    const ev = res.body;
    expect(ev).toMatchObject({ source: 'device-still', mime: 'image/jpeg', width: 1920, height: 1080, size: photo.length, capturedBy: 'customer', requestId: 'req-00000001', blurry: false });
    expect(ev.sha256).toBe((await import('node:crypto')).createHash('sha256').update(photo).digest('hex'));
    expect(ev.clockSkewMs).toBeGreaterThan(4 * 60_000);
    expect(ev.location).toEqual({ latitude: 51.5, longitude: -0.12, accuracy: 8 });

    const original = await admin.fetch(ev.originalUrl);
    expect(Buffer.from(await original.arrayBuffer()).equals(photo)).toBe(true);
    const thumb = await admin.fetch(ev.thumbnailUrl);
    expect(thumb.headers.get('content-type')).toBe('image/jpeg');
    const meta = await sharp(Buffer.from(await thumb.arrayBuffer())).metadata();
    expect(Math.max(meta.width!, meta.height!)).toBeLessThanOrEqual(320);
    // The customer can see their own case's renditions, not other cases'.
    expect((await h.client().fetch(ev.previewUrl, { headers: bearer(token) })).status).toBe(200);

    const entries = (await admin.json(`/api/cases/${caseId}/ledger`)).body.entries;
    const added = entries.find((e: { type: string }) => e.type === 'evidence.added');
    expect(added.blobs[0]).toBe(ev.sha256);
    expect(added.actor.type).toBe('customer');
  });

  it('strips GPS metadata from the preview and keeps the original byte-for-byte', async () => {
    const withGps = await jpegWithGps(800, 600);
    const ev = (await upload(form(withGps, { source: 'gallery' }))).body;
    const preview = Buffer.from(await (await admin.fetch(ev.previewUrl)).arrayBuffer());
    expect((await sharp(preview).metadata()).exif).toBeUndefined();
    const original = Buffer.from(await (await admin.fetch(ev.originalUrl)).arrayBuffer());
    expect(original.equals(withGps)).toBe(true);
  });

  it('flags a blurry snapshot', async () => {
    const blurred = await sharp(photo).blur(10).jpeg().toBuffer();
    const res = await upload(form(blurred, { source: 'video-frame' }), {}, '');
    expect(res.status).toBe(401);
    const ok = await admin.json(`/api/cases/${caseId}/evidence`, { method: 'POST', body: form(blurred, { source: 'video-frame' }) });
    expect(ok.status).toBe(201);
    expect(ok.body.blurry).toBe(true);
    expect(ok.body.capturedBy).toBe('assessor');
  });

  it('accepts a raw image body with the details in the query, and a retried uploadId stores once', async () => {
    const first = await upload(photo, { ...bearer(token), 'content-type': 'image/jpeg' }, '?source=device-still&uploadId=retry-0000000001');
    expect(first.status).toBe(201);
    const again = await upload(form(photo, { source: 'device-still', uploadId: 'retry-0000000001' }));
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
  });

  it('drops location when the customer did not allow it', async () => {
    const other = (await admin.json('/api/cases', { method: 'POST', json: { title: 'no location' } })).body;
    await h.client().json('/api/join/consent', { method: 'POST', headers: bearer(other.token), json: { recording: true, location: false } });
    const res = await h.client().json(`/api/cases/${other.case.id}/evidence`, {
      method: 'POST', headers: bearer(other.token), body: form(photo, { latitude: '51.5', longitude: '-0.12' }),
    });
    expect(res.status).toBe(201);
    expect(res.body.location).toBeNull();
  });
});

describe('chat, outcome and verify', () => {
  it('stores a chat line once per id from either side', async () => {
    const a = await h.client().json(`/api/cases/${caseId}/chat`, { method: 'POST', headers: bearer(token), json: { id: 'chat-0000001', text: 'The leak is under the sink' } });
    expect(a.status).toBe(201);
    expect(a.body.from).toBe('customer');
    const again = await h.client().json(`/api/cases/${caseId}/chat`, { method: 'POST', headers: bearer(token), json: { id: 'chat-0000001', text: 'The leak is under the sink' } });
    expect(again.status).toBe(200);
    const b = await admin.json(`/api/cases/${caseId}/chat`, { method: 'POST', json: { id: 'chat-0000002', text: 'Please show me the floor' } });
    expect(b.body.from).toBe('assessor');
    expect((await admin.json(`/api/cases/${caseId}`)).body.chat.map((l: { id: string }) => l.id)).toEqual(['chat-0000001', 'chat-0000002']);
  });

  it('records outcomes as new entries; a changed decision supersedes, never edits', async () => {
    const first = await admin.json(`/api/cases/${caseId}/outcome`, { method: 'POST', json: { decision: 'referred', reason: 'needs a plumber' } });
    expect(first.status).toBe(201);
    const second = await admin.json(`/api/cases/${caseId}/outcome`, {
      method: 'POST',
      json: { decision: 'settled', reason: 'cabinet and floor', amount: 1200, currency: 'EUR', damageItems: [{ area: 'kitchen floor', severity: 'moderate', estimatedCost: 900 }] },
    });
    expect(second.status).toBe(201);
    expect(second.body.supersedes).toBe(first.body.id);
    const detail = (await admin.json(`/api/cases/${caseId}`)).body;
    expect(detail.outcomes.map((o: { decision: string }) => o.decision)).toEqual(['referred', 'settled']);
    expect(detail.case.decision).toBe('settled');
    const settledWithoutAmount = await admin.json(`/api/cases/${caseId}/outcome`, { method: 'POST', json: { decision: 'settled', reason: 'x' } });
    expect(settledWithoutAmount.status).toBe(400);
    expect(settledWithoutAmount.body.error.message).toMatch(/amount/);
  });

  it('verifies the chain and the blobs, and names what was tampered with', async () => {
    const ok = await admin.json(`/api/cases/${caseId}/verify`);
    expect(ok.body).toMatchObject({ ok: true, firstBroken: null });
    expect(ok.body.entries).toBeGreaterThan(5);

    const entries = (await admin.json(`/api/cases/${caseId}/ledger`)).body.entries;
    const evidenceEntry = entries.find((e: { type: string }) => e.type === 'evidence.added');
    const blobFile = path.join(h.dataDir, 'blobs', evidenceEntry.blobs[1].slice(0, 2), evidenceEntry.blobs[1].slice(2, 4), evidenceEntry.blobs[1]);
    const saved = fs.readFileSync(blobFile);
    fs.writeFileSync(blobFile, Buffer.concat([saved, Buffer.from([0])]));
    try {
      const broken = (await admin.json(`/api/cases/${caseId}/verify`)).body;
      expect(broken.ok).toBe(false);
      expect(broken.firstBroken).toMatchObject({ seq: evidenceEntry.seq, blob: evidenceEntry.blobs[1] });
    } finally {
      fs.writeFileSync(blobFile, saved);
    }
  });
});

describe('bad input: a clear 4xx, and nothing stored changes', () => {
  const cases: Array<[string, () => Promise<{ status: number; body: any }>, number, string]> = [
    ['a text file named .jpg', () => upload(form('hello, this is not a photo\n'.repeat(50), {}, 'photo.jpg')), 415, 'not_an_image'],
    ['a 20000x20000 PNG bomb', () => upload(form(pngBomb(20000, 20000), {}, 'bomb.png', 'image/png')), 413, 'image_too_large'],
    ['an oversize upload', () => upload(form(Buffer.concat([photo, Buffer.alloc(2 * 1024 * 1024)]))), 413, 'upload_too_large'],
    ['a truncated JPEG', () => upload(form(photo.subarray(0, 4000))), 422, 'corrupt_image'],
    ['multipart without a file', () => h.client().json(`/api/cases/${caseId}/evidence`, { method: 'POST', headers: bearer(token), body: (() => { const f = new FormData(); f.set('source', 'gallery'); return f; })() }), 400, 'file_required'],
    ['a bad source field', () => upload(form(photo, { source: 'satellite' })), 400, 'invalid_input'],
    ['a JSON body on the upload route', () => h.client().json(`/api/cases/${caseId}/evidence`, { method: 'POST', headers: bearer(token), json: { file: 'x' } }), 415, 'unsupported_media_type'],
    ['malformed JSON', () => admin.json(`/api/cases/${caseId}/outcome`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"decision": "approved", ' }), 400, 'invalid_json'],
    ['malformed JSON from a customer', () => h.client().json(`/api/cases/${caseId}/chat`, { method: 'POST', headers: { ...bearer(token), 'content-type': 'application/json' }, body: '{nope' }), 400, 'invalid_json'],
    ['an unknown decision', () => admin.json(`/api/cases/${caseId}/outcome`, { method: 'POST', json: { decision: 'maybe', reason: 'x' } }), 400, 'invalid_input'],
    ['a wrong token', () => upload(form(photo), bearer('B'.repeat(43))), 401, 'invalid_token'],
    ['no credentials', () => upload(form(photo), {}), 401, 'login_required'],
    ['a malformed Authorization header', () => upload(form(photo), { authorization: 'Bearer ' }), 401, 'invalid_token'],
  ];

  for (const [name, send, status, code] of cases) {
    it(`${name} → ${status} ${code}`, async () => {
      const before = await snapshotOf(admin, caseId, h.dataDir);
      const res = await send();
      expect(res.status).toBe(status);
      expect(res.body.error.code).toBe(code);
      expect(res.body.error.message.length).toBeGreaterThan(10);
      expect(await snapshotOf(admin, caseId, h.dataDir)).toEqual(before);
    });
  }

  it('a foreign token cannot write to another case, and that case is unchanged', async () => {
    const other = (await admin.json('/api/cases', { method: 'POST', json: { title: 'someone else' } })).body;
    const before = await snapshotOf(admin, caseId, h.dataDir);
    const res = await upload(form(photo), bearer(other.token));
    expect(res.status).toBe(403);
    expect(await snapshotOf(admin, caseId, h.dataDir)).toEqual(before);
  });

  it('an expired token stores nothing', async () => {
    const before = await snapshotOf(admin, caseId, h.dataDir);
    h.advance(73 * 3600_000);
    try {
      const res = await upload(form(photo));
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('token_expired');
    } finally {
      h.advance(-73 * 3600_000);
    }
    expect(await snapshotOf(admin, caseId, h.dataDir)).toEqual(before);
  });
});

describe('ledger key', () => {
  it('publishes the Ed25519 public key that verifies every entry', async () => {
    const key = (await h.client().json('/api/ledger/key')).body;
    expect(key.algorithm).toBe('Ed25519');
    const pem = await (await fetch(`${h.base}/.well-known/sightline-ledger-key.pem`)).text();
    expect(pem).toBe(key.publicKeyPem);
    const { verifySignature } = await import('../../src/ledger/signing-key.ts');
    const { entryBytes } = await import('../../src/ledger/chain.ts');
    const entries = (await admin.json(`/api/cases/${caseId}/ledger`)).body.entries;
    expect(entries.length).toBeGreaterThan(3);
    for (const entry of entries) expect(verifySignature(pem, entryBytes(entry), entry.signature)).toBe(true);
  });
});
