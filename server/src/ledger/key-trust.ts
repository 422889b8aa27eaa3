// Which key checks which entry, and how one key vouches for the next: pure functions shared by the
// server's verification, the exporter and the offline verifier.
import type { KeyringKey } from '../../../protocol/http.ts';
import { canonicalJson } from './canonical-json.ts';
import type { SignatureCheck } from './chain.ts';
import { verifySignature } from './signing-key.ts';

type PublicKey = Pick<KeyringKey, 'keyId' | 'publicKeyPem' | 'createdAt'>;

/** What an endorsement signs: the canonical JSON of the endorsed key's public facts. */
export function endorsementBytes(key: Pick<KeyringKey, 'algorithm' | 'keyId' | 'publicKeyPem' | 'createdAt'>): string {
  const { algorithm, keyId, publicKeyPem, createdAt } = key;
  return canonicalJson({ algorithm, keyId, publicKeyPem, createdAt });
}

/** Whether `key`'s endorsement is `endorser`'s signature over it. */
export function endorsementHolds(key: KeyringKey, endorser: Pick<KeyringKey, 'keyId' | 'publicKeyPem'>): boolean {
  return key.endorsedBy === endorser.keyId && key.endorsement !== null && verifySignature(endorser.publicKeyPem, endorsementBytes(key), key.endorsement);
}

/**
 * The key that signed the entries written before entries named their key: the keyring's oldest (by
 * createdAt, then keyId), the only key there was then. Rotation stamps a new key later than the one
 * it replaces, so the order holds whatever the clocks of the machines involved.
 */
export function legacyKey<K extends PublicKey>(keys: readonly K[]): K | null {
  let oldest: K | null = null;
  for (const key of keys) {
    if (!oldest || key.createdAt < oldest.createdAt || (key.createdAt === oldest.createdAt && key.keyId < oldest.keyId)) oldest = key;
  }
  return oldest;
}

/** Every entry against one key (bundle formats 1 and 2, which have one). */
export function oneKeyCheck(publicKeyPem: string): SignatureCheck {
  return (entry, bytes) => (verifySignature(publicKeyPem, bytes, entry.signature) ? null : 'signature does not verify with the ledger key');
}

/** Each entry against the key its keyId names among `keys` (`where` names that list in a fault); one without against the oldest. */
export function keyringCheck(keys: readonly PublicKey[], where: string): SignatureCheck {
  const byId = new Map(keys.map((key) => [key.keyId, key]));
  const legacy = legacyKey(keys);
  return (entry, bytes) => {
    if (entry.keyId !== undefined) {
      const key = byId.get(entry.keyId);
      if (!key) return `signed by key ${entry.keyId}, which is not in ${where}`;
      return verifySignature(key.publicKeyPem, bytes, entry.signature) ? null : `signature does not verify with the ledger key ${key.keyId} it names`;
    }
    if (!legacy) return `names no key, and ${where} holds none`;
    return verifySignature(legacy.publicKeyPem, bytes, entry.signature)
      ? null
      : `signature does not verify with the ledger key (an entry that names no key is checked with the oldest key, ${legacy.keyId})`;
  };
}

/**
 * The keys from `from` to `to` along endorsements (each key endorsed by the one before), both ends
 * included; null when none links them. `holds` decides whether an endorsement counts (the offline
 * verifier checks its signature; the server trusts its own keyring).
 */
export function endorsementPath<K extends Pick<KeyringKey, 'keyId' | 'endorsedBy'>>(
  keys: readonly K[], from: string, to: string, holds: (key: K, endorser: K) => boolean = () => true,
): K[] | null {
  const byId = new Map(keys.map((key) => [key.keyId, key]));
  const start = byId.get(from);
  if (!start) return null;
  const cameFrom = new Map<string, K | null>([[from, null]]);
  const queue: K[] = [start];
  while (queue.length > 0) {
    const current = queue.shift()!;
    if (current.keyId === to) {
      const path: K[] = [];
      for (let at: K | null = current; at; at = cameFrom.get(at.keyId) ?? null) path.unshift(at);
      return path;
    }
    for (const next of keys) {
      if (next.endorsedBy !== current.keyId || cameFrom.has(next.keyId) || !holds(next, current)) continue;
      cameFrom.set(next.keyId, current);
      queue.push(next);
    }
  }
  return null;
}
