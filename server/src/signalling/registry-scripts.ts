// The Redis registry's atomic steps, as Lua run inside Redis: one clock (Redis's TIME) for every
// instance, and each check-then-write in one step, so two instances can never both admit a peer id or
// both take the last place in a case. Layout under a prefix:
//   peer:<id>    the DirectoryEntry as JSON, kept a while past its expiry so a reaper can still read it
//   peers        sorted set of every registered id, scored by when it expires unless refreshed
//   case:<id>    the same, for one case
// A registration is live while its score is in the future. Keys not passed in KEYS are built from the
// prefix inside the scripts: the registry needs a single Redis (or a cluster slot), not a sharded one.
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

const NOW = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
`;

/** KEYS: peer key, peers, case key. ARGV: peer id, entry JSON, ttl ms, keep ms, max per case, max peers. */
export const CLAIM = script(`${NOW}
if redis.call('ZSCORE', KEYS[2], ARGV[1]) then return 'already-online' end
if redis.call('ZCOUNT', KEYS[3], '(' .. now, '+inf') >= tonumber(ARGV[5]) then return 'case-full' end
if redis.call('ZCOUNT', KEYS[2], '(' .. now, '+inf') >= tonumber(ARGV[6]) then return 'server-full' end
local expires = now + tonumber(ARGV[3])
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[4])
redis.call('ZADD', KEYS[2], expires, ARGV[1])
redis.call('ZADD', KEYS[3], expires, ARGV[1])
redis.call('PEXPIRE', KEYS[3], ARGV[4])
return 'ok'
`);

/** KEYS: peer key, peers, case key. ARGV: peer id, registration. 1 when this call removed it. */
export const RELEASE = script(`
local raw = redis.call('GET', KEYS[1])
if not raw or cjson.decode(raw).registration ~= ARGV[2] then return 0 end
redis.call('DEL', KEYS[1])
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('ZREM', KEYS[3], ARGV[1])
return 1
`);

/** KEYS: peer key, peers. ARGV: peer id. The entry JSON while its registration is live, else nil. */
export const LOCATE = script(`${NOW}
local score = redis.call('ZSCORE', KEYS[2], ARGV[1])
if not score or tonumber(score) <= now then return false end
return redis.call('GET', KEYS[1])
`);

/** KEYS: case key. ARGV: prefix. The entry JSONs of the case's live registrations. */
export const IN_CASE = script(`${NOW}
local out = {}
for _, id in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '(' .. now, '+inf')) do
  local raw = redis.call('GET', ARGV[1] .. 'peer:' .. id)
  if raw then table.insert(out, raw) end
end
return out
`);

/**
 * KEYS: peers. ARGV: prefix, ttl ms, keep ms, then peer id and registration pairs. Extends each
 * registration that is still the one given (even one past its expiry that nobody has reaped yet: its
 * holder is alive after all); returns the ids that are not.
 */
export const REFRESH = script(`${NOW}
local expires = now + tonumber(ARGV[2])
local lost = {}
for i = 4, #ARGV, 2 do
  local id = ARGV[i]
  local key = ARGV[1] .. 'peer:' .. id
  local raw = redis.call('GET', key)
  local entry = raw and cjson.decode(raw)
  if entry and entry.registration == ARGV[i + 1] and redis.call('ZSCORE', KEYS[1], id) then
    local caseKey = ARGV[1] .. 'case:' .. entry.grant.caseId
    redis.call('PEXPIRE', key, ARGV[3])
    redis.call('ZADD', KEYS[1], 'XX', expires, id)
    redis.call('ZADD', caseKey, 'XX', expires, id)
    redis.call('PEXPIRE', caseKey, ARGV[3])
  else
    table.insert(lost, id)
  end
end
return lost
`);

/**
 * KEYS: peers. ARGV: prefix, limit. Removes registrations past their expiry and returns their entry
 * JSONs: whoever's call removed an entry is the one instance that reports that peer offline.
 */
export const REAP = script(`${NOW}
local reaped = {}
for _, id in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, tonumber(ARGV[2]))) do
  redis.call('ZREM', KEYS[1], id)
  local key = ARGV[1] .. 'peer:' .. id
  local raw = redis.call('GET', key)
  if raw then
    redis.call('ZREM', ARGV[1] .. 'case:' .. cjson.decode(raw).grant.caseId, id)
    redis.call('DEL', key)
    table.insert(reaped, raw)
  end
end
return reaped
`);

export interface RegistryScript {
  lua: string;
  sha: string;
}

function script(lua: string): RegistryScript {
  return { lua, sha: createHash('sha1').update(lua).digest('hex') };
}

/** EVALSHA, falling back to EVAL the first time a Redis has not seen the script. */
export async function runScript(redis: Redis, { lua, sha }: RegistryScript, keys: string[], args: Array<string | number>): Promise<unknown> {
  try {
    return await redis.evalsha(sha, keys.length, ...keys, ...args);
  } catch (err) {
    if (!(err instanceof Error) || !err.message.startsWith('NOSCRIPT')) throw err;
    return redis.eval(lua, keys.length, ...keys, ...args);
  }
}
