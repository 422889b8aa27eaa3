// The wrap-up panel's data: the case's wrap-ups and, from its ledger, whether a session took place and
// the queue entry to finish. Loaded again when the call ends (`reloadKey`) and after a save; not during a
// live call (`active` false), when the panel is hidden and the case's changes come often.
import { useCallback, useEffect, useState } from 'react';
import type { WrapUpBody, WrapUpView } from '../../../../protocol/after-session.ts';
import { ApiRequestError, messageOf } from '../../lib/api.ts';
import { wrapUpApi } from './wrap-up-api.ts';
import { wrapUpSession, type WrapUpSession } from './wrap-up-session.ts';

export type WrapUpLoad =
  | { state: 'loading' }
  /** Not this user's to wrap up (an expert, say): the panel stays away. */
  | { state: 'refused' }
  | { state: 'failed'; message: string }
  | { state: 'loaded'; wrapUps: WrapUpView[]; session: WrapUpSession };

export function useWrapUp(caseId: string, active: boolean, reloadKey: string) {
  const [load, setLoad] = useState<WrapUpLoad>({ state: 'loading' });
  const [fetches, setFetches] = useState(0);

  useEffect(() => {
    if (!active) return;
    const controller = new AbortController();
    Promise.all([wrapUpApi.list(caseId, controller.signal), wrapUpApi.ledger(caseId, controller.signal)]).then(
      ([wrapUps, entries]) => setLoad({ state: 'loaded', wrapUps, session: wrapUpSession(entries) }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const refused = error instanceof ApiRequestError && (error.status === 403 || error.status === 404);
        setLoad(refused ? { state: 'refused' } : { state: 'failed', message: messageOf(error) });
      },
    );
    return () => controller.abort();
  }, [caseId, active, reloadKey, fetches]);

  const reload = useCallback(() => setFetches((n) => n + 1), []);

  /** Saves and reloads; throws what the server refused, for the form to show. */
  const save = useCallback(
    async (body: WrapUpBody): Promise<WrapUpView> => {
      try {
        return await wrapUpApi.save(caseId, body);
      } finally {
        reload();
      }
    },
    [caseId, reload],
  );

  return { load, save, reload };
}
