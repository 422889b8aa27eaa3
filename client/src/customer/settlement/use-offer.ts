// The customer's current settlement offer: fetched when the page opens, then again whenever the
// assessor's console says a new one was made (the `offer-made` data-channel message) — or, with no
// call and so no data channel (the call-ended screen), by asking the server every few seconds.
import { useCallback, useEffect, useState } from 'react';
import type { CustomerOffer } from '../../../../protocol/settlement-http.ts';
import type { MessageChannel } from '../../call/message-bus.ts';
import { messageOf } from '../../lib/api.ts';
import { fetchOffer } from './offer-api.ts';
import { documentVisibility, startOfferPoll } from './offer-poll.ts';

/** `messages`: the call's data channel; null when there is no call, and then the offer is polled. */
export function useOffer(props: { token: string; messages: MessageChannel | null }) {
  const { token, messages } = props;
  const [current, setCurrent] = useState<CustomerOffer | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** Bumped by a new offer: the sheet opens again for it. */
  const [arrivals, setArrivals] = useState(0);

  const load = useCallback(
    (signal?: AbortSignal) =>
      fetchOffer(token, signal).then(
        (loaded) => {
          setCurrent(loaded);
          setError(null);
        },
        (e: unknown) => {
          if (!signal?.aborted) setError(messageOf(e));
          throw e;
        },
      ),
    [token],
  );
  const reload = useCallback((signal?: AbortSignal) => void load(signal).catch(() => undefined), [load]);

  useEffect(() => {
    const controller = new AbortController();
    reload(controller.signal);
    return () => controller.abort();
  }, [reload]);

  useEffect(() => {
    if (messages) {
      return messages.on('offer-made', () => {
        setArrivals((n) => n + 1);
        reload();
      });
    }
    return startOfferPoll({ load, visibility: documentVisibility(document) });
  }, [messages, load, reload]);

  return { current, error, arrivals, reload, replace: setCurrent };
}
