// The pure parts of webhooks: signing (against the Standard Webhooks reference vector), the retry
// schedule, and which ledger entries become which events.
import { describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../../../protocol/http.ts';
import { WebhookPayload } from '../../../protocol/webhooks.ts';
import { MAX_ATTEMPTS, retryDelayMs } from '../../src/webhooks/backoff.ts';
import { newWebhookSecret, signWebhook, verifyWebhook } from '../../src/webhooks/signature.ts';
import { webhookEventFor } from '../../src/webhooks/webhook-events.ts';

describe('signing', () => {
  it('matches the Standard Webhooks reference vector', () => {
    // From the standard-webhooks repository's test suite.
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const id = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
    const timestamp = 1614265330;
    const body = '{"test": 2432232314}';
    expect(signWebhook(secret, id, timestamp, body)).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
    expect(verifyWebhook(secret, id, timestamp, body, 'v1,bm90IGl0 v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=')).toBe(true);
    expect(verifyWebhook(secret, id, timestamp, `${body} `, 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=')).toBe(false);
  });

  it('makes secrets of 32 random bytes', () => {
    const a = newWebhookSecret();
    expect(a).toMatch(/^whsec_/);
    expect(Buffer.from(a.slice(6), 'base64')).toHaveLength(32);
    expect(newWebhookSecret()).not.toBe(a);
  });
});

describe('retry schedule', () => {
  it('waits 5 s, 30 s, 2 min, 10 min, 1 h, 3 h, then 6 h, about 22 h in all, then gives up', () => {
    const middle = (n: number) => retryDelayMs(n, 5000, () => 0.5);
    expect([1, 2, 3, 4, 5, 6, 7].map(middle)).toEqual([5000, 30_000, 120_000, 600_000, 3_600_000, 10_800_000, 21_600_000]);
    let total = 0;
    for (let n = 1; n < MAX_ATTEMPTS; n++) total += middle(n)!;
    expect(total / 3_600_000).toBeCloseTo(22.2, 1);
    expect(middle(MAX_ATTEMPTS)).toBeNull();
  });

  it('spreads each wait ±20 %', () => {
    expect(retryDelayMs(1, 5000, () => 0)).toBe(4000);
    expect(retryDelayMs(1, 5000, () => 0.999999)).toBe(6000);
  });
});

describe('events from ledger entries', () => {
  const entry = (type: string, payload: Record<string, unknown>, seq = 3): LedgerEntry => ({
    caseId: 'case_1', seq, at: '2026-12-05T10:00:00.000Z', actor: { type: 'assessor', id: 'usr_1' }, type, payload, blobs: [], prevHash: 'p', hash: `h${seq}`, signature: 's',
  });
  const context = { reference: 'CLM-7', offer: null };

  it('leaves out kinds that are not events, and entries that do not fit their kind', () => {
    expect(webhookEventFor(entry('chat.line', { lineId: 'l', from: 'assessor', text: 'hello' }), context)).toBeNull();
    expect(webhookEventFor(entry('case.closed', { reason: 42 }), context)).toBeNull();
  });

  it('carries the facts a claims system needs, and the accepted offer terms', () => {
    const outcome = webhookEventFor(entry('outcome.recorded', { outcomeId: 'out_1', decision: 'settled', reason: 'ok', amount: 1200, currency: 'EUR', damageItems: [], supersedes: null }), context);
    expect(WebhookPayload.parse(outcome)).toEqual({
      type: 'outcome.recorded', timestamp: '2026-12-05T10:00:00.000Z',
      data: { caseId: 'case_1', reference: 'CLM-7', ledgerSeq: 3, entryHash: 'h3', outcomeId: 'out_1', decision: 'settled', reason: 'ok', amount: 1200, currency: 'EUR', supersedes: null },
    });
    const offer = { offerId: 'off_1', amount: 900, currency: 'EUR', items: [{ description: 'Bumper', amount: 900 }], conditions: '', expiresAt: '2026-12-06T00:00:00.000Z', confirmWith: 'code' as const, supersedes: null };
    const accepted = webhookEventFor(entry('offer.accepted', { offerId: 'off_1', confirmedWith: 'code', identityCheckId: null, receiptCode: 'R-1' }), { reference: null, offer });
    expect(WebhookPayload.parse(accepted).data).toMatchObject({ offerId: 'off_1', amount: 900, currency: 'EUR', items: offer.items, receiptCode: 'R-1', reference: null });
    const other = webhookEventFor(entry('offer.accepted', { offerId: 'off_2', confirmedWith: 'code', identityCheckId: null, receiptCode: 'R-2' }), { reference: null, offer });
    expect(other?.data).toMatchObject({ amount: null, currency: null, items: [] });
  });
});
