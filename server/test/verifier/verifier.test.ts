// Targeted tampering the random properties rarely hit (same value, other bytes), and what the
// verifier reports for keys, manifests, missing and unnamed blobs.
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyBundle, type Trust } from '../../src/verifier/check-bundle.ts';
import { formatReport } from '../../src/verifier/report.ts';
import { BUNDLE_FORMAT_1 } from '../../../protocol/bundle.ts';
import { ledgerLines, makeBundle, makeKey, withLedger, zip, type ZipFile } from './bundle-builder.ts';

const key = makeKey();
const blobs = [Buffer.from('original photo bytes'), Buffer.from('preview bytes'), Buffer.from('a recording')];
const bundle = makeBundle([
  { type: 'case.created', payload: { title: 'Flood' }, blobs: [] },
  { type: 'evidence.added', payload: { kind: 'photo', note: 'control \u001f char', size: 20 }, blobs: [0, 1] },
  { type: 'chat.line', payload: { text: 'hello' }, blobs: [] },
  { type: 'recording.sealed', payload: { chunks: 1 }, blobs: [2] },
], blobs, key);

const check = async (files: ZipFile[], trust: Trust = { publicKeyPem: key.publicKeyPem }) => verifyBundle(await zip(files), trust);
const replaceFile = (path: string, bytes: Buffer): ZipFile[] => bundle.files.map((f) => (f.path === path ? { path, bytes } : f));
const replaceLine = (line: number, edit: (text: string) => string): ZipFile[] => {
  const lines = ledgerLines(bundle.files);
  lines[line - 1] = Buffer.from(edit(lines[line - 1]!.toString('utf8')), 'utf8');
  return withLedger(bundle.files, lines);
};
const sha256 = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');

describe('verifier', () => {
  it('verifies an untouched bundle and summarises it', async () => {
    const report = await check(bundle.files);
    expect(report).toMatchObject({ ok: true, caseId: 'case_test', entries: 4, blobs: 3, keyId: key.keyId, headHash: bundle.entries[3]!.hash });
    expect(formatReport(report)).toMatch(/^VERIFIED: case case_test — 4 ledger entries \(seq 1–4\), 3 blobs/);
  });

  it('refuses another spelling of the same signature bytes (the spare bits of the last base64url digit)', async () => {
    const files = replaceLine(3, (text) => {
      const entry = JSON.parse(text);
      const last = entry.signature.at(-1);
      const digits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
      entry.signature = entry.signature.slice(0, -1) + digits[digits.indexOf(last) ^ 1];
      expect(Buffer.from(entry.signature, 'base64url')).toEqual(Buffer.from(JSON.parse(text).signature, 'base64url'));
      return `${JSON.stringify(entry)}\n`;
    });
    const report = await check(files);
    expect(report.problems[0]).toMatchObject({ place: { kind: 'entry', line: 3, seq: 3, type: 'chat.line' }, message: expect.stringMatching(/signature/) });
  });

  it('refuses a line whose bytes changed but whose JSON value did not', async () => {
    const report = await check(replaceLine(2, (text) => text.replace('\\u001f', '\\u001F')));
    expect(report.problems[0]).toMatchObject({ place: { kind: 'entry', line: 2, seq: 2 }, message: expect.stringMatching(/byte-for-byte/) });
  });

  it('refuses a field the hash does not cover', async () => {
    const report = await check(replaceLine(3, (text) => `${JSON.stringify({ ...JSON.parse(text), note: 'added later' })}\n`));
    expect(report.problems[0]).toMatchObject({ place: { kind: 'entry', line: 3, seq: 3, type: 'chat.line' }, message: expect.stringContaining('"note"') });
  });

  it('names a missing blob and the entry that names it', async () => {
    const photo = `blobs/${sha256(blobs[0]!)}`;
    const report = await check(bundle.files.filter((f) => f.path !== photo));
    expect(report.problems[0]).toEqual({ place: { kind: 'file', path: photo }, message: 'is missing: ledger entry seq 2 (evidence.added) names it' });
  });

  it('names an intact blob that no entry names', async () => {
    const stray = Buffer.from('not evidence');
    const path = `blobs/${sha256(stray)}`;
    const report = await check([...bundle.files, { path, bytes: stray }]);
    expect(report.problems).toEqual([{ place: { kind: 'file', path }, message: 'is not named by any ledger entry: a file was added' }]);
  });

  it('holds a readable copy of each photo beside its blob, and checks the copy against the ledger', async () => {
    const [photo, preview] = blobs.map((b) => sha256(b));
    const copy = `photos/001-${photo!.slice(0, 12)}.bin`;
    expect(bundle.files.map((f) => f.path)).toEqual(expect.arrayContaining([`blobs/${photo}`, `blobs/${preview}`, copy]));
    expect(bundle.files.find((f) => f.path === copy)!.bytes).toEqual(blobs[0]);
    // The copy missing, altered, or moved to another number: each is named.
    expect((await check(bundle.files.filter((f) => f.path !== copy))).problems[0]).toEqual({
      place: { kind: 'file', path: copy }, message: 'is missing: the readable copy of the photo of ledger entry seq 2',
    });
    expect((await check(replaceFile(copy, Buffer.from('other photo bytes')))).problems[0]).toMatchObject({
      place: { kind: 'file', path: copy }, message: expect.stringMatching(/^was altered: .* of the photo ledger entry seq 2 names$/),
    });
    const moved = `photos/002-${photo!.slice(0, 12)}.bin`;
    const movedReport = await check(bundle.files.map((f) => (f.path === copy ? { ...f, path: moved } : f)));
    expect(movedReport.problems.map((p) => p.place)).toEqual(expect.arrayContaining([{ kind: 'file', path: copy }, { kind: 'file', path: moved }]));
    // Two photos' bytes swapped under their names: each is found altered at its name.
    const other = makeBundle([
      { type: 'evidence.added', payload: { mime: 'image/jpeg' }, blobs: [0] },
      { type: 'evidence.added', payload: { mime: 'image/png' }, blobs: [1] },
    ], [Buffer.from('first photo'), Buffer.from('second photo')], key);
    const [first, second] = other.files.filter((f) => f.path.startsWith('photos/'));
    expect([first!.path, second!.path]).toEqual([expect.stringMatching(/^photos\/001-[0-9a-f]{12}\.jpg$/), expect.stringMatching(/^photos\/002-[0-9a-f]{12}\.png$/)]);
    const swapped = other.files.map((f) => (f === first ? { ...f, bytes: second!.bytes } : f === second ? { ...f, bytes: first!.bytes } : f));
    const swappedProblems = (await check(swapped)).problems;
    expect(swappedProblems.slice(0, 2).map((p) => [p.place, p.message])).toEqual([
      [{ kind: 'file', path: first!.path }, expect.stringMatching(/was altered/)],
      [{ kind: 'file', path: second!.path }, expect.stringMatching(/was altered/)],
    ]);
    // (and, as the two differ in length, each is not of the size the manifest gives)
    for (const problem of swappedProblems.slice(2)) expect([first!.path, second!.path]).toContain((problem.place as { path: string }).path);
  });

  it('still verifies a bundle of format 1, where every blob is named by its hash', async () => {
    const old = makeBundle([
      { type: 'evidence.added', payload: { mime: 'image/jpeg' }, blobs: [0, 1] },
      { type: 'chat.line', payload: { text: 'hello' }, blobs: [] },
    ], blobs.slice(0, 2), key, 'case_old', BUNDLE_FORMAT_1);
    expect(old.files.filter((f) => f.path.includes('/')).map((f) => f.path)).toEqual(blobs.slice(0, 2).map((b) => `blobs/${sha256(b)}`));
    expect(JSON.parse(old.files.find((f) => f.path === 'manifest.json')!.bytes.toString('utf8'))).not.toHaveProperty('photos');
    const report = await check(old.files);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('names an altered README and an altered manifest', async () => {
    const readme = bundle.files.find((f) => f.path === 'README.txt')!;
    const readmeReport = await check(replaceFile('README.txt', Buffer.concat([readme.bytes, Buffer.from('Trust me.\n')])));
    expect(readmeReport.problems).toEqual([{ place: { kind: 'file', path: 'README.txt' }, message: expect.stringMatching(/altered/) }]);
    const manifest = bundle.files.find((f) => f.path === 'manifest.json')!;
    const retitled = Buffer.from(manifest.bytes.toString('utf8').replace('"Property test"', '"Other case"'), 'utf8');
    const manifestReport = await check(replaceFile('manifest.json', retitled));
    expect(manifestReport.problems).toEqual([{ place: { kind: 'file', path: 'manifest.json' }, message: expect.stringMatching(/signature/) }]);
  });

  it('finds entries cut off the end even when the manifest is re-signed — by the key check', async () => {
    const forger = makeKey();
    const cut = makeBundle([
      { type: 'case.created', payload: { title: 'Flood' }, blobs: [] },
    ], blobs, forger);
    const report = await check(cut.files);
    expect(report.problems[0]).toMatchObject({ place: { kind: 'file', path: 'public-key.pem' }, message: expect.stringContaining(`not with the key you trust (key id ${key.keyId}`) });
    const selfChecked = await verifyBundle(await zip(cut.files));
    expect(selfChecked.ok).toBe(true);
    expect(formatReport(selfChecked)).toContain('taken from the bundle itself');
  });

  it('checks a trusted key id as well as a trusted key file', async () => {
    expect((await check(bundle.files, { keyId: key.keyId })).ok).toBe(true);
    const wrong = await verifyBundle(await zip(bundle.files), { keyId: '0123456789abcdef' });
    expect(wrong.problems[0]!.place).toEqual({ kind: 'file', path: 'public-key.pem' });
  });

  it('reports a missing file of the format', async () => {
    const report = await check(bundle.files.filter((f) => f.path !== 'public-key.pem'));
    expect(report.problems[0]).toEqual({ place: { kind: 'file', path: 'public-key.pem' }, message: 'is missing from the bundle' });
  });
});
