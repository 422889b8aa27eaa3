// docs/WEBHOOKS.md's verification snippets, run as written against real deliveries from the real
// server: the Node and Python receivers as the endpoint itself, the openssl check on a delivery the
// test saved, and the curl sender against the Node receiver — so the docs cannot rot.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Client, type Harness } from '../http/harness.ts';
import { freePort } from '../support/free-port.ts';
import { startSink, type Sink } from './sink.ts';

const DOC = fileURLToPath(new URL('../../../docs/WEBHOOKS.md', import.meta.url));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-webhook-docs-'));

/** The fenced blocks whose info string names a file (```js receiver.mjs), written into `dir`. */
function writeSnippets(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const match of fs.readFileSync(DOC, 'utf8').matchAll(/^```\w+ (\S+)\n([\s\S]*?)^```$/gm)) {
    const file = path.join(dir, match[1]!);
    fs.writeFileSync(file, match[2]!);
    files[match[1]!] = file;
  }
  return files;
}

let h: Harness;
let admin: Client;
let snippets: Record<string, string>;
const children: ChildProcess[] = [];

beforeAll(async () => {
  snippets = writeSnippets();
  h = await startHarness({ SIGHTLINE_WEBHOOK_RETRY_BASE_MS: '100' });
  admin = h.client();
  await admin.login();
});

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await h?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function endpointAt(url: string): Promise<{ id: string; secret: string }> {
  const res = await admin.json('/api/admin/webhooks', { method: 'POST', json: { url, events: ['case.created'] } });
  expect(res.status).toBe(201);
  return { id: res.body.endpoint.id, secret: res.body.secret };
}

/** Starts a receiver snippet; resolves its output lines as they come. */
function receiver(command: string, args: string[], env: Record<string, string>): { lines: string[]; until(pattern: RegExp): Promise<string> } {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  const lines: string[] = [];
  readline.createInterface({ input: child.stdout! }).on('line', (line) => lines.push(line));
  return {
    lines,
    async until(pattern) {
      const deadline = Date.now() + 15_000;
      for (;;) {
        const line = lines.find((l) => pattern.test(l));
        if (line) return line;
        if (Date.now() > deadline) throw new Error(`${command} ${args.join(' ')} printed ${JSON.stringify(lines)}, not ${pattern}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
  };
}

const delivered = async (endpointId: string) =>
  expect.poll(async () => (await admin.json(`/api/admin/webhooks/${endpointId}/deliveries`)).body.deliveries.map((d: { state: string }) => d.state), { timeout: 15_000 }).toEqual(['delivered']);

describe('docs/WEBHOOKS.md snippets', () => {
  it('has the four snippets the docs promise', () => {
    expect(Object.keys(snippets).sort()).toEqual(['receiver.mjs', 'receiver.py', 'send.sh', 'verify.sh']);
  });

  it('Node: the receiver verifies a real delivery and answers 204; the curl sender is verified by it, a wrong secret refused', async () => {
    const port = await freePort();
    const endpoint = await endpointAt(`http://127.0.0.1:${port}/hooks`);
    const node = receiver(process.execPath, [snippets['receiver.mjs']!], { WEBHOOK_SECRET: endpoint.secret, PORT: String(port) });
    await admin.json('/api/cases', { method: 'POST', json: { title: 'Node snippet' } });
    const line = await node.until(/^verified msg_\S+ case\.created$/);
    await delivered(endpoint.id);
    const [delivery] = (await admin.json(`/api/admin/webhooks/${endpoint.id}/deliveries`)).body.deliveries;
    expect(line).toBe(`verified ${delivery.id} case.created`);

    const send = (secret: string) => spawnSync('sh', [snippets['send.sh']!, `http://127.0.0.1:${port}/hooks`], { env: { ...process.env, WEBHOOK_SECRET: secret }, encoding: 'utf8' });
    expect(send(endpoint.secret).status).toBe(0);
    await node.until(/^verified msg_local_\d+ webhook\.test$/);
    const wrong = send('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw');
    expect(wrong.status).not.toBe(0);
    expect(wrong.stderr).toMatch(/401/);
  });

  it('Python: the receiver verifies a real delivery and answers 204', async () => {
    const port = await freePort();
    const endpoint = await endpointAt(`http://127.0.0.1:${port}/hooks`);
    const python = receiver('python3', [snippets['receiver.py']!], { WEBHOOK_SECRET: endpoint.secret, PORT: String(port) });
    await admin.json('/api/cases', { method: 'POST', json: { title: 'Python snippet' } });
    await python.until(/^verified msg_\S+ case\.created$/);
    await delivered(endpoint.id);
  });

  it('openssl: checks a saved delivery, and refuses it with one byte of the body changed', async () => {
    const sink: Sink = await startSink();
    try {
      const endpoint = await endpointAt(sink.url);
      await admin.json('/api/cases', { method: 'POST', json: { title: 'openssl snippet' } });
      const [saved] = await sink.until((r) => r.length === 1);
      const verify = (body: string) => spawnSync('sh', [snippets['verify.sh']!], {
        input: body, encoding: 'utf8',
        env: { ...process.env, WEBHOOK_SECRET: endpoint.secret, WEBHOOK_ID: saved!.id, WEBHOOK_TIMESTAMP: saved!.timestamp, WEBHOOK_SIGNATURE: saved!.signature },
      });
      const ok = verify(saved!.body);
      expect(ok.stdout.trim(), ok.stderr).toBe('verified');
      expect(ok.status).toBe(0);
      const tampered = verify(saved!.body.replace('openssl snippet', 'openssl snippeT'));
      expect(tampered.status).toBe(1);
      expect(tampered.stderr).toMatch(/signature does not match/);
    } finally {
      await sink.close();
    }
  });
});
