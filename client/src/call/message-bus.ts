// Data-channel messages by type: whoever needs a kind of message subscribes to that type alone and gets
// it typed, and sends through the same bus. Each `on` returns its `off`; one handler that throws is
// logged and does not keep the message from the others.
import type { PeerMessage } from '../../../protocol/messages.ts';

export type PeerMessageType = PeerMessage['type'];
export type PeerMessageOf<T extends PeerMessageType> = Extract<PeerMessage, { type: T }>;
export type MessageHandler<T extends PeerMessageType> = (message: PeerMessageOf<T>) => void;

/** What a panel needs of the call's data channel: typed subscriptions and a typed send. */
export interface MessageChannel {
  on<T extends PeerMessageType>(type: T, handler: MessageHandler<T>): () => void;
  /** Sends now, or queues while the channel (re)opens; false when it was queued or there is no call. Bound: pass it on as it is. */
  readonly send: (message: PeerMessage) => boolean;
}

export class MessageBus implements MessageChannel {
  private readonly handlers = new Map<PeerMessageType, Set<(message: PeerMessage) => void>>();

  /** `transport` sends on the current call's data channel (false when there is none). */
  constructor(private readonly transport: (message: PeerMessage) => boolean) {}

  on<T extends PeerMessageType>(type: T, handler: MessageHandler<T>): () => void {
    // Stored untyped: `dispatch` only ever hands it messages of its own type.
    const untyped = handler as (message: PeerMessage) => void;
    let set = this.handlers.get(type);
    if (!set) this.handlers.set(type, (set = new Set()));
    set.add(untyped);
    return () => {
      set.delete(untyped);
    };
  }

  send = (message: PeerMessage): boolean => this.transport(message);

  /** Hands a received message to the handlers of its type; a type no one listens to is ignored. */
  dispatch(message: PeerMessage): void {
    const set = this.handlers.get(message.type);
    if (!set) return;
    for (const handler of [...set]) {
      try {
        handler(message);
      } catch (error) {
        console.error(`A handler of the data-channel message "${message.type}" failed`, error);
      }
    }
  }
}
