// The server's Ed25519 ledger key: created on first start, kept in the data dir readable by the
// owner only. Its public half is what an auditor needs to check every entry.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { LedgerKey } from '../../../protocol/http.ts';

export interface LedgerSigner {
  key: LedgerKey;
  sign(bytes: string): string;
}

/** A signer over an Ed25519 private key in PEM (PKCS#8); `where` names its source in the error. */
export function signerFromPem(pem: string, where: string): LedgerSigner {
  let privateKey: crypto.KeyObject;
  try {
    privateKey = crypto.createPrivateKey(pem);
  } catch {
    throw new Error(`${where} is not a PEM private key (make one with: openssl genpkey -algorithm ed25519)`);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`${where} is not an Ed25519 private key (make one with: openssl genpkey -algorithm ed25519)`);
  return signerOf(privateKey);
}

/** A new Ed25519 private key in PEM (PKCS#8). */
export function newSigningKeyPem(): string {
  return crypto.generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

function signerOf(privateKey: crypto.KeyObject): LedgerSigner {
  const publicKey = crypto.createPublicKey(privateKey);
  return {
    key: publicKeyInfo(publicKey),
    sign: (bytes) => crypto.sign(null, Buffer.from(bytes, 'utf8'), privateKey).toString('base64url'),
  };
}

/** The ledger key's file in the data dir (SQLite, no SIGHTLINE_LEDGER_KEY_FILE). */
export const LEDGER_KEY_FILE = 'ledger-signing-key.pem';

export function loadOrCreateSigner(dataDir: string): LedgerSigner {
  const file = path.join(dataDir, LEDGER_KEY_FILE);
  let privateKey: crypto.KeyObject;
  if (fs.existsSync(file)) {
    privateKey = crypto.createPrivateKey(fs.readFileSync(file, 'utf8'));
    if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`${file} is not an Ed25519 private key`);
  } else {
    privateKey = crypto.generateKeyPairSync('ed25519').privateKey;
    const temp = `${file}.tmp`;
    fs.writeFileSync(temp, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    fs.renameSync(temp, file);
  }
  fs.chmodSync(file, 0o600);
  return signerOf(privateKey);
}

export function publicKeyInfo(publicKey: crypto.KeyObject): LedgerKey {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return {
    algorithm: 'Ed25519',
    keyId: crypto.createHash('sha256').update(der).digest('hex').slice(0, 16),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/**
 * Checks one signature against a PEM public key; false (never a throw) for anything malformed. The
 * signature text must be the one canonical base64url form of its bytes: Node's decoder skips stray
 * characters and ignores the spare low bits of the last one, so another spelling of the same bytes
 * would otherwise pass as an unaltered entry.
 */
export function verifySignature(publicKeyPem: string, bytes: string, signature: string): boolean {
  const raw = Buffer.from(signature, 'base64url');
  if (raw.toString('base64url') !== signature) return false;
  try {
    return crypto.verify(null, Buffer.from(bytes, 'utf8'), crypto.createPublicKey(publicKeyPem), raw);
  } catch {
    return false;
  }
}
