// Captions and notes on photos over real HTTP: each change a signed `evidence.noted` entry beside its
// row, the latest one shown on the photo, printed in the PDF and carried by a bundle that verifies;
// every bad request a clear 4xx that stores nothing.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EvidenceView } from '../../../protocol/http.ts';
import { verifyBundle } from '../../src/verifier/check-bundle.ts';
import { flatJpeg } from '../evidence/fixtures.ts';
import { pdfText } from '../report/poppler.ts';
import { caseWithPhotos, DAY_MS, decide, retention } from '../retention/support.ts';
import { bearer, snapshotOf, startHarness, type Client, type Harness } from './harness.ts';

const CAPTION = 'Dent on the rear left door, about 4 cm';
const NOTE = 'The customer says it happened in the supermarket car park on Tuesday.';

let h: Harness;
let admin: Client;
let caseId: string;
let token: string;
let photo: any;
let other: any;

beforeAll(async () => {
  h = await startHarness();
  admin = h.client();
  await admin.login();
  const made = await caseWithPhotos(admin, 'Rear door', [await flatJpeg(320, 240, '#884422')]);
  caseId = made.caseId;
  photo = made.evidence[0];
  other = (await caseWithPhotos(admin, 'Another case', [await flatJpeg(320, 240, '#224488')])).evidence[0];
  token = (await admin.json(`/api/cases/${caseId}/join-link`, { method: 'POST' })).body.token;
});
afterAll(() => h.close());

const notes = (evidenceId: string, json: unknown, client = admin, headers: Record<string, string> = {}, inCase = caseId) =>
  client.json(`/api/cases/${inCase}/evidence/${evidenceId}/notes`, { method: 'POST', json, headers });
const ledgerOf = async (id = caseId) => (await admin.json(`/api/cases/${id}/ledger`)).body.entries;

describe('POST /api/cases/:id/evidence/:evidenceId/notes', () => {
  it('refuses bad input, unknown or foreign evidence, a customer and another assessor, storing nothing', async () => {
    await admin.json('/api/users', { method: 'POST', json: { email: 'bob@example.test', name: 'Bob Other', password: 'another long password', role: 'assessor' } });
    const bob = h.client();
    await bob.login('bob@example.test', 'another long password');
    const before = await snapshotOf(admin, caseId, h.dataDir);
    const otherBefore = await ledgerOf(other.caseId);
    const checks: Array<[Promise<{ status: number; body: any }>, number, string]> = [
      [notes(photo.id, {}), 400, 'invalid_input'],
      [notes(photo.id, { caption: 'x'.repeat(201) }), 400, 'invalid_input'],
      [notes(photo.id, { note: 'x'.repeat(2001) }), 400, 'invalid_input'],
      [notes(photo.id, { caption: 42 }), 400, 'invalid_input'],
      [notes('ev_nope', { caption: CAPTION }), 404, 'not_found'],
      [notes(other.id, { caption: CAPTION }), 404, 'not_found'],
      [notes(photo.id, { caption: CAPTION }, admin, {}, other.caseId), 404, 'not_found'],
      [notes(photo.id, { caption: CAPTION }, h.client(), bearer(token)), 401, 'login_required'],
      [notes(photo.id, { caption: CAPTION }, h.client()), 401, 'login_required'],
      [notes(photo.id, { caption: CAPTION }, bob), 403, 'forbidden'],
    ];
    for (const [request, status, code] of checks) {
      const res = await request;
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect(res.body.error.code).toBe(code);
      expect(res.body.error.message).toMatch(/\S/);
    }
    expect(await snapshotOf(admin, caseId, h.dataDir)).toEqual(before);
    expect(await ledgerOf(other.caseId)).toEqual(otherBefore);
    const detail = (await admin.json(`/api/cases/${caseId}`)).body;
    expect(detail.evidence[0]).toMatchObject({ caption: null, note: null, noted: null });
  });

  it('sets a caption and a note with one ledger entry, shown on the photo with who and when', async () => {
    const res = await notes(photo.id, { caption: `  ${CAPTION}  `, note: NOTE });
    expect(res.status).toBe(201);
    const view = EvidenceView.parse(res.body);
    expect(view).toMatchObject({ id: photo.id, caption: CAPTION, note: NOTE, noted: { by: 'Administrator' } });
    const entry = (await ledgerOf()).at(-1);
    expect(entry).toMatchObject({ type: 'evidence.noted', blobs: [], actor: { type: 'assessor' }, payload: { evidenceId: photo.id, caption: CAPTION, note: NOTE } });
    expect(view.noted?.at).toBe(entry.at);
    const listed = (await admin.json(`/api/cases/${caseId}`)).body.evidence[0];
    expect(listed).toMatchObject({ caption: CAPTION, note: NOTE, noted: { at: entry.at } });
  });

  it('changes one field and keeps the other; a change to nothing appends nothing; blank clears', async () => {
    const changed = await notes(photo.id, { note: `${NOTE} Police report 1234.` });
    expect(changed.status).toBe(201);
    expect(changed.body).toMatchObject({ caption: CAPTION, note: `${NOTE} Police report 1234.` });
    expect((await ledgerOf()).at(-1).payload).toEqual({ evidenceId: photo.id, caption: CAPTION, note: `${NOTE} Police report 1234.` });

    const entries = (await ledgerOf()).length;
    const same = await notes(photo.id, { caption: CAPTION });
    expect(same.status).toBe(200);
    expect((await ledgerOf()).length).toBe(entries);

    const cleared = await notes(photo.id, { note: '   ' });
    expect(cleared.status).toBe(201);
    expect(cleared.body).toMatchObject({ caption: CAPTION, note: null });
    const restored = await notes(photo.id, { note: NOTE });
    expect(restored.body).toMatchObject({ caption: CAPTION, note: NOTE });
    expect((await admin.json(`/api/cases/${caseId}/verify`)).body).toMatchObject({ ok: true });
  });

  it('prints the caption under the photo and its note in the PDF report', async () => {
    const res = await admin.fetch(`/api/cases/${caseId}/report`);
    expect(res.status).toBe(200);
    const file = path.join(h.dataDir, 'report.pdf');
    fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const flat = pdfText(file).replace(/\s+/g, ' ');
    expect(flat).toContain(CAPTION);
    expect(flat).toContain(NOTE);
    expect(flat).toContain(`Photo 1: caption "${CAPTION}", note "`);
  });

  it('travels in the evidence bundle, which verifies', async () => {
    const res = await admin.fetch(`/api/cases/${caseId}/export`);
    expect(res.status).toBe(200);
    const file = path.join(h.dataDir, 'bundle.zip');
    fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const pem = await (await fetch(`${h.base}/.well-known/sightline-ledger-key.pem`)).text();
    const report = await verifyBundle(file, { publicKeyPem: pem, label: 'the server key' });
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.entries).toBe((await ledgerOf()).length);
  });

  it('refuses to change a purged photo (409), storing nothing', async () => {
    const made = await caseWithPhotos(admin, 'Old case', [await flatJpeg(320, 240, '#448822')]);
    await decide(admin, made.caseId);
    await retention(h, { olderThanDays: 30, now: new Date(Date.now() + 31 * DAY_MS) });
    const before = await ledgerOf(made.caseId);
    const res = await notes(made.evidence[0].id, { caption: CAPTION }, admin, {}, made.caseId);
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'evidence_purged', message: expect.stringMatching(/^Evidence .* purged under the retention policy/) });
    expect(await ledgerOf(made.caseId)).toEqual(before);
  });
});
