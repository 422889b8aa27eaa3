// Fan-out of live console events (server-sent events) to the assessors allowed to see each case.
import type { ConsoleEvent, User } from '../../../protocol/http.ts';

export interface Subscriber {
  user: User;
  send(event: ConsoleEvent): void;
}

export interface EventHub {
  subscribe(subscriber: Subscriber): () => void;
  /** Delivers to admins and to the case's assessor. */
  publish(assessorId: string, event: ConsoleEvent): void;
  size(): number;
}

export function createEventHub(): EventHub {
  const subscribers = new Set<Subscriber>();
  return {
    subscribe(subscriber) {
      subscribers.add(subscriber);
      return () => subscribers.delete(subscriber);
    },
    publish(assessorId, event) {
      for (const s of subscribers) {
        if (s.user.role === 'admin' || s.user.id === assessorId) s.send(event);
      }
    },
    size: () => subscribers.size,
  };
}
