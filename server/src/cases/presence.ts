// Live presence of each case's customer page on the signalling server, and whether a call is up. It
// describes sockets, not evidence: in this process's memory for one instance, in Redis for several, where
// each entry names the instance holding the socket and lapses unless that instance's heartbeat renews it,
// so the entries of a killed instance go away on their own.
import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type { CasePresence } from '../../../protocol/http.ts';
import type { Redis } from '../cluster/redis.ts';

export interface CasePresenceNow {
  presence: CasePresence;
  customerPeerId: string | null;
}

/** Writes never reject (call-service does not wait for them): a Redis failure is logged. */
export interface PresenceTracker {
  customerOnline(caseId: string, peerId: string): Promise<void>;
  customerOffline(caseId: string, peerId: string): Promise<void>;
  callUp(caseId: string, up: boolean): Promise<void>;
  /** One case's presence: ofMany of that case alone, so the two always agree. */
  of(caseId: string): Promise<CasePresenceNow>;
  /**
   * The presence of each of the cases (a case list's) in one read: one Redis round trip for the whole
   * list. Every id asked for is in the answer, each once; an unknown id is offline.
   */
  ofMany(caseIds: readonly string[]): Promise<Map<string, CasePresenceNow>>;
  /** Stops renewing this instance's entries. */
  close(): void;
}

export function createPresenceTracker(): PresenceTracker {
  const customers = new Map<string, string[]>();
  const liveCalls = new Set<string>();
  const ofMany = async (caseIds: readonly string[]): Promise<Map<string, CasePresenceNow>> =>
    new Map([...new Set(caseIds)].map((caseId) => [caseId, presenceNow(customers.get(caseId)?.at(-1) ?? null, liveCalls.has(caseId))]));
  return {
    async customerOnline(caseId, peerId) {
      const peers = (customers.get(caseId) ?? []).filter((p) => p !== peerId);
      customers.set(caseId, [...peers, peerId]);
    },
    async customerOffline(caseId, peerId) {
      const peers = (customers.get(caseId) ?? []).filter((p) => p !== peerId);
      if (peers.length) customers.set(caseId, peers);
      else {
        customers.delete(caseId);
        liveCalls.delete(caseId);
      }
    },
    async callUp(caseId, up) {
      if (up) liveCalls.add(caseId);
      else liveCalls.delete(caseId);
    },
    of: async (caseId) => oneOf(await ofMany([caseId]), caseId),
    ofMany,
    close() {},
  };
}

/** The latest customer's peer id (null: no live customer) and whether a call is up, as the console sees them. */
function presenceNow(customerPeerId: string | null, call: boolean): CasePresenceNow {
  if (!customerPeerId) return { presence: 'offline', customerPeerId: null };
  return { presence: call ? 'live' : 'waiting', customerPeerId };
}

function oneOf(all: Map<string, CasePresenceNow>, caseId: string): CasePresenceNow {
  const now = all.get(caseId);
  if (!now) throw new Error(`presence: no answer for case ${caseId}`);
  return now;
}

/**
 * One hash per case, `sightline:presence:<caseId>`: field `c:<peerId>` per customer socket and `call`
 * while a call is up, each `<order> <instance> <expires ms>`, plus the counter `#order` that orders the
 * customers. Times are Redis's own (TIME), so instances' clocks never disagree about an expiry.
 */
const NOW = `local t = redis.call('TIME') local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

/** KEYS[1] hash; ARGV field, instance, ttl ms, order ('' for a new one). */
const PUT = `${NOW}
local order = ARGV[4]
if order == '' then order = redis.call('HINCRBY', KEYS[1], '#order', 1) end
redis.call('HSET', KEYS[1], ARGV[1], order .. ' ' .. ARGV[2] .. ' ' .. (now + tonumber(ARGV[3])))
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1`;

/** Renews ARGV[1] only while ARGV[2] still holds it; 0 once it is gone or another instance took it. */
const RENEW = `${NOW}
local v = redis.call('HGET', KEYS[1], ARGV[1])
if not v then return 0 end
local order, instance = string.match(v, '^(%d+) (%S+) ')
if instance ~= ARGV[2] then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], order .. ' ' .. instance .. ' ' .. (now + tonumber(ARGV[3])))
if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[3]) then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end
return 1`;

/**
 * The live entries (expired ones are removed on the way): the latest customer's peer id and whether a
 * call is up. With no live customer left, the call entry goes too, as in memory.
 */
const READ = `${NOW}
local all = redis.call('HGETALL', KEYS[1])
local best, bestOrder, customers, call = false, -1, 0, false
for i = 1, #all, 2 do
  local field, value = all[i], all[i + 1]
  if field ~= '#order' then
    local order, instance, expires = string.match(value, '^(%d+) (%S+) (%d+)$')
    if not expires or tonumber(expires) <= now then
      redis.call('HDEL', KEYS[1], field)
    elseif field == 'call' then
      call = true
    elseif string.sub(field, 1, 2) == 'c:' then
      customers = customers + 1
      if tonumber(order) > bestOrder then best, bestOrder = string.sub(field, 3), tonumber(order) end
    end
  end
end
if customers == 0 then
  redis.call('HDEL', KEYS[1], 'call')
  call = false
end
return { best, call and 1 or 0 }`;

const READ_SHA = createHash('sha1').update(READ).digest('hex');

/** Removes a customer's entry if ARGV[2] holds it, then tidies up as READ does. */
const REMOVE = `local v = redis.call('HGET', KEYS[1], ARGV[1])
if v and string.match(v, '^%d+ (%S+) ') == ARGV[2] then redis.call('HDEL', KEYS[1], ARGV[1]) end
${READ}`;

export interface RedisPresenceOptions {
  redis: Redis;
  /** This instance's id (cluster/instance-registry.ts). */
  instanceId: string;
  log: Logger;
  /** How long an entry lives without renewal; renewed every third of it. @default 30000 */
  ttlMs?: number;
}

export function createRedisPresence(opts: RedisPresenceOptions): PresenceTracker {
  const { redis, instanceId, log } = opts;
  const ttlMs = opts.ttlMs ?? 30_000;
  const keyOf = (caseId: string) => `sightline:presence:${caseId}`;
  /** The entries this instance holds and renews: case id → fields. */
  const held = new Map<string, Set<string>>();
  const hold = (caseId: string, field: string) => held.set(caseId, (held.get(caseId) ?? new Set()).add(field));
  const release = (caseId: string, field: string) => {
    const fields = held.get(caseId);
    fields?.delete(field);
    if (fields?.size === 0) held.delete(caseId);
  };
  // Each write is sent at once (no await before it), so a read this process sends after it sees it.
  const logged = (work: Promise<unknown>, caseId: string, what: string): Promise<void> =>
    work.then(() => undefined, (err: unknown) => log.error({ err, caseId }, `presence: could not record ${what}`));

  // READ once per case's hash, all in one pipeline: one round trip for a whole case list. Each hash keeps
  // a script of its own (one key), so the cases may live on different Redis Cluster slots; no MULTI, as
  // each READ is atomic on its own hash. Sent by the script's SHA, so its text does not go once per case;
  // when Redis does not know the script (new, restarted, SCRIPT FLUSH) the list is read again with the
  // text, which Redis then keeps. One case (of()) goes as a plain command: a pipeline of one costs more
  // when many are sent at once.
  const readEach = async (ids: readonly string[], byText: boolean): Promise<Array<[Error | null, unknown]>> => {
    if (ids.length === 1) {
      const key = keyOf(ids[0]!);
      const one = byText ? redis.eval(READ, 1, key) : redis.evalsha(READ_SHA, 1, key);
      return [await one.then((reply): [null, unknown] => [null, reply], (err: Error): [Error, null] => [err, null])];
    }
    const pipeline = redis.pipeline();
    for (const caseId of ids) {
      if (byText) pipeline.eval(READ, 1, keyOf(caseId));
      else pipeline.evalsha(READ_SHA, 1, keyOf(caseId));
    }
    return (await pipeline.exec()) ?? [];
  };
  const ofMany = async (caseIds: readonly string[]): Promise<Map<string, CasePresenceNow>> => {
    const ids = [...new Set(caseIds)];
    if (ids.length === 0) return new Map();
    let replies = await readEach(ids, false);
    if (replies.some(([err]) => err?.message.startsWith('NOSCRIPT'))) replies = await readEach(ids, true);
    return new Map(ids.map((caseId, i) => {
      const [err, reply] = replies[i] ?? [new Error('presence: Redis gave no answer'), null];
      if (err) throw err;
      const [peerId, call] = reply as [string | null, number];
      return [caseId, presenceNow(peerId, call === 1)];
    }));
  };

  const renew = async () => {
    for (const [caseId, fields] of [...held]) {
      for (const field of [...fields]) {
        const kept = await redis.eval(RENEW, 1, keyOf(caseId), field, instanceId, ttlMs).catch((err: unknown) => {
          log.error({ err, caseId }, 'presence: could not renew an entry');
          return 1;
        });
        if (kept === 0) release(caseId, field);
      }
    }
  };
  let renewing: Promise<void> | null = null;
  const timer = setInterval(() => {
    renewing ??= renew().finally(() => (renewing = null));
  }, Math.max(1, Math.floor(ttlMs / 3)));
  timer.unref();

  return {
    customerOnline(caseId, peerId) {
      hold(caseId, `c:${peerId}`);
      return logged(redis.eval(PUT, 1, keyOf(caseId), `c:${peerId}`, instanceId, ttlMs, ''), caseId, 'a customer online');
    },
    customerOffline(caseId, peerId) {
      release(caseId, `c:${peerId}`);
      return logged(redis.eval(REMOVE, 1, keyOf(caseId), `c:${peerId}`, instanceId), caseId, 'a customer offline');
    },
    callUp(caseId, up) {
      if (!up) {
        release(caseId, 'call');
        return logged(redis.hdel(keyOf(caseId), 'call'), caseId, 'a call ending');
      }
      hold(caseId, 'call');
      return logged(redis.eval(PUT, 1, keyOf(caseId), 'call', instanceId, ttlMs, '0'), caseId, 'a call up');
    },
    of: async (caseId) => oneOf(await ofMany([caseId]), caseId),
    ofMany,
    close() {
      clearInterval(timer);
    },
  };
}
