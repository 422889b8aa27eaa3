// Records what the agent does on a guided tour — pointing, bringing the customer to viewpoints,
// offers — and sends it for the case's ledger: every 15 s, right after an offer, when the page is
// hidden and when the panel closes (a last batch with keepalive, so it outlives the page).
import { useState } from 'react';
import { i18next } from '../../i18n/i18n.ts';
import { TourActivityRecorder } from '../../customer/tour-activity.ts';
import { randomId } from '../../lib/ids.ts';
import { useFlushSchedule } from '../../ui/use-flush-schedule.ts';
import { consoleApi } from '../app/console-api.ts';

const FLUSH_EVERY_MS = 15_000;

export interface AgentActivity {
  recorder: TourActivityRecorder;
  /** Sends what was gathered now (an offer should reach the ledger at once). */
  flush: () => void;
}

/** Made once per mount: `caseId` and `onError` are read from the first render (the panel is keyed by case). */
export function useAgentActivity(caseId: string, onError: (message: string) => void): AgentActivity {
  const [state] = useState(() => {
    const sending = { last: false };
    const recorder = new TourActivityRecorder({
      now: () => Date.now(),
      newBatchId: () => `agent-${randomId(9)}`,
      send: (body) => consoleApi.postTourActivity(caseId, body, sending.last),
    });
    const flushing = (last: boolean): Promise<boolean> => {
      sending.last = last;
      return recorder.flush({ leaving: last });
    };
    const flush = (): void => {
      void flushing(false).then((sent) => {
        // A failed batch stays with the recorder and goes with the next flush; the agent should know it is late.
        if (!sent) onError(i18next.t('guide:activityLate'));
      });
    };
    const flushOnSchedule = (last: boolean): void => void flushing(last);
    return { activity: { recorder, flush }, flushOnSchedule };
  });

  useFlushSchedule(state.flushOnSchedule, FLUSH_EVERY_MS);

  return state.activity;
}
