// Connections to the Redis that instances share (SIGHTLINE_REDIS_URL): one for commands, and one more for
// each blocking reader (a connection blocked in XREAD answers nothing else). Start-up waits for a PING,
// so a wrong URL or password stops the process with a clear message instead of failing at the first login.
import { Redis } from 'ioredis';
import type { Logger } from 'pino';

export type { Redis } from 'ioredis';

/** How long start-up waits for Redis to answer. */
const CONNECT_TIMEOUT_MS = 10_000;

/**
 * A connection that reconnects by itself (ioredis' default back-off) and queues commands meanwhile;
 * a command waits at most for a few reconnection attempts, then fails, so a request that needs Redis
 * gets an error instead of hanging.
 */
export function createRedisConnection(url: string, name: string, log: Logger): Redis {
  const redis = new Redis(url, { connectionName: `sightline-${name}`, maxRetriesPerRequest: 3, lazyConnect: true });
  let lastError = '';
  redis.on('error', (err: Error) => {
    // Repeated while Redis is down: log each different reason once.
    if (err.message !== lastError) log.error({ err, connection: name }, 'redis: connection error');
    lastError = err.message;
  });
  redis.on('ready', () => {
    if (lastError) log.info({ connection: name }, 'redis: connected again');
    lastError = '';
  });
  return redis;
}

/** Connects and checks that Redis answers; throws with the reason when it does not. */
export async function openRedis(url: string, name: string, log: Logger): Promise<Redis> {
  const redis = createRedisConnection(url, name, log);
  try {
    await withTimeout(redis.connect().then(() => redis.ping()), CONNECT_TIMEOUT_MS, 'no answer');
    await requireStreams(redis);
  } catch (error) {
    redis.disconnect();
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(`Redis at SIGHTLINE_REDIS_URL cannot be used: ${why}`, { cause: error });
  }
  return redis;
}

/** Live events rely on XINFO STREAM's max-deleted-entry-id, new in Redis 7.0. */
async function requireStreams(redis: Redis): Promise<void> {
  const info = await redis.info('server');
  const version = /redis_version:(\d+)\./.exec(info)?.[1];
  if (version !== undefined && Number(version) < 7) throw new Error(`Redis ${version}.x is too old; Sightline needs Redis 7.0 or later`);
}

/** Quits politely, or drops the connection when Redis does not answer. */
export async function closeRedis(redis: Redis): Promise<void> {
  if (redis.status === 'end') return;
  await withTimeout(redis.quit(), 2_000, 'quit timed out').catch(() => redis.disconnect());
}

export function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
