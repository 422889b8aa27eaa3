// Capture that proves when and where (issue 15) over real HTTP: the case's address (set by its assessor,
// every bad request a clear 4xx that changes nothing), and the flags each photo gets on arrival — a clock
// 10 minutes off, a position 50 km from the address, a gallery upload with its EXIF time and place.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EvidenceView, CaseView } from '../../../protocol/http.ts';
import { verifyBundle } from '../../src/verifier/check-bundle.ts';
import { formatReport } from '../../src/verifier/report.ts';
import { detailedJpeg } from '../evidence/fixtures.ts';
import { pdfText } from '../report/poppler.ts';
import { bearer, newUser, snapshotOf, startHarness, type Client, type Harness } from './harness.ts';

/** Leith, Edinburgh; 0.45° of latitude north of it is 50.0 km away. */
export const HOME = { latitude: 55.9756, longitude: -3.1711 };
const FAR = { latitude: 56.4256, longitude: -3.1711 };

let h: Harness;
let admin: Client;
let caseId: string;
let token: string;
let photo: Buffer;

beforeAll(async () => {
  h = await startHarness();
  admin = h.client();
  await admin.login();
  const created = (await admin.json('/api/cases', { method: 'POST', json: { title: 'Flooded garage' } })).body;
  caseId = created.case.id;
  token = created.token;
  await h.client().json('/api/join/consent', { method: 'POST', headers: bearer(token), json: { recording: true, location: true } });
  photo = await detailedJpeg(640, 480);
});
afterAll(() => h.close());

const setAddress = (json: unknown, client = admin, headers: Record<string, string> = {}, id = caseId) =>
  client.json(`/api/cases/${id}/address`, { method: 'PUT', json, headers });
const ledgerOf = async (id = caseId) => (await admin.json(`/api/cases/${id}/ledger`)).body.entries as Array<{ type: string; payload: any }>;

async function upload(fields: Record<string, string>, file = photo): Promise<EvidenceView> {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.set(k, v);
  body.set('file', new Blob([new Uint8Array(file)], { type: 'image/jpeg' }), 'photo.jpg');
  const res = await h.client().json(`/api/cases/${caseId}/evidence`, { method: 'POST', headers: bearer(token), body });
  expect(res.status).toBe(201);
  return EvidenceView.parse(res.body);
}

describe('the case address', () => {
  it('refuses bad input, another assessor, a customer and a closed case, storing nothing', async () => {
    const before = await snapshotOf(admin, caseId, h.dataDir);
    const refusals: Array<[unknown, number, string]> = [
      [{ address: '1 Shore, Leith', latitude: 91, longitude: 0 }, 400, 'invalid_input'],
      [{ latitude: 55.9, longitude: -181 }, 400, 'invalid_input'],
      [{ address: '1 Shore, Leith' }, 400, 'invalid_input'],
      [{ address: '1 Shore, Leith', latitude: 55.9 }, 400, 'invalid_input'],
      [{ latitude: '55.9756', longitude: '-3.1711' }, 400, 'invalid_input'],
      [{ lat: 55.9, lng: -3.1 }, 400, 'invalid_input'],
      [{ address: 'x'.repeat(501), latitude: 55.9, longitude: -3.1 }, 400, 'invalid_input'],
    ];
    for (const [json, status, code] of refusals) {
      const res = await setAddress(json);
      expect(res.status, JSON.stringify(json)).toBe(status);
      expect(res.body.error.code).toBe(code);
    }
    const other = await newUser(h, admin, 'assessor');
    expect((await setAddress({ latitude: 55.9, longitude: -3.1 }, other.client)).status).toBe(403);
    const supervisor = await newUser(h, admin, 'supervisor');
    expect((await setAddress({ latitude: 55.9, longitude: -3.1 }, supervisor.client)).status).toBe(403);
    expect((await setAddress({ latitude: 55.9, longitude: -3.1 }, h.client(), bearer(token))).status).toBe(401);
    expect((await setAddress({ latitude: 55.9, longitude: -3.1 }, admin, {}, 'case_nope')).status).toBe(404);
    expect(await snapshotOf(admin, caseId, h.dataDir)).toEqual(before);

    const closed = (await admin.json('/api/cases', { method: 'POST', json: { title: 'Closed' } })).body.case.id;
    await admin.json(`/api/cases/${closed}/close`, { method: 'POST', json: {} });
    const entries = (await ledgerOf(closed)).length;
    expect((await setAddress({ latitude: 55.9, longitude: -3.1 }, admin, {}, closed)).status).toBe(409);
    expect((await ledgerOf(closed)).length).toBe(entries);
  });

  it('sets the address with a ledger entry; the case shows it; the same address again writes nothing', async () => {
    const res = await setAddress({ address: '  1 Shore, Leith  ', ...HOME });
    expect(res.status).toBe(200);
    expect(CaseView.parse(res.body).address).toEqual({ address: '1 Shore, Leith', ...HOME });
    expect((await admin.json(`/api/cases/${caseId}`)).body.case.address).toEqual({ address: '1 Shore, Leith', ...HOME });
    const entries = await ledgerOf();
    expect(entries.at(-1)).toMatchObject({ type: 'case.address-set', payload: { address: '1 Shore, Leith', ...HOME } });
    expect((await setAddress({ address: '1 Shore, Leith', ...HOME })).status).toBe(200);
    expect((await ledgerOf()).length).toBe(entries.length);
  });
});

describe('when and where each photo was taken', () => {
  it('a live capture on time and at the address raises no flag', async () => {
    const ev = await upload({ source: 'device-still', deviceTime: new Date().toISOString(), latitude: String(HOME.latitude), longitude: String(HOME.longitude), accuracy: '10' });
    expect(ev.capture).toMatchObject({ distanceM: 0, maxDistanceM: 1000, flags: [] });
    expect(Math.abs(ev.capture!.clockSkewMs!)).toBeLessThan(60_000);
    expect(ev.exif).toBeNull();
  });

  it('a clock 10 minutes off is flagged', async () => {
    const ev = await upload({ source: 'device-still', deviceTime: new Date(Date.now() - 10 * 60_000).toISOString() });
    expect(ev.capture!.flags).toEqual(['clock-off']);
    expect(ev.capture!.clockSkewMs).toBeGreaterThanOrEqual(10 * 60_000);
    expect(ev.capture!.distanceM).toBeNull();
  });

  it('a position 50 km from the address is flagged', async () => {
    const ev = await upload({ source: 'device-still', deviceTime: new Date().toISOString(), latitude: String(FAR.latitude), longitude: String(FAR.longitude) });
    expect(ev.capture!.flags).toEqual(['far-from-address']);
    expect(ev.capture!.distanceM).toBeGreaterThan(49_900);
    expect(ev.capture!.distanceM).toBeLessThan(50_200);
  });

  it('a gallery upload is not live and shows its EXIF time and place', async () => {
    const withExif = await sharp(photo).withExif({
      IFD2: { DateTimeOriginal: '2026:12:03 14:02:05', OffsetTimeOriginal: '+00:00' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '55/1 58/1 3216/100', GPSLongitudeRef: 'W', GPSLongitude: '3/1 10/1 1596/100' },
    }).jpeg().toBuffer();
    const ev = await upload({ source: 'gallery' }, withExif);
    expect(ev.capture!.flags).toEqual(['not-live']);
    expect(ev.exif).toEqual({ time: '2026-12-03T14:02:05+00:00', latitude: 55.9756, longitude: -3.1711 });
    const entry = (await ledgerOf()).find((e) => e.type === 'evidence.added' && e.payload.evidenceId === ev.id)!;
    expect(entry.payload.exif).toEqual(ev.exif);
    expect(entry.payload.capture).toEqual(ev.capture);
  });

  it('a gallery upload with a broken or absent EXIF block is kept, without EXIF facts', async () => {
    const plain = await upload({ source: 'gallery' });
    expect(plain.exif).toBeNull();
    // An APP1 "Exif" segment whose TIFF header is garbage, right after the JPEG's start marker.
    const junk = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0x00, 0x10]), Buffer.from('Exif\0\0'), Buffer.from('garbage!'), photo.subarray(2)]);
    const broken = await upload({ source: 'gallery' }, junk);
    expect(broken.exif).toBeNull();
    expect(broken.capture!.flags).toEqual(['not-live']);
  });

  it('GET evidence lists every photo with its check', async () => {
    const listed = (await admin.json(`/api/cases/${caseId}`)).body.evidence.map((e: unknown) => EvidenceView.parse(e));
    expect(listed.map((e: EvidenceView) => e.capture?.flags)).toEqual([[], ['clock-off'], ['far-from-address'], ['not-live'], ['not-live'], ['not-live']]);
  });
});

describe('the flags travel', () => {
  it('into the PDF report: a summary and each photo\'s flags in words', async () => {
    const res = await admin.fetch(`/api/cases/${caseId}/report`);
    expect(res.status).toBe(200);
    const file = path.join(h.dataDir, 'capture-report.pdf');
    fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const flat = pdfText(file).replace(/\s+/g, ' ');
    expect(flat).toContain('When and where: 5 of 6 photos flagged (Photo 2, Photo 3, Photo 4, Photo 5, Photo 6)');
    expect(flat).toContain('Case address: 1 Shore, Leith (55.98, −3.17)');
    expect(flat).toContain('Clock 10 min off');
    expect(flat).toContain('50 km from the case address');
    expect(flat).toContain('Gallery upload — not live');
    expect(flat).toContain('EXIF: 3 Dec 2026 14:02 (UTC+00:00), 55.98, −3.17');
    expect(flat).toContain('No flag: live, clock and place as expected');
  });

  it('into the bundle, whose verifier re-derives every check and lists each flagged photo, still VERIFIED', async () => {
    const res = await admin.fetch(`/api/cases/${caseId}/export`);
    expect(res.status).toBe(200);
    const file = path.join(h.dataDir, 'capture-bundle.zip');
    fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const pem = await (await fetch(`${h.base}/.well-known/sightline-ledger-key.pem`)).text();
    const report = await verifyBundle(file, { publicKeyPem: pem, label: 'the server key' });
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.captures!.photos).toBe(6);
    const evidence = (await admin.json(`/api/cases/${caseId}`)).body.evidence as EvidenceView[];
    expect(report.captures!.flagged.map((f) => f.evidenceId)).toEqual(evidence.slice(1).map((e) => e.id));
    const text = formatReport(report);
    expect(text).toMatch(/^VERIFIED: /);
    expect(text).toContain('When and where: 5 of 6 photos flagged (findings, not failures):');
    expect(text).toMatch(new RegExp(`photo ${evidence[1]!.id} \\(seq \\d+\\): taken 10\\.[0-9] min off the server clock \\(device behind\\)`));
    expect(text).toMatch(new RegExp(`photo ${evidence[2]!.id} \\(seq \\d+\\): taken 50\\.0 km from the case address \\(limit 1\\.0 km\\)`));
    expect(text).toContain(`photo ${evidence[3]!.id}`);
  });
});
