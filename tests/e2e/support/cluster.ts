// A scale-out Sightline for a browser journey: one throwaway PostgreSQL (a database of its own in it),
// one redis-server, one s3rver bucket, the shared secrets in files, two identical instances A and B as
// child processes on two loopback ports (each its own SIGHTLINE_DATA_DIR), and HAProxy in front of them
// with health checks on GET /api/ready and `balance first`, so traffic goes to A while A is up.
// `stop()` ends everything it started, in reverse order.
import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startPostgres } from '../../../scripts/postgres.mjs';
import { freePort } from '../../../server/test/support/free-port.ts';
import { startRedis } from '../../../server/test/support/redis-server.ts';
import { startS3Server } from '../../../server/test/support/s3-server.ts';
import { repoRoot } from './server.ts';

export const HAPROXY = '/usr/sbin/haproxy';

export interface Instance {
  name: 'a' | 'b';
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  /** SIGKILL, then wait for the exit; a no-op once it has exited. */
  kill(): Promise<void>;
  alive(): boolean;
}

export interface ServerStatus {
  status: string;
  /** Client connections HAProxy has sent to this server so far (its health checks not counted). */
  sessions: number;
}

export interface Cluster {
  /** HAProxy's frontend, `http://127.0.0.1:<port>`: SIGHTLINE_PUBLIC_URL of both instances. */
  url: string;
  a: Instance;
  b: Instance;
  admin: { email: string; password: string };
  /** The database both instances use. */
  databaseUrl: string;
  /** What HAProxy says of each instance, by its stats socket: its check status ('UP', 'DOWN', …) and sessions sent to it. */
  backendStatus(): Promise<Partial<Record<'a' | 'b', ServerStatus>>>;
  /** Everything the instances and HAProxy printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

async function killProcess(proc: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = once(proc, 'exit');
  proc.kill(signal);
  await exited;
}

/** Resolves once GET `url` answers 200, or rejects after `timeoutMs`. */
async function waitForOk(url: string, timeoutMs: number, what: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await fetch(url).then((r) => r.ok, () => false);
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`${url} did not answer 200 within ${timeoutMs} ms:\n${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function haproxyConfig(opts: { frontendPort: number; statsSocket: string; a: number; b: number }): string {
  return [
    'global',
    `  stats socket ${opts.statsSocket} mode 600 level admin`,
    'defaults',
    '  mode http',
    '  timeout connect 2s',
    '  timeout client 1m',
    '  timeout server 1m',
    '  timeout tunnel 1h',
    // A check may answer later than `inter` on a busy machine: only a refused or silent server fails it.
    '  timeout check 2s',
    '  retries 3',
    '  option redispatch',
    'frontend web',
    `  bind 127.0.0.1:${opts.frontendPort}`,
    '  default_backend sightline',
    'backend sightline',
    '  balance first',
    '  option httpchk GET /api/ready',
    '  http-check expect status 200',
    '  default-server check inter 300 fall 2 rise 2',
    `  server a 127.0.0.1:${opts.a}`,
    `  server b 127.0.0.1:${opts.b}`,
    '',
  ].join('\n');
}

export async function startCluster(): Promise<Cluster> {
  const stack: Array<() => Promise<void>> = [];
  const logs: string[] = [];
  const stop = async (): Promise<void> => {
    for (const step of stack.splice(0).reverse()) await step().catch((error: unknown) => logs.push(`stop: ${String(error)}`));
  };
  try {
    const dir = await mkdtemp(path.join(tmpdir(), 'sightline-cluster-'));
    stack.push(() => rm(dir, { recursive: true, force: true }));

    const postgres = await startPostgres();
    stack.push(async () => postgres.stop());
    const databaseUrl = await createDatabase(postgres.url, 'sightline_scale_out');
    const redis = await startRedis();
    stack.push(() => redis.stop());
    const s3 = await startS3Server({ bucket: 'sightline-scale-out' });
    stack.push(() => s3.close());

    const ledgerKey = path.join(dir, 'ledger-key.pem');
    const signallingSecret = path.join(dir, 'signalling.key');
    await writeFile(ledgerKey, generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    await writeFile(signallingSecret, randomBytes(32), { mode: 0o600 });

    const [frontendPort, portA, portB] = [await freePort(), await freePort(), await freePort()];
    const publicUrl = `http://127.0.0.1:${frontendPort}`;
    const admin = { email: 'admin@sightline.test', password: 'correct-horse-battery' };
    const shared = {
      ...s3.env,
      HTTPS_PORT: 'off',
      HOST: '127.0.0.1',
      SIGHTLINE_DATABASE_URL: databaseUrl,
      SIGHTLINE_REDIS_URL: redis.url,
      SIGHTLINE_LEDGER_KEY_FILE: ledgerKey,
      SIGHTLINE_SIGNALLING_SECRET_FILE: signallingSecret,
      SIGHTLINE_PUBLIC_URL: publicUrl,
      SIGHTLINE_ADMIN_EMAIL: admin.email,
      SIGHTLINE_ADMIN_PASSWORD: admin.password,
      SIGHTLINE_ICE_SERVERS: '[]',
      LOG_LEVEL: process.env.SIGHTLINE_E2E_LOG_LEVEL ?? 'warn',
    };
    const startInstance = async (name: 'a' | 'b', port: number): Promise<Instance> => {
      const dataDir = path.join(dir, `data-${name}`);
      const proc = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
        cwd: repoRoot,
        env: { ...process.env, ...shared, PORT: String(port), SIGHTLINE_DATA_DIR: dataDir },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const log = (chunk: Buffer) => logs.push(`[${name}] ${chunk.toString().trimEnd()}`);
      proc.stdout!.on('data', log);
      proc.stderr!.on('data', log);
      stack.push(() => killProcess(proc, 'SIGTERM'));
      const url = `http://127.0.0.1:${port}`;
      const exited = once(proc, 'exit').then(([code]) => {
        throw new Error(`instance ${name} exited with ${String(code)} before it was ready:\n${logs.join('\n')}`);
      });
      await Promise.race([waitForOk(`${url}/api/ready`, 60_000, () => logs.join('\n')), exited]);
      exited.catch(() => undefined);
      return { name, url, port, kill: () => killProcess(proc), alive: () => proc.exitCode === null && proc.signalCode === null };
    };
    // One after the other: A makes the schema, B finds it made.
    const a = await startInstance('a', portA);
    const b = await startInstance('b', portB);

    const statsSocket = path.join(dir, 'haproxy.sock');
    const configFile = path.join(dir, 'haproxy.cfg');
    await writeFile(configFile, haproxyConfig({ frontendPort, statsSocket, a: portA, b: portB }));
    const haproxy = spawn(HAPROXY, ['-db', '-f', configFile], { stdio: ['ignore', 'pipe', 'pipe'] });
    const log = (chunk: Buffer) => logs.push(`[haproxy] ${chunk.toString().trimEnd()}`);
    haproxy.stdout.on('data', log);
    haproxy.stderr.on('data', log);
    stack.push(() => killProcess(haproxy, 'SIGTERM'));

    const backendStatus = async (): Promise<Partial<Record<'a' | 'b', ServerStatus>>> => {
      const csv = await statsCommand(statsSocket, 'show stat\n');
      const status: Partial<Record<'a' | 'b', ServerStatus>> = {};
      const [header, ...rows] = csv.replace(/^# /, '').trim().split('\n');
      const columns = (header ?? '').split(',');
      for (const row of rows) {
        const cells = row.split(',');
        const field = (name: string) => cells[columns.indexOf(name)] ?? '';
        const name = field('svname');
        if (field('pxname') === 'sightline' && (name === 'a' || name === 'b')) status[name] = { status: field('status'), sessions: Number(field('stot')) };
      }
      return status;
    };
    // Ready once HAProxy serves and has seen both servers pass their checks.
    await waitForOk(`${publicUrl}/api/ready`, 20_000, () => logs.join('\n'));
    const deadline = Date.now() + 20_000;
    for (;;) {
      const status: Partial<Record<'a' | 'b', ServerStatus>> = await backendStatus().catch(() => ({}));
      if (status.a?.status === 'UP' && status.b?.status === 'UP') break;
      if (Date.now() > deadline) throw new Error(`HAProxy does not see both instances up: ${JSON.stringify(status)}\n${logs.join('\n')}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    return { url: publicUrl, a, b, admin, databaseUrl, backendStatus, output: () => logs.join('\n'), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function createDatabase(adminUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** One command on HAProxy's stats socket; resolves with its whole answer. */
function statsCommand(socketPath: string, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let answer = '';
    const socket = net.connect(socketPath, () => socket.write(command));
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}
