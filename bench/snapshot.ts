// Snapshot to evidence: a 1920x1080 JPEG and a 12-megapixel photo from upload request to stored,
// thumbnailed, hashed and ledgered (p50/p95), side by side with the floor — the bare sharp pipeline
// (decode, preview, thumbnail) plus writing and fsyncing the same bytes — and upload throughput at
// 1, 2 and 8 concurrent uploads, each lane a customer of its own (one caller's images are processed one
// at a time). The same again with the blobs in an S3 bucket (a second server on s3rver, in a process of
// its own), with its ratio to the local store. Run: npx tsx bench/snapshot.ts (QUICK=1 for a smoke run).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { detailedSvg } from '../server/test/evidence/fixtures.ts';
import { startChildServer, type ChildServer } from '../server/test/support/child-server.ts';
import { apiClient } from './support/api-client.ts';
import { startS3Child, type S3Child } from './support/s3-store.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const QUICK = process.env.QUICK === '1';
const RUNS = QUICK ? 3 : 30;
const ms = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6;
const round = (n: number): number => Number(n.toFixed(1));

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

const summary = (values: number[]) => ({ p50: round(percentile(values, 50)), p95: round(percentile(values, 95)), n: values.length });

/** Distinct JPEGs of one scene: a few pixels differ per copy, so every upload is a new blob. */
async function photos(width: number, height: number, count: number): Promise<Buffer[]> {
  const { data, info } = await sharp(detailedSvg(width, height)).raw().toBuffer({ resolveWithObject: true });
  const out: Buffer[] = [];
  for (let i = 0; i < count; i++) {
    const pixels = Buffer.from(data);
    pixels.writeUInt32LE(crypto.randomInt(2 ** 32), (i * 97) % (pixels.length - 4));
    out.push(await sharp(pixels, { raw: info }).jpeg({ quality: 90 }).toBuffer());
  }
  return out;
}

interface Multipart { type: string; body: Uint8Array<ArrayBuffer> }

/** The upload's multipart body, encoded before the clock starts: encoding is the client's work. */
async function multipart(bytes: Buffer): Promise<Multipart> {
  const form = new FormData();
  form.set('source', 'device-still');
  form.set('file', new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }), 'photo.jpg');
  const encoded = new Response(form);
  return { type: encoded.headers.get('content-type')!, body: new Uint8Array(await encoded.arrayBuffer()) };
}

/** The floor: what any server must do with the same image — decode, preview, thumbnail, write, fsync. */
async function barePipeline(bytes: Buffer, dir: string): Promise<void> {
  const preview = await sharp(bytes).rotate().resize(1600, 1600, { fit: 'inside' }).jpeg({ quality: 82 }).toBuffer();
  const thumbnail = await sharp(preview).resize(320, 320, { fit: 'inside' }).jpeg({ quality: 75 }).toBuffer();
  for (const [name, content] of [['o', bytes], ['p', preview], ['t', thumbnail]] as const) {
    const file = path.join(dir, `${name}-${crypto.randomUUID()}`);
    const fd = fs.openSync(file, 'w');
    fs.writeSync(fd, content);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
  }
}

interface Customer { caseId: string; token: string }

/** A server's eight customers (each a case with consent given) and an upload as one of them. */
async function customersOf(base: string, credentials: { email: string; password: string }) {
  const admin = apiClient(base);
  await admin.login(credentials.email, credentials.password);
  const customers: Customer[] = [];
  for (let i = 0; i < 8; i++) {
    const created = (await admin.json('/api/cases', { method: 'POST', json: { title: `benchmark ${i}` } })).body as { case: { id: string }; token: string };
    await admin.json('/api/join/consent', { method: 'POST', bearer: created.token, json: { recording: true } });
    customers.push({ caseId: created.case.id, token: created.token });
  }
  const upload = async (form: Multipart, customer = customers[0]!): Promise<void> => {
    const headers = { authorization: `Bearer ${customer.token}`, 'content-type': form.type };
    const res = await fetch(`${base}/api/cases/${customer.caseId}/evidence`, { method: 'POST', headers, body: form.body });
    if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${await res.text()}`);
  };
  const verified = async (): Promise<boolean> =>
    (await Promise.all(customers.map(async (c) => ((await admin.json(`/api/cases/${c.caseId}/verify`)).body as { ok?: boolean }).ok === true))).every(Boolean);
  return { customers, upload, verified };
}

type Target = Awaited<ReturnType<typeof customersOf>>;

async function throughputOf(target: Target, batch: Multipart[]): Promise<Record<string, number>> {
  const throughput: Record<string, number> = {};
  for (const concurrency of [1, 2, 8]) {
    const queue = [...batch];
    const start = process.hrtime.bigint();
    await Promise.all(target.customers.slice(0, concurrency).map(async (customer) => {
      for (let next = queue.pop(); next; next = queue.pop()) await target.upload(next, customer);
    }));
    throughput[`concurrency${concurrency}`] = round(batch.length / (ms(start) / 1000));
  }
  return throughput;
}

async function main(): Promise<void> {
  // The servers run in their own processes, as in production: the client's work (holding hundreds of MB
  // of test photos, sending them) must not share their event loop; s3rver has its own too.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-bench-snapshot-'));
  const s3DataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-bench-snapshot-s3-'));
  const floorDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-floor-'));
  const credentials = { email: 'admin@bench.test', password: 'correct-horse-battery' };
  let server: ChildServer | undefined;
  let s3Server: ChildServer | undefined;
  let s3: S3Child | undefined;
  try {
    server = await startChildServer({ dataDir, admin: credentials, env: { SIGHTLINE_MAX_UPLOAD_MB: '50' } });
    s3 = await startS3Child();
    s3Server = await startChildServer({ dataDir: s3DataDir, admin: credentials, env: { SIGHTLINE_MAX_UPLOAD_MB: '50', ...s3.env } });
    const local = await customersOf(server.base, credentials);
    const onS3 = await customersOf(s3Server.base, credentials);

    const results: Record<string, unknown> = {};
    for (const [label, width, height] of [['1920x1080', 1920, 1080], ['12MP 4000x3000', 4000, 3000]] as const) {
      const images = await photos(width, height, RUNS * 3 + 3);
      await local.upload(await multipart(images.pop()!));
      await onS3.upload(await multipart(images.pop()!));
      await barePipeline(images.pop()!, floorDir);
      const sightline: number[] = [];
      const sightlineS3: number[] = [];
      const floor: number[] = [];
      // Interleaved, so drift on a shared machine hits all three alike.
      for (let i = 0; i < RUNS; i++) {
        const form = await multipart(images[3 * i]!);
        const formS3 = await multipart(images[3 * i + 1]!);
        let start = process.hrtime.bigint();
        await local.upload(form);
        sightline.push(ms(start));
        start = process.hrtime.bigint();
        await onS3.upload(formS3);
        sightlineS3.push(ms(start));
        start = process.hrtime.bigint();
        await barePipeline(images[3 * i + 2]!, floorDir);
        floor.push(ms(start));
      }
      const s = summary(sightline);
      const f = summary(floor);
      const s3s = summary(sightlineS3);
      results[label] = {
        bytes: images[0]!.length, sightlineMs: s, floorMs: f, ratioP50: round(s.p50 / f.p50), ratioP95: round(s.p95 / f.p95),
        s3: { sightlineMs: s3s, ratioToLocalP50: round(s3s.p50 / s.p50), ratioToLocalP95: round(s3s.p95 / s.p95) },
      };
    }

    // The same photos to each server: a store holds each once, and neither holds the other's.
    const batch = await Promise.all((await photos(1920, 1080, QUICK ? 8 : 48)).map(multipart));
    results.throughputPhotosPerSecond1920x1080 = await throughputOf(local, batch);
    results.throughputPhotosPerSecond1920x1080S3 = await throughputOf(onS3, batch);
    results.ledgerVerified = (await local.verified()) && (await onS3.verified());

    const out = { benchmark: 'snapshot-to-evidence', runs: RUNS, machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? 'unknown', node: process.version }, results };
    fs.mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
    fs.writeFileSync(path.join(ROOT, 'bench/results/snapshot.json'), `${JSON.stringify(out, null, 2)}\n`);
    console.log(JSON.stringify(out, null, 2));
  } finally {
    await server?.kill();
    await s3Server?.kill();
    await s3?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(s3DataDir, { recursive: true, force: true });
    fs.rmSync(floorDir, { recursive: true, force: true });
  }
}

await main();
