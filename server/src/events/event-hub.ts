// Fan-out of live console events (server-sent events) to the assessors allowed to see each case. Events
// go through the event log (event-log.ts): in process for one instance, a Redis stream shared by all
// instances for several; either way each carries an id, and a stream that reconnects with the last id it
// saw gets what it missed, or a `resync` when that is no longer kept.
// Each stream keeps the user its session names, read again from the session whenever sessions may have
// ended (`endStale`, after a logout, a password reset or a user disabled) and at each keepalive
// (`recheck`): a stream whose session ended is ended instead of fed. Delivery reads no database.
import type { ConsoleEvent, User } from '../../../protocol/http.ts';
import { compareIds, type EventLog, type LoggedEvent } from './event-log.ts';

export interface Subscriber {
  /** Reads the stream's user again from its session; null once the session ended. */
  currentUser(): Promise<User | null>;
  /** When the stream's session expires by itself (server clock, ms): no event is sent to it from then on. */
  expiresAtMs: number;
  /** `id`: the event's id, for the stream's `id:` field. */
  send(event: ConsoleEvent, id: string): void;
  /** Ends the stream (the hub has already dropped it). */
  end(): void;
}

export interface EventHub {
  /**
   * `user`: whom the session names now; `lastEventId`: the last id the stream saw before it reconnected
   * (already checked with `isEventId`), whose successors are replayed before live events. Returns the
   * unsubscribe.
   */
  subscribe(subscriber: Subscriber, user: User, lastEventId?: string): () => void;
  /** Delivers to admins and to `assessorId`, the case's assessor at the time of the event, on every instance. */
  /** To the case's assessor (and admins and supervisors, who see every case); null: a case nobody holds yet. */
  publish(assessorId: string | null, event: ConsoleEvent): void;
  /** Reads one stream's user again; false (and the stream ended) when its session has ended. */
  recheck(subscriber: Subscriber): Promise<boolean>;
  /** Ends every stream whose session has ended; call it after ending sessions, so none waits for an event. */
  endStale(): Promise<void>;
  size(): number;
  /** Ends every stream (their consoles reconnect, to another instance when this one is going away) and the log. */
  close(): Promise<void>;
}

/** The event log's addressee for a case nobody holds: no user has this id (ids are prefixed random). */
const UNASSIGNED = '';

interface Stream {
  user: User;
  /** Live events held while the replay is read; null once the stream is live. */
  held: LoggedEvent[] | null;
  /** The last id sent, so a held event the replay already sent is not sent twice. */
  lastId: string | null;
}

/** `clock`: the server's clock, which session expiry is judged by. */
export function createEventHub(deps: { log: EventLog; onError: (err: unknown) => void; clock: () => Date }): EventHub {
  const streams = new Map<Subscriber, Stream>();
  const send = (subscriber: Subscriber, stream: Stream, logged: LoggedEvent) => {
    // An expired session is ended at its first event, not at the next keepalive: nothing reaches it.
    if (deps.clock().getTime() >= subscriber.expiresAtMs) {
      streams.delete(subscriber);
      subscriber.end();
      return;
    }
    if (stream.lastId !== null && compareIds(logged.id, stream.lastId) <= 0) return;
    stream.lastId = logged.id;
    if (stream.user.role === 'admin' || stream.user.role === 'supervisor' || stream.user.id === logged.assessorId) subscriber.send(logged.event, logged.id);
  };

  deps.log.start((logged) => {
    for (const [subscriber, stream] of [...streams]) {
      if (stream.held) stream.held.push(logged);
      else send(subscriber, stream, logged);
    }
  });

  const replay = async (subscriber: Subscriber, stream: Stream, lastEventId: string) => {
    const missed = await deps.log.since(lastEventId);
    if (!streams.has(subscriber)) return;
    if (missed.resync) {
      stream.lastId = missed.head;
      subscriber.send({ type: 'resync' }, missed.head);
    } else {
      stream.lastId = lastEventId;
      for (const logged of missed.events) send(subscriber, stream, logged);
    }
    const held = stream.held ?? [];
    stream.held = null;
    for (const logged of held) send(subscriber, stream, logged);
  };

  const hub: EventHub = {
    subscribe(subscriber, user, lastEventId) {
      const stream: Stream = { user, held: lastEventId === undefined ? null : [], lastId: null };
      streams.set(subscriber, stream);
      if (lastEventId !== undefined) {
        replay(subscriber, stream, lastEventId).catch((err: unknown) => {
          // Without its replay the stream would silently miss events: end it, the console reconnects.
          streams.delete(subscriber);
          subscriber.end();
          deps.onError(err);
        });
      }
      return () => streams.delete(subscriber);
    },
    publish(assessorId, event) {
      deps.log.append(assessorId ?? UNASSIGNED, event);
    },
    async recheck(subscriber) {
      const user = await subscriber.currentUser();
      const stream = streams.get(subscriber);
      // Unsubscribed while the session was read: nothing to keep or end.
      if (!stream) return user !== null;
      if (user) {
        stream.user = user;
        return true;
      }
      streams.delete(subscriber);
      subscriber.end();
      return false;
    },
    async endStale() {
      await Promise.all([...streams.keys()].map((s) => hub.recheck(s)));
    },
    size: () => streams.size,
    async close() {
      for (const subscriber of [...streams.keys()]) {
        streams.delete(subscriber);
        subscriber.end();
      }
      await deps.log.close();
    },
  };
  return hub;
}
