// Simulates a network drop by taking the loopback interface down and up again. Only ever done inside
// a loopback-only network namespace (`unshare -n`), never on a machine's real network.
import { execFileSync } from 'node:child_process';
import { networkInterfaces } from 'node:os';

/** True when this process sees no interface but loopback, i.e. runs in its own network namespace. */
export function inLoopbackOnlyNamespace(): boolean {
  const names = Object.keys(networkInterfaces());
  return names.every((name) => name === 'lo') && process.getuid?.() === 0;
}

export function setLoopback(up: boolean): void {
  if (!inLoopbackOnlyNamespace() && !up) throw new Error('refusing to take loopback down outside a loopback-only namespace');
  execFileSync('ip', ['link', 'set', 'lo', up ? 'up' : 'down']);
}

/** Takes the network down for `ms`, then brings it back. */
export async function dropNetwork(ms: number): Promise<void> {
  setLoopback(false);
  try {
    await new Promise((resolve) => setTimeout(resolve, ms));
  } finally {
    setLoopback(true);
  }
}
