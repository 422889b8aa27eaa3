// Preview tours over HTTP: the agent's list, a preview case naming its tour, the customer's join view
// pointing at it, and the tour's files served compressed and only from inside the tour.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureManifest, writeFixtureTour } from '../tours/fixture-tour.ts';
import { bearer, startHarness, type Client, type Harness } from './harness.ts';

let h: Harness;
let admin: Client;
let toursDir = '';

beforeAll(async () => {
  toursDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-tours-it-'));
  writeFixtureTour(toursDir);
  const broken = fixtureManifest('broken');
  broken.links[0].to = 'nowhere';
  writeFixtureTour(toursDir, broken);
  h = await startHarness({ SIGHTLINE_TOURS_DIR: toursDir });
  admin = h.client();
  await admin.login();
});
afterAll(async () => {
  await h.close();
  fs.rmSync(toursDir, { recursive: true, force: true });
});

const ledgerCount = async (caseId: string): Promise<number> => (await admin.json(`/api/cases/${caseId}/ledger`)).body.entries.length;
const caseCount = async (): Promise<number> => (await admin.json('/api/cases')).body.cases.length;

describe('GET /api/tours', () => {
  it('lists the whole tours only, to a logged-in user', async () => {
    const res = await admin.json('/api/tours');
    expect(res.status).toBe(200);
    expect(res.body.tours).toEqual([expect.objectContaining({ id: 'test-room', title: 'Test room', viewpoints: 2 })]);
    expect((await h.client().json('/api/tours')).status).toBe(401);
  });
});

describe('a preview case with a tour', () => {
  it('names the tour in the case, its ledger entry and the customer\'s join view', async () => {
    const created = await admin.json('/api/cases', { method: 'POST', json: { kind: 'preview', title: 'Room 412 preview', tour: 'test-room' } });
    expect(created.status).toBe(201);
    expect(created.body.case.tour).toBe('test-room');
    const ledger = (await admin.json(`/api/cases/${created.body.case.id}/ledger`)).body.entries;
    expect(ledger[0]).toMatchObject({ type: 'case.created', payload: { kind: 'preview', tour: 'test-room' } });
    const join = await h.client().json('/api/join', { headers: bearer(created.body.token) });
    expect(join.status).toBe(200);
    expect(join.body.tour).toEqual({ id: 'test-room', title: 'Test room', manifestUrl: '/tours/test-room/tour.json' });
  });

  it('refuses a tour the server does not offer, and a tour on a damage case, storing nothing', async () => {
    const before = await caseCount();
    const unknown = await admin.json('/api/cases', { method: 'POST', json: { kind: 'preview', title: 'Preview', tour: 'broken' } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error).toMatchObject({ code: 'unknown_tour', message: expect.stringMatching(/^tour: .*"broken"/) });
    const damage = await admin.json('/api/cases', { method: 'POST', json: { kind: 'damage', title: 'Hail', tour: 'test-room' } });
    expect(damage.status).toBe(400);
    expect(JSON.stringify(damage.body.error)).toMatch(/tour/);
    const badId = await admin.json('/api/cases', { method: 'POST', json: { kind: 'preview', title: 'Preview', tour: '../etc' } });
    expect(badId.status).toBe(400);
    expect(await caseCount()).toBe(before);
  });

  it('gives a case without a tour a join view without one', async () => {
    const created = await admin.json('/api/cases', { method: 'POST', json: { kind: 'damage', title: 'Hail' } });
    expect(created.body.case.tour).toBeNull();
    expect(await ledgerCount(created.body.case.id)).toBeGreaterThan(0);
    const join = await h.client().json('/api/join', { headers: bearer(created.body.token) });
    expect(join.body.tour).toBeNull();
  });
});

describe('/tours/<id>/<file>', () => {
  it('serves tour.json and the scene brotli-compressed to a browser that accepts it, without a session', async () => {
    const res = await fetch(`${h.base}/tours/test-room/tour.json`, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('content-encoding')).toBe('br');
    expect((await res.json()).id).toBe('test-room');
    const raw = await fetch(`${h.base}/tours/test-room/scene.glb`, { headers: { 'accept-encoding': 'gzip' } });
    expect(raw.headers.get('content-encoding')).toBe('gzip');
    expect(raw.headers.get('content-type')).toBe('model/gltf-binary');
    const stored = fs.readFileSync(path.join(toursDir, 'test-room', 'scene.glb'));
    expect(Buffer.from(await raw.arrayBuffer()).equals(stored)).toBe(true);
    expect(Number(raw.headers.get('content-length'))).toBe(zlib.gzipSync(stored, { level: 9 }).length);
  });

  it('answers a revalidation with 304 and sends a panorama as it is', async () => {
    const first = await fetch(`${h.base}/tours/test-room/tour.json`, { headers: { 'accept-encoding': 'br' } });
    // fetch() adds `Cache-Control: no-cache` to a conditional request unless it carries its own.
    const again = await fetch(`${h.base}/tours/test-room/tour.json`, {
      headers: { 'accept-encoding': 'br', 'if-none-match': first.headers.get('etag')!, 'cache-control': 'max-age=0' },
    });
    expect(again.status).toBe(304);
    const pano = await fetch(`${h.base}/tours/test-room/pano-door.webp`, { headers: { 'accept-encoding': 'br' } });
    expect(pano.status).toBe(200);
    expect(pano.headers.get('content-type')).toBe('image/webp');
    expect(pano.headers.get('content-encoding')).toBeNull();
  });

  it('sends a panorama\'s 1024×512 preview when asked with ?preview, and only for a panorama', async () => {
    const broken = await fetch(`${h.base}/tours/test-room/pano-door.webp?preview`);
    expect(broken.status).toBe(404);
    expect((await broken.json()).error.code).toBe('no_preview');
    const pano = await sharp({ create: { width: 2048, height: 1024, channels: 3, background: '#3a6' } }).webp().toBuffer();
    fs.writeFileSync(path.join(toursDir, 'test-room', 'pano-door.webp'), pano);
    fs.utimesSync(path.join(toursDir, 'test-room', 'pano-door.webp'), new Date(), new Date(Date.now() + 5000));
    const res = await fetch(`${h.base}/tours/test-room/pano-door.webp?preview`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/webp');
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 1024, 512]);
    const again = await fetch(`${h.base}/tours/test-room/pano-door.webp?preview`, { headers: { 'if-none-match': res.headers.get('etag')!, 'cache-control': 'max-age=0' } });
    expect(again.status).toBe(304);
    const full = await fetch(`${h.base}/tours/test-room/pano-door.webp`);
    expect(Buffer.from(await full.arrayBuffer()).equals(pano)).toBe(true);
    // Not a panorama: the file as it is.
    const scene = await fetch(`${h.base}/tours/test-room/scene.glb?preview`);
    expect(scene.headers.get('content-type')).toBe('model/gltf-binary');
  });

  it('serves nothing the tour does not name, and nothing of a refused tour', async () => {
    fs.writeFileSync(path.join(toursDir, 'test-room', 'notes.txt'), 'private');
    for (const url of ['/tours/test-room/notes.txt', '/tours/test-room/..%2F..%2Fetc%2Fpasswd', '/tours/broken/tour.json', '/tours/nope/tour.json']) {
      const res = await fetch(h.base + url);
      expect(res.status, url).toBe(404);
      expect((await res.json()).error.code).toBe('not_found');
    }
  });
});
