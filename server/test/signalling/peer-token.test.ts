import { describe, expect, it } from 'vitest';
import { createPeerId, isPeerId, mintPeerToken, verifyPeerToken, type PeerGrant } from '../../src/signalling/peer-token.ts';

const secret = Buffer.alloc(32, 7);
const otherSecret = Buffer.alloc(32, 8);
const grant: PeerGrant = { peerId: 'a'.repeat(32), caseId: 'case-ü/1', role: 'customer' };
const now = 1_700_000_000_000;

describe('peer ids', () => {
  it('are 128 random bits in hex, accepted by the PeerJS client', () => {
    const ids = new Set(Array.from({ length: 100 }, createPeerId));
    expect(ids.size).toBe(100);
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{32}$/);
      expect(id).toMatch(/^[A-Za-z0-9]+(?:[ _-][A-Za-z0-9]+)*$/);
      expect(isPeerId(id)).toBe(true);
    }
    expect(isPeerId('A'.repeat(32))).toBe(false);
    expect(isPeerId('a'.repeat(31))).toBe(false);
  });
});

describe('peer tokens', () => {
  const token = mintPeerToken(secret, grant, now + 1000);

  it('are URL-safe and verify for their peer id, case and role until they expire', () => {
    expect(token).toMatch(/^[A-Za-z0-9_.-]+$/);
    expect(verifyPeerToken(secret, grant.peerId, token, now)).toEqual({ ok: true, grant, expiresAtMs: now + 1000 });
    expect(verifyPeerToken(secret, grant.peerId, token, now + 999).ok).toBe(true);
    expect(verifyPeerToken(secret, grant.peerId, token, now + 1000)).toEqual({ ok: false, reason: 'expired' });
  });

  it('do not verify for another peer id or under another secret', () => {
    expect(verifyPeerToken(secret, 'b'.repeat(32), token, now)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verifyPeerToken(otherSecret, grant.peerId, token, now)).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('do not verify when any signed field is changed', () => {
    const [caseField, role, expiry, mac] = token.split('.');
    const forged = [
      [Buffer.from('case-2').toString('base64url'), role, expiry, mac],
      [caseField, 'assessor', expiry, mac],
      [caseField, role, String(now + 10_000_000), mac],
    ];
    for (const parts of forged) {
      expect(verifyPeerToken(secret, grant.peerId, parts.join('.'), now)).toEqual({ ok: false, reason: 'bad-signature' });
    }
    const flipped = `${mac?.startsWith('A') ? 'B' : 'A'}${mac?.slice(1)}`;
    expect(verifyPeerToken(secret, grant.peerId, [caseField, role, expiry, flipped].join('.'), now).ok).toBe(false);
  });

  it('are refused as malformed when they do not parse', () => {
    const [caseField, , expiry, mac] = token.split('.');
    for (const bad of ['', 'x', `${token}.x`, [caseField, 'admin', expiry, mac].join('.'), [caseField, 'customer', '-1', mac].join('.'), [caseField, 'customer', expiry, 'c2hvcnQ'].join('.')]) {
      expect(verifyPeerToken(secret, grant.peerId, bad, now)).toEqual({ ok: false, reason: 'malformed' });
    }
    expect(verifyPeerToken(secret, 'not-a-peer-id', token, now)).toEqual({ ok: false, reason: 'malformed' });
  });

  it("carry a customer's join token id, signed: it cannot be dropped, swapped or added", () => {
    const held: PeerGrant = { ...grant, joinTokenId: 'jt_ABC-123' };
    const heldToken = mintPeerToken(secret, held, now + 1000);
    expect(heldToken).toMatch(/^[A-Za-z0-9_.-]+$/);
    expect(verifyPeerToken(secret, grant.peerId, heldToken, now)).toEqual({ ok: true, grant: held, expiresAtMs: now + 1000 });
    const [caseField, role, holder, expiry, mac] = heldToken.split('.');
    const [, , plainExpiry, plainMac] = token.split('.');
    for (const forged of [
      [caseField, role, expiry, mac],
      [caseField, role, Buffer.from('jt_other').toString('base64url'), expiry, mac],
      [caseField, role, holder, plainExpiry, plainMac],
    ]) {
      expect(verifyPeerToken(secret, grant.peerId, forged.join('.'), now)).toEqual({ ok: false, reason: 'bad-signature' });
    }
    expect(verifyPeerToken(secret, grant.peerId, [caseField, role, 'not+b64', expiry, mac].join('.'), now)).toEqual({ ok: false, reason: 'malformed' });
    expect(() => mintPeerToken(secret, { ...grant, joinTokenId: '' }, now)).toThrow(/join token/);
  });

  it('need a secret of at least 32 bytes', () => {
    expect(() => mintPeerToken(Buffer.alloc(16), grant, now)).toThrow(/32 bytes/);
    expect(() => verifyPeerToken(Buffer.alloc(16), grant.peerId, token, now)).toThrow(/32 bytes/);
  });
});
