// A throwaway PostgreSQL cluster for the tests: Debian's server binaries (`initdb` + `pg_ctl`, run as
// the `postgres` user when we are root, as PostgreSQL refuses to run as root), a data directory in
// /tmp, listening on 127.0.0.1 at a free port and a private socket directory, trusting local
// connections. `ensurePostgres()` installs Debian's `postgresql` when root and missing, as
// scripts/chromium.mjs does for Chromium.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** The newest installed server's bin folder (/usr/lib/postgresql/<major>/bin), or null. */
export function findPostgres() {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return null;
  const majors = fs.readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
  const bin = majors.map((v) => path.join(root, v, 'bin')).find((dir) => fs.existsSync(path.join(dir, 'initdb')));
  return bin ?? null;
}

export function ensurePostgres() {
  const found = findPostgres();
  if (found) return found;
  if (!fs.existsSync('/etc/debian_version') || !isRoot) return null;
  console.log('No PostgreSQL server found: installing Debian\'s postgresql (apt-get)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'postgresql'], { stdio: 'inherit', env });
  return findPostgres();
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Runs a server binary as the user that owns the cluster. */
function runAs(bin, args) {
  const command = isRoot ? 'runuser' : bin;
  const argv = isRoot ? ['-u', 'postgres', '--', bin, ...args] : args;
  const result = spawnSync(command, argv, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${path.basename(bin)} failed: ${result.stderr || result.stdout}`);
  return result.stdout;
}

/**
 * Starts a fresh cluster; resolves with its superuser URL (`postgres://postgres@127.0.0.1:<port>/postgres`)
 * and `stop()`, which shuts it down and removes its files. `durable`: keep PostgreSQL's default fsync
 * and synchronous commit (benchmarks comparing it with SQLite's synchronous=FULL); tests turn them off.
 */
export async function startPostgres(bin = findPostgres(), { durable = false } = {}) {
  if (!bin) throw new Error('no PostgreSQL server binaries (Debian: apt-get install postgresql)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-pg-'));
  const data = path.join(dir, 'data');
  const socketDir = path.join(dir, 'socket');
  fs.mkdirSync(socketDir);
  if (isRoot) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
  runAs(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync']);
  const port = await freePort();
  // fsync off (unless durable) and a small footprint: a throwaway cluster, never for data anyone keeps.
  const fast = durable ? '' : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off';
  const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${socketDir}${fast} -c max_connections=200 -c shared_buffers=64MB`;
  runAs(path.join(bin, 'pg_ctl'), ['-D', data, '-l', path.join(dir, 'server.log'), '-o', options, '-w', '-t', '60', 'start']);
  const stop = () => {
    try {
      runAs(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, port, stop };
}
