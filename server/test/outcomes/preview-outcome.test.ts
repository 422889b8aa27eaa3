// The outcome of a preview case: booked (an option of its tour, a seat of its cabin, at the option's
// price unless another is given), not booked, or a follow-up — signed in the ledger like a claim's,
// named in the report; a decision of the other kind of case, or a booking the tour does not offer, is
// refused with the field at fault and stores nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Client, type Harness } from '../http/harness.ts';
import { pdfText } from '../report/poppler.ts';
import { fixtureManifest, writeFixtureTour } from '../tours/fixture-tour.ts';

let h: Harness;
let admin: Client;
let toursDir = '';

beforeAll(async () => {
  toursDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-preview-outcome-'));
  writeFixtureTour(toursDir);
  const cabin = fixtureManifest('test-cabin');
  cabin.kind = 'cabin';
  cabin.viewpoints.push({ id: 'seat-23a', title: 'View from seat 23A', position: [-1.2, 1.1, 5], yaw: 0, seat: '23A' });
  cabin.plan = {
    kind: 'seats', bounds: { minX: -2, minZ: -10, maxX: 2, maxZ: 10 }, shapes: [],
    seats: [{ id: '23A', row: 23, letter: 'A', class: 'economy', x: -1.2, z: 5, width: 0.45, depth: 0.5, viewpoint: 'seat-23a', window: true, aisle: false, windowView: 'full', option: 'economy' }],
  };
  cabin.bookables = [{ id: 'economy', title: 'Economy seat', price: { amount: 35, currency: 'EUR', per: 'seat' } }];
  cabin.hotspots = [];
  writeFixtureTour(toursDir, cabin);
  h = await startHarness({ SIGHTLINE_TOURS_DIR: toursDir });
  admin = h.client();
  await admin.login();
});
afterAll(async () => {
  await h.close();
  fs.rmSync(toursDir, { recursive: true, force: true });
});

const createCase = async (body: Record<string, unknown>): Promise<string> => {
  const res = await admin.json('/api/cases', { method: 'POST', json: { title: 'Preview', ...body } });
  expect(res.status).toBe(201);
  return res.body.case.id;
};
const stored = async (caseId: string) => ({
  outcomes: (await admin.json(`/api/cases/${caseId}`)).body.outcomes.length,
  ledger: (await admin.json(`/api/cases/${caseId}/ledger`)).body.entries.length,
});

describe('the outcome of a preview case', () => {
  it('books an option at its price, signed in the ledger, shown in the case list and named in the PDF', async () => {
    const caseId = await createCase({ kind: 'preview', tour: 'test-room' });
    const res = await admin.json(`/api/cases/${caseId}/outcome`, { method: 'POST', json: { decision: 'booked', reason: 'Booked for 12–14 March', booking: { option: 'room-only' } } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ decision: 'booked', amount: 189, currency: 'EUR', booking: { option: 'room-only', title: 'Room only' } });
    const entries = (await admin.json(`/api/cases/${caseId}/ledger`)).body.entries;
    expect(entries.at(-1)).toMatchObject({ type: 'outcome.recorded', payload: { decision: 'booked', amount: 189, currency: 'EUR', booking: { option: 'room-only', title: 'Room only' } } });
    expect((await admin.json(`/api/cases/${caseId}/verify`)).body.ok).toBe(true);
    expect((await admin.json(`/api/cases/${caseId}`)).body.case.decision).toBe('booked');

    const pdf = path.join(h.dataDir, 'preview.pdf');
    fs.writeFileSync(pdf, Buffer.from(await (await admin.fetch(`/api/cases/${caseId}/report`)).arrayBuffer()));
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(text).toContain('Booked');
    expect(text).toMatch(/Booked Room only at EUR 189\.00/);
  });

  it('books a seat of a cabin at an agreed price, and records a follow-up and a not-booked', async () => {
    const caseId = await createCase({ kind: 'preview', tour: 'test-cabin' });
    const booked = await admin.json(`/api/cases/${caseId}/outcome`, {
      method: 'POST', json: { decision: 'booked', reason: 'Window seat', booking: { option: 'economy', seat: '23A' }, amount: 29, currency: 'EUR' },
    });
    expect(booked.status).toBe(201);
    expect(booked.body).toMatchObject({ amount: 29, booking: { option: 'economy', seat: '23A', title: 'Economy seat' } });
    const followUp = await admin.json(`/api/cases/${caseId}/outcome`, { method: 'POST', json: { decision: 'follow-up', reason: 'Asks for a family row', followUpOn: '2026-12-10' } });
    expect(followUp.body).toMatchObject({ decision: 'follow-up', followUpOn: '2026-12-10', supersedes: booked.body.id, booking: null });
    const notBooked = await admin.json(`/api/cases/${caseId}/outcome`, { method: 'POST', json: { decision: 'not-booked', reason: 'Price' } });
    expect(notBooked.status).toBe(201);
  });

  it('refuses what does not fit the case or its tour, storing nothing', async () => {
    const preview = await createCase({ kind: 'preview', tour: 'test-cabin' });
    const damage = await createCase({ kind: 'damage' });
    const refusals: Array<[string, Record<string, unknown>, number, string]> = [
      [preview, { decision: 'approved', reason: 'x' }, 422, 'decision_not_for_case'],
      [damage, { decision: 'booked', reason: 'x', booking: { option: 'economy' } }, 422, 'decision_not_for_case'],
      [preview, { decision: 'booked', reason: 'x', booking: { option: 'first', seat: '23A' } }, 422, 'unknown_option'],
      [preview, { decision: 'booked', reason: 'x', booking: { option: 'economy', seat: '99K' } }, 422, 'unknown_seat'],
      [preview, { decision: 'booked', reason: 'x', booking: { option: 'economy' } }, 422, 'seat_required'],
      [preview, { decision: 'booked', reason: 'x' }, 400, 'invalid_input'],
      [preview, { decision: 'follow-up', reason: 'x' }, 400, 'invalid_input'],
      [preview, { decision: 'follow-up', reason: 'x', followUpOn: '2026-13-01' }, 400, 'invalid_input'],
      [preview, { decision: 'not-booked', reason: 'x', booking: { option: 'economy', seat: '23A' } }, 400, 'invalid_input'],
      [preview, { decision: 'booked', reason: 'x', booking: { option: 'economy', seat: '23A' }, amount: 10 }, 400, 'invalid_input'],
    ];
    for (const [caseId, body, status, code] of refusals) {
      const before = await stored(caseId);
      const res = await admin.json(`/api/cases/${caseId}/outcome`, { method: 'POST', json: body });
      expect([res.status, res.body.error.code], JSON.stringify(body)).toEqual([status, code]);
      expect(await stored(caseId)).toEqual(before);
    }
    const unknownOption = await admin.json(`/api/cases/${preview}/outcome`, { method: 'POST', json: { decision: 'booked', reason: 'x', booking: { option: 'first', seat: '23A' } } });
    expect(unknownOption.body.error.message).toMatch(/^booking\.option: the tour offers no "first" \(economy\)/);
  });
});
