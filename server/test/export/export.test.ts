// The evidence bundle over real HTTP: a case with photos, chat and an outcome is exported, and the
// download verifies with the verifier module and with the CLI in a child process; access rules hold.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyBundle } from '../../src/verifier/check-bundle.ts';
import { detailedJpeg, flatJpeg, jpegWithGps } from '../evidence/fixtures.ts';
import { bearer, startHarness, type Client, type Harness } from '../http/harness.ts';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/verifier/bin.mjs');
const run = promisify(execFile);

let h: Harness;
let admin: Client;
let caseId: string;
let token: string;
let bundleFile: string;
let keyFile: string;
let download: { status: number; headers: Headers; bytes: Buffer };

function form(file: Buffer, fields: Record<string, string> = {}): FormData {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.set(k, v);
  body.set('file', new Blob([new Uint8Array(file)], { type: 'image/jpeg' }), 'photo.jpg');
  return body;
}

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { cwd: h.dataDir, env: { ...process.env, npm_lifecycle_event: '' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

beforeAll(async () => {
  h = await startHarness();
  admin = h.client();
  await admin.login();
  const created = (await admin.json('/api/cases', { method: 'POST', json: { title: 'Hail damage, bonnet', customerName: 'Dana' } })).body;
  caseId = created.case.id;
  token = created.token;
  await h.client().json('/api/join/consent', { method: 'POST', headers: bearer(token), json: { recording: true, location: true } });
  const photos = [await detailedJpeg(1280, 720), await jpegWithGps(800, 600), await flatJpeg(640, 480, '#8899aa')];
  for (const [i, photo] of photos.entries()) {
    const res = await h.client().json(`/api/cases/${caseId}/evidence`, { method: 'POST', headers: bearer(token), body: form(photo, { source: i === 0 ? 'device-still' : 'gallery' }) });
    expect(res.status).toBe(201);
  }
  await h.client().json(`/api/cases/${caseId}/chat`, { method: 'POST', headers: bearer(token), json: { id: 'chat-0000001', text: 'Here is the dent — and the ünïcødé scratch 🚗' } });
  await admin.json(`/api/cases/${caseId}/chat`, { method: 'POST', json: { id: 'chat-0000002', text: 'Thanks, one more from the left please' } });
  await admin.json(`/api/cases/${caseId}/outcome`, {
    method: 'POST',
    json: { decision: 'settled', reason: 'bonnet dent', amount: 850.5, currency: 'EUR', damageItems: [{ area: 'bonnet', severity: 'moderate', estimatedCost: 850.5 }] },
  });

  const res = await admin.fetch(`/api/cases/${caseId}/export`);
  download = { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
  bundleFile = path.join(h.dataDir, 'bundle.zip');
  fs.writeFileSync(bundleFile, download.bytes);
  keyFile = path.join(h.dataDir, 'trusted-key.pem');
  fs.writeFileSync(keyFile, await (await fetch(`${h.base}/.well-known/sightline-ledger-key.pem`)).text());
});
afterAll(() => h.close());

describe('GET /api/cases/:id/export', () => {
  it('sends a zip attachment with its exact size', () => {
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/zip');
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename="sightline-${caseId}.zip"`);
    expect(Number(download.headers.get('content-length'))).toBe(download.bytes.length);
  });

  it('answers HEAD with the same size and no body', async () => {
    const head = await admin.fetch(`/api/cases/${caseId}/export`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('content-length'))).toBe(download.bytes.length);
    expect(head.headers.get('x-ledger-head')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('holds the manifest, the ledger exactly as served, the key, the README and every blob once', async () => {
    const zip = await yauzl.fromBufferPromise(download.bytes);
    const names: string[] = [];
    const texts = new Map<string, string>();
    for await (const entry of zip.eachEntry()) {
      names.push(entry.fileName);
      expect(entry.compressionMethod).toBe(0);
      if (!/^(blobs|photos|recordings)\//.test(entry.fileName)) {
        const chunks: Buffer[] = [];
        for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
        texts.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
      }
    }
    const entries = (await admin.json(`/api/cases/${caseId}/ledger`)).body.entries as Array<{ type: string; blobs: string[]; hash: string }>;
    expect(texts.get('ledger.jsonl')).toBe(entries.map((e) => `${JSON.stringify(e)}\n`).join(''));
    const named = [...new Set(entries.flatMap((e) => e.blobs))];
    expect(named).toHaveLength(9);
    expect(names.slice(0, 4)).toEqual(['README.txt', 'manifest.json', 'public-key.pem', 'ledger.jsonl']);
    // Every blob by its hash, and beside them a readable copy of each photo, which the manifest maps to its hash.
    const manifestJson = JSON.parse(texts.get('manifest.json')!) as { blobs: Array<{ path: string; sha256: string }>; photos: Array<{ path: string; sha256: string; size: number }> };
    const photoEntries = entries.filter((e) => e.type === 'evidence.added');
    expect(manifestJson.photos.map((p) => p.sha256)).toEqual(photoEntries.map((e) => e.blobs[0]));
    manifestJson.photos.forEach((p, i) => expect(p.path).toBe(`photos/${String(i + 1).padStart(3, '0')}-${p.sha256.slice(0, 12)}.jpg`));
    expect(names.slice(4).sort()).toEqual([...named.map((sha) => `blobs/${sha}`), ...manifestJson.photos.map((p) => p.path)].sort());

    const manifest = JSON.parse(texts.get('manifest.json')!);
    const key = (await admin.json('/api/ledger/key')).body;
    const keyring = (await admin.json('/api/ledger/keys')).body;
    expect(manifest).toMatchObject({
      format: 'sightline-evidence-bundle/3',
      case: { id: caseId, kind: 'damage', title: 'Hail damage, bonnet' },
      ledgerKey: key,
      // One key signed every entry (each names it), so the bundle lists that one.
      ledgerKeys: keyring.keys,
      ledger: { path: 'ledger.jsonl', entries: entries.length, headHash: entries.at(-1)!.hash },
    });
    expect(keyring.keys).toEqual([{ ...key, createdAt: expect.any(String), endorsedBy: null, endorsement: null }]);
    expect(entries.every((e) => (e as { keyId?: string }).keyId === key.keyId)).toBe(true);
    expect(manifest.blobs.map((b: { sha256: string }) => b.sha256)).toEqual(named);
    expect(texts.get('public-key.pem')).toBe(key.publicKeyPem);
    expect(texts.get('README.txt')).toContain('sightline-verify bundle.zip');
    expect(texts.get('README.txt')).toContain(caseId);
  });

  it('verifies with the verifier module', async () => {
    const pem = fs.readFileSync(keyFile, 'utf8');
    const report = await verifyBundle(bundleFile, { publicKeyPem: pem, label: 'the server key' });
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ ok: true, caseId, blobs: 9, key: { source: 'trusted' } });
    const entries = (await admin.json(`/api/cases/${caseId}/ledger`)).body.entries;
    expect(report.entries).toBe(entries.length);
    expect(report.headHash).toBe(entries.at(-1).hash);
  });

  it('verifies with the CLI: exit 0 and the VERIFIED line, saying where the key came from', async () => {
    const trusted = await cli('bundle.zip', '--key', keyFile);
    expect(trusted.code).toBe(0);
    expect(trusted.stdout).toMatch(new RegExp(`^VERIFIED: case ${caseId} — \\d+ ledger entries .* 9 blobs`));
    expect(trusted.stdout).toContain('checked against the key you trust');
    const untrusted = await cli(bundleFile);
    expect(untrusted.code).toBe(0);
    expect(untrusted.stdout).toContain('taken from the bundle itself');
  });

  it('adds nothing to the ledger: reading is not an event', async () => {
    const before = (await admin.json(`/api/cases/${caseId}/ledger`)).body.entries.length;
    expect((await admin.fetch(`/api/cases/${caseId}/export`)).status).toBe(200);
    expect((await admin.json(`/api/cases/${caseId}/ledger`)).body.entries.length).toBe(before);
  });
});

describe('export access', () => {
  it('is 403 for another assessor, 401 for a customer token or no login, 404 for an unknown case', async () => {
    await admin.json('/api/users', { method: 'POST', json: { email: 'bob@example.test', name: 'Bob', password: 'a long password 1', role: 'assessor' } });
    const bob = h.client();
    await bob.login('bob@example.test', 'a long password 1');
    expect((await bob.json(`/api/cases/${caseId}/export`)).status).toBe(403);
    const customer = await h.client().json(`/api/cases/${caseId}/export`, { headers: bearer(token) });
    expect(customer.status).toBe(401);
    expect((await h.client().json(`/api/cases/${caseId}/export`)).status).toBe(401);
    expect((await admin.json('/api/cases/case_doesnotexist/export')).status).toBe(404);
  });
});
