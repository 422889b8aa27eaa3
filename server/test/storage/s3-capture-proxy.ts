// A loopback HTTP proxy in front of s3rver that records every request the S3 client sends (method,
// path, query, headers, body) and forwards it unchanged, Host included, so SigV4 still verifies. s3rver
// 3.7.1 has no Object Lock; with `objectLock` the proxy answers the two calls it lacks as AWS S3 does
// for a bucket with Object Lock (GetObjectLockConfiguration: enabled; PutObjectLegalHold: 200, empty),
// or, with 'missing', as AWS does for a bucket made without it. Everything else reaches s3rver.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CapturedRequest {
  method: string;
  /** The path without the query, e.g. `/sightline-test/ab/cd/<sha256>`. */
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export interface S3CaptureProxy {
  /** `http://127.0.0.1:<port>`: use as AWS_ENDPOINT_URL_S3. */
  endpoint: string;
  requests: CapturedRequest[];
  close(): Promise<void>;
}

const XML = 'application/xml';
const LOCK_ENABLED = '<?xml version="1.0" encoding="UTF-8"?>\n<ObjectLockConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><ObjectLockEnabled>Enabled</ObjectLockEnabled></ObjectLockConfiguration>';
const LOCK_MISSING = '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>ObjectLockConfigurationNotFoundError</Code><Message>Object Lock configuration does not exist for this bucket</Message></Error>';

/** What the proxy answers itself instead of s3rver; null: forward. */
function answerOf(request: CapturedRequest, objectLock: 'enabled' | 'missing' | undefined): { status: number; body: string } | null {
  if (!objectLock) return null;
  if (request.method === 'GET' && request.query.has('object-lock')) return objectLock === 'enabled' ? { status: 200, body: LOCK_ENABLED } : { status: 404, body: LOCK_MISSING };
  if (request.method === 'PUT' && request.query.has('legal-hold') && objectLock === 'enabled') return { status: 200, body: '' };
  return null;
}

export async function startS3CaptureProxy(target: string, opts: { objectLock?: 'enabled' | 'missing' } = {}): Promise<S3CaptureProxy> {
  const upstream = new URL(target);
  const agent = new http.Agent({ keepAlive: true });
  const requests: CapturedRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://proxy');
      const captured: CapturedRequest = { method: req.method ?? '', path: url.pathname, query: url.searchParams, headers: req.headers, body: Buffer.concat(chunks) };
      requests.push(captured);
      const answer = answerOf(captured, opts.objectLock);
      if (answer) {
        res.writeHead(answer.status, { 'content-type': XML, 'content-length': Buffer.byteLength(answer.body) });
        res.end(answer.body);
        return;
      }
      const forward = http.request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers, agent }, (answerFromS3) => {
        res.writeHead(answerFromS3.statusCode ?? 502, answerFromS3.headers);
        answerFromS3.pipe(res);
      });
      forward.on('error', (error) => res.destroy(error));
      forward.end(captured.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      agent.destroy();
      await closed;
    },
  };
}
