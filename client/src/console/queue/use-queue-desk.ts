// The assessor's desk in the front door's queue: the status they chose and the offer they hold, kept
// current from the live feed (the `offer` event) and read once on load and on every reconnect.
import { useCallback, useContext, useEffect, useState } from 'react';
import type { AssessorStatus, QueueOffer, StatusBody } from '../../../../protocol/queue.ts';
import { messageOf } from '../../lib/api.ts';
import { ConsoleEventsContext, useConsoleEvent } from '../app/use-console-event.ts';
import { queueApi } from './queue-api.ts';

export interface QueueDesk {
  status: AssessorStatus;
  offer: QueueOffer | null;
  /** Tells the failure to `notify`; never rejects. */
  setStatus: (status: StatusBody['status']) => Promise<void>;
  /** Takes the offer; resolves with its case id. */
  accept: (offer: QueueOffer) => Promise<string>;
  decline: (offer: QueueOffer) => Promise<void>;
  /** The card is done with this offer (it lapsed): forget it. */
  drop: (offer: QueueOffer) => void;
}

export function useQueueDesk(userId: string, notify: (tone: 'error', message: string) => void): QueueDesk {
  const events = useContext(ConsoleEventsContext);
  const [status, setStatusState] = useState<AssessorStatus>('offline');
  const [offer, setOffer] = useState<QueueOffer | null>(null);

  const refreshOffer = useCallback(() => {
    queueApi.offer().then(setOffer, (error: unknown) => notify('error', messageOf(error)));
  }, [notify]);

  useEffect(() => {
    let active = true;
    queueApi.status().then((s) => active && setStatusState(s), (error: unknown) => active && notify('error', messageOf(error)));
    return () => {
      active = false;
    };
  }, [notify]);

  // On load and whenever the feed (re)connects: an offer made while it was down is not missed.
  useEffect(() => {
    refreshOffer();
    return events?.on('status', (connected) => connected && refreshOffer());
  }, [events, refreshOffer]);

  useConsoleEvent((event) => {
    if (event.type === 'offer' && event.assessorId === userId) setOffer(event.offer);
  });

  const setStatus = async (next: StatusBody['status']): Promise<void> => {
    try {
      await queueApi.setStatus(next);
    } catch (error) {
      notify('error', messageOf(error));
      return;
    }
    setStatusState(next);
    // Stepping away declines an open offer; becoming available may bring one.
    refreshOffer();
  };

  // By identity: a fresh offer of the same entry (it came back to this assessor at once) is a new card.
  const settle = useCallback((answered: QueueOffer) => setOffer((current) => (current === answered ? null : current)), []);

  return {
    status,
    offer,
    setStatus,
    accept: async (answered) => {
      const entry = await queueApi.accept(answered.entryId);
      settle(answered);
      return entry.caseId;
    },
    decline: async (answered) => {
      await queueApi.decline(answered.entryId);
      settle(answered);
    },
    drop: settle,
  };
}
