// A client may leave while the checks before its upload still run (a slow database): the request is
// closed before its body is read. Reading it then must fail at once — a closed request emits neither
// data nor 'close' again, so an upload that waited for either would hang for ever, and a chunk read
// from it would be empty rather than what was sent. Real HTTP on loopback; the handler waits until
// the client has gone before it reads, as a handler behind a slow check would.
import { once } from 'node:events';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Request } from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { createChunkReceiver } from '../../src/http/chunk-body.ts';
import { receiveUpload } from '../../src/http/upload.ts';

let server: http.Server | null = null;
let dir = '';
afterEach(async () => {
  server?.close();
  server = null;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * Sends `head` + `body` whole, closes the connection, and gives what `read` did with the request once
 * the server saw the client go: how it settled, within 2 s, or 'hung'.
 */
async function readAfterClientLeft(head: string, body: Buffer, read: (req: Request, tempPath: () => string) => Promise<unknown>): Promise<string> {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-gone-'));
  let n = 0;
  const tempPath = () => path.join(dir, `upload-${++n}`);
  const settled = new Promise<string>((resolve) => {
    server = http.createServer((req) => {
      req.socket.once('close', () => {
        const outcome = read(req as Request, tempPath).then(() => 'resolved', (error: { code?: string }) => `rejected ${error.code ?? String(error)}`);
        const hung = new Promise<string>((r) => setTimeout(() => r('hung'), 2000).unref());
        void Promise.race([outcome, hung]).then(resolve);
      });
    }).listen(0, '127.0.0.1');
  });
  await once(server!, 'listening');
  const socket = net.connect((server!.address() as net.AddressInfo).port, '127.0.0.1');
  await once(socket, 'connect');
  socket.end(Buffer.concat([Buffer.from(head), body]));
  return settled;
}

const boundary = 'gone-boundary';
const multipartBody = Buffer.from(
  `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.jpg"\r\nContent-Type: image/jpeg\r\n\r\nnot really a jpeg\r\n--${boundary}--\r\n`,
);
const request = (type: string, body: Buffer) => `PUT /upload HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: ${type}\r\nContent-Length: ${body.length}\r\n\r\n`;

describe('reading an upload whose client has already gone', () => {
  it('fails a multipart photo upload at once, leaving no temp file', async () => {
    const outcome = await readAfterClientLeft(request(`multipart/form-data; boundary=${boundary}`, multipartBody), multipartBody, (req, tempPath) => receiveUpload(req, { tempPath, maxBytes: 1 << 20 }));
    expect(outcome).toBe('rejected upload_interrupted');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('fails a raw image upload at once, leaving no temp file', async () => {
    const body = Buffer.from('raw image bytes');
    const outcome = await readAfterClientLeft(request('image/jpeg', body), body, (req, tempPath) => receiveUpload(req, { tempPath, maxBytes: 1 << 20 }));
    expect(outcome).toBe('rejected upload_interrupted');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('fails a recording chunk rather than store it empty', async () => {
    const body = Buffer.alloc(4096, 7);
    const outcome = await readAfterClientLeft(request('application/octet-stream', body), body, (req, tempPath) => createChunkReceiver()(req, { tempPath, maxBytes: 1 << 20 }));
    expect(outcome).toBe('rejected upload_interrupted');
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
