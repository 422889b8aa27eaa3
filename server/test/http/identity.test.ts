// Identity check over HTTP with the real OCR: the assessor asks, the customer uploads three live photos of a
// generated ID card and a selfie and submits them, the MRZ is read, the assessor decides, and each step is a
// ledger entry. Refusals change nothing stored.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detailedJpeg } from '../evidence/fixtures.ts';
import { makeIdCard, makePassportPage, SAMPLE_PERSON } from '../../../tests/support/id-card.ts';
import { pdfImages, pdfText } from '../report/poppler.ts';
import { bearer, newUser, snapshotOf, startHarness, type Client, type Harness } from './harness.ts';

let h: Harness;
let admin: Client;
let card: Awaited<ReturnType<typeof makeIdCard>>;
let selfie: Buffer;

interface Case { id: string; token: string }
type Reply = { status: number; body: any };

beforeAll(async () => {
  h = await startHarness();
  admin = h.client();
  await admin.login();
  card = await makeIdCard();
  selfie = await detailedJpeg(640, 480);
}, 60_000);
afterAll(() => h.close());

async function newCase(owner: Client = admin): Promise<Case> {
  const created = (await owner.json('/api/cases', { method: 'POST', json: { title: 'Identity' } })).body;
  await h.client().json('/api/join/consent', { method: 'POST', headers: bearer(created.token), json: { recording: true, location: false } });
  return { id: created.case.id, token: created.token };
}

async function upload(c: Case, image: Buffer, fields: Record<string, string>): Promise<string> {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.set(k, v);
  body.set('file', new Blob([new Uint8Array(image)], { type: 'image/jpeg' }), 'photo.jpg');
  const res = await h.client().json(`/api/cases/${c.id}/evidence`, { method: 'POST', headers: bearer(c.token), body });
  if (res.status !== 201) throw new Error(`upload: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}
const live = (purpose?: string) => ({ source: 'device-still', deviceTime: new Date().toISOString(), ...(purpose ? { purpose } : {}) });

const request = (c: Case, document = 'id-card', by = admin): Promise<Reply> =>
  by.json(`/api/cases/${c.id}/identity-checks`, { method: 'POST', json: { document } });
const submit = (c: Case, checkId: string, json: unknown, token = c.token): Promise<Reply> =>
  h.client().json(`/api/join/identity-check/${checkId}`, { method: 'POST', headers: bearer(token), json });
const decide = (c: Case, checkId: string, json: unknown, by = admin): Promise<Reply> =>
  by.json(`/api/cases/${c.id}/identity-checks/${checkId}/decision`, { method: 'POST', json });

async function livePhotos(c: Case) {
  return {
    frontEvidenceId: await upload(c, card.front, live('id-front')),
    backEvidenceId: await upload(c, card.back, live('id-back')),
    selfieEvidenceId: await upload(c, selfie, live('selfie')),
  };
}

describe('identity check', () => {
  it('request → the customer sees it → three live photos → MRZ read → passed; every step in the ledger', async () => {
    const c = await newCase();
    expect((await h.client().json('/api/join/identity-check', { headers: bearer(c.token) })).body).toEqual({ check: null });
    const asked = await request(c);
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ document: 'id-card', state: 'requested', mrz: null });
    const checkId = asked.body.id;
    expect((await h.client().json('/api/join/identity-check', { headers: bearer(c.token) })).body).toEqual({ check: { id: checkId, document: 'id-card', state: 'requested', code: null } });

    const photos = await livePhotos(c);
    const sent = await submit(c, checkId, photos);
    expect(sent.status).toBe(200);
    expect(sent.body.check.state).toBe('submitted');

    const listed = (await admin.json(`/api/cases/${c.id}/identity-checks`)).body.checks;
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ state: 'submitted', ...photos });
    expect(listed[0].mrz).toMatchObject({
      format: 'TD1', documentNumber: SAMPLE_PERSON.documentNumber, surname: 'DE VRIES', givenNames: 'ANNA MARIA',
      expiryDate: SAMPLE_PERSON.expiryDate, valid: true,
    });

    const decided = await decide(c, checkId, { result: 'passed', reason: 'Face and card match the customer on the call' });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ state: 'passed', reason: 'Face and card match the customer on the call' });
    expect((await h.client().json('/api/join/identity-check', { headers: bearer(c.token) })).body).toEqual({ check: null });

    const entries = (await admin.json(`/api/cases/${c.id}/ledger`)).body.entries as Array<{ type: string; payload: any; actor: { type: string } }>;
    const identity = entries.filter((e) => e.type.startsWith('identity.'));
    expect(identity.map((e) => [e.type, e.actor.type])).toEqual([['identity.requested', 'assessor'], ['identity.submitted', 'customer'], ['identity.checked', 'assessor']]);
    expect(identity[1]!.payload).toMatchObject({ checkId, ...photos, mrz: { documentNumber: SAMPLE_PERSON.documentNumber, valid: true } });
    expect(identity[2]!.payload).toEqual({ checkId, result: 'passed', reason: 'Face and card match the customer on the call' });

    // The PDF: the number only by its last four characters, no document photo (the selfie's preview and thumbnail only).
    const pdf = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'identity-report-')), 'report.pdf');
    fs.writeFileSync(pdf, Buffer.from(await (await admin.fetch(`/api/cases/${c.id}/report`)).arrayBuffer()));
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(text).toContain('Identity check');
    expect(text).toContain('•••••2024');
    expect(text).not.toContain(SAMPLE_PERSON.documentNumber);
    expect(text).not.toContain('SPECI');
    expect(text).toContain('ANNA MARIA DE VRIES');
    expect(text).toMatch(/all valid/);
    expect(text).toContain('Face and card match the customer on the call');
    expect(text).toContain('kept in the evidence bundle');
    expect(pdfImages(pdf)).toHaveLength(2);

    // A second decision, and a new check while none is open, behave.
    expect((await decide(c, checkId, { result: 'failed', reason: 'changed my mind' })).status).toBe(409);
    expect((await request(c, 'passport')).status).toBe(201);
  }, 60_000);

  it('a passport: the photo page only (no back), read as TD3', async () => {
    const c = await newCase();
    const checkId = (await request(c, 'passport')).body.id;
    const page = (await makePassportPage()).page;
    const front = await upload(c, page, live('id-front'));
    const selfieId = await upload(c, selfie, live('selfie'));
    const back = await upload(c, page, live('id-back'));
    expect((await submit(c, checkId, { frontEvidenceId: front, backEvidenceId: back, selfieEvidenceId: selfieId })).body.error.code).toBe('no_back');
    expect((await submit(c, checkId, { frontEvidenceId: front, selfieEvidenceId: selfieId })).status).toBe(200);
    const [check] = (await admin.json(`/api/cases/${c.id}/identity-checks`)).body.checks;
    expect(check.mrz).toMatchObject({ format: 'TD3', documentNumber: SAMPLE_PERSON.documentNumber, valid: true });
  }, 60_000);

  it('a photo without an MRZ is submitted with mrz null (the assessor compares by eye)', async () => {
    const c = await newCase();
    const checkId = (await request(c, 'driving-licence')).body.id;
    const ids = {
      frontEvidenceId: await upload(c, selfie, live('id-front')),
      backEvidenceId: await upload(c, selfie, live('id-back')),
      selfieEvidenceId: await upload(c, selfie, live('selfie')),
    };
    expect((await submit(c, checkId, ids)).status).toBe(200);
    const [check] = (await admin.json(`/api/cases/${c.id}/identity-checks`)).body.checks;
    expect(check).toMatchObject({ state: 'submitted', mrz: null });
  }, 60_000);
});

describe('identity check refusals: a 4xx and nothing stored', () => {
  let c: Case;
  let other: Case;
  let checkId: string;
  let photos: Awaited<ReturnType<typeof livePhotos>>;
  let gallery: string;
  let foreign: string;
  let stranger: Client;

  beforeAll(async () => {
    c = await newCase();
    other = await newCase();
    checkId = (await request(c)).body.id;
    photos = await livePhotos(c);
    gallery = await upload(c, card.front, { source: 'gallery' });
    foreign = await upload(other, card.front, live('id-front'));
    stranger = (await newUser(h, admin, 'assessor')).client;
  }, 60_000);

  const cases: Array<[string, () => Promise<Reply>, number, string]> = [
    ['a gallery photo as the document', () => submit(c, checkId, { ...photos, frontEvidenceId: gallery }), 422, 'not_live_photo'],
    ['a photo with the wrong purpose', () => submit(c, checkId, { ...photos, frontEvidenceId: photos.backEvidenceId }), 422, 'wrong_purpose'],
    ['the selfie as the back', () => submit(c, checkId, { ...photos, backEvidenceId: photos.selfieEvidenceId }), 422, 'wrong_purpose'],
    ["another case's photo", () => submit(c, checkId, { ...photos, frontEvidenceId: foreign }), 422, 'evidence_not_found'],
    ['no back for an ID card', () => submit(c, checkId, { frontEvidenceId: photos.frontEvidenceId, selfieEvidenceId: photos.selfieEvidenceId }), 422, 'back_required'],
    ["another case's token", () => submit(c, checkId, photos, other.token), 404, 'not_found'],
    ['an unknown field', () => submit(c, checkId, { ...photos, mrz: 'P<' }), 400, 'invalid_input'],
    ['a second open check', () => request(c, 'passport'), 409, 'identity_check_open'],
    ['an unknown document', () => request(c, 'library-card'), 400, 'invalid_input'],
    ['deciding a requested (not submitted) check', () => decide(c, checkId, { result: 'passed', reason: 'looks fine' }), 409, 'identity_check_not_submitted'],
    ['a decision without a reason', () => decide(c, checkId, { result: 'passed', reason: ' ' }), 400, 'invalid_input'],
    ['the customer deciding', () => h.client().json(`/api/cases/${c.id}/identity-checks/${checkId}/decision`, { method: 'POST', headers: bearer(c.token), json: { result: 'passed', reason: 'me' } }), 401, 'login_required'],
    ['the assessor of another case asking', () => request(c, 'passport', stranger), 403, 'forbidden'],
    ['the assessor of another case deciding', () => decide(c, checkId, { result: 'passed', reason: 'ok' }, stranger), 403, 'forbidden'],
    ['the assessor of another case listing', () => stranger.json(`/api/cases/${c.id}/identity-checks`), 403, 'forbidden'],
  ];
  it.each(cases)('%s', async (_name, send, status, code) => {
    const before = await snapshotOf(admin, c.id, h.dataDir);
    const checksBefore = (await admin.json(`/api/cases/${c.id}/identity-checks`)).body;
    const res = await send();
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(await snapshotOf(admin, c.id, h.dataDir)).toEqual(before);
    expect((await admin.json(`/api/cases/${c.id}/identity-checks`)).body).toEqual(checksBefore);
  });
});
