// A throwaway coturn (Debian's `turnserver`) for browser journeys: loopback only, its own UDP/TCP
// port, REST-scheme credentials (use-auth-secret), no TLS/DTLS, no CLI, a temp dir for log and pid.
// Ready once it answers a STUN Binding request; stopped after.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import dgram from 'node:dgram';
import { once } from 'node:events';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const TURNSERVER = '/usr/bin/turnserver';

/** Why coturn cannot run here; undefined when it can. */
export function turnserverMissing(): string | undefined {
  return fs.existsSync(TURNSERVER) ? undefined : 'no turnserver installed (Debian: apt-get install coturn)';
}

export interface TurnServer {
  /** The URL to give Sightline in SIGHTLINE_TURN_URLS. */
  url: string;
  port: number;
  secret: string;
  /** coturn's log so far. */
  log(): string;
  stop(): Promise<void>;
}

export interface TurnServerOptions {
  /** coturn's static-auth-secret. */
  secret: string;
  /** Reuse a port (to restart coturn behind the same URL); a free one otherwise. */
  port?: number;
}

/** A port free for both UDP and TCP on 127.0.0.1: coturn listens on both. */
async function freePort(): Promise<number> {
  for (;;) {
    const socket = dgram.createSocket('udp4');
    socket.bind(0, '127.0.0.1');
    await once(socket, 'listening');
    const { port } = socket.address();
    socket.close();
    const server = net.createServer();
    const free = await new Promise<boolean>((resolve) => {
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => resolve(true));
    });
    if (free) {
      server.close();
      await once(server, 'close');
      return port;
    }
  }
}

function config(port: number, secret: string, dir: string): string {
  return [
    'listening-ip=127.0.0.1',
    'relay-ip=127.0.0.1',
    `listening-port=${port}`,
    'realm=sightline.test',
    'use-auth-secret',
    `static-auth-secret=${secret}`,
    // Both peers' relay addresses are 127.0.0.1: without this coturn refuses them as peers.
    'allow-loopback-peers',
    'no-tls',
    'no-dtls',
    'no-cli',
    'fingerprint',
    `log-file=${path.join(dir, 'turn.log')}`,
    'simple-log',
    'verbose',
    `pidfile=${path.join(dir, 'turnserver.pid')}`,
    `userdb=${path.join(dir, 'turndb')}`,
    '',
  ].join('\n');
}

/** True once a STUN Binding request to the port gets an answer. */
async function answersStun(port: number): Promise<boolean> {
  const socket = dgram.createSocket('udp4');
  try {
    const request = Buffer.alloc(20);
    request.writeUInt16BE(0x0001, 0);
    request.writeUInt16BE(0, 2);
    request.writeUInt32BE(0x2112a442, 4);
    randomBytes(12).copy(request, 8);
    const answer = once(socket, 'message').then(() => true);
    socket.send(request, port, '127.0.0.1');
    return await Promise.race([answer, new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 200))]);
  } finally {
    socket.close();
  }
}

export async function startTurnServer(options: TurnServerOptions): Promise<TurnServer> {
  const missing = turnserverMissing();
  if (missing) throw new Error(missing);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-turn-'));
  const port = options.port ?? (await freePort());
  const configPath = path.join(dir, 'turnserver.conf');
  fs.writeFileSync(configPath, config(port, options.secret, dir), { mode: 0o600 });
  const child = spawn(TURNSERVER, ['-c', configPath, '--no-stdout-log'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const log = (): string => {
    const file = path.join(dir, 'turn.log');
    return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  };
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const force = setTimeout(() => child.kill('SIGKILL'), 3000);
      await once(child, 'exit');
      clearTimeout(force);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 10_000;
  while (!(await answersStun(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      const why = child.exitCode !== null ? `exited with ${child.exitCode}` : 'did not answer STUN within 10 s';
      const text = `turnserver ${why}:\n${output}\n${log()}`;
      await stop();
      throw new Error(text);
    }
  }
  return { url: `turn:127.0.0.1:${port}?transport=udp`, port, secret: options.secret, log, stop };
}
