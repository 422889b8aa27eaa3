// Fan-out of live console events (server-sent events) to the assessors allowed to see each case.
// Who a stream serves is read again from its session at each delivery: a stream whose session ended
// (logout, expiry, user disabled) is ended instead of fed, and a case's events follow its assessor now.
import type { ConsoleEvent, User } from '../../../protocol/http.ts';

export interface Subscriber {
  /** The stream's user as of now; null once its session ended. */
  currentUser(): User | null;
  send(event: ConsoleEvent): void;
  /** Ends the stream (the hub has already dropped it). */
  end(): void;
}

export interface EventHub {
  subscribe(subscriber: Subscriber): () => void;
  /** Delivers to admins and to `assessorId`, the case's assessor at the time of the event. */
  publish(assessorId: string, event: ConsoleEvent): void;
  /** Ends every stream whose session has ended; call it after ending sessions, so none waits for an event. */
  endStale(): void;
  size(): number;
}

export function createEventHub(): EventHub {
  const subscribers = new Set<Subscriber>();
  const liveUser = (s: Subscriber): User | null => {
    const user = s.currentUser();
    if (!user) {
      subscribers.delete(s);
      s.end();
    }
    return user;
  };
  return {
    subscribe(subscriber) {
      subscribers.add(subscriber);
      return () => subscribers.delete(subscriber);
    },
    publish(assessorId, event) {
      for (const s of [...subscribers]) {
        const user = liveUser(s);
        if (user && (user.role === 'admin' || user.id === assessorId)) s.send(event);
      }
    },
    endStale() {
      for (const s of [...subscribers]) liveUser(s);
    },
    size: () => subscribers.size,
  };
}
