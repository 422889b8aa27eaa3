// The customer's current settlement offer: fetched when the page opens and again whenever the
// assessor's console says a new one was made (the `offer-made` data-channel message).
import { useCallback, useEffect, useState } from 'react';
import type { CustomerOffer } from '../../../../protocol/settlement-http.ts';
import type { MessageChannel } from '../../call/message-bus.ts';
import { messageOf } from '../../lib/api.ts';
import { fetchOffer } from './offer-api.ts';

export function useOffer(props: { token: string; messages: MessageChannel }) {
  const { token, messages } = props;
  const [current, setCurrent] = useState<CustomerOffer | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** Bumped by a new offer: the sheet opens again for it. */
  const [arrivals, setArrivals] = useState(0);

  const reload = useCallback((signal?: AbortSignal) => {
    fetchOffer(token, signal).then(
      (loaded) => {
        setCurrent(loaded);
        setError(null);
      },
      (e: unknown) => {
        if (!signal?.aborted) setError(messageOf(e));
      },
    );
  }, [token]);

  useEffect(() => {
    const controller = new AbortController();
    reload(controller.signal);
    return () => controller.abort();
  }, [reload]);

  useEffect(() => messages.on('offer-made', () => {
    setArrivals((n) => n + 1);
    reload();
  }), [messages, reload]);

  return { current, error, arrivals, reload, replace: setCurrent };
}
