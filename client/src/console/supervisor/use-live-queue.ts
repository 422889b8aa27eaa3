// The live queue, polled every 3 s (the queue publishes offers only to their assessor, not a stream a
// supervisor could follow); a failed poll keeps the last view and says so.
import { useEffect, useState } from 'react';
import { messageOf } from '../../lib/api.ts';
import { supervisorApi, type SupervisorQueue } from './supervisor-api.ts';

export const QUEUE_POLL_MS = 3_000;

export function useLiveQueue(): { queue: SupervisorQueue | null; error: string | null; readAt: number | null } {
  const [state, setState] = useState<{ queue: SupervisorQueue | null; error: string | null; readAt: number | null }>({ queue: null, error: null, readAt: null });

  useEffect(() => {
    const abort = new AbortController();
    const titles = new Map<string, string>();
    let timer: ReturnType<typeof setTimeout> | null = null;
    const poll = async (): Promise<void> => {
      try {
        const queue = await supervisorApi.queue(abort.signal);
        await learnTitles(queue, titles, abort.signal);
        const entries = queue.entries.map((e) => ({ ...e, caseTitle: e.caseTitle ?? titles.get(e.caseId) }));
        setState({ queue: { ...queue, entries }, error: null, readAt: Date.now() });
      } catch (error) {
        if (abort.signal.aborted) return;
        setState((s) => ({ ...s, error: messageOf(error) }));
      }
      if (!abort.signal.aborted) timer = setTimeout(() => void poll(), QUEUE_POLL_MS);
    };
    void poll();
    return () => {
      abort.abort();
      if (timer) clearTimeout(timer);
    };
  }, []);

  return state;
}

/** Titles of cases not seen before, read once each (a title rarely changes while its customer waits). */
async function learnTitles(queue: SupervisorQueue, titles: Map<string, string>, signal: AbortSignal): Promise<void> {
  const unknown = [...new Set(queue.entries.filter((e) => e.caseTitle === undefined && !titles.has(e.caseId)).map((e) => e.caseId))];
  await Promise.all(unknown.map(async (caseId) => {
    titles.set(caseId, await supervisorApi.caseTitle(caseId, signal).catch(() => caseId));
  }));
}

/** Now, once a second: the waits on the board count up between polls. */
export function useNow(intervalMs = 1_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
