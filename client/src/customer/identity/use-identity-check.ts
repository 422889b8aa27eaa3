// The customer's open identity check: fetched when the page opens (a reload finds it) and again whenever
// the assessor's console says one was asked for (the `identity-request` data-channel message), and every few
// seconds while it waits for the assessor's decision.
import { useCallback, useEffect, useState } from 'react';
import type { CustomerIdentityCheck } from '../../../../protocol/identity-http.ts';
import type { MessageChannel } from '../../call/message-bus.ts';
import { messageOf } from '../../lib/api.ts';
import { fetchIdentityCheck } from './identity-api.ts';

const DECISION_POLL_MS = 4000;

export function useIdentityCheck(props: { token: string; messages: MessageChannel }) {
  const { token, messages } = props;
  const [check, setCheck] = useState<CustomerIdentityCheck | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback((signal?: AbortSignal) => {
    fetchIdentityCheck(token, signal).then(
      (loaded) => {
        setCheck(loaded.check);
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

  useEffect(() => messages.on('identity-request', () => reload()), [messages, reload]);

  // The assessor's decision is not announced to this page: while the photos wait for it, look again every
  // few seconds, so "your assessor is checking them" goes once they have decided (the check is no longer open).
  const waiting = check?.state === 'submitted';
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => reload(), DECISION_POLL_MS);
    return () => clearInterval(timer);
  }, [waiting, reload]);

  return { check, error, reload, replace: setCheck };
}
