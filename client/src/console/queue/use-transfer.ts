// The Transfer action's data: who the viewer is, the queue entry they hold in this case (from its
// ledger, read again when the case changes or a transfer of it ends), and what they were last told
// about a warm transfer ("Taken over by Bo", "Bo declined: the customer is still with you").
import { useCallback, useEffect, useState } from 'react';
import type { ColleaguesView, TransferBody } from '../../../../protocol/queue.ts';
import { i18next } from '../../i18n/i18n.ts';
import { ApiRequestError, messageOf } from '../../lib/api.ts';
import { consoleApi } from '../app/console-api.ts';
import { useConsoleEvent } from '../app/use-console-event.ts';
import { queueApi } from './queue-api.ts';
import { sessionEntryOf, type SessionEntry } from './session-entry.ts';

export type Colleague = ColleaguesView['colleagues'][number];

const ENDED_KEY = { accepted: 'accepted', declined: 'declined', 'timed out': 'timedOut', withdrawn: 'withdrawn' } as const;

export function useTransfer(caseId: string, revision: number) {
  const [userId, setUserId] = useState<string | null>(null);
  const [entry, setEntry] = useState<SessionEntry | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [reads, setReads] = useState(0);
  const [colleagues, setColleagues] = useState<Colleague[]>([]);
  const reload = useCallback(() => setReads((n) => n + 1), []);

  useEffect(() => {
    let active = true;
    consoleApi.me().then((me) => active && setUserId(me.id), () => undefined);
    return () => {
      active = false;
    };
  }, []);

  useEffect(() => {
    if (userId === null) return;
    const controller = new AbortController();
    queueApi.ledger(caseId, controller.signal).then(
      (entries) => setEntry(sessionEntryOf(entries, userId)),
      // Not this person's case to read (an expert, say): no Transfer action.
      (error: unknown) => !controller.signal.aborted && error instanceof ApiRequestError && setEntry(null),
    );
    return () => controller.abort();
  }, [caseId, userId, revision, reads]);

  useConsoleEvent((event) => {
    if (event.type !== 'transfer' || event.caseId !== caseId || event.assessorId !== userId) return;
    setNotice(i18next.t(`console:transfer.ended.${ENDED_KEY[event.outcome]}`, { name: event.colleagueName }));
    reload();
  });

  const loadColleagues = useCallback(() => {
    queueApi.colleagues().then((list) => setColleagues(list.filter((c) => c.id !== userId)), () => setColleagues([]));
  }, [userId]);

  /** Sends the transfer; throws the server's refusal for the form to show. */
  const send = async (body: TransferBody): Promise<void> => {
    if (!entry) return;
    setNotice(null);
    try {
      await queueApi.transfer(entry.entryId, body);
      if (body.mode === 'cold') setNotice(i18next.t('console:transfer.sentBack'));
    } finally {
      reload();
    }
  };

  const cancel = async (): Promise<string | null> => {
    if (!entry) return null;
    try {
      await queueApi.cancelTransfer(entry.entryId);
      return null;
    } catch (error) {
      return messageOf(error);
    } finally {
      reload();
    }
  };

  return { entry, notice, colleagues, loadColleagues, send, cancel };
}
