// A guessed one-time code must not tell whether a case reference exists, by its answer or by its time:
// a code request is answered 202 before anything is looked up, and an attempt does the same work for
// an unknown reference as for a real one (one hash compared in constant time, one counted attempt).
// Each kind is sent over real HTTP while the constant-time compares the server makes are counted.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startSmsReceiver, type SmsReceiver } from '../links/receivers.ts';
import { startHarness, type Harness } from '../http/harness.ts';

let h: Harness;
let sms: SmsReceiver;

beforeAll(async () => {
  sms = await startSmsReceiver();
  h = await startHarness({ SIGHTLINE_SMS_WEBHOOK_URL: sms.url });
  const admin = h.client();
  await admin.login();
  const created = (await admin.json('/api/cases', { method: 'POST', json: { title: 'Hail', reference: 'CLM-REAL' } })).body;
  expect((await admin.json(`/api/cases/${created.case.id}/join-link/send`, { method: 'POST', json: { channel: 'sms', to: '+447700900123' } })).status).toBe(201);
  expect((await h.client().json('/api/intake/code', { method: 'POST', json: { reference: 'CLM-REAL' } })).status).toBe(202);
  for (let waited = 0; sms.messages.length < 2 && waited < 5000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
  expect(sms.messages.length).toBe(2);
});

afterAll(async () => {
  vi.restoreAllMocks();
  await h?.close();
  await sms?.close();
});

async function timed(pathname: string, json: unknown): Promise<{ status: number; body: unknown; compares: number; ms: number }> {
  const compare = vi.spyOn(crypto, 'timingSafeEqual');
  try {
    const started = performance.now();
    const res = await h.client().json(pathname, { method: 'POST', json });
    return { ...res, compares: compare.mock.calls.length, ms: performance.now() - started };
  } finally {
    compare.mockRestore();
  }
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const attempt = (reference: string) => timed('/api/intake', { service: 'query', intent: 'Status?', existing: { reference, code: '000000' } });

describe('one-time codes and timing', () => {
  it('a wrong code for a real reference and any code for an unknown one: the same answer, the same work, the same time', async () => {
    const real: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 8; i++) {
      const a = await attempt('CLM-REAL');
      const b = await attempt('CLM-NOT-THERE');
      expect([a.status, b.status]).toEqual([401, 401]);
      expect(a.body).toEqual(b.body);
      expect([a.compares, b.compares]).toEqual([1, 1]);
      real.push(a.ms);
      unknown.push(b.ms);
    }
    // Both do two reads, one compare and one update. Known residue: the real reference's update changes a
    // row, so its commit syncs (SQLite synchronous=FULL), some ms more; the bound catches a skipped step,
    // not that (the limits — 10 attempts per reference, 20 per address per 10 min — bound the sampling).
    expect(Math.abs(median(real) - median(unknown))).toBeLessThan(25);
  });

  it('a code request is answered before any lookup: the same 202 and body for a real and an unknown reference', async () => {
    const real = await timed('/api/intake/code', { reference: 'CLM-REAL' });
    const unknown = await timed('/api/intake/code', { reference: 'CLM-NOT-THERE' });
    expect([real.status, unknown.status]).toEqual([202, 202]);
    expect(real.body).toEqual(unknown.body);
    expect([real.compares, unknown.compares]).toEqual([0, 0]);
  });
});
