// GET /api/ledger/keys: the keyring, public like GET /api/ledger/key — the key that signs now and
// every key that ever signed, so an auditor can check entries from before a rotation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LedgerKeyring } from '../../../protocol/http.ts';
import { startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('GET /api/ledger/keys', () => {
  it('lists the current key, recorded at start, to anyone', async () => {
    const key = (await h.client().json('/api/ledger/key')).body;
    const res = await h.client().json('/api/ledger/keys');
    expect(res.status).toBe(200);
    const keyring = LedgerKeyring.parse(res.body);
    expect(keyring).toEqual({ current: key.keyId, keys: [{ ...key, createdAt: expect.any(String), endorsedBy: null, endorsement: null }] });
  });

  it('answers the same each time: the key is recorded once, not per request', async () => {
    const first = (await h.client().json('/api/ledger/keys')).body;
    const again = (await h.client().json('/api/ledger/keys')).body;
    expect(again).toEqual(first);
  });
});
