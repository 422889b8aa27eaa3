// A webhook receiver for tests: a real HTTP server on loopback that keeps every request it is sent and
// answers with what the test decides; it can go down (the port refuses connections) and come back on
// the same port.
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  id: string;
  timestamp: string;
  signature: string;
  body: string;
  json: any;
  headers: http.IncomingHttpHeaders;
}

export interface Sink {
  url: string;
  received: Received[];
  /** The status to answer a request with (default 204); 'hang' never answers. */
  answer: (request: Received) => number | 'hang';
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
  /** Resolves once `predicate` holds for what was received (polled), or rejects after `ms`. */
  until(predicate: (received: Received[]) => boolean, ms?: number): Promise<Received[]>;
}

export async function startSink(port = 0): Promise<Sink> {
  let server: http.Server | null = null;
  let bound = port;
  const hanging = new Set<http.ServerResponse>();
  const sink: Sink = {
    url: '',
    received: [],
    answer: () => 204,
    async down() {
      const s = server;
      server = null;
      if (!s) return;
      for (const res of hanging) res.destroy();
      await new Promise<void>((resolve) => {
        s.close(() => resolve());
        s.closeAllConnections();
      });
    },
    async up() {
      if (server) return;
      const s = http.createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          let json: unknown = null;
          try {
            json = JSON.parse(body);
          } catch { /* kept as text */ }
          const received: Received = {
            id: String(req.headers['webhook-id']), timestamp: String(req.headers['webhook-timestamp']), signature: String(req.headers['webhook-signature']),
            body, json, headers: req.headers,
          };
          sink.received.push(received);
          const status = sink.answer(received);
          if (status === 'hang') {
            hanging.add(res);
            return;
          }
          res.writeHead(status, status >= 300 && status < 400 ? { location: `${sink.url}/elsewhere` } : {}).end();
        });
      });
      await new Promise<void>((resolve, reject) => {
        s.once('error', reject);
        s.listen(bound, '127.0.0.1', () => resolve());
      });
      bound = (s.address() as AddressInfo).port;
      sink.url = `http://127.0.0.1:${bound}/hooks`;
      server = s;
    },
    close: () => sink.down(),
    async until(predicate, ms = 10_000) {
      const deadline = Date.now() + ms;
      while (!predicate(sink.received)) {
        if (Date.now() > deadline) throw new Error(`the sink did not get what was expected in ${ms} ms; it got ${JSON.stringify(sink.received.map((r) => r.json?.type ?? r.body))}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return sink.received;
    },
  };
  await sink.up();
  return sink;
}

/** The Standard Webhooks check, written out here (not the server's code) so the test checks the server. */
export function signatureValid(secret: string, received: Received): boolean {
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  const expected = createHmac('sha256', key).update(`${received.id}.${received.timestamp}.${received.body}`).digest('base64');
  return received.signature.split(' ').includes(`v1,${expected}`);
}
