// Tells a front-door customer on a call about a warm transfer: reads their place every 3 s while the
// call is up (or a notice is showing), and gives the call screen the notice and the current assessor's
// name. Polled rather than sent on the data channel: the server's place is the truth, names the
// colleague, and needs nothing from the consoles (the sender's call is the one being replaced).
import { useEffect, useRef, useState } from 'react';
import type { QueuePlace } from '../../../../protocol/intake.ts';
import { fetchPlace } from './front-door-api.ts';
import { nextTransferNotice, type TransferNotice } from './transfer-notice.ts';
import { POLL_MS } from './use-queue-place.ts';

/** How long "… has taken over" stays up. */
export const TAKEN_OVER_MS = 10_000;

export interface TransferNoticeOptions {
  token: string;
  /** The case came through the front door (it has a queue place to read). */
  frontDoor: boolean;
  /** A call is up. */
  live: boolean;
}

export function useTransferNotice({ token, frontDoor, live }: TransferNoticeOptions) {
  const [notice, setNotice] = useState<TransferNotice>(null);
  const [assessorName, setAssessorName] = useState<string | null>(null);
  const previous = useRef<QueuePlace | null>(null);
  const polling = frontDoor && (live || notice !== null);

  useEffect(() => {
    if (!polling) return;
    const controller = new AbortController();
    const read = (): void => {
      // A failed read keeps what is shown; the next tick tries again.
      fetchPlace(token, controller.signal).then((place) => {
        if (controller.signal.aborted) return;
        const before = previous.current;
        previous.current = place;
        setNotice((shown) => nextTransferNotice(before, place, shown));
        if (place.state === 'assigned' && place.assessorName !== null) setAssessorName(place.assessorName);
      }, () => undefined);
    };
    read();
    const timer = setInterval(read, POLL_MS);
    return () => {
      clearInterval(timer);
      controller.abort();
    };
  }, [token, polling]);

  const done = notice?.state === 'done';
  useEffect(() => {
    if (!done) return;
    const timer = setTimeout(() => setNotice(null), TAKEN_OVER_MS);
    return () => clearTimeout(timer);
  }, [done]);

  return { notice, assessorName };
}
