// A receipt code must not be guessable by its answer or its time: a wrong code one character off a real
// one, a random wrong one and a malformed one all get the same 404 and body, and a near miss takes the
// time a random miss takes. Sent over real HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, startHarness, type Harness } from '../http/harness.ts';
import { newReceiptCode } from '../../src/settlement/receipt-code.ts';

let h: Harness;
let real = '';

beforeAll(async () => {
  h = await startHarness({ SIGHTLINE_ORGANISATION: 'Acme' });
  const admin = h.client();
  await admin.login();
  expect((await admin.json('/api/admin/settings', { method: 'PUT', json: { offerRequiresIdentity: false } })).status).toBe(200);
  const created = (await admin.json('/api/cases', { method: 'POST', json: { title: 'Hail', reference: 'CLM-RT' } })).body;
  const offer = (await admin.json(`/api/cases/${created.case.id}/offers`, { method: 'POST', json: { amount: 5, currency: 'EUR', items: [{ description: 'x', amount: 5 }], expiresAt: new Date(Date.now() + 86_400_000).toISOString() } })).body;
  const declined = await h.client().json(`/api/join/offers/${offer.id}/decline`, { method: 'POST', json: { reason: 'no' }, headers: bearer(created.token) });
  expect(declined.status).toBe(200);
  real = declined.body.receiptCode;
});
afterAll(() => h?.close());

async function timed(code: string): Promise<{ status: number; body: unknown; ms: number }> {
  const started = performance.now();
  const res = await h.client().json(`/api/receipts/${encodeURIComponent(code)}`);
  return { ...res, ms: performance.now() - started };
}
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

describe('receipt look-ups and timing', () => {
  it('near a real code, random, or malformed: the same 404, in the same time', async () => {
    const last = real.at(-1) === '0' ? '1' : '0';
    const nearCode = real.slice(0, -1) + last;
    const times: Record<'near' | 'random' | 'malformed', number[]> = { near: [], random: [], malformed: [] };
    const bodies = new Set<string>();
    for (let i = 0; i < 15; i++) {
      const round = [['near', nearCode], ['random', newReceiptCode()], ['malformed', 'not-a-code']] as const;
      // Each kind goes first in turn, so a warm-up or a burst of load falls on all of them alike.
      for (const [kind, code] of [...round.slice(i % 3), ...round.slice(0, i % 3)]) {
        const res = await timed(code);
        expect(res.status).toBe(404);
        bodies.add(JSON.stringify(res.body));
        times[kind].push(res.ms);
      }
    }
    expect(bodies.size).toBe(1);
    const [near, random, malformed] = [median(times.near), median(times.random), median(times.malformed)];
    console.log(`receipt 404 medians (ms): near ${near.toFixed(2)}, random ${random.toFixed(2)}, malformed ${malformed.toFixed(2)}`);
    // What could leak is how close a guess came to a real code: a near miss and a random one do the same
    // work (one indexed look-up that finds nothing). A malformed code skips the look-up; it says nothing.
    // Loose enough for a loaded machine: the two run the same code, so only a gross difference would show.
    expect(Math.abs(near - random)).toBeLessThan(10);
    expect((await timed(real)).status).toBe(200);
  });
});
