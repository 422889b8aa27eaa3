// Graceful shutdown (SIGTERM, SIGINT): how long to announce it and how long requests under way may take
// (from the environment), and the closing of the HTTP listeners within that time.
import type http from 'node:http';
import { z } from 'zod';
import { ConfigError } from '../config.ts';

export interface ShutdownConfig {
  /** How long readiness answers 503 before the listeners close, so the load balancer's checks see it first. */
  noticeMs: number;
  /** How long requests under way may still take once the listeners are closed; then they are cut. */
  graceMs: number;
}

const seconds = z.coerce.number().int().min(0).max(3600).optional();

const ShutdownEnv = z.object({
  SIGHTLINE_SHUTDOWN_GRACE_S: seconds,
  SIGHTLINE_SHUTDOWN_NOTICE_S: seconds,
  SIGHTLINE_REDIS_URL: z.string().optional(),
});

/** Defaults: 20 s of grace; 5 s of notice behind a load balancer (Redis set), none for a lone instance. */
export function loadShutdownConfig(env: NodeJS.ProcessEnv): ShutdownConfig {
  const parsed = ShutdownEnv.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: must be a whole number of seconds (0-3600)`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    noticeMs: (e.SIGHTLINE_SHUTDOWN_NOTICE_S ?? (e.SIGHTLINE_REDIS_URL ? 5 : 0)) * 1000,
    graceMs: (e.SIGHTLINE_SHUTDOWN_GRACE_S ?? 20) * 1000,
  };
}

/**
 * Stops accepting connections and waits for the requests under way, at most `graceMs`; then cuts what is
 * left. Resolves true when something had to be cut.
 */
export async function closeListeners(servers: readonly http.Server[], graceMs: number): Promise<boolean> {
  const closed = Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
  // A keep-alive connection whose request finishes after close() would wait out its idle timeout: close
  // each as soon as it is idle.
  const sweeper = setInterval(() => servers.forEach((server) => server.closeIdleConnections()), 100);
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<true>((resolve) => {
    timer = setTimeout(() => resolve(true), graceMs);
  });
  try {
    const cut = await Promise.race([closed.then(() => false), expired]);
    if (cut) {
      servers.forEach((server) => server.closeAllConnections());
      await closed;
    }
    return cut;
  } finally {
    clearInterval(sweeper);
    clearTimeout(timer);
  }
}
