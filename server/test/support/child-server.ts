// The real server as a child process (`tsx server/src/main.ts`) on a given data dir, for tests that kill
// it with SIGKILL and start it again; plus the seeded randomness and the "a kill may cut this request"
// helper those tests share.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface ChildServer {
  /** `http://127.0.0.1:<port>` */
  base: string;
  process: ChildProcess;
  /** SIGKILL, then wait for the exit; a no-op once it has exited. */
  kill(): Promise<void>;
}

export interface ChildServerOptions {
  dataDir: string;
  admin: { email: string; password: string };
  /** Extra environment, e.g. limits. */
  env?: Record<string, string>;
}

/** Starts the server and resolves once it prints where it listens (its startup line on stdout). */
export async function startChildServer(opts: ChildServerOptions): Promise<ChildServer> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env, PORT: '0', HTTPS_PORT: 'off', HOST: '127.0.0.1', SIGHTLINE_DATA_DIR: opts.dataDir,
      SIGHTLINE_ADMIN_EMAIL: opts.admin.email, SIGHTLINE_ADMIN_PASSWORD: opts.admin.password, LOG_LEVEL: 'silent',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = readline.createInterface({ input: proc.stdout! });
  const exited = once(proc, 'exit').then(([code]) => { throw new Error(`the server exited with ${String(code)} before listening`); });
  const listening = (async () => {
    for await (const line of lines) {
      const match = /^Sightline listening (.*)$/.exec(line);
      if (match) return (JSON.parse(match[1]!) as { http: string }).http.replace('localhost', '127.0.0.1');
    }
    throw new Error('the server closed its output before listening');
  })();
  const base = await Promise.race([listening, exited]);
  // Keep draining its output so the pipe never fills.
  proc.stdout!.resume();
  return { base, process: proc, kill: () => killChild(proc) };
}

export async function killChild(proc: ChildProcess | null): Promise<void> {
  if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = once(proc, 'exit');
  proc.kill('SIGKILL');
  await exited;
}

/** A request the kill may cut: null when the connection failed (fetch rejects with a TypeError), else the answer. */
export const attempt = <T>(request: Promise<T>): Promise<T | null> =>
  request.catch((error: unknown) => {
    if (error instanceof TypeError) return null;
    throw error;
  });

/** mulberry32: a seeded generator, so a failing run can be repeated with its seed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
