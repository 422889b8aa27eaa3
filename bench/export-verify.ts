// Export and verify time for a large case: 200 photos (1920x1080 JPEG) and a ~100 MB blob standing
// in for a 10-minute recording. Run: npx tsx bench/export-verify.ts — prints JSON and writes it to
// bench/results/export-verify.json (PHOTOS=5 RECORDING_MB=10 for a smoke run).
//
// The recording is inserted through the stores, not HTTP (recording upload is not built yet): a
// second connection to the server's SQLite file appends a signed `recording.added` entry with the
// server's own key, after the bytes are written to the blob store like any upload (temp file,
// fsync, rename). The server is idle at that moment, so the second blob-store handle's start-up
// cleaning of its temp folder touches nothing in flight.
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { z } from 'zod';
import { createLedgerStore } from '../server/src/ledger/ledger-store.ts';
import { loadOrCreateSigner } from '../server/src/ledger/signing-key.ts';
import { createLocalBlobStore } from '../server/src/storage/blob-store.ts';
import { openDatabase } from '../server/src/storage/database.ts';
import { verifyBundle } from '../server/src/verifier/check-bundle.ts';
import { detailedSvg } from '../server/test/evidence/fixtures.ts';
import { startHarness, type Client } from '../server/test/http/harness.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PHOTOS = Number(process.env.PHOTOS ?? 200);
const MB = 1024 * 1024;
/** RECORDING_MB shrinks the stand-in recording for a smoke run. */
const RECORDING_BYTES = Number(process.env.RECORDING_MB ?? 100) * MB;
const seconds = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e9;
const round = (n: number, digits = 2): number => Number(n.toFixed(digits));

/** One render of the page-of-print image, then per photo a small block of pixels changed: distinct photos, previews and thumbnails. */
async function makePhotos(count: number): Promise<Buffer[]> {
  const { data, info } = await sharp(detailedSvg(1920, 1080)).raw().toBuffer({ resolveWithObject: true });
  const photos: Buffer[] = [];
  for (let i = 0; i < count; i++) {
    const pixels = Buffer.from(data);
    const x0 = (i * 97) % (info.width - 64);
    const y0 = (i * 53) % (info.height - 64);
    for (let y = y0; y < y0 + 64; y++) pixels.fill(i % 256, (y * info.width + x0) * info.channels, (y * info.width + x0 + 64) * info.channels);
    photos.push(await sharp(pixels, { raw: { width: info.width, height: info.height, channels: info.channels } }).jpeg({ quality: 90 }).toBuffer());
  }
  return photos;
}

async function upload(client: Client, caseId: string, photo: Buffer): Promise<void> {
  const body = new FormData();
  body.set('source', 'device-still');
  body.set('file', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'photo.jpg');
  const res = await client.json(`/api/cases/${caseId}/evidence`, { method: 'POST', body });
  if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${JSON.stringify(res.body)}`);
}

/** Writes ~100 MB of incompressible bytes into the blob store and ledgers it, as the server would. */
async function insertRecording(dataDir: string, caseId: string): Promise<number> {
  const blobs = createLocalBlobStore(path.join(dataDir, 'blobs'));
  const temp = blobs.tempPath();
  const hash = crypto.createHash('sha256');
  const block = crypto.randomBytes(MB);
  const out = fs.createWriteStream(temp);
  for (let i = 0; i < RECORDING_BYTES / MB; i++) {
    block.writeUInt32BE(i, 0);
    hash.update(block);
    if (!out.write(block)) await once(out, 'drain');
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  const sha256 = hash.digest('hex');
  await blobs.adoptFile(temp, sha256);
  const db = await openDatabase(path.join(dataDir, 'sightline.db'));
  try {
    const ledger = createLedgerStore(db, () => new Date(), loadOrCreateSigner(dataDir));
    await ledger.append({
      caseId,
      actor: { type: 'system', id: 'bench' },
      // A 10-minute recording's bytes as one chunk of a recording (benchmark stand-in bytes).
      type: 'recording.chunk',
      payload: { recordingId: 'rec_bench', n: 0, sha256, size: RECORDING_BYTES },
      blobs: [sha256],
    });
  } finally {
    await db.close();
  }
  return RECORDING_BYTES;
}

/**
 * Downloads the export in a separate Node process, as a browser would (its own process, not this
 * one's event loop): streams the body to a file; returns the status and the Content-Length header.
 */
async function download(url: string, cookie: string, file: string): Promise<{ status: number; contentLength: number }> {
  const script = `
    const { pipeline } = require('node:stream/promises');
    const res = await fetch(process.argv[1], { headers: { cookie: process.argv[2] } });
    if (res.ok) await pipeline(require('node:stream').Readable.fromWeb(res.body), require('node:fs').createWriteStream(process.argv[3]));
    console.log(JSON.stringify({ status: res.status, contentLength: Number(res.headers.get('content-length')) }));`;
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=commonjs', '-e', `(async () => {${script}})()`, url, cookie, file]);
  return z.object({ status: z.number(), contentLength: z.number() }).parse(JSON.parse(stdout));
}

async function main(): Promise<void> {
  const total = process.hrtime.bigint();
  const h = await startHarness();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-bench-'));
  try {
    const admin = h.client();
    await admin.login();
    const created = (await admin.json('/api/cases', { method: 'POST', json: { title: 'Benchmark: 200 photos and a recording' } })).body;
    const caseId: string = created.case.id;

    let start = process.hrtime.bigint();
    const photos = await makePhotos(PHOTOS);
    const makeSeconds = seconds(start);
    start = process.hrtime.bigint();
    for (let i = 0; i < photos.length; i += 2) await Promise.all(photos.slice(i, i + 2).map((p) => upload(admin, caseId, p)));
    const uploadSeconds = seconds(start);
    await insertRecording(h.dataDir, caseId);

    const bundleFile = path.join(work, 'bundle.zip');
    const baseRss = process.memoryUsage().rss;
    let peakRss = baseRss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
    start = process.hrtime.bigint();
    const res = await download(`${h.base}/api/cases/${caseId}/export`, admin.cookie ?? '', bundleFile);
    if (res.status !== 200) throw new Error(`export failed: ${res.status}`);
    const exportSeconds = seconds(start);
    clearInterval(sampler);
    const bundleBytes = fs.statSync(bundleFile).size;
    if (bundleBytes !== res.contentLength) throw new Error('Content-Length differs from the bytes received');

    const pem = (await admin.json('/api/ledger/key')).body.publicKeyPem as string;
    start = process.hrtime.bigint();
    const report = await verifyBundle(bundleFile, { publicKeyPem: pem });
    const verifySeconds = seconds(start);
    if (!report.ok) throw new Error(`the bundle did not verify: ${JSON.stringify(report.problems.slice(0, 3))}`);

    const keyFile = path.join(work, 'key.pem');
    fs.writeFileSync(keyFile, pem);
    start = process.hrtime.bigint();
    const cli = await promisify(execFile)(process.execPath, [path.join(ROOT, 'server/src/verifier/bin.mjs'), bundleFile, '--key', keyFile]);
    const cliSeconds = seconds(start);
    if (!cli.stdout.startsWith('VERIFIED:')) throw new Error(`the CLI did not verify: ${cli.stdout}`);

    const result = {
      benchmark: 'export-verify',
      at: new Date().toISOString(),
      machine: { cpus: os.cpus().length, node: process.version },
      case: { photos: PHOTOS, photoBytes: photos.reduce((s, p) => s + p.length, 0), recordingBytes: RECORDING_BYTES, entries: report.entries, blobs: report.blobs },
      bundleBytes,
      export: { seconds: round(exportSeconds), mbPerSecond: round(bundleBytes / MB / exportSeconds, 1), serverPeakRssGrowthMB: round((peakRss - baseRss) / MB, 1) },
      verify: { seconds: round(verifySeconds), mbPerSecond: round(bundleBytes / MB / verifySeconds, 1) },
      verifyCli: { seconds: round(cliSeconds) },
      setup: { makePhotosSeconds: round(makeSeconds), uploadPhotosSeconds: round(uploadSeconds), uploadsPerSecond: round(PHOTOS / uploadSeconds, 1) },
      totalSeconds: round(seconds(total), 1),
    };
    const text = `${JSON.stringify(result, null, 2)}\n`;
    fs.mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
    fs.writeFileSync(path.join(ROOT, 'bench/results/export-verify.json'), text);
    process.stdout.write(text);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
    await h.close();
  }
}

await main();
