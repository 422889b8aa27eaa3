import { describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../../../protocol/http.ts';
import { canonicalJson } from '../../src/ledger/canonical-json.ts';
import crypto from 'node:crypto';
import { findChainBreak, GENESIS_HASH, sealEntry } from '../../src/ledger/chain.ts';
import { oneKeyCheck } from '../../src/ledger/key-trust.ts';
import { publicKeyInfo } from '../../src/ledger/signing-key.ts';

const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
const sign = (bytes: string) => crypto.sign(null, Buffer.from(bytes), privateKey).toString('base64url');
const pem = publicKeyInfo(publicKey).publicKeyPem;
const verify = oneKeyCheck(pem);

describe('canonicalJson (RFC 8785)', () => {
  it('sorts keys by UTF-16 code units, recursively, with no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson({ '\u20ac': 1, '\r': 2, 1: 3, é: 4 })).toBe('{"\\r":2,"1":3,"é":4,"€":1}');
  });

  it('serialises numbers and strings as ECMAScript does', () => {
    expect(canonicalJson([1e21, 0.1, -0, 1.5e-7, 'a"\\\n\u0001'])).toBe('[1e+21,0.1,0,1.5e-7,"a\\"\\\\\\n\\u0001"]');
  });

  it('drops undefined members and refuses values JSON cannot hold', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(() => canonicalJson({ a: Number.NaN })).toThrow();
    expect(() => canonicalJson({ a: () => 1 })).toThrow();
  });
});

function chain(caseId: string, n: number): LedgerEntry[] {
  const entries: LedgerEntry[] = [];
  for (let seq = 1; seq <= n; seq++) {
    entries.push(sealEntry({
      caseId,
      seq,
      at: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)).toISOString(),
      actor: { type: 'assessor', id: 'usr_1' },
      type: 'chat.line',
      payload: { text: `line ${seq}` },
      blobs: [],
      prevHash: entries.at(-1)?.hash ?? GENESIS_HASH,
    }, sign));
  }
  return entries;
}

describe('findChainBreak', () => {
  it('accepts an intact chain', () => {
    expect(findChainBreak('c1', chain('c1', 5), verify)).toBeNull();
    expect(findChainBreak('c1', [], verify)).toBeNull();
  });

  it('names the entry whose content was changed', () => {
    const entries = chain('c1', 5);
    entries[2] = { ...entries[2]!, payload: { text: 'rewritten' } };
    expect(findChainBreak('c1', entries, verify)).toEqual({ seq: 3, reason: 'entry content does not match its hash' });
  });

  it('detects a removed entry as a sequence gap', () => {
    const entries = chain('c1', 5);
    entries.splice(1, 1);
    expect(findChainBreak('c1', entries, verify)?.seq).toBe(3);
  });

  it('detects reordered entries', () => {
    const entries = chain('c1', 5);
    [entries[1], entries[2]] = [entries[2]!, entries[1]!];
    expect(findChainBreak('c1', entries, verify)).not.toBeNull();
  });

  it('detects an entry rehashed after an edit (its successor no longer links to it)', () => {
    const entries = chain('c1', 5);
    const { hash: _old, signature: _sig, ...rest } = entries[1]!;
    entries[1] = sealEntry({ ...rest, payload: { text: 'forged' } }, sign);
    expect(findChainBreak('c1', entries, verify)).toEqual({ seq: 3, reason: 'previous-hash link does not match the entry before it' });
  });

  it('detects a chain rebuilt with another key', () => {
    const other = crypto.generateKeyPairSync('ed25519').privateKey;
    const forged = chain('c1', 2).map((e) => ({ ...e, signature: crypto.sign(null, Buffer.from('x'), other).toString('base64url') }));
    expect(findChainBreak('c1', forged, verify)).toEqual({ seq: 1, reason: 'signature does not verify with the ledger key' });
    expect(findChainBreak('c1', [{ ...chain('c1', 1)[0]!, signature: 'not base64' }], verify)?.seq).toBe(1);
  });

  it('detects an entry moved in from another case', () => {
    const entries = chain('c1', 3);
    entries[2] = chain('c2', 3)[2]!;
    expect(findChainBreak('c1', entries, verify)?.reason).toMatch(/another case|case c2/);
  });
});
