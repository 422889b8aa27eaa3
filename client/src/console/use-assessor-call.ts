// Connects the case view to an AssessorCall for this case: state, remote stream, stats, data channel.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PeerMessage } from '../../../protocol/messages.ts';
import { AssessorCall } from '../call/call-session.ts';
import type { CallState } from '../call/call-types.ts';
import type { LinkStats } from '../call/stats.ts';
import { consoleApi } from './console-api.ts';

const REQUEST_TIMEOUT_MS = 5000;

async function openMicrophone(): Promise<MediaStream | null> {
  if (!navigator.mediaDevices?.getUserMedia) return null;
  try {
    return await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: true, noiseSuppression: true } });
  } catch {
    return null;
  }
}

export function useAssessorCall(caseId: string, onMessage: (message: PeerMessage) => void) {
  const [state, setState] = useState<{ state: CallState; detail: string | null }>({ state: 'idle', detail: null });
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [stats, setStats] = useState<LinkStats | null>(null);
  const [channelOpen, setChannelOpen] = useState(false);
  /** The assessor's microphone, once the call opened it: the recording mixes it with the customer's voice. */
  const [mic, setMic] = useState<MediaStream | null>(null);
  const callRef = useRef<AssessorCall | null>(null);
  const handler = useRef(onMessage);
  handler.current = onMessage;

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
    const offs = [
      call.on('state', (next, detail) => {
        setState({ state: next, detail });
        if (next === 'ended' || next === 'failed') {
          setStream(null);
          setStats(null);
        }
      }),
      call.on('stream', setStream),
      call.on('stats', setStats),
      call.on('channel', setChannelOpen),
      call.on('message', (message) => handler.current(message)),
    ];
    return () => {
      for (const off of offs) off();
      call.dispose();
      callRef.current = null;
    };
  }, [caseId]);

  const connect = useCallback(() => void callRef.current?.connect(), []);
  const hangUp = useCallback(() => callRef.current?.hangUp(), []);
  const send = useCallback((message: PeerMessage) => callRef.current?.send(message) ?? false, []);

  return { ...state, stream, mic, stats, channelOpen, connect, hangUp, send };
}
