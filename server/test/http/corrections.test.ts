// Marking a photo superseded over real HTTP: a new signed entry, the original untouched, and each
// bad request a clear 4xx that changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EvidenceView } from '../../../protocol/http.ts';
import { flatJpeg } from '../evidence/fixtures.ts';
import { caseWithPhotos } from '../retention/support.ts';
import { bearer, snapshotOf, startHarness, type Client, type Harness } from './harness.ts';

let h: Harness;
let admin: Client;
let caseId: string;
let token: string;
let wrong: any;
let replacement: any;
let otherCaseEvidence: any;

beforeAll(async () => {
  h = await startHarness();
  admin = h.client();
  await admin.login();
  const made = await caseWithPhotos(admin, 'Roof tiles', [await flatJpeg(320, 240, '#884422'), await flatJpeg(320, 240, '#224488')]);
  caseId = made.caseId;
  [wrong, replacement] = made.evidence;
  otherCaseEvidence = (await caseWithPhotos(admin, 'Another case', [await flatJpeg(320, 240, '#448822')])).evidence[0];
  token = (await admin.json(`/api/cases/${caseId}/join-link`, { method: 'POST' })).body.token;
});
afterAll(() => h.close());

const supersede = (evidenceId: string, json: unknown, client = admin, headers: Record<string, string> = {}) =>
  client.json(`/api/cases/${caseId}/evidence/${evidenceId}/supersede`, { method: 'POST', json, headers });

describe('supersede', () => {
  it('rejects bad input, unknown evidence and a replacement from another case, changing nothing', async () => {
    const before = await snapshotOf(admin, caseId, h.dataDir);
    expect((await supersede(wrong.id, { reason: '' })).status).toBe(400);
    expect((await supersede(wrong.id, { reason: 'x'.repeat(501) })).status).toBe(400);
    expect((await supersede('ev_nope', { reason: 'wrong house' })).status).toBe(404);
    const foreign = await supersede(wrong.id, { reason: 'wrong house', replacedBy: otherCaseEvidence.id });
    expect(foreign.status).toBe(400);
    expect((await supersede(wrong.id, { reason: 'wrong house', replacedBy: wrong.id })).status).toBe(400);
    // Assessor session only: a customer's join token may not correct evidence.
    expect((await supersede(wrong.id, { reason: 'wrong house' }, h.client(), bearer(token))).status).toBe(401);
    expect(await snapshotOf(admin, caseId, h.dataDir)).toEqual(before);
  });

  it('marks the photo superseded with a ledger entry, keeps it, and the case still verifies', async () => {
    const before = await snapshotOf(admin, caseId, h.dataDir);
    const res = await supersede(wrong.id, { reason: 'Photo of the neighbour\'s roof', replacedBy: replacement.id });
    expect(res.status).toBe(201);
    const view = EvidenceView.parse(res.body);
    expect(view).toMatchObject({ id: wrong.id, sha256: wrong.sha256, supersededBy: replacement.id, purged: false });
    expect(view.superseded).toMatchObject({ reason: 'Photo of the neighbour\'s roof', replacedBy: replacement.id });

    const entries = (await admin.json(`/api/cases/${caseId}/ledger`)).body.entries;
    expect(entries.at(-1)).toMatchObject({
      type: 'evidence.superseded', blobs: [], actor: { type: 'assessor' },
      payload: { evidenceId: wrong.id, reason: 'Photo of the neighbour\'s roof', replacedBy: replacement.id },
    });
    const after = await snapshotOf(admin, caseId, h.dataDir);
    expect(after.blobs).toEqual(before.blobs);
    expect(after.evidence).toBe(before.evidence);

    const detail = (await admin.json(`/api/cases/${caseId}`)).body;
    const listed = detail.evidence.find((ev: any) => ev.id === wrong.id);
    expect(listed.superseded.at).toBe(entries.at(-1).at);
    expect(detail.evidence.find((ev: any) => ev.id === replacement.id)).toMatchObject({ superseded: null, supersededBy: null });
    expect((await admin.fetch(wrong.originalUrl)).status).toBe(200);
    expect((await admin.json(`/api/cases/${caseId}/verify`)).body).toMatchObject({ ok: true });
    expect((await admin.fetch(`/api/cases/${caseId}/report`)).status).toBe(200);
  });

  it('refuses to supersede twice, and allows a correction without a replacement', async () => {
    const again = await supersede(wrong.id, { reason: 'again' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_superseded');
    const plain = await supersede(replacement.id, { reason: 'Blurry after all' });
    expect(plain.status).toBe(201);
    expect(plain.body).toMatchObject({ supersededBy: null, superseded: { replacedBy: null, reason: 'Blurry after all' } });
  });

  it('an older console schema (without the new fields) still parses', () => {
    const { supersededBy: _a, superseded: _b, purged: _c, ...old } = wrong;
    expect(EvidenceView.safeParse(old).success).toBe(true);
  });
});
