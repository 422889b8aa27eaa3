// Graceful shutdown of the real server as a child process: after SIGTERM readiness answers 503 first, a
// request under way still completes, an event stream is ended, and the process exits 0; a request that
// outlasts the grace period is cut and the process still exits 0.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startChildServer, type ChildServer } from '../support/child-server.ts';

const ADMIN = { email: 'admin@example.test', password: 'correct horse battery' };
const started: { child: ChildServer; dataDir: string }[] = [];

afterEach(async () => {
  for (const { child, dataDir } of started.splice(0)) {
    await child.kill();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

async function start(env: Record<string, string>): Promise<ChildServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-shutdown-'));
  const child = await startChildServer({ dataDir, admin: ADMIN, env: { LOG_LEVEL: 'silent', ...env } });
  started.push({ child, dataDir });
  return child;
}

/** A login whose body is sent in two parts: the request is under way until `finish` is called. */
function slowLogin(base: string): { finish(): void; answer: Promise<{ status: number; body: string }> } {
  const body = JSON.stringify(ADMIN);
  const half = Math.floor(body.length / 2);
  const req = http.request(`${base}/api/auth/login`, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } });
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
  });
  // Settled by the test's expectation; never left to reject unheard when a failed test kills the server.
  answer.catch(() => undefined);
  req.write(body.slice(0, half));
  return { finish: () => req.end(body.slice(half)), answer };
}

const exitOf = (proc: ChildProcess): Promise<number | null> =>
  proc.exitCode !== null ? Promise.resolve(proc.exitCode) : once(proc, 'exit').then(([code]) => code as number | null);

const readiness = async (base: string): Promise<number | null> => {
  try {
    return (await fetch(`${base}/api/ready`)).status;
  } catch {
    return null;
  }
};

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('graceful shutdown', () => {
  it('turns readiness 503 first, lets a request under way finish, ends event streams and exits 0', async () => {
    const child = await start({ SIGHTLINE_SHUTDOWN_NOTICE_S: '1', SIGHTLINE_SHUTDOWN_GRACE_S: '10' });
    expect(await readiness(child.base)).toBe(200);
    const login = await fetch(`${child.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const stream = await fetch(`${child.base}/api/events`, { headers: { cookie } });
    const streamEnded = stream.text().then(() => true, () => true);
    const slow = slowLogin(child.base);
    await pause(200);

    const exited = exitOf(child.process);
    const signalledAt = Date.now();
    child.process.kill('SIGTERM');
    // Until the signal is handled readiness may still say 200; then 503 while the listener still takes
    // connections, so the load balancer sees it before connections are refused.
    const during: (number | null)[] = [];
    while (Date.now() - signalledAt < 800) {
      during.push(await readiness(child.base));
      await pause(50);
    }
    const first503 = during.indexOf(503);
    expect(first503).toBeGreaterThanOrEqual(0);
    expect(during.slice(first503).every((s) => s === 503)).toBe(true);

    await pause(600);
    // The notice is over: no new connection is taken, but the request under way is still served.
    expect(await readiness(child.base)).toBeNull();
    slow.finish();
    const answer = await slow.answer;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body).user.email).toBe(ADMIN.email);
    expect(await streamEnded).toBe(true);
    expect(await exited).toBe(0);
    // Well within the grace: it left as soon as the request was done.
    expect(Date.now() - signalledAt).toBeLessThan(8_000);
  });

  it('cuts a request that outlasts the grace period and still exits 0', async () => {
    const child = await start({ SIGHTLINE_SHUTDOWN_NOTICE_S: '0', SIGHTLINE_SHUTDOWN_GRACE_S: '1' });
    const slow = slowLogin(child.base);
    const cut = slow.answer.then(() => false, () => true);
    await pause(200);
    const exited = exitOf(child.process);
    const signalledAt = Date.now();
    child.process.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(Date.now() - signalledAt).toBeGreaterThanOrEqual(900);
    expect(await cut).toBe(true);
  });

  it('refuses a bad grace setting with the variable named', async () => {
    const proc = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      cwd: path.resolve(import.meta.dirname, '../../..'),
      env: { ...process.env, PORT: '0', HTTPS_PORT: 'off', SIGHTLINE_SHUTDOWN_GRACE_S: 'soon' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    proc.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    expect(await exitOf(proc)).toBe(2);
    expect(stderr).toMatch(/SIGHTLINE_SHUTDOWN_GRACE_S: must be a whole number of seconds/);
  });
});
