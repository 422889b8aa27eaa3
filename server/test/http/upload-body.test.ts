// Receiving an uploaded file's body: gathered in memory and written at once when it fits the budget,
// streamed to disk otherwise. Either way the temp file holds exactly the file's bytes with their hash, a
// body cut off mid-way or over the size limit is refused with no temp file left, and the memory set
// aside for gathering is given back.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Request } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpError } from '../../src/errors.ts';
import { createGatherBudget, receiveUpload, type GatherBudget, type Upload } from '../../src/http/upload.ts';
import { multipart } from '../faults/bad-uploads.ts';

const BOUNDARY = 'upload-body-boundary';
const MAX_BYTES = 200_000;
let dir: string;
let server: http.Server;
let port: number;
let budget: GatherBudget;
let lastResult: Promise<Upload | HttpError>;
let counter = 0;

const sha256 = (bytes: Buffer): string => crypto.createHash('sha256').update(bytes).digest('hex');
const tempFiles = () => fs.readdirSync(dir);
const filePart = (data: Buffer): Buffer => Buffer.from(multipart(BOUNDARY, [{ name: 'requestId', data: 'req-1' }, { name: 'file', filename: 'photo.jpg', type: 'image/jpeg', data }]));

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-upload-body-'));
  server = http.createServer((req, res) => {
    (req as unknown as { query: object }).query = { source: 'camera' };
    lastResult = receiveUpload(req as unknown as Request, { tempPath: () => path.join(dir, `t-${++counter}`), maxBytes: MAX_BYTES, budget })
      .catch((error: unknown) => error as HttpError);
    void lastResult.then(() => res.end('done'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as net.AddressInfo).port;
});
afterAll(() => {
  server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function send(body: Buffer, type: string): Promise<Upload | HttpError> {
  await new Promise<void>((resolve, reject) => {
    const req = http.request({ port, host: '127.0.0.1', method: 'POST', path: '/', headers: { 'content-type': type, 'content-length': body.length } }, (res) => {
      res.resume();
      res.on('end', resolve);
    });
    req.on('error', reject);
    req.end(body);
  });
  return lastResult;
}

/** Declares the whole body, sends only its first `sent` bytes, then cuts the connection. */
async function cutOff(body: Buffer, type: string, sent: number): Promise<unknown> {
  const socket = net.connect(port, '127.0.0.1');
  await new Promise((resolve) => socket.once('connect', resolve));
  socket.write(`POST / HTTP/1.1\r\nhost: x\r\ncontent-type: ${type}\r\ncontent-length: ${body.length}\r\n\r\n`);
  socket.write(body.subarray(0, sent));
  await new Promise((resolve) => setTimeout(resolve, 100));
  socket.destroy();
  return lastResult;
}

const MULTIPART = `multipart/form-data; boundary=${BOUNDARY}`;

describe.each([
  ['gathered in memory', 64 * 1024 * 1024],
  ['streamed (over the gathering budget)', 1000],
])('an upload %s', (_label, total) => {
  // After each upload the whole budget is free again: all of it can be taken.
  const reserved = { held: (): boolean => !budget.take(total) || (budget.give(total), false) };
  beforeAll(() => {
    budget = createGatherBudget(total);
  });

  it.each([
    ['a multipart file part', MULTIPART, filePart],
    ['a raw image body', 'image/jpeg', (data: Buffer) => data],
  ])('%s lands in its temp file byte for byte, with its fields', async (_kind, type, encode) => {
    const bytes = crypto.randomBytes(150_000);
    const upload = await send(encode(bytes), type);
    if (upload instanceof Error) throw upload;
    expect(upload.file).toMatchObject({ sha256: sha256(bytes), size: bytes.length });
    expect(fs.readFileSync(upload.file.tempFile).equals(bytes)).toBe(true);
    expect(upload.fields).toEqual(type === MULTIPART ? { requestId: 'req-1' } : { source: 'camera' });
    fs.rmSync(upload.file.tempFile);
    expect(reserved.held()).toBe(false);
  });

  it.each([
    ['a multipart body', MULTIPART, filePart],
    ['a raw image body', 'image/jpeg', (data: Buffer) => data],
  ])('%s cut off mid-file is refused as interrupted, leaving no temp file', async (_kind, type, encode) => {
    const body = encode(crypto.randomBytes(150_000));
    const error = await cutOff(body, type, 90_000);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 400, code: 'upload_interrupted' });
    expect(tempFiles()).toEqual([]);
    expect(reserved.held()).toBe(false);
  });

  it('a raw body over the size limit is refused as too large, leaving no temp file', async () => {
    // Within the slack allowed for a multipart envelope, so it is refused while it is read.
    const error = await send(crypto.randomBytes(MAX_BYTES + 20_000), 'image/jpeg');
    expect(error).toMatchObject({ status: 413, code: 'upload_too_large' });
    expect(tempFiles()).toEqual([]);
    expect(reserved.held()).toBe(false);
  });
});
