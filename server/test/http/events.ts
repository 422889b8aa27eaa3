// Reads the console's server-sent events while an action runs, until the events seen satisfy `done`
// (or the time runs out, which fails the test with what was seen).
import { ConsoleEvent } from '../../../protocol/http.ts';
import type { Client } from './harness.ts';

/** `client`: anything that fetches a console's paths with its session (a harness Client, or a cookie on another instance). */
export async function eventsDuring(client: Pick<Client, 'fetch'>, action: () => Promise<unknown>, done: (seen: ConsoleEvent[]) => boolean, timeoutMs = 5_000): Promise<ConsoleEvent[]> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  const seen: ConsoleEvent[] = [];
  try {
    const res = await client.fetch('/api/events', { signal: abort.signal });
    const reader = res.body!.getReader();
    await action();
    let text = '';
    while (!done(seen)) {
      const { value, done: ended } = await reader.read();
      if (ended) break;
      text += new TextDecoder().decode(value);
      const lines = text.split('\n');
      text = lines.pop() ?? '';
      for (const line of lines.filter((l) => l.startsWith('data: '))) seen.push(ConsoleEvent.parse(JSON.parse(line.slice(6))));
    }
  } catch (error) {
    if (!abort.signal.aborted) throw error;
    throw new Error(`the expected events did not arrive in ${timeoutMs} ms; saw ${JSON.stringify(seen.map((e) => e.type))}`);
  } finally {
    clearTimeout(timer);
    abort.abort();
  }
  return seen;
}
