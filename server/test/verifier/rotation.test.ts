// Format 3 across a key rotation: entries signed by an old key (some from before entries named their
// key) and by the new one, the keys linked by endorsement. What verifies, with which trusted key, and
// what each kind of tampering with the keys is reported as.
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { KeyringKey, LedgerEntry } from '../../../protocol/http.ts';
import { entryBytes } from '../../src/ledger/chain.ts';
import { endorsementBytes } from '../../src/ledger/key-trust.ts';
import { verifyBundle, type Trust } from '../../src/verifier/check-bundle.ts';
import { formatReport } from '../../src/verifier/report.ts';
import { BUNDLE_FORMAT_2 } from '../../../protocol/bundle.ts';
import { ledgerLines, makeBundle, makeKey, ringKey, withLedger, zip, type EntrySpec, type TestKey, type ZipFile } from './bundle-builder.ts';

const old = makeKey();
const current = makeKey();
const endorse = (key: TestKey, by: TestKey, createdAt: string): KeyringKey => {
  const unsigned = ringKey(key, createdAt);
  return { ...unsigned, endorsedBy: by.keyId, endorsement: by.sign(endorsementBytes(unsigned)) };
};
const oldRing = ringKey(old, '2025-01-01T00:00:00.000Z');
const currentRing = endorse(current, old, '2026-01-01T00:00:00.000Z');

const specs: EntrySpec[] = [
  { type: 'case.created', payload: { title: 'Rotation' }, blobs: [] },
  { type: 'chat.line', payload: { text: 'before key ids' }, blobs: [] },
  { type: 'chat.line', payload: { text: 'old key, named' }, blobs: [] },
  { type: 'evidence.added', payload: { mime: 'image/jpeg' }, blobs: [0] },
];
const blobs = [Buffer.from('photo bytes')];
// Entries 1-2 from before key ids (the old key), 3 named by the old key, 4 by the new.
const signerOf = (index: number) => (index < 2 ? { key: old, named: false } : { key: index < 3 ? old : current, named: true });
const build = (ledgerKeys: KeyringKey[] = [oldRing, currentRing], signer = signerOf) => makeBundle(specs, blobs, current, 'case_rot', undefined, { signerOf: signer, ledgerKeys });
const bundle = build();

const check = async (files: ZipFile[], trust: Trust) => verifyBundle(await zip(files), trust);
const messages = (report: Awaited<ReturnType<typeof verifyBundle>>) => report.problems.map((p) => p.message);

describe('format 3 across a rotation', () => {
  it('verifies trusting the new key, the old key, or the old key as a PEM file', async () => {
    for (const trust of [{ keyId: current.keyId }, { keyId: old.keyId }, { publicKeyPem: old.publicKeyPem, label: '--key old.pem' }]) {
      const report = await check(bundle.files, trust);
      expect(report.problems).toEqual([]);
      expect(report.ok).toBe(true);
    }
    const report = await check(bundle.files, { keyId: old.keyId, label: `--key-id ${old.keyId}` });
    expect(report.keys).toEqual([
      { keyId: old.keyId, createdAt: oldRing.createdAt, how: `the key you trust; its endorsements reach the signing key: ${old.keyId} → ${current.keyId}` },
      { keyId: current.keyId, createdAt: currentRing.createdAt, how: 'signs the manifest (public-key.pem)' },
    ]);
    expect(formatReport(report)).toContain('Ledger keys (each entry names the key that signed it):');
  });

  it('fails an entry whose keyId was swapped for the other key', async () => {
    const lines = ledgerLines(bundle.files);
    const entry = JSON.parse(lines[2]!.toString('utf8')) as LedgerEntry;
    lines[2] = Buffer.from(`${JSON.stringify({ ...entry, keyId: current.keyId })}\n`);
    const report = await check(withLedger(bundle.files, lines), { keyId: current.keyId });
    expect(report.ok).toBe(false);
    expect(report.problems[0]).toMatchObject({ place: { kind: 'entry', seq: 3 }, message: 'entry content does not match its hash' });
  });

  it('fails an entry re-hashed to name the other key: its signature is not that key\'s', async () => {
    const lines = ledgerLines(bundle.files);
    const { hash: _hash, signature, ...rest } = JSON.parse(lines[2]!.toString('utf8')) as LedgerEntry;
    const named = { ...rest, keyId: current.keyId };
    const hash = crypto.createHash('sha256').update(entryBytes(named)).digest('hex');
    // Keeps the chain: the next entry's prevHash is edited too, so only the signatures can tell.
    lines[2] = Buffer.from(`${JSON.stringify({ ...named, hash, signature })}\n`);
    const next = JSON.parse(lines[3]!.toString('utf8')) as LedgerEntry;
    lines[3] = Buffer.from(`${JSON.stringify({ ...next, prevHash: hash })}\n`);
    const report = await check(withLedger(bundle.files, lines), { keyId: current.keyId });
    expect(messages(report)).toContain(`signature does not verify with the ledger key ${current.keyId} it names`);
  });

  it('fails when ledgerKeys leaves out a key that signed entries', async () => {
    const report = await check(build([currentRing]).files, { keyId: current.keyId });
    expect(report.ok).toBe(false);
    expect(messages(report)).toContain(`ledger key ${current.keyId} is endorsed by key ${old.keyId}, which its ledgerKeys do not list`);
    expect(messages(report)).toContain(`signed by key ${old.keyId}, which is not in the manifest's ledgerKeys`);
    const pinned = await check(build([currentRing]).files, { keyId: old.keyId });
    expect(messages(pinned)).toContain(`the bundle is signed with key id ${current.keyId}, not with the key you trust (key id ${old.keyId}), which is not among its ledgerKeys either`);
  });

  it('fails a forged endorsement, and then does not trust the old key for the new one', async () => {
    const forger = makeKey();
    const forged = { ...currentRing, endorsement: forger.sign(endorsementBytes(currentRing)) };
    const report = await check(build([oldRing, forged]).files, { keyId: old.keyId });
    expect(report.ok).toBe(false);
    expect(messages(report)).toContain(`the endorsement of ledger key ${current.keyId} by key ${old.keyId} does not verify: the key list was altered`);
    expect(messages(report)).toContain(`ledger key ${old.keyId} is linked to the signing key ${current.keyId} by no chain of endorsements`);
    expect(messages(report)).toContain(`the bundle is signed with key id ${current.keyId}, and no chain of endorsements links the key you trust (key id ${old.keyId}) to it`);
  });

  it('still reads format 2: one key, entries that name none', async () => {
    const two = makeBundle(specs, blobs, old, 'case_two', BUNDLE_FORMAT_2);
    expect(two.entries.some((entry) => entry.keyId !== undefined)).toBe(false);
    const report = await check(two.files, { keyId: old.keyId });
    expect(report.problems).toEqual([]);
    expect(report.keys).toBeUndefined();
  });

  it('fails entries re-signed with a key the manifest does not list', async () => {
    const intruder = makeKey();
    const report = await check(build(undefined, (index) => (index === 3 ? { key: intruder, named: true } : signerOf(index))).files, { keyId: current.keyId });
    expect(report.ok).toBe(false);
    expect(report.problems[0]).toMatchObject({ place: { kind: 'entry', seq: 4 }, message: `signed by key ${intruder.keyId}, which is not in the manifest's ledgerKeys` });
  });

  it('fails a key replaced without an endorsement: no chain links the old key to the new', async () => {
    const report = await check(build([oldRing, ringKey(current, currentRing.createdAt)]).files, { keyId: current.keyId });
    expect(messages(report)).toEqual([`ledger key ${old.keyId} is linked to the signing key ${current.keyId} by no chain of endorsements`]);
  });

  it('fails a listed key whose id is not its public key\'s', async () => {
    const report = await check(build([{ ...oldRing, publicKeyPem: makeKey().publicKeyPem }, currentRing]).files, { keyId: current.keyId });
    expect(messages(report)[0]).toMatch(new RegExp(`^lists ledger key ${old.keyId}, but its public key has id [0-9a-f]{16}$`));
  });

  it('checks entries that name no key with the oldest key only', async () => {
    // An entry without keyId signed by the new key: the oldest key does not verify it.
    const report = await check(build(undefined, (index) => (index === 1 ? { key: current, named: false } : signerOf(index))).files, { keyId: current.keyId });
    expect(report.problems[0]).toMatchObject({ place: { kind: 'entry', seq: 2 }, message: `signature does not verify with the ledger key (an entry that names no key is checked with the oldest key, ${old.keyId})` });
  });
});
