// One request with a body over a kept-alive connection, by node:http rather than fetch: fetch (undici)
// adds 0.6–1.7 ms a request on loopback to an upload of 0.5–3 MB, which is the client's cost, not the
// server's, and would be charged to the server in a benchmark that times uploads.
import http from 'node:http';

export interface Sent {
  status: number;
  text: string;
}

/** Resolves once the whole answer is read. */
export function sendBody(agent: http.Agent, base: URL, opts: { method: 'PUT' | 'POST'; path: string; headers: Record<string, string>; body: Uint8Array }): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const headers = { ...opts.headers, 'content-length': String(opts.body.length) };
    const req = http.request({ host: base.hostname, port: base.port, path: opts.path, method: opts.method, agent, headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (part: Buffer) => parts.push(part));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(parts).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}
