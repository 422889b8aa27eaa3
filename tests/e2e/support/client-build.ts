// Builds the client pages once before a journey, unless client/dist is newer than every source file.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './server.ts';

function newestMtime(target: string): number {
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(target).reduce((newest, name) => Math.max(newest, newestMtime(path.join(target, name))), stat.mtimeMs);
}

export function ensureClientBuild(): void {
  const client = path.join(repoRoot, 'client');
  const built = path.join(client, 'dist', 'join.html');
  const sources = [path.join(client, 'src'), path.join(client, 'console.html'), path.join(client, 'join.html'), path.join(client, 'start.html'), path.join(client, 'receipt.html'), path.join(client, 'vite.config.ts'), path.join(repoRoot, 'protocol')];
  if (existsSync(built) && existsSync(path.join(client, 'dist', 'console.html')) && existsSync(path.join(client, 'dist', 'start.html')) && existsSync(path.join(client, 'dist', 'receipt.html'))) {
    const builtAt = statSync(built).mtimeMs;
    if (sources.every((source) => newestMtime(source) < builtAt)) return;
  }
  execFileSync(process.execPath, [path.join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'client/vite.config.ts', '--logLevel', 'warn'], {
    cwd: repoRoot,
    stdio: 'inherit',
    // Vitest sets NODE_ENV=test, which Vite would honour with a development build of React.
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
