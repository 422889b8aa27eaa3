// The live-session recording upload over real HTTP: numbered chunks in and out of order, retries,
// conflicts, bad input (each a clear 4xx that stores nothing), the seal, the media with byte ranges,
// access rules, the console event, verification and the export bundle.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseDetail, ConsoleEvent } from '../../../protocol/http.ts';
import { RecordingResponse, RecordingView } from '../../../protocol/recording.ts';
import { verifyBundle } from '../../src/verifier/check-bundle.ts';
import { bearer, snapshotOf, startHarness, type Client, type Harness } from '../http/harness.ts';

let h: Harness;
let admin: Client;
let caseId: string;
let token: string;
let recordingId: string;

const sha256 = (bytes: Buffer): string => crypto.createHash('sha256').update(bytes).digest('hex');
const chunks = Array.from({ length: 6 }, (_, n) => crypto.randomBytes(40_000 + n * 7_001));

const recordingPath = (id = recordingId) => `/api/cases/${caseId}/recordings/${id}`;

function put(n: number | string, bytes: Buffer, headers: Record<string, string> = {}, client = admin, id = recordingId) {
  return client.json(`${recordingPath(id)}/chunks/${n}`, {
    method: 'PUT',
    headers: { 'content-type': 'video/webm', 'x-chunk-sha256': sha256(bytes), ...headers },
    body: new Uint8Array(bytes),
  });
}

const sealBody = (count: number, durationMs = 12_000) => ({
  chunkCount: count,
  durationMs,
  chunks: chunks.slice(0, count).map((bytes, n) => ({ n, sha256: sha256(bytes) })),
});

const ledger = async () => (await admin.json(`/api/cases/${caseId}/ledger`)).body.entries as Array<{ type: string; payload: any; blobs: string[]; seq: number }>;

async function startRecording(client = admin, id = caseId) {
  return client.json(`/api/cases/${id}/recordings`, { method: 'POST', json: { mimeType: 'video/webm;codecs=vp8,opus', startedAt: new Date().toISOString(), chunkMs: 2000 } });
}

beforeAll(async () => {
  h = await startHarness({ SIGHTLINE_MAX_CHUNK_MB: '1' });
  admin = h.client();
  await admin.login();
  const created = (await admin.json('/api/cases', { method: 'POST', json: { title: 'Storm damage, roof' } })).body;
  caseId = created.case.id;
  token = created.token;
});
afterAll(() => h.close());

describe('starting a recording', () => {
  it('creates it (201) with a recording.started entry, and a retried uploadId returns the same one', async () => {
    const body = { mimeType: 'video/webm; codecs="vp8, opus"', startedAt: '2030-01-02T03:04:05.678+01:00', chunkMs: 2000, uploadId: 'rec-upload-0001' };
    const res = await admin.json(`/api/cases/${caseId}/recordings`, { method: 'POST', json: body });
    expect(res.status).toBe(201);
    const { recording } = RecordingResponse.parse(res.body);
    recordingId = recording.id;
    expect(recording).toMatchObject({
      caseId, mimeType: 'video/webm; codecs="vp8, opus"', startedAt: '2030-01-02T02:04:05.678Z', chunkMs: 2000,
      chunkCount: 0, bytes: 0, playableBytes: 0, sealed: false, sealedAt: null, durationMs: null, chunks: [], missing: [],
      mediaUrl: `${recordingPath()}/media`,
    });
    const again = await admin.json(`/api/cases/${caseId}/recordings`, { method: 'POST', json: body });
    expect(again.status).toBe(200);
    expect(again.body.recording.id).toBe(recordingId);
    const started = (await ledger()).filter((e) => e.type === 'recording.started');
    expect(started).toHaveLength(1);
    expect(started[0]!.payload).toEqual({ recordingId, mimeType: body.mimeType, startedAt: '2030-01-02T02:04:05.678Z', chunkMs: 2000 });
  });

  it('accepts the MediaRecorder types of the webm and mp4 families, nothing else', async () => {
    for (const mimeType of ['video/webm', 'video/mp4;codecs=avc1.42E01E,mp4a.40.2', 'VIDEO/WEBM;codecs=vp9']) {
      const res = await admin.json(`/api/cases/${caseId}/recordings`, { method: 'POST', json: { mimeType, startedAt: new Date().toISOString() } });
      expect(res.status, mimeType).toBe(201);
    }
    for (const mimeType of ['audio/webm', 'video/ogg', 'video/webm;codecs=vp8\r\nX-Evil: 1', 'text/html', '']) {
      const res = await admin.json(`/api/cases/${caseId}/recordings`, { method: 'POST', json: { mimeType, startedAt: new Date().toISOString() } });
      expect(res.status, mimeType).toBe(400);
      expect(res.body.error.code).toBe('invalid_input');
    }
    const noTime = await admin.json(`/api/cases/${caseId}/recordings`, { method: 'POST', json: { mimeType: 'video/webm' } });
    expect(noTime.status).toBe(400);
  });
});

describe('chunks', () => {
  it('stores chunks in order and out of order (201), and reports the gaps', async () => {
    for (const n of [0, 1, 4]) {
      const res = await put(n, chunks[n]!);
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ n, sha256: sha256(chunks[n]!), size: chunks[n]!.length, stored: true });
    }
    const view = RecordingView.parse((await admin.json(recordingPath())).body);
    expect(view.chunks).toEqual([0, 1, 4].map((n) => ({ n, sha256: sha256(chunks[n]!), size: chunks[n]!.length })));
    expect(view.missing).toEqual([2, 3]);
    expect(view).toMatchObject({ chunkCount: 3, bytes: chunks[0]!.length + chunks[1]!.length + chunks[4]!.length, playableBytes: chunks[0]!.length + chunks[1]!.length });
    const entry = (await ledger()).find((e) => e.type === 'recording.chunk' && e.payload.n === 4)!;
    expect(entry.payload).toEqual({ recordingId, n: 4, sha256: sha256(chunks[4]!), size: chunks[4]!.length });
    expect(entry.blobs).toEqual([sha256(chunks[4]!)]);
  });

  it('serves what has arrived so far, contiguous from chunk 0, before the seal', async () => {
    const res = await admin.fetch(`${recordingPath()}/media`);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.concat([chunks[0]!, chunks[1]!]))).toBe(true);
  });

  it('answers a retried identical chunk with 200 stored:false and writes nothing', async () => {
    const before = await snapshotOf(admin, caseId, h.dataDir);
    const res = await put(1, chunks[1]!, { 'content-type': 'application/octet-stream' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ n: 1, sha256: sha256(chunks[1]!), size: chunks[1]!.length, stored: false });
    expect(await snapshotOf(admin, caseId, h.dataDir)).toEqual(before);
  });

  const bad: Array<[string, () => ReturnType<typeof put>, number, string]> = [
    ['a conflicting chunk (same number, other bytes)', () => put(1, chunks[5]!), 409, 'chunk_conflict'],
    ['a wrong X-Chunk-Sha256', () => put(2, chunks[2]!, { 'x-chunk-sha256': sha256(chunks[3]!) }), 422, 'chunk_hash_mismatch'],
    ['a missing X-Chunk-Sha256', () => admin.json(`${recordingPath()}/chunks/2`, { method: 'PUT', headers: { 'content-type': 'video/webm' }, body: new Uint8Array(chunks[2]!) }), 400, 'chunk_hash_required'],
    ['a malformed X-Chunk-Sha256', () => put(2, chunks[2]!, { 'x-chunk-sha256': 'abc' }), 400, 'invalid_chunk_hash'],
    ['an oversize chunk', () => put(2, crypto.randomBytes(1024 * 1024 + 1)), 413, 'chunk_too_large'],
    ['a negative chunk number', () => put(-1, chunks[2]!), 400, 'invalid_chunk_number'],
    ['a chunk number past the bound', () => put(100_000, chunks[2]!), 400, 'invalid_chunk_number'],
    ['a chunk number with a leading zero', () => put('02', chunks[2]!), 400, 'invalid_chunk_number'],
    ['a JSON body', () => put(2, Buffer.from('{"a":1}'), { 'content-type': 'application/json' }), 415, 'unsupported_media_type'],
    ['a multipart body', () => put(2, chunks[2]!, { 'content-type': 'multipart/form-data; boundary=x' }), 415, 'unsupported_media_type'],
    ['an unknown recording', () => put(2, chunks[2]!, {}, admin, 'rec_doesnotexist'), 404, 'not_found'],
  ];
  for (const [name, send, status, code] of bad) {
    it(`${name} → ${status} ${code}, and nothing stored changes`, async () => {
      const before = await snapshotOf(admin, caseId, h.dataDir);
      const viewBefore = (await admin.json(recordingPath())).body;
      const res = await send();
      expect(res.status).toBe(status);
      expect(res.body.error.code).toBe(code);
      expect(res.body.error.message.length).toBeGreaterThan(10);
      expect(await snapshotOf(admin, caseId, h.dataDir)).toEqual(before);
      expect((await admin.json(recordingPath())).body).toEqual(viewBefore);
    });
  }
});

describe('sealing', () => {
  it('refuses a seal while chunks are missing, naming them (409 recording_incomplete)', async () => {
    const before = await snapshotOf(admin, caseId, h.dataDir);
    const res = await admin.json(`${recordingPath()}/seal`, { method: 'POST', json: sealBody(5) });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('recording_incomplete');
    expect(res.body.error.message).toContain('missing chunks 2-3');
    const wrong = sealBody(5);
    wrong.chunks[4]!.sha256 = sha256(chunks[5]!);
    const differs = await admin.json(`${recordingPath()}/seal`, { method: 'POST', json: wrong });
    expect(differs.status).toBe(409);
    expect(differs.body.error.message).toMatch(/another sha-256: 4 \(held: /);
    const short = await admin.json(`${recordingPath()}/seal`, { method: 'POST', json: sealBody(4) });
    expect(short.body.error.message).toContain('chunks held beyond chunkCount 4: 4');
    expect(await snapshotOf(admin, caseId, h.dataDir)).toEqual(before);
  });

  it('takes a seal body far larger than the shared JSON limit (thousands of chunk hashes)', async () => {
    const chunksList = Array.from({ length: 5000 }, (_, n) => ({ n, sha256: sha256(Buffer.from(String(n))) }));
    const res = await admin.json(`${recordingPath()}/seal`, { method: 'POST', json: { chunkCount: 5000, durationMs: 1, chunks: chunksList } });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/missing chunks 2-3, 5-4999/);
  });

  it('seals once every chunk is held: a recording.sealed entry lists every hash in order', async () => {
    for (const n of [3, 2]) expect((await put(n, chunks[n]!)).status).toBe(201);
    const res = await admin.json(`${recordingPath()}/seal`, { method: 'POST', json: sealBody(5) });
    expect(res.status).toBe(200);
    const { recording } = RecordingResponse.parse(res.body);
    expect(recording).toMatchObject({ sealed: true, durationMs: 12_000, chunkCount: 5, missing: [] });
    expect(recording.sealedAt).not.toBeNull();
    const hashes = chunks.slice(0, 5).map(sha256);
    const sealed = (await ledger()).filter((e) => e.type === 'recording.sealed');
    expect(sealed).toHaveLength(1);
    expect(sealed[0]!.payload).toEqual({
      recordingId, mimeType: recording.mimeType, chunkCount: 5, durationMs: 12_000, bytes: chunks.slice(0, 5).reduce((s, c) => s + c.length, 0), chunks: hashes,
    });
    expect(sealed[0]!.blobs).toEqual(hashes);
  });

  it('is idempotent with the same list; refuses another list or duration and any new chunk', async () => {
    const entries = (await ledger()).length;
    expect((await admin.json(`${recordingPath()}/seal`, { method: 'POST', json: sealBody(5) })).status).toBe(200);
    const other = await admin.json(`${recordingPath()}/seal`, { method: 'POST', json: sealBody(5, 13_000) });
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('recording_sealed');
    const late = await put(5, chunks[5]!);
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('recording_sealed');
    const retried = await put(0, chunks[0]!);
    expect(retried.status).toBe(200);
    expect(retried.body.stored).toBe(false);
    expect((await ledger()).length).toBe(entries);
  });
});

describe('media', () => {
  const whole = () => Buffer.concat(chunks.slice(0, 5));

  it('streams the whole recording with its type and length', async () => {
    const res = await admin.fetch(`${recordingPath()}/media`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('video/webm; codecs="vp8, opus"');
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(Number(res.headers.get('content-length'))).toBe(whole().length);
    expect(Buffer.from(await res.arrayBuffer()).equals(whole())).toBe(true);
  });

  it('answers byte ranges with 206 and the right slice, across chunk boundaries', async () => {
    const total = whole().length;
    const start = chunks[0]!.length - 100;
    const end = chunks[0]!.length + chunks[1]!.length + 50;
    for (const [header, from, to] of [[`bytes=${start}-${end}`, start, end], ['bytes=-1000', total - 1000, total - 1], [`bytes=${total - 10}-`, total - 10, total - 1], ['bytes=0-0', 0, 0]] as const) {
      const res = await admin.fetch(`${recordingPath()}/media`, { headers: { range: header } });
      expect(res.status, header).toBe(206);
      expect(res.headers.get('content-range')).toBe(`bytes ${from}-${to}/${total}`);
      expect(Number(res.headers.get('content-length'))).toBe(to - from + 1);
      expect(Buffer.from(await res.arrayBuffer()).equals(whole().subarray(from, to + 1)), header).toBe(true);
    }
    const past = await admin.fetch(`${recordingPath()}/media`, { headers: { range: `bytes=${total}-` } });
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe(`bytes */${total}`);
    const head = await admin.fetch(`${recordingPath()}/media`, { method: 'HEAD' });
    expect(Number(head.headers.get('content-length'))).toBe(total);
  });
});

describe('lists, case detail and the console event', () => {
  it('lists the case recordings and includes them in case detail', async () => {
    const list = await admin.json(`/api/cases/${caseId}/recordings`);
    expect(list.status).toBe(200);
    expect(list.body.recordings.map((r: { id: string }) => r.id)).toContain(recordingId);
    const detail = CaseDetail.parse((await admin.json(`/api/cases/${caseId}`)).body);
    expect(detail.recordings?.find((r) => r.id === recordingId)).toMatchObject({ sealed: true, chunkCount: 5 });
  });

  it('publishes a recording event the console can parse', async () => {
    const abort = new AbortController();
    const res = await admin.fetch('/api/events', { signal: abort.signal });
    const reader = res.body!.getReader();
    const started = await startRecording();
    const seen: ConsoleEvent[] = [];
    let text = '';
    while (!seen.some((e) => e.type === 'recording')) {
      const { value } = await reader.read();
      text += new TextDecoder().decode(value);
      for (const line of text.split('\n').filter((l) => l.startsWith('data: '))) seen.push(ConsoleEvent.parse(JSON.parse(line.slice(6))));
    }
    abort.abort();
    expect(seen.find((e) => e.type === 'recording')).toMatchObject({ recording: { id: started.body.recording.id, chunkCount: 0 } });
  });
});

describe('access', () => {
  it('is 403 for another assessor, 401 for a customer token or no login, on every route', async () => {
    await admin.json('/api/users', { method: 'POST', json: { email: 'rita@example.test', name: 'Rita', password: 'a long password 2', role: 'assessor' } });
    const rita = h.client();
    await rita.login('rita@example.test', 'a long password 2');
    const customer = h.client();
    const anonymous = h.client();
    const before = await snapshotOf(admin, caseId, h.dataDir);
    const calls = (client: Client, headers: Record<string, string> = {}) => [
      client.json(`/api/cases/${caseId}/recordings`, { method: 'POST', headers, json: { mimeType: 'video/webm', startedAt: new Date().toISOString() } }),
      client.json(`/api/cases/${caseId}/recordings`, { headers }),
      client.json(recordingPath(), { headers }),
      put(7, chunks[5]!, headers, client),
      client.json(`${recordingPath()}/seal`, { method: 'POST', headers, json: sealBody(5) }),
      client.json(`${recordingPath()}/media`, { headers }),
    ];
    for (const res of await Promise.all(calls(rita))) expect(res.status).toBe(403);
    for (const res of await Promise.all(calls(customer, bearer(token)))) expect(res.status).toBe(401);
    for (const res of await Promise.all(calls(anonymous))) expect(res.status).toBe(401);
    expect(await snapshotOf(admin, caseId, h.dataDir)).toEqual(before);
    const other = (await rita.json('/api/cases', { method: 'POST', json: { title: 'Rita’s case' } })).body.case.id;
    expect((await rita.json(`/api/cases/${other}/recordings/${recordingId}`)).status).toBe(404);
  });
});

describe('verification and export', () => {
  it('verifies, and the export bundle holds every chunk and verifies with the verifier module', async () => {
    const verified = (await admin.json(`/api/cases/${caseId}/verify`)).body;
    expect(verified).toMatchObject({ ok: true, firstBroken: null });
    const res = await admin.fetch(`/api/cases/${caseId}/export`);
    expect(res.status).toBe(200);
    const file = path.join(h.dataDir, 'bundle.zip');
    fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const pem = await (await fetch(`${h.base}/.well-known/sightline-ledger-key.pem`)).text();
    const report = await verifyBundle(file, { publicKeyPem: pem, label: 'the server key' });
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.blobs).toBe(5);
    expect(report.blobBytes).toBe(chunks.slice(0, 5).reduce((s, c) => s + c.length, 0));
  });
});
