// The recent console events, each under an id, so a console that reconnects gets what it missed: a ring
// buffer in this process for one instance, a Redis stream for several (every instance appends to it and
// reads it, so an event published on one reaches the consoles of all). Both keep the last `capacity`
// events; ids are `<ms>-<n>` in both and increase in publishing order.
import type { Logger } from 'pino';
import { ConsoleEvent } from '../../../protocol/http.ts';
import { createRedisConnection, type Redis } from '../cluster/redis.ts';

export interface LoggedEvent {
  id: string;
  /** The case's assessor when the event was published: the hub delivers to them and to admins. */
  assessorId: string;
  event: ConsoleEvent;
}

/** What followed an id: the events after it, or `resync` when some of them are no longer kept. */
export type Replay = { resync: false; events: LoggedEvent[] } | { resync: true; head: string };

export interface EventLog {
  append(assessorId: string, event: ConsoleEvent): void;
  since(id: string): Promise<Replay>;
  /** Calls `deliver` with every event appended from now on, by any instance, in order. */
  start(deliver: (logged: LoggedEvent) => void): void;
  close(): Promise<void>;
}

/** @default capacity of both logs */
export const EVENT_LOG_CAPACITY = 10_000;

const ID = /^(\d{1,15})-(\d{1,15})$/;

/** Whether `text` has the shape of an event id (a browser sends back whatever it was given). */
export const isEventId = (text: string): boolean => ID.test(text);

/** Orders two event ids; both must pass `isEventId`. */
export function compareIds(a: string, b: string): number {
  const [, am, an] = ID.exec(a)!;
  const [, bm, bn] = ID.exec(b)!;
  return Number(am) - Number(bm) || Number(an) - Number(bn);
}

export function createMemoryEventLog(capacity = EVENT_LOG_CAPACITY): EventLog {
  // The epoch tells this process's ids from those a restarted one gave out: those can never be replayed.
  const epoch = String(Date.now());
  const ring: LoggedEvent[] = [];
  let last = 0;
  let deliver: (logged: LoggedEvent) => void = () => {};
  return {
    append(assessorId, event) {
      const logged = { id: `${epoch}-${++last}`, assessorId, event };
      ring.push(logged);
      if (ring.length > capacity) ring.shift();
      deliver(logged);
    },
    async since(id) {
      const [, ms, n] = ID.exec(id) ?? [];
      const after = Number(n);
      const oldestKept = last - ring.length + 1;
      // As in the Redis stream: replayable while the id itself is kept, or is the newest.
      if (ms !== epoch || after > last || (after < oldestKept && after !== last)) return { resync: true, head: `${epoch}-${last}` };
      return { resync: false, events: ring.slice(after - oldestKept + 1) };
    },
    start(fn) {
      deliver = fn;
    },
    async close() {
      deliver = () => {};
    },
  };
}

const STREAM = 'sightline:events';
const BLOCK_MS = 5_000;

export function createRedisEventLog(opts: { redis: Redis; url: string; log: Logger; capacity?: number }): EventLog {
  const { redis, log } = opts;
  const capacity = opts.capacity ?? EVENT_LOG_CAPACITY;
  // XREAD BLOCK holds its connection: the reader gets one of its own.
  const reader = createRedisConnection(opts.url, 'events-reader', log);
  let stopped = false;
  let reading: Promise<void> = Promise.resolve();

  const read = async (deliver: (logged: LoggedEvent) => void) => {
    await reader.connect();
    // From the newest entry at start-up: what came before is for replays, not for this process's streams.
    let after = ((await reader.xrevrange(STREAM, '+', '-', 'COUNT', 1))[0]?.[0]) ?? '0-0';
    while (!stopped) {
      try {
        const batch = await reader.xread('COUNT', 500, 'BLOCK', BLOCK_MS, 'STREAMS', STREAM, after);
        for (const [id, fields] of batch?.[0]?.[1] ?? []) {
          after = id;
          const logged = parseEntry(id, fields);
          if (logged) deliver(logged);
          else log.error({ id }, 'events: skipped an unreadable stream entry');
        }
      } catch (err) {
        if (stopped) return;
        log.error({ err }, 'events: reading the stream failed; retrying');
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    }
  };

  return {
    append(assessorId, event) {
      redis.xadd(STREAM, 'MAXLEN', capacity, '*', 'a', assessorId, 'e', JSON.stringify(event))
        .catch((err: unknown) => log.error({ err, type: event.type }, 'events: could not publish a console event'));
    },
    async since(id) {
      // One transaction: nothing is trimmed between the check and the read. Trimming only ever takes the
      // oldest entries (nothing here deletes others), so while `id` itself is kept, all after it are too.
      const [info, range] = (await redis.multi().xinfo('STREAM', STREAM).xrange(STREAM, id, '+').exec()) ?? [];
      const entries = (range?.[1] ?? []) as [string, string[]][];
      const facts = info?.[0] ? null : toMap(info?.[1] as unknown[]);
      const head = facts ? String(facts.get('last-generated-id')) : '0-0';
      if (id !== head && entries[0]?.[0] !== id) return { resync: true, head };
      return { resync: false, events: entries.filter(([entryId]) => entryId !== id).flatMap(([entryId, fields]) => parseEntry(entryId, fields) ?? []) };
    },
    start(deliver) {
      reading = read(deliver).catch((err: unknown) => log.error({ err }, 'events: the stream reader stopped'));
    },
    async close() {
      stopped = true;
      reader.disconnect();
      await reading;
    },
  };
}

function parseEntry(id: string, fields: string[]): LoggedEvent | null {
  const map = toMap(fields);
  const assessorId = map.get('a');
  const text = map.get('e');
  if (typeof assessorId !== 'string' || typeof text !== 'string') return null;
  try {
    const event = ConsoleEvent.safeParse(JSON.parse(text));
    return event.success ? { id, assessorId, event: event.data } : null;
  } catch {
    return null;
  }
}

function toMap(flat: unknown[]): Map<string, unknown> {
  const map = new Map<string, unknown>();
  for (let i = 0; i + 1 < flat.length; i += 2) map.set(String(flat[i]), flat[i + 1]);
  return map;
}
