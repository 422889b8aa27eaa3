// Records what the customer is shown on a tour and sends it for the ledger: every 15 s, when the page
// is hidden (a phone locked, a tab switched, the page left) and when the tour closes. A last batch is
// sent with keepalive, so it outlives the page.
import { useState } from 'react';
import { randomId } from '../lib/ids.ts';
import { useFlushSchedule } from '../ui/use-flush-schedule.ts';
import { postTourActivity } from './join-api.ts';
import { TourActivityRecorder } from './tour-activity.ts';

const FLUSH_EVERY_MS = 15_000;

export function useTourActivity(token: string, caseId: string): TourActivityRecorder {
  const [state] = useState(() => {
    const sending = { last: false };
    const recorder = new TourActivityRecorder({
      now: () => Date.now(),
      newBatchId: () => `tour-${randomId(9)}`,
      send: (body) => postTourActivity(token, caseId, body, sending.last),
    });
    const flush = (last: boolean): void => {
      sending.last = last;
      void recorder.flush({ leaving: last });
    };
    return { recorder, flush };
  });

  useFlushSchedule(state.flush, FLUSH_EVERY_MS);

  return state.recorder;
}
