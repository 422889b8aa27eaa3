// Builds evidence bundles without a server: entries sealed with a throwaway Ed25519 key, the real
// bundle contents (manifest, README, ledger.jsonl), and a zip of any list of files — so a test can
// alter, drop, reorder or add a file or entry and zip the result.
import crypto from 'node:crypto';
import fc from 'fast-check';
import yazl from 'yazl';
import type { KeyringKey, LedgerEntry } from '../../../protocol/http.ts';
import { GENESIS_HASH, sealEntry } from '../../src/ledger/chain.ts';
import { publicKeyInfo } from '../../src/ledger/signing-key.ts';
import { bundleContents } from '../../src/export/bundle-contents.ts';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_1, BUNDLE_FORMAT_2, LEDGER_FILE, blobPath, photoNames, type BundleFormat } from '../../../protocol/bundle.ts';
import { blobsNamed } from '../../src/ledger/tombstones.ts';

export interface TestKey {
  publicKeyPem: string;
  keyId: string;
  sign: (bytes: string) => string;
}

/** The key as a keyring lists it: created at `createdAt`, endorsed by nothing. */
export const ringKey = (key: TestKey, createdAt = '2025-01-01T00:00:00.000Z'): KeyringKey =>
  ({ algorithm: 'Ed25519', keyId: key.keyId, publicKeyPem: key.publicKeyPem, createdAt, endorsedBy: null, endorsement: null });

export function makeKey(): TestKey {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
  const info = publicKeyInfo(publicKey);
  return { ...info, sign: (bytes) => crypto.sign(null, Buffer.from(bytes, 'utf8'), privateKey).toString('base64url') };
}

export interface ZipFile {
  path: string;
  bytes: Buffer;
}

export interface EntrySpec {
  type: string;
  payload: Record<string, unknown>;
  /** Indexes into the bundle's blob list. */
  blobs: number[];
}

export interface TestBundle {
  key: TestKey;
  entries: LedgerEntry[];
  /** The zip's files in order: README, manifest, key, ledger, then blobs, then (format 2) the photos' readable copies. */
  files: ZipFile[];
}

const sha256 = (bytes: Buffer): string => crypto.createHash('sha256').update(bytes).digest('hex');

/**
 * Format 3 (the default) names the key in every entry and lists it in `ledgerKeys`; `options` lets a
 * test sign each entry with another key and list other keys (a bundle across a rotation).
 */
export function makeBundle(
  specs: EntrySpec[], blobContents: Buffer[], key: TestKey = makeKey(), caseId = 'case_test', format: BundleFormat = BUNDLE_FORMAT,
  options: { signerOf?: (index: number) => { key: TestKey; named: boolean }; ledgerKeys?: KeyringKey[] } = {},
): TestBundle {
  const named3 = format !== BUNDLE_FORMAT_1 && format !== BUNDLE_FORMAT_2;
  const shas = blobContents.map(sha256);
  const entries: LedgerEntry[] = [];
  for (const [index, spec] of specs.entries()) {
    // named false: an entry from before entries named their key.
    const signer = options.signerOf ? options.signerOf(index) : { key, named: named3 };
    entries.push(sealEntry({
      caseId,
      seq: index + 1,
      at: new Date(Date.UTC(2026, 0, 1, 9, 0, index)).toISOString(),
      actor: { type: 'assessor', id: 'usr_test' },
      type: spec.type,
      payload: spec.payload,
      blobs: spec.blobs.map((i) => shas[i % shas.length]!).filter((sha, i, all) => all.indexOf(sha) === i),
      prevHash: entries.at(-1)?.hash ?? GENESIS_HASH,
      ...(signer.named ? { keyId: signer.key.keyId } : {}),
    }, signer.key.sign));
  }
  const bytesOf = new Map(shas.map((sha, i) => [sha, blobContents[i]!]));
  const named = blobsNamed(entries);
  const photos = format === BUNDLE_FORMAT_1 ? [] : photoNames(entries, new Set(named)).map((photo) => ({ ...photo, size: bytesOf.get(photo.sha256)!.length }));
  const { files } = bundleContents({
    format,
    photos,
    case: { id: caseId, kind: 'damage', title: 'Property test', createdAt: entries[0]!.at },
    entries,
    blobs: named.map((sha) => ({ path: blobPath(sha), sha256: sha, size: bytesOf.get(sha)!.length })),
    ledgerKey: { algorithm: 'Ed25519', keyId: key.keyId, publicKeyPem: key.publicKeyPem },
    ...(named3 ? { ledgerKeys: options.ledgerKeys ?? [ringKey(key)] } : {}),
    sign: key.sign,
    exportedAt: new Date(Date.UTC(2026, 0, 2)),
  });
  return {
    key,
    entries,
    files: [
      ...files,
      ...named.map((sha) => ({ path: blobPath(sha), bytes: bytesOf.get(sha)! })),
      ...photos.map((photo) => ({ path: photo.path, bytes: bytesOf.get(photo.sha256)! })),
    ],
  };
}

export function zip(files: readonly ZipFile[]): Promise<Buffer> {
  const archive = new yazl.ZipFile();
  for (const file of files) archive.addBuffer(file.bytes, file.path, { compress: false, mtime: new Date(Date.UTC(2026, 0, 2)) });
  archive.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    archive.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    archive.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    archive.outputStream.on('error', reject);
  });
}

/** The lines of ledger.jsonl, each with its newline. */
export function ledgerLines(files: readonly ZipFile[]): Buffer[] {
  const ledger = files.find((f) => f.path === LEDGER_FILE)!.bytes;
  const lines: Buffer[] = [];
  for (let start = 0; start < ledger.length;) {
    const end = ledger.indexOf(0x0a, start) + 1;
    lines.push(ledger.subarray(start, end));
    start = end;
  }
  return lines;
}

export function withLedger(files: readonly ZipFile[], lines: readonly Buffer[]): ZipFile[] {
  return files.map((f) => (f.path === LEDGER_FILE ? { path: f.path, bytes: Buffer.concat(lines) } : f));
}

export function withByte(bytes: Buffer, offset: number, value: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[offset] = value;
  return copy;
}

const ENTRY_TYPES = ['evidence.added', 'chat.line', 'outcome.recorded', 'customer.joined', 'recording.chunk'];

/** A random ledger: 1–8 entries with JSON payloads of any text and numbers, naming 0–3 of 1–5 random blobs. */
export const arbitraryLedger = fc.record({
  blobs: fc.array(fc.uint8Array({ minLength: 1, maxLength: 300 }), { minLength: 1, maxLength: 5 }),
  entries: fc.array(
    fc.record({
      type: fc.constantFrom(...ENTRY_TYPES),
      payload: fc.dictionary(fc.string({ unit: 'binary', maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
      blobs: fc.array(fc.nat(10), { maxLength: 3 }),
    }),
    { minLength: 1, maxLength: 8 },
  ),
});
