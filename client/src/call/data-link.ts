// The typed data channel: PeerMessages out (queued until the channel opens), parsed PeerMessages in.
import type { DataConnection } from 'peerjs';
import { parsePeerMessage, type PeerMessage } from '../../../protocol/messages.ts';

export interface DataLinkHandlers {
  onMessage: (message: PeerMessage) => void;
  onOpen: () => void;
  onClose: () => void;
}

export class DataLink {
  private readonly outbox: PeerMessage[] = [];
  private readonly cleanups: (() => void)[] = [];
  private disposed = false;

  constructor(
    readonly connection: DataConnection,
    handlers: DataLinkHandlers,
  ) {
    const onData = (data: unknown): void => {
      const message = parsePeerMessage(data);
      if (message) handlers.onMessage(message);
      else console.warn('Ignored a malformed data-channel message');
    };
    const onOpen = (): void => {
      if (this.disposed) return;
      this.flush();
      handlers.onOpen();
    };
    const onClose = (): void => handlers.onClose();
    const onError = (error: Error): void => console.warn('Data channel error', error.message);
    connection.on('data', onData);
    connection.on('open', onOpen);
    connection.on('close', onClose);
    connection.on('error', onError);
    this.cleanups.push(() => {
      connection.off('data', onData);
      connection.off('open', onOpen);
      connection.off('close', onClose);
      connection.off('error', onError);
    });
    if (connection.open) queueMicrotask(onOpen);
  }

  get open(): boolean {
    return this.connection.open;
  }

  /** Sends now, or queues until the channel opens. Returns false when it was queued. */
  send(message: PeerMessage): boolean {
    if (!this.connection.open) {
      this.outbox.push(message);
      return false;
    }
    void this.connection.send(message);
    return true;
  }

  /** Messages that were queued and never sent; a replacement link can take them over. */
  takeOutbox(): PeerMessage[] {
    return this.outbox.splice(0);
  }

  dispose(): void {
    this.disposed = true;
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.connection.close();
  }

  private flush(): void {
    for (const message of this.outbox.splice(0)) void this.connection.send(message);
  }
}
