// The customer's place in the queue, read every 3 s while they wait (position and estimate move as
// others are served). A failed read keeps the last place and tries again at the next tick.
import { useEffect, useState } from 'react';
import type { QueuePlace } from '../../../../protocol/intake.ts';
import { fetchPlace } from './front-door-api.ts';

export const POLL_MS = 3000;

export function isWaiting(place: QueuePlace): boolean {
  return place.state === 'waiting' || place.state === 'offered';
}

export function useQueuePlace(token: string, initial: QueuePlace) {
  const [place, setPlace] = useState(initial);
  const [stale, setStale] = useState(false);
  const waiting = isWaiting(place);

  useEffect(() => {
    if (!waiting) return;
    const controller = new AbortController();
    const timer = setInterval(() => {
      fetchPlace(token, controller.signal).then(
        (next) => {
          setStale(false);
          setPlace(next);
        },
        () => !controller.signal.aborted && setStale(true),
      );
    }, POLL_MS);
    return () => {
      clearInterval(timer);
      controller.abort();
    };
  }, [token, waiting]);

  return { place, setPlace, stale };
}
