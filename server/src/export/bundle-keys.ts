// Which keyring keys a bundle lists (format 3): every key that signed one of its entries (the oldest
// key for entries that name none) and the keys that link each to the manifest's signing key by
// endorsement, the signing key included. Pure; the exporter reads the keyring once.
import type { KeyringKey, LedgerEntry } from '../../../protocol/http.ts';
import { endorsementPath, legacyKey } from '../ledger/key-trust.ts';

export function bundleKeys(keyring: readonly KeyringKey[], entries: readonly LedgerEntry[], signingKeyId: string): KeyringKey[] {
  const signers = new Set<string>([signingKeyId]);
  const legacy = legacyKey(keyring);
  for (const entry of entries) {
    const keyId = entry.keyId ?? legacy?.keyId;
    if (keyId !== undefined) signers.add(keyId);
  }
  const wanted = new Set<string>();
  for (const keyId of signers) {
    // A key with no chain to the signer is listed all the same: the verifier then says what is wrong.
    const path = endorsementPath(keyring, keyId, signingKeyId);
    for (const key of path ?? keyring.filter((candidate) => candidate.keyId === keyId)) wanted.add(key.keyId);
  }
  return keyring.filter((key) => wanted.has(key.keyId));
}
