// The peer directory shared by every instance through Redis (SIGHTLINE_REDIS_URL): the registry of
// registry-scripts.ts plus one pub/sub channel per instance. Each instance refreshes its own
// registrations on a heartbeat and reaps everyone's expired ones, so the peers of a killed instance
// leave the registry, and are reported offline once, within about one TTL.
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { closeRedis, openRedis } from '../cluster/redis.ts';
import { DirectoryEntry, InstanceMessage } from './instance-messages.ts';
import { createRegistrationId, type DirectoryEvents, type PeerDirectory } from './peer-directory.ts';
import { CLAIM, IN_CASE, LOCATE, REAP, REFRESH, RELEASE, runScript } from './registry-scripts.ts';

export interface RedisDirectoryOptions {
  url: string;
  log: Logger;
  /**
   * This instance's id, e.g. the instance registry's; each directory on one Redis needs its own.
   * @default 16 random hex characters
   */
  instanceId?: string;
  /**
   * How long a registration lives without a refresh; refreshed every third of it. 30 s: a killed
   * instance's peers hold their places (and stay in presence) for at most that long, while its clients
   * come back within seconds under fresh ids anyway; and a live instance may go 20 s without reaching
   * Redis (a failover, a long pause) before its peers are taken for dead.
   * @default 30_000
   */
  ttlMs?: number;
  /** @default 'sightline:signalling:' */
  prefix?: string;
}

/** How long a located peer is trusted without asking Redis again: ids never move, they only go. */
const LOCATE_CACHE_MS = 1_000;
/** Registrations refreshed or reaped per script call, so that no call holds Redis for long. */
const BATCH = 1_000;

export async function createRedisDirectory(opts: RedisDirectoryOptions): Promise<PeerDirectory> {
  const ttlMs = opts.ttlMs ?? 30_000;
  const prefix = opts.prefix ?? 'sightline:signalling:';
  // Kept past the expiry so that whoever reaps a registration can still read whose it was.
  const keepMs = 2 * ttlMs;
  const instance = opts.instanceId ?? randomBytes(8).toString('hex');
  const channel = `${prefix}instance:${instance}`;
  const peersKey = `${prefix}peers`;
  const peerKey = (peerId: string): string => `${prefix}peer:${peerId}`;
  const caseKey = (caseId: string): string => `${prefix}case:${caseId}`;

  const commands = await openRedis(opts.url, 'signalling', opts.log);
  const subscriber = await openRedis(opts.url, 'signalling-subscriber', opts.log).catch(async (err: unknown) => {
    await closeRedis(commands);
    throw err;
  });
  let events: DirectoryEvents | undefined;
  subscriber.on('message', (_channel: string, raw: string) => {
    const message = InstanceMessage.safeParse(parseJson(raw));
    if (!message.success) return opts.log.warn({ channel }, 'signalling: ignored a malformed instance message');
    events?.onMessage(message.data);
  });
  // ioredis subscribes again by itself after a reconnection.
  await subscriber.subscribe(channel);

  const located = new Map<string, { entry: DirectoryEntry; until: number }>();
  const readEntries = (raws: unknown): DirectoryEntry[] =>
    (Array.isArray(raws) ? raws : []).flatMap((raw) => {
      const entry = DirectoryEntry.safeParse(parseJson(raw));
      return entry.success ? [entry.data] : [];
    });

  async function beat(): Promise<void> {
    if (!events) return;
    const held = events.held();
    const lost: Array<{ peerId: string; registration: string }> = [];
    for (let i = 0; i < held.length; i += BATCH) {
      const batch = held.slice(i, i + BATCH);
      const ids = await runScript(commands, REFRESH, [peersKey], [prefix, ttlMs, keepMs, ...batch.flatMap((p) => [p.peerId, p.registration])]);
      const gone = new Set(Array.isArray(ids) ? ids : []);
      lost.push(...batch.filter((p) => gone.has(p.peerId)));
    }
    if (lost.length > 0) events.onLost(lost);
    for (;;) {
      const reaped = readEntries(await runScript(commands, REAP, [peersKey], [prefix, BATCH]));
      if (reaped.length > 0) events.onExpired(reaped.map((entry) => entry.grant));
      if (reaped.length < BATCH) break;
    }
    const now = Date.now();
    for (const [peerId, cached] of located) if (cached.until <= now) located.delete(peerId);
  }

  let beating: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const schedule = (): void => {
    timer = setTimeout(() => {
      beating = beat()
        .catch((err: unknown) => opts.log.warn({ err }, 'signalling: could not refresh the peer registry'))
        .finally(() => {
          if (timer !== undefined) schedule();
        });
    }, ttlMs / 3);
    timer.unref();
  };

  return {
    instance,
    attach(handlers) {
      events = handlers;
      schedule();
    },
    async claim(grant, limits) {
      const registration = createRegistrationId();
      const entry: DirectoryEntry = { grant, instance, registration };
      const result = await runScript(commands, CLAIM, [peerKey(grant.peerId), peersKey, caseKey(grant.caseId)], [
        grant.peerId, JSON.stringify(entry), ttlMs, keepMs, limits.maxPeersPerCase, limits.maxPeers,
      ]);
      if (result === 'ok') return { ok: true, registration };
      if (result === 'already-online') return { ok: false, status: 409, reason: result };
      if (result === 'case-full' || result === 'server-full') return { ok: false, status: 429, reason: result };
      throw new Error(`signalling: unexpected registry answer ${String(result)}`);
    },
    async release(grant, registration) {
      located.delete(grant.peerId);
      const removed = await runScript(commands, RELEASE, [peerKey(grant.peerId), peersKey, caseKey(grant.caseId)], [grant.peerId, registration]);
      return removed === 1;
    },
    async locate(peerId) {
      const cached = located.get(peerId);
      if (cached && cached.until > Date.now()) return cached.entry;
      const [entry] = readEntries([await runScript(commands, LOCATE, [peerKey(peerId), peersKey], [peerId])]);
      if (entry) located.set(peerId, { entry, until: Date.now() + LOCATE_CACHE_MS });
      else located.delete(peerId);
      return entry;
    },
    async inCase(caseId) {
      return readEntries(await runScript(commands, IN_CASE, [caseKey(caseId)], [prefix]));
    },
    async send(to, message) {
      await commands.publish(`${prefix}instance:${to}`, JSON.stringify(message));
    },
    async close() {
      clearTimeout(timer);
      timer = undefined;
      await beating;
      events = undefined;
      await Promise.all([closeRedis(subscriber), closeRedis(commands)]);
    },
  };
}

function parseJson(raw: unknown): unknown {
  if (typeof raw !== 'string') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}
