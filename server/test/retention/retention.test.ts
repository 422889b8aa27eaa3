// Retention over a real server's data dir: closed cases lose their blob files and gain a signed
// tombstone; everything else is untouched; verification, export and the offline verifier still pass.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySignature } from '../../src/ledger/signing-key.ts';
import { canonicalJson } from '../../src/ledger/canonical-json.ts';
import { verifyBundle } from '../../src/verifier/check-bundle.ts';
import { flatJpeg } from '../evidence/fixtures.ts';
import { startHarness, type Client, type Harness } from '../http/harness.ts';
import { blobFile, caseWithPhotos, DAY_MS, decide, retention } from './support.ts';

let h: Harness;
let admin: Client;
let closed: { caseId: string; evidence: any[] };
let recent: { caseId: string; evidence: any[] };
let open: { caseId: string; evidence: any[] };
let shared: Buffer;
const at = (days: number) => new Date(Date.now() + days * DAY_MS);

beforeAll(async () => {
  h = await startHarness();
  admin = h.client();
  await admin.login();
  shared = await flatJpeg(320, 240, '#336699');
  closed = await caseWithPhotos(admin, 'Closed long ago', [await flatJpeg(320, 240, '#aa2211'), shared]);
  open = await caseWithPhotos(admin, 'No outcome yet', [shared]);
  await decide(admin, closed.caseId);
  h.advance(30 * DAY_MS);
  await admin.login();
  recent = await caseWithPhotos(admin, 'Decided recently', [await flatJpeg(320, 240, '#11aa22')]);
  await decide(admin, recent.caseId);
});
afterAll(() => h.close());

const ledgerOf = async (caseId: string) => (await admin.json(`/api/cases/${caseId}/ledger`)).body.entries as any[];
const verify = async (caseId: string) => (await admin.json(`/api/cases/${caseId}/verify`)).body;
const namedBlobs = (entries: any[]): string[] => [...new Set(entries.flatMap((e) => e.blobs as string[]))];

describe('retention', () => {
  it('a dry run reports what it would purge and changes nothing', async () => {
    const before = await ledgerOf(closed.caseId);
    const result = await retention(h, { olderThanDays: 30, now: at(31), dryRun: true });
    expect(result.cases.map((c) => c.caseId)).toEqual([closed.caseId]);
    expect(result.cases[0]!.tombstoneSeq).toBeNull();
    expect(result.deletedBlobs.length).toBeGreaterThan(0);
    expect(result.bytes).toBeGreaterThan(0);
    expect(await ledgerOf(closed.caseId)).toEqual(before);
    for (const sha256 of namedBlobs(before)) expect(fs.existsSync(blobFile(h, sha256))).toBe(true);
  });

  it('purges a closed case: files gone, one signed tombstone, verify still ok', async () => {
    const before = await ledgerOf(closed.caseId);
    const named = namedBlobs(before);
    const result = await retention(h, { olderThanDays: 30, now: at(31) });
    expect(result.cases).toHaveLength(1);
    expect(result.cases[0]).toMatchObject({ caseId: closed.caseId, tombstoneSeq: before.length + 1 });

    const after = await ledgerOf(closed.caseId);
    const tombstone = after.at(-1);
    expect(tombstone).toMatchObject({ type: 'retention.purged', blobs: [], actor: { type: 'system', id: 'retention' } });
    expect(tombstone.payload).toMatchObject({ reason: 'retention', olderThanDays: 30 });
    expect([...tombstone.payload.purgedBlobs].sort()).toEqual([...named].sort());
    const publicKeyPem = await (await admin.fetch('/.well-known/sightline-ledger-key.pem')).text();
    const { hash, signature, ...unsigned } = tombstone;
    expect(crypto.createHash('sha256').update(canonicalJson(unsigned)).digest('hex')).toBe(hash);
    expect(verifySignature(publicKeyPem, canonicalJson(unsigned), signature)).toBe(true);

    // The shared photo (and its renditions, made from the same bytes) is kept for the open case.
    const keptForOpen = new Set(namedBlobs(await ledgerOf(open.caseId)));
    for (const sha256 of named) expect(fs.existsSync(blobFile(h, sha256))).toBe(keptForOpen.has(sha256));
    expect(result.sharedBlobs).toBe(named.filter((s) => keptForOpen.has(s)).length);
    expect(result.deletedBlobs.length).toBe(named.length - result.sharedBlobs);

    expect(await verify(closed.caseId)).toMatchObject({ ok: true, firstBroken: null });
    expect(await verify(open.caseId)).toMatchObject({ ok: true });
  });

  it('leaves a recent outcome and a case without one untouched; a second run purges nothing new', async () => {
    const recentBefore = await ledgerOf(recent.caseId);
    const openBefore = await ledgerOf(open.caseId);
    const closedBefore = await ledgerOf(closed.caseId);
    const again = await retention(h, { olderThanDays: 30, now: at(31) });
    expect(again.cases).toEqual([]);
    expect(again.deletedBlobs).toEqual([]);
    expect(await ledgerOf(recent.caseId)).toEqual(recentBefore);
    expect(await ledgerOf(open.caseId)).toEqual(openBefore);
    expect(await ledgerOf(closed.caseId)).toEqual(closedBefore);
    for (const sha256 of namedBlobs(recentBefore)) expect(fs.existsSync(blobFile(h, sha256))).toBe(true);
  });

  it('keeps listing purged evidence, and its renditions answer 410', async () => {
    const detail = (await admin.json(`/api/cases/${closed.caseId}`)).body;
    expect(detail.evidence).toHaveLength(2);
    expect(detail.evidence.every((ev: any) => ev.purged === true)).toBe(true);
    const gone = await admin.json(detail.evidence[0].originalUrl);
    expect(gone.status).toBe(410);
    expect(gone.body.error.code).toBe('evidence_purged');
    const kept = (await admin.json(`/api/cases/${open.caseId}`)).body.evidence[0];
    expect(kept.purged).toBe(false);
    expect((await admin.fetch(kept.originalUrl)).status).toBe(200);
  });

  it('exports a purged case without its files, and the offline verifier accepts the bundle', async () => {
    const res = await admin.fetch(`/api/cases/${closed.caseId}/export`);
    expect(res.status).toBe(200);
    const report = await verifyBundle(Buffer.from(await res.arrayBuffer()));
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.blobs).toBe(0);
    // The PDF report still renders, with the photos listed.
    expect((await admin.fetch(`/api/cases/${closed.caseId}/report`)).status).toBe(200);
  });

  it('purges the recent case once its outcome is old enough, and a blob deleted by hand still fails verify', async () => {
    const result = await retention(h, { olderThanDays: 30, now: at(61) });
    expect(result.cases.map((c) => c.caseId)).toEqual([recent.caseId]);
    expect(await verify(recent.caseId)).toMatchObject({ ok: true });

    const victim = open.evidence[0].sha256 as string;
    fs.rmSync(blobFile(h, victim));
    const broken = await verify(open.caseId);
    expect(broken.ok).toBe(false);
    expect(broken.firstBroken).toMatchObject({ blob: victim, reason: 'blob is missing' });
    expect((await admin.fetch(`/api/cases/${open.caseId}/export`)).status).toBe(409);
  });
});
