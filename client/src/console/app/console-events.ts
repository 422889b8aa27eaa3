// The console's live feed (GET /api/events): one EventSource per page, each message parsed as a
// ConsoleEvent and handed to every subscriber. EventSource reconnects by itself after a drop.
import { ConsoleEvent } from '../../../../protocol/http.ts';
import { Emitter } from '../../lib/emitter.ts';

type ConsoleEventsEvents = {
  event: (event: ConsoleEvent) => void;
  status: (connected: boolean) => void;
};

export class ConsoleEvents extends Emitter<ConsoleEventsEvents> {
  private readonly source: EventSource;

  constructor(url = '/api/events') {
    super();
    this.source = new EventSource(url, { withCredentials: true });
    this.source.onopen = () => this.emit('status', true);
    this.source.onerror = () => this.emit('status', false);
    this.source.onmessage = (message: MessageEvent<unknown>) => {
      const parsed = ConsoleEvent.safeParse(typeof message.data === 'string' ? safeJson(message.data) : null);
      if (parsed.success) this.emit('event', parsed.data);
      else console.warn('Ignored a malformed console event');
    };
  }

  close(): void {
    this.source.close();
    this.removeAllListeners();
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
