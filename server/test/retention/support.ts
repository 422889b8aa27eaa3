// Shared steps for the correction and retention tests: cases with photos over HTTP, and a retention
// run against the harness's data dir (its own database connection, as the command opens one).
import path from 'node:path';
import { createLedgerStore } from '../../src/ledger/ledger-store.ts';
import { loadOrCreateSigner } from '../../src/ledger/signing-key.ts';
import { setLegalHold, type LegalHoldResult } from '../../src/retention/legal-hold.ts';
import { runRetention, type RetentionResult } from '../../src/retention/retention.ts';
import { createLocalBlobStore, type LegalHoldStatus } from '../../src/storage/blob-store.ts';
import { openDatabase } from '../../src/storage/database.ts';
import { openS3BlobStore } from '../../src/storage/s3-blob-store.ts';
import type { Client, Harness } from '../http/harness.ts';
import { startS3Server } from '../support/s3-server.ts';
import { startS3CaptureProxy } from '../storage/s3-capture-proxy.ts';

export const DAY_MS = 24 * 60 * 60 * 1000;

export function photoForm(file: Buffer): FormData {
  const body = new FormData();
  body.set('file', new Blob([new Uint8Array(file)], { type: 'image/jpeg' }), 'photo.jpg');
  return body;
}

export async function caseWithPhotos(admin: Client, title: string, photos: Buffer[]): Promise<{ caseId: string; evidence: any[] }> {
  const caseId = (await admin.json('/api/cases', { method: 'POST', json: { title } })).body.case.id as string;
  const evidence = [];
  for (const photo of photos) {
    const res = await admin.json(`/api/cases/${caseId}/evidence`, { method: 'POST', body: photoForm(photo) });
    if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${JSON.stringify(res.body)}`);
    evidence.push(res.body);
  }
  return { caseId, evidence };
}

export async function decide(admin: Client, caseId: string): Promise<void> {
  const res = await admin.json(`/api/cases/${caseId}/outcome`, { method: 'POST', json: { decision: 'approved', reason: 'Covered by the policy' } });
  if (res.status !== 201) throw new Error(`outcome failed: ${res.status} ${JSON.stringify(res.body)}`);
}

export async function retention(h: Harness, options: { olderThanDays: number; now: Date; dryRun?: boolean }): Promise<RetentionResult> {
  const db = await openDatabase(h.databaseUrl ? { kind: 'postgres', url: h.databaseUrl } : { kind: 'sqlite', file: path.join(h.dataDir, 'sightline.db') });
  try {
    const signer = loadOrCreateSigner(h.dataDir);
    const ledger = createLedgerStore(db, () => options.now, signer);
    const blobs = createLocalBlobStore(path.join(h.dataDir, 'blobs'));
    return await runRetention({ db, ledger, blobs }, { olderThanDays: options.olderThanDays, now: options.now, dryRun: options.dryRun ?? false });
  } finally {
    await db.close();
  }
}

/**
 * The legal-hold command's work on a harness whose blobs are on local disk: the holds go to an S3 store
 * that answers them as AWS does (s3rver behind the capture proxy) and the entry to the harness's ledger.
 */
export async function legalHold(h: Harness, request: { caseId: string; status: LegalHoldStatus; reason?: string }): Promise<LegalHoldResult> {
  const s3 = await startS3Server();
  const proxy = await startS3CaptureProxy(s3.endpoint, { objectLock: 'enabled' });
  const db = await openDatabase(h.databaseUrl ? { kind: 'postgres', url: h.databaseUrl } : { kind: 'sqlite', file: path.join(h.dataDir, 'sightline.db') });
  const blobs = await openS3BlobStore({ ...s3.config, endpoint: proxy.endpoint, tempDir: path.join(h.dataDir, 'legal-hold-tmp') });
  try {
    const ledger = createLedgerStore(db, () => new Date(), loadOrCreateSigner(h.dataDir));
    return await setLegalHold({ ledger, blobs }, { caseId: request.caseId, status: request.status, reason: request.reason ?? null });
  } finally {
    blobs.close();
    await db.close();
    await proxy.close();
    await s3.close();
  }
}

export const blobFile = (h: Harness, sha256: string): string => path.join(h.dataDir, 'blobs', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
