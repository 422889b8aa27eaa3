// Fan-out of live console events (server-sent events) to the assessors allowed to see each case.
// Each stream keeps the user its session names, read again from the session whenever sessions may have
// ended (`endStale`, after a logout, a password reset or a user disabled) and at each keepalive
// (`recheck`): a stream whose session ended is ended instead of fed. Delivery reads no database.
import type { ConsoleEvent, User } from '../../../protocol/http.ts';

export interface Subscriber {
  /** Reads the stream's user again from its session; null once the session ended. */
  currentUser(): Promise<User | null>;
  send(event: ConsoleEvent): void;
  /** Ends the stream (the hub has already dropped it). */
  end(): void;
}

export interface EventHub {
  /** `user`: whom the session names now. Returns the unsubscribe. */
  subscribe(subscriber: Subscriber, user: User): () => void;
  /** Delivers to admins and to `assessorId`, the case's assessor at the time of the event. */
  publish(assessorId: string, event: ConsoleEvent): void;
  /** Reads one stream's user again; false (and the stream ended) when its session has ended. */
  recheck(subscriber: Subscriber): Promise<boolean>;
  /** Ends every stream whose session has ended; call it after ending sessions, so none waits for an event. */
  endStale(): Promise<void>;
  size(): number;
}

export function createEventHub(): EventHub {
  const subscribers = new Map<Subscriber, User>();
  const hub: EventHub = {
    subscribe(subscriber, user) {
      subscribers.set(subscriber, user);
      return () => subscribers.delete(subscriber);
    },
    publish(assessorId, event) {
      for (const [s, user] of [...subscribers]) {
        if (user.role === 'admin' || user.id === assessorId) s.send(event);
      }
    },
    async recheck(subscriber) {
      const user = await subscriber.currentUser();
      // Unsubscribed while the session was read: nothing to keep or end.
      if (!subscribers.has(subscriber)) return user !== null;
      if (user) {
        subscribers.set(subscriber, user);
        return true;
      }
      subscribers.delete(subscriber);
      subscriber.end();
      return false;
    },
    async endStale() {
      await Promise.all([...subscribers.keys()].map((s) => hub.recheck(s)));
    },
    size: () => subscribers.size,
  };
  return hub;
}
