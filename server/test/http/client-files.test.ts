// The built client as the server sends it: a tiny page built by Vite with the same precompression
// plugin, served by the client-files router. Each accepted coding comes back as that coding with the
// original's type and exactly the original bytes once decoded; hashed assets are cached for good and
// pages revalidated; hidden files stay hidden.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import express from 'express';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressed } from '../../../client/vite.config.ts';
import { preferredEncoding } from '../../src/http/accept-encoding.ts';
import { clientPages } from '../../src/http/client-files.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-client-files-'));
const dist = path.join(root, 'dist');
let server: http.Server;
let port = 0;
let script = '';

interface Raw { status: number; headers: http.IncomingHttpHeaders; body: Buffer }

/** A request whose body is not decoded (fetch would decode it). */
const get = (pathname: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Raw> =>
  new Promise((resolve, reject) => {
    http.request({ host: '127.0.0.1', port, path: pathname, method, headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (part: Buffer) => parts.push(part));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }));
    }).on('error', reject).end();
  });

const decode = (raw: Raw): Buffer => {
  if (raw.headers['content-encoding'] === 'br') return zlib.brotliDecompressSync(raw.body);
  if (raw.headers['content-encoding'] === 'gzip') return zlib.gunzipSync(raw.body);
  return raw.body;
};

beforeAll(async () => {
  const words = Array.from({ length: 400 }, (_, i) => `export const item${i} = "evidence item ${i}";`).join('\n');
  fs.writeFileSync(path.join(root, 'console.html'), '<!doctype html><html><head><title>Console</title></head><body><script type="module" src="./main.js"></script></body></html>');
  fs.writeFileSync(path.join(root, 'items.js'), words);
  fs.writeFileSync(path.join(root, 'main.js'), 'import * as items from "./items.js";\ndocument.title = Object.values(items).join(" ");\n');
  await build({ root, configFile: false, logLevel: 'silent', plugins: [precompressed()], build: { outDir: dist, emptyOutDir: true, rolldownOptions: { input: path.join(root, 'console.html') } } });
  script = fs.readdirSync(path.join(dist, 'assets')).find((f) => f.endsWith('.js'))!;
  const app = express();
  app.use(clientPages(dist));
  app.use((_req, res) => {
    res.status(404).end();
  });
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  port = (server.address() as AddressInfo).port;
}, 60_000);

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  fs.rmSync(root, { recursive: true, force: true });
});

describe('the build', () => {
  it('writes a brotli and a gzip variant beside each text file, each decoding to the file', () => {
    for (const file of ['console.html', `assets/${script}`]) {
      const original = fs.readFileSync(path.join(dist, file));
      expect(zlib.brotliDecompressSync(fs.readFileSync(path.join(dist, `${file}.br`))).equals(original), file).toBe(true);
      expect(zlib.gunzipSync(fs.readFileSync(path.join(dist, `${file}.gz`))).equals(original), file).toBe(true);
    }
  });
});

describe('serving the built client', () => {
  it.each([
    ['br, gzip', 'br'],
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['identity', undefined],
    ['', undefined],
  ])('Accept-Encoding "%s" gets %s, with the original type and bytes', async (accept, coding) => {
    const original = fs.readFileSync(path.join(dist, 'assets', script));
    const res = await get(`/assets/${script}`, accept ? { 'accept-encoding': accept } : {});
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe(coding);
    expect(res.headers['content-type']).toMatch(/^text\/javascript; charset=utf-8$/);
    expect(res.headers.vary).toBe('Accept-Encoding');
    if (coding) expect(res.body.length).toBeLessThan(original.length);
    expect(decode(res).equals(original)).toBe(true);
  });

  it('caches hashed assets for good and makes pages revalidate', async () => {
    const asset = await get(`/assets/${script}`, { 'accept-encoding': 'br' });
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const page of ['/', '/console', '/console.html']) {
      const res = await get(page, { 'accept-encoding': 'gzip' });
      expect(res.status, page).toBe(200);
      expect(res.headers['cache-control'], page).toBe('no-cache');
      expect(res.headers['content-type'], page).toBe('text/html; charset=utf-8');
      expect(res.headers['content-encoding'], page).toBe('gzip');
      expect(decode(res).equals(fs.readFileSync(path.join(dist, 'console.html'))), page).toBe(true);
    }
  });

  it('answers a revalidation with 304 per coding (each coding has its own ETag)', async () => {
    const br = await get(`/assets/${script}`, { 'accept-encoding': 'br' });
    const gzip = await get(`/assets/${script}`, { 'accept-encoding': 'gzip' });
    expect(br.headers.etag).toBeTruthy();
    expect(br.headers.etag).not.toBe(gzip.headers.etag);
    expect((await get(`/assets/${script}`, { 'accept-encoding': 'br', 'if-none-match': br.headers.etag! })).status).toBe(304);
  });

  it('answers HEAD with the headers of the coded file and no body', async () => {
    const res = await get('/console.html', { 'accept-encoding': 'br' }, 'HEAD');
    expect(res.headers['content-encoding']).toBe('br');
    expect(Number(res.headers['content-length'])).toBe(fs.statSync(path.join(dist, 'console.html.br')).size);
    expect(res.body.length).toBe(0);
  });

  it('never serves hidden files, paths out of the folder or a variant by its own name as another file', async () => {
    expect((await get('/.vite/manifest.json')).status).toBe(404);
    expect((await get('/assets/../../console.html')).status).toBe(404);
    expect((await get('/%2e%2e/console.html')).status).toBe(404);
    expect((await get('/missing.js', { 'accept-encoding': 'br' })).status).toBe(404);
  });
});

describe('preferredEncoding', () => {
  it.each([
    [undefined, null],
    ['br', 'br'],
    ['gzip, br', 'br'],
    ['gzip;q=1, br;q=0.5', 'gzip'],
    ['*', 'br'],
    ['*;q=0.2, br;q=0', 'gzip'],
    ['gzip;q=0, br;q=0', null],
    ['deflate', null],
    ['BR', 'br'],
    ['br;q=nonsense, gzip', 'gzip'],
  ] as const)('"%s" → %s', (header, expected) => {
    expect(preferredEncoding(header, ['br', 'gzip'])).toBe(expected);
  });
});
