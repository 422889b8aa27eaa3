// Graceful shutdown (SIGTERM, SIGINT): the closing of the HTTP listeners within the grace period that
// config.ts reads (SIGHTLINE_SHUTDOWN_NOTICE_S, SIGHTLINE_SHUTDOWN_GRACE_S).
import type http from 'node:http';

export interface ShutdownConfig {
  /** How long readiness answers 503 before the listeners close, so the load balancer's checks see it first. */
  noticeMs: number;
  /** How long requests under way may still take once the listeners are closed; then they are cut. */
  graceMs: number;
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
