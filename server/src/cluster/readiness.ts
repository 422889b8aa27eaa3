// Whether this instance should be sent traffic: each dependency answers a cheap call in time, and the
// instance is not draining for shutdown. The answer says only up or down and how long each call took,
// since the endpoint needs no login.
import type { Logger } from 'pino';
import { withTimeout } from './redis.ts';

/** One dependency's probe: resolves when it answers, rejects when it does not. */
export type Probe = () => Promise<unknown>;

export interface ReadinessCheck {
  up: boolean;
  ms: number;
}

export interface ReadinessReport {
  ok: boolean;
  draining: boolean;
  checks: Record<string, ReadinessCheck>;
}

export interface Readiness {
  check(): Promise<ReadinessReport>;
  /** From now on the instance answers not ready, so the load balancer stops sending it requests. */
  drain(): void;
  draining(): boolean;
}

/** A probe that takes longer than this counts as down: a load balancer's check would time out too. */
const PROBE_TIMEOUT_MS = 2_000;

export function createReadiness(opts: { probes: Record<string, Probe>; log: Logger; timeoutMs?: number }): Readiness {
  const timeoutMs = opts.timeoutMs ?? PROBE_TIMEOUT_MS;
  let draining = false;
  const run = async (name: string, probe: Probe): Promise<ReadinessCheck> => {
    const started = performance.now();
    const up = await withTimeout(probe(), timeoutMs, `no answer in ${timeoutMs} ms`).then(() => true, (err: unknown) => {
      opts.log.warn({ err, dependency: name }, 'readiness: a dependency is down');
      return false;
    });
    return { up, ms: Math.round(performance.now() - started) };
  };
  return {
    async check() {
      const entries = await Promise.all(Object.entries(opts.probes).map(async ([name, probe]) => [name, await run(name, probe)] as const));
      const checks = Object.fromEntries(entries);
      return { ok: !draining && entries.every(([, c]) => c.up), draining, checks };
    },
    drain() {
      draining = true;
    },
    draining: () => draining,
  };
}
