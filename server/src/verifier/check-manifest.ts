// The bundle's key and manifest: the key must be a well-formed Ed25519 key, the same one the manifest
// names and (when the auditor gives one) the one they trust; the manifest must be byte-exact and signed.
import crypto from 'node:crypto';
import { publicKeyInfo, verifySignature } from '../ledger/signing-key.ts';
import { BUNDLE_FORMAT, MANIFEST_FILE, PUBLIC_KEY_FILE, manifestText, signedManifest, type BundleManifest } from '../../../protocol/bundle.ts';
import { canonicalJson } from '../ledger/canonical-json.ts';
import { fileProblem, type Problem } from './report.ts';
import { parseManifest, readJson, readText } from './shape.ts';

/** The key an auditor trusts, from `--key <pem file>` and/or `--key-id <id>`. */
export interface Trust {
  publicKeyPem?: string;
  keyId?: string;
  /** How the auditor gave it, for the report (e.g. the file name). */
  label?: string;
}

export function readManifest(bytes: Buffer | null, problems: Problem[]): BundleManifest | null {
  if (!bytes) return null;
  const json = readJson(bytes);
  if (!json.ok) {
    problems.push(fileProblem(MANIFEST_FILE, json.fault));
    return null;
  }
  const parsed = parseManifest(json.value.value);
  if (!parsed.ok) {
    problems.push(fileProblem(MANIFEST_FILE, parsed.fault));
    return null;
  }
  if (manifestText(parsed.value) !== json.value.text) {
    problems.push(fileProblem(MANIFEST_FILE, 'is not byte-for-byte as exported (reformatted or altered)'));
  }
  return parsed.value;
}

export interface KeyCheck {
  /** The PEM to check signatures with; null when the bundle has no usable key. */
  publicKeyPem: string | null;
  keyId: string | null;
}

export function checkKey(keyFile: Buffer | null, manifest: BundleManifest | null, trust: Trust, problems: Problem[]): KeyCheck {
  const read = keyFile ? readText(keyFile) : null;
  if (read && !read.ok) {
    problems.push(fileProblem(PUBLIC_KEY_FILE, read.fault));
    return { publicKeyPem: null, keyId: null };
  }
  const pem = read ? read.value : (manifest?.ledgerKey.publicKeyPem ?? null);
  if (pem === null) return { publicKeyPem: null, keyId: null };
  const key = ed25519Key(pem);
  if (!key) {
    problems.push(fileProblem(PUBLIC_KEY_FILE, 'is not an Ed25519 public key in PEM form'));
    return { publicKeyPem: null, keyId: null };
  }
  const { keyId } = publicKeyInfo(key);
  if (manifest && manifest.ledgerKey.publicKeyPem !== pem) {
    problems.push(fileProblem(PUBLIC_KEY_FILE, `is not the key manifest.json names (key id ${manifest.ledgerKey.keyId})`));
  }
  if (manifest && manifest.ledgerKey.keyId !== keyId) {
    problems.push(fileProblem(MANIFEST_FILE, `gives key id ${manifest.ledgerKey.keyId}, but the bundle's key has id ${keyId}`));
  }
  const trusted = trust.publicKeyPem !== undefined ? ed25519Key(trust.publicKeyPem) : null;
  if (trust.publicKeyPem !== undefined && !trusted) throw new TypeError('the trusted key is not an Ed25519 public key in PEM form');
  // Format 3: the trusted key may also be an earlier key that endorses its way to this one (check-keys.ts).
  if (manifest?.format === BUNDLE_FORMAT) return { publicKeyPem: pem, keyId };
  const trustedId = trusted ? publicKeyInfo(trusted).keyId : null;
  for (const wanted of [trustedId, trust.keyId?.toLowerCase() ?? null]) {
    if (wanted !== null && wanted !== keyId) {
      problems.push(fileProblem(PUBLIC_KEY_FILE, `the bundle is signed with key id ${keyId}, not with the key you trust (key id ${wanted}${trust.label ? `, ${trust.label}` : ''})`));
      break;
    }
  }
  return { publicKeyPem: pem, keyId };
}

export function checkManifestSignature(manifest: BundleManifest, publicKeyPem: string, problems: Problem[]): void {
  if (!verifySignature(publicKeyPem, canonicalJson(signedManifest(manifest)), manifest.signature)) {
    problems.push(fileProblem(MANIFEST_FILE, 'its signature does not verify with the ledger key: the manifest was altered'));
  }
}

/** The key id of an Ed25519 public key in PEM form, or null when it is not one. */
export function ed25519KeyId(pem: string): string | null {
  const key = ed25519Key(pem);
  return key ? publicKeyInfo(key).keyId : null;
}

function ed25519Key(pem: string): crypto.KeyObject | null {
  try {
    const key = crypto.createPublicKey(pem);
    return key.asymmetricKeyType === 'ed25519' ? key : null;
  } catch {
    return null;
  }
}
