import { describe, expect, it } from 'vitest';
import { roomFor, verifyPeerQuery, type CredentialRules, type Occupancy, type PeerLimits } from '../../src/signalling/admission.ts';
import { mintPeerToken, type PeerGrant } from '../../src/signalling/peer-token.ts';

const rules: CredentialRules = { secret: Buffer.alloc(32, 1), key: 'peerjs' };
const limits: PeerLimits = { maxPeersPerCase: 2, maxPeers: 3 };
const now = 1_000_000;
const grant: PeerGrant = { peerId: 'c'.repeat(32), caseId: 'case-1', role: 'assessor' };
const token = mintPeerToken(rules.secret, grant, now + 60_000);
const empty: Occupancy = { isOnline: () => false, peersInCase: () => 0, peers: () => 0 };

function query(params: Array<[string, string]>): URLSearchParams {
  return new URLSearchParams(params);
}
const valid = (): Array<[string, string]> => [['key', 'peerjs'], ['id', grant.peerId], ['token', token], ['version', '1.5.5']];

describe('verifyPeerQuery', () => {
  it('admits a minted id with its token', () => {
    expect(verifyPeerQuery(query(valid()), rules, now)).toEqual({ ok: true, grant });
  });

  it('refuses missing or repeated credentials, since `peer` would read the last of repeated names', () => {
    for (const name of ['id', 'token', 'key']) {
      const without = valid().filter(([n]) => n !== name);
      expect(verifyPeerQuery(query(without), rules, now)).toMatchObject({ ok: false, status: 401 });
    }
    const repeatedId = [...valid(), ['id', 'd'.repeat(32)] as [string, string]];
    expect(verifyPeerQuery(query(repeatedId), rules, now)).toMatchObject({ ok: false, status: 401, reason: 'credentials-missing-or-repeated' });
  });

  it('refuses a wrong key and bad or expired tokens', () => {
    const withKey = valid().map(([n, v]): [string, string] => [n, n === 'key' ? 'other' : v]);
    expect(verifyPeerQuery(query(withKey), rules, now)).toMatchObject({ ok: false, status: 400 });
    const otherId = valid().map(([n, v]): [string, string] => [n, n === 'id' ? 'd'.repeat(32) : v]);
    expect(verifyPeerQuery(query(otherId), rules, now)).toMatchObject({ ok: false, status: 401, reason: 'token-bad-signature' });
    expect(verifyPeerQuery(query(valid()), rules, now + 60_000)).toMatchObject({ ok: false, status: 401, reason: 'token-expired' });
  });
});

describe('roomFor', () => {
  it('refuses a second socket for an online id and sockets beyond the case and server limits', () => {
    expect(roomFor(grant, limits, { ...empty, isOnline: () => true })).toMatchObject({ status: 409 });
    expect(roomFor(grant, limits, { ...empty, peersInCase: () => 2, peers: () => 2 })).toMatchObject({ status: 429, reason: 'case-full' });
    expect(roomFor(grant, limits, { ...empty, peersInCase: () => 1, peers: () => 3 })).toMatchObject({ status: 429, reason: 'server-full' });
    expect(roomFor(grant, limits, { ...empty, peersInCase: () => 1, peers: () => 2 })).toEqual({ ok: true, grant });
  });
});
