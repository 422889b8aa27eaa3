// Format 3's ledger keys: each a well-formed Ed25519 key under its own id; each endorsement the
// endorser's valid signature; every key linked to the manifest's signing key by endorsement; the key
// the auditor trusts either the signing key or one from which endorsements reach it. Each entry is
// then checked with the key it names (one that names none: the oldest key).
import type { KeyringKey } from '../../../protocol/http.ts';
import { MANIFEST_FILE, PUBLIC_KEY_FILE, type BundleManifest } from '../../../protocol/bundle.ts';
import type { SignatureCheck } from '../ledger/chain.ts';
import { endorsementHolds, endorsementPath, keyringCheck } from '../ledger/key-trust.ts';
import { ed25519KeyId, type Trust } from './check-manifest.ts';
import { fileProblem, type KeyLine, type Problem } from './report.ts';

export interface KeysCheck {
  check: SignatureCheck;
  keys: KeyLine[];
}

export function checkLedgerKeys(manifest: BundleManifest, listed: readonly KeyringKey[], trust: Trust, problems: Problem[]): KeysCheck {
  const problem = (message: string): void => {
    problems.push(fileProblem(MANIFEST_FILE, message));
  };
  const signer = manifest.ledgerKey.keyId;
  const usable: KeyringKey[] = [];
  for (const key of listed) {
    const id = ed25519KeyId(key.publicKeyPem);
    if (usable.some((other) => other.keyId === key.keyId)) problem(`lists ledger key ${key.keyId} more than once`);
    else if (id === null) problem(`lists ledger key ${key.keyId} with a publicKeyPem that is not an Ed25519 public key in PEM form`);
    else if (id !== key.keyId) problem(`lists ledger key ${key.keyId}, but its public key has id ${id}`);
    else usable.push(key);
  }
  const byId = new Map(usable.map((key) => [key.keyId, key]));
  const signing = byId.get(signer);
  if (!signing) problem(`its ledgerKeys do not list the key that signs the manifest (${signer})`);
  else if (signing.publicKeyPem !== manifest.ledgerKey.publicKeyPem) problem(`its ledgerKeys give key ${signer} another public key than its ledgerKey`);

  const holds = (key: KeyringKey, endorser: KeyringKey): boolean => endorsementHolds(key, endorser);
  for (const key of usable) {
    if (key.endorsedBy === null) continue;
    const endorser = byId.get(key.endorsedBy);
    if (!endorser) problem(`ledger key ${key.keyId} is endorsed by key ${key.endorsedBy}, which its ledgerKeys do not list`);
    else if (!holds(key, endorser)) problem(`the endorsement of ledger key ${key.keyId} by key ${key.endorsedBy} does not verify: the key list was altered`);
  }
  const pathOf = (from: string): KeyringKey[] | null => endorsementPath(usable, from, signer, holds);
  for (const key of usable) {
    if (!pathOf(key.keyId)) problem(`ledger key ${key.keyId} is linked to the signing key ${signer} by no chain of endorsements`);
  }

  // The key the auditor trusts: the signing key, or one whose endorsements reach it.
  const wanted = [trust.publicKeyPem !== undefined ? ed25519KeyId(trust.publicKeyPem) : null, trust.keyId?.toLowerCase() ?? null];
  let trustedPath: KeyringKey[] | null = null;
  for (const id of wanted) {
    if (id === null || id === signer) continue;
    const via = byId.has(id) ? pathOf(id) : null;
    if (via) {
      trustedPath = via;
      continue;
    }
    problems.push(fileProblem(PUBLIC_KEY_FILE, byId.has(id)
      ? `the bundle is signed with key id ${signer}, and no chain of endorsements links the key you trust (key id ${id}${trust.label ? `, ${trust.label}` : ''}) to it`
      : `the bundle is signed with key id ${signer}, not with the key you trust (key id ${id}${trust.label ? `, ${trust.label}` : ''}), which is not among its ledgerKeys either`));
    break;
  }
  return { check: keyringCheck(usable, 'the manifest\'s ledgerKeys'), keys: describeKeys(usable, signer, trustedPath, pathOf) };
}

function describeKeys(keys: readonly KeyringKey[], signer: string, trustedPath: readonly KeyringKey[] | null, pathOf: (from: string) => KeyringKey[] | null): KeyLine[] {
  const chain = (path: readonly KeyringKey[]): string => path.map((key) => key.keyId).join(' → ');
  return keys.map((key) => {
    const path = pathOf(key.keyId);
    let how: string;
    if (key.keyId === signer) how = 'signs the manifest (public-key.pem)';
    else if (trustedPath?.[0]?.keyId === key.keyId) how = `the key you trust; its endorsements reach the signing key: ${chain(trustedPath)}`;
    else if (path) how = `endorsed on to the signing key: ${chain(path)}`;
    else how = 'NOT linked to the signing key by endorsement';
    return { keyId: key.keyId, createdAt: key.createdAt, how };
  });
}
