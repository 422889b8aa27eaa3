// Starts support/signalling-instance.ts as a child process and reads what it prints.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { PeerGrant } from '../../../src/signalling/signalling.ts';

const SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'signalling-instance.ts');

export interface ChildInstance {
  /** `http://127.0.0.1:<port>` */
  base: string;
  process: ChildProcess;
  /** Presence events as the instance reported them. */
  presence: Array<{ grant: PeerGrant; online: boolean }>;
  /** SIGKILL, then wait for the exit. */
  kill(): Promise<void>;
}

export async function startChildInstance(env: Record<string, string>): Promise<ChildInstance> {
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const presence: ChildInstance['presence'] = [];
  // A SIGKILL can cut the line being written short; nothing printed after the kill is read.
  let killed = false;
  const lines = readline.createInterface({ input: child.stdout! });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the signalling instance exited with ${String(code)} before listening`)));
    lines.on('line', (line) => {
      if (killed) return;
      const message = JSON.parse(line) as { port?: number; presence?: ChildInstance['presence'][number] };
      if (message.port !== undefined) resolve(message.port);
      if (message.presence) presence.push(message.presence);
    });
  });
  return {
    base: `http://127.0.0.1:${port}`,
    process: child,
    presence,
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      killed = true;
      child.kill('SIGKILL');
      await exited;
    },
  };
}
