// Connects the case view to an AssessorCall for this case: the remote stream, stats, the data channel's
// messages by type (a MessageBus the panels subscribe to), and the console's one call state
// (call-state.ts), fed by the call, its messages and the customer's presence.
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { CasePresence } from '../../../../protocol/http.ts';
import { AssessorCall } from '../../call/assessor-call.ts';
import { MessageBus } from '../../call/message-bus.ts';
import type { LinkStats } from '../../call/stats.ts';
import { callReducer, initialCall } from './call-state.ts';
import { consoleApi } from '../app/console-api.ts';

const REQUEST_TIMEOUT_MS = 5000;

async function openMicrophone(): Promise<MediaStream | null> {
  if (!navigator.mediaDevices?.getUserMedia) return null;
  try {
    return await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: true, noiseSuppression: true } });
  } catch {
    return null;
  }
}

export function useAssessorCall(caseId: string, presence: CasePresence) {
  const [view, dispatch] = useReducer(callReducer, presence, initialCall);
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [stats, setStats] = useState<LinkStats | null>(null);
  /** The assessor's microphone, once the call opened it: the recording mixes it with the customer's voice. */
  const [mic, setMic] = useState<MediaStream | null>(null);
  /** The assessor's microphone is muted (kept across calls on this case until unmuted). */
  const [muted, setMutedState] = useState(false);
  const mutedRef = useRef(false);
  const callRef = useRef<AssessorCall | null>(null);
  /** One bus for the view's lifetime, so panels keep their subscriptions across the call's attempts. */
  const [messages] = useState(() => new MessageBus((message) => callRef.current?.send(message) ?? false));

  useEffect(() => {
    const call = new AssessorCall({
      // Short timeouts: during a network drop a request can hang instead of failing, and the call's
      // recovery retries on its own schedule.
      fetchCredential: () => consoleApi.peerCredential(caseId, AbortSignal.timeout(REQUEST_TIMEOUT_MS)),
      fetchCustomerPeerId: () => consoleApi.getCase(caseId, AbortSignal.timeout(REQUEST_TIMEOUT_MS)).then((d) => d.case.customerPeerId),
      report: (event) => consoleApi.reportCall(caseId, event, AbortSignal.timeout(REQUEST_TIMEOUT_MS)).then(() => undefined),
      openMicrophone: () =>
        openMicrophone().then((stream) => {
          setMic(stream);
          return stream;
        }),
    });
    callRef.current = call;
    call.setMuted(mutedRef.current);
    const offs = [
      call.on('state', (state, detail, endedBy) => {
        dispatch({ type: 'call', state, detail, endedBy });
        if (state === 'ended' || state === 'failed') {
          setStream(null);
          setStats(null);
        }
      }),
      call.on('stream', setStream),
      call.on('stats', (next) => {
        setStats(next);
        dispatch({ type: 'stats', flowing: next.bitrateKbps > 0 });
      }),
      call.on('channel', (open) => {
        dispatch({ type: 'channel', open });
        // The customer's page shows when the assessor is muted: tell it on every (re)opened channel.
        if (open) call.send({ v: 1, type: 'assessor-microphone', on: !mutedRef.current });
      }),
      call.on('message', (message) => {
        dispatch({ type: 'message', message });
        messages.dispatch(message);
      }),
    ];
    return () => {
      for (const off of offs) off();
      call.dispose();
      callRef.current = null;
    };
  }, [caseId, messages]);

  useEffect(() => dispatch({ type: 'presence', presence }), [presence]);

  const connect = useCallback(() => void callRef.current?.connect(), []);
  const hangUp = useCallback(() => callRef.current?.hangUp(), []);
  const handOver = useCallback(() => callRef.current?.handOver(), []);
  const connection = useCallback(() => callRef.current?.customerConnection() ?? null, []);
  const setMuted = useCallback((next: boolean) => {
    mutedRef.current = next;
    setMutedState(next);
    callRef.current?.setMuted(next);
    callRef.current?.send({ v: 1, type: 'assessor-microphone', on: !next });
  }, []);
  return { view, stream, mic, stats, channelOpen: view.channel, connect, hangUp, handOver, messages, connection, muted, setMuted };
}
