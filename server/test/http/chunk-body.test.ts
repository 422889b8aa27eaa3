// Receiving a recording chunk's body: gathered in memory and written at once when small and within the
// budget, streamed to disk otherwise; either way the temp file holds exactly the bytes, hashed and
// fsynced, and a body cut off mid-way is refused with no temp file left behind.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Request } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpError } from '../../src/errors.ts';
import { createChunkReceiver, type ChunkReceiver } from '../../src/http/chunk-body.ts';
import type { ReceivedChunk } from '../../src/recording/recording-service.ts';

let dir: string;
let server: http.Server;
let port: number;
let receiver: ChunkReceiver;
let lastResult: Promise<ReceivedChunk | HttpError>;
let counter = 0;

const sha256 = (bytes: Buffer): string => crypto.createHash('sha256').update(bytes).digest('hex');
const tempFiles = () => fs.readdirSync(dir);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-chunk-body-'));
  server = http.createServer((req, res) => {
    lastResult = receiver(req as unknown as Request, { tempPath: () => path.join(dir, `t-${++counter}`), maxBytes: 1024 * 1024 })
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

async function send(body: Buffer, headers: Record<string, string | number>): Promise<ReceivedChunk> {
  await new Promise<void>((resolve, reject) => {
    const req = http.request({ port, host: '127.0.0.1', method: 'PUT', path: '/', headers }, (res) => {
      res.resume();
      res.on('end', resolve);
    });
    req.on('error', reject);
    req.end(body);
  });
  const result = await lastResult;
  if (result instanceof Error) throw result;
  return result;
}

/** Declares `declared` bytes, sends only `sent` of them, then cuts the connection. */
async function cutOff(declared: number | null, sent: number): Promise<unknown> {
  const socket = net.connect(port, '127.0.0.1');
  await new Promise((resolve) => socket.once('connect', resolve));
  const length = declared === null ? 'transfer-encoding: chunked' : `content-length: ${declared}`;
  socket.write(`PUT / HTTP/1.1\r\nhost: x\r\n${length}\r\n\r\n`);
  const part = crypto.randomBytes(sent);
  socket.write(declared === null ? Buffer.concat([Buffer.from(`${sent.toString(16)}\r\n`), part, Buffer.from('\r\n')]) : part);
  await new Promise((resolve) => setTimeout(resolve, 100));
  socket.destroy();
  return lastResult;
}

describe.each([
  ['gathered in memory', () => createChunkReceiver()],
  ['streamed (over the gathering budget)', () => createChunkReceiver(1000)],
])('a chunk %s', (_label, make) => {
  beforeAll(() => {
    receiver = make();
  });

  it('lands in its temp file byte for byte, hashed and fsynced', async () => {
    const bytes = crypto.randomBytes(300_000);
    const file = await send(bytes, { 'content-length': bytes.length });
    expect(file).toMatchObject({ sha256: sha256(bytes), size: bytes.length, synced: true });
    expect(fs.readFileSync(file.tempFile).equals(bytes)).toBe(true);
    fs.rmSync(file.tempFile);
  });

  it('is refused as interrupted when cut off mid-body, leaving no temp file', async () => {
    const error = await cutOff(200_000, 70_000);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 400, code: 'upload_interrupted' });
    expect(tempFiles()).toEqual([]);
  });
});

describe('a chunk without a declared size', () => {
  beforeAll(() => {
    receiver = createChunkReceiver();
  });

  it('streams to disk and lands byte for byte', async () => {
    const bytes = crypto.randomBytes(120_000);
    const file = await send(bytes, { 'transfer-encoding': 'chunked' });
    expect(file).toMatchObject({ sha256: sha256(bytes), size: bytes.length, synced: true });
    expect(fs.readFileSync(file.tempFile).equals(bytes)).toBe(true);
    fs.rmSync(file.tempFile);
  });

  it('is refused as interrupted when cut off, leaving no temp file', async () => {
    const error = await cutOff(null, 50_000);
    expect(error).toMatchObject({ status: 400, code: 'upload_interrupted' });
    expect(tempFiles()).toEqual([]);
  });
});
