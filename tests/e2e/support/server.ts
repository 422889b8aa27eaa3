// Starts the real Sightline server for a browser journey: ephemeral http port on 127.0.0.1, no https,
// a temp data dir and a known admin. Resolves with its URL once it printed its start-up line.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export interface RunningServer {
  url: string;
  admin: { email: string; password: string };
  /** Everything the server printed, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
}

const ListeningLine = z.object({ http: z.string().nullable() });
const PREFIX = 'Sightline listening ';

export async function startServer(timeoutMs = 60_000): Promise<RunningServer> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'sightline-e2e-'));
  const admin = { email: 'admin@sightline.test', password: 'correct-horse-battery' };
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: '0',
      HTTPS_PORT: 'off',
      HOST: '127.0.0.1',
      SIGHTLINE_DATA_DIR: dataDir,
      SIGHTLINE_ADMIN_EMAIL: admin.email,
      SIGHTLINE_ADMIN_PASSWORD: admin.password,
      SIGHTLINE_ICE_SERVERS: '[]',
      LOG_LEVEL: process.env.SIGHTLINE_E2E_LOG_LEVEL ?? 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const stop = async (): Promise<void> => {
    await terminate(child);
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs);
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const line = output.split('\n').find((l) => l.startsWith(PREFIX));
        if (!line) return;
        const parsed = ListeningLine.safeParse(JSON.parse(line.slice(PREFIX.length)));
        clearTimeout(timer);
        if (parsed.success && parsed.data.http) resolve(parsed.data.http.replace(/\/+$/, ''));
        else reject(new Error(`unexpected start-up line: ${line}`));
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`server exited with code ${code}:\n${output}`));
      });
    });
    return { url, admin, output: () => output, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
