// One delivery attempt over HTTP(S): POST the body with the Standard Webhooks headers, no redirects
// followed, cut after `timeoutMs`. 2xx is delivered; anything else, or no answer, is a failed attempt.
import http from 'node:http';
import https from 'node:https';
import { signWebhook } from './signature.ts';

export interface DeliveryRequest {
  url: string;
  secret: string;
  /** The message id (`webhook-id`), the same on every retry: receivers dedupe on it. */
  id: string;
  body: string;
  /** When this attempt is signed (`webhook-timestamp`, unix seconds). */
  now: Date;
  timeoutMs: number;
}

export interface DeliveryResult {
  delivered: boolean;
  status: number | null;
  error: string | null;
  durationMs: number;
}

/** What is read of the endpoint's answer: enough to tell it finished; the rest is dropped. */
const MAX_ANSWER_BYTES = 64 * 1024;

export function deliver(request: DeliveryRequest): Promise<DeliveryResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const timestamp = Math.floor(request.now.getTime() / 1000);
  const url = new URL(request.url);
  const body = Buffer.from(request.body, 'utf8');
  return new Promise<DeliveryResult>((resolve) => {
    let settled = false;
    const settle = (result: Omit<DeliveryResult, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...result, durationMs: elapsed() });
    };
    const req = (url.protocol === 'https:' ? https : http).request(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'content-length': body.length,
        'user-agent': 'Sightline-Webhooks/1',
        'webhook-id': request.id,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': signWebhook(request.secret, request.id, timestamp, request.body),
      },
      agent: false,
    }, (res) => {
      const status = res.statusCode ?? null;
      let read = 0;
      res.on('data', (chunk: Buffer) => {
        read += chunk.length;
        if (read > MAX_ANSWER_BYTES) res.destroy();
      });
      const done = () => {
        const ok = status !== null && status >= 200 && status < 300;
        const error = ok ? null : status !== null && status >= 300 && status < 400 ? `redirect (${status}) not followed` : `answered ${status}`;
        settle({ delivered: ok, status, error });
      };
      res.on('end', done);
      res.on('close', done);
      res.on('error', done);
    });
    const timer = setTimeout(() => {
      settle({ delivered: false, status: null, error: `no answer within ${request.timeoutMs / 1000} s` });
      req.destroy();
    }, request.timeoutMs);
    req.on('error', (err: NodeJS.ErrnoException) => settle({ delivered: false, status: null, error: err.code ? `${err.code}: ${err.message}` : err.message }));
    req.end(body);
  });
}
