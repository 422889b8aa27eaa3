// Test-only: records the JSON messages arriving on a page's data channels (what a console is told),
// for a journey to poll. Install with `context.addInitScript(recordDataChannel)`; read with
// `receivedMessages(page)`.
import type { Page } from 'playwright-core';

/** A data-channel message as the page received it, parsed. */
export interface ReceivedMessage {
  type?: string;
  [key: string]: unknown;
}

declare global {
  interface Window {
    /** Every JSON message the page's data channels received, parsed. */
    sightlineReceived?: ReceivedMessage[];
  }
}

/** An init script: it runs in the page, so it may use nothing from this module. */
export function recordDataChannel(): void {
  const received: ReceivedMessage[] = [];
  window.sightlineReceived = received;
  const create = RTCPeerConnection.prototype.createDataChannel;
  RTCPeerConnection.prototype.createDataChannel = function (this: RTCPeerConnection, ...args: Parameters<typeof create>) {
    const channel = create.apply(this, args);
    // PeerJS's json serialization sends UTF-8 bytes.
    const decoder = new TextDecoder();
    channel.addEventListener('message', (event: MessageEvent) => {
      const data: unknown = event.data;
      const text = typeof data === 'string' ? data : data instanceof ArrayBuffer ? decoder.decode(data) : null;
      if (text === null) return;
      try {
        received.push(JSON.parse(text) as ReceivedMessage);
      } catch {
        // not JSON: not a PeerMessage
      }
    });
    return channel;
  };
}

/** The messages `page` has received so far (none before `recordDataChannel` ran). */
export function receivedMessages(page: Page): Promise<ReceivedMessage[]> {
  return page.evaluate(() => window.sightlineReceived ?? []);
}
