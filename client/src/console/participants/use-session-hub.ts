// Connects the assessor's case view to a SessionHub: the hub follows the call (the customer's stream,
// the assessor's microphone, the connection to the customer) and reports who is in the session.
import { useEffect, useState } from 'react';
import { SessionHub, type HubParticipant } from '../../call/participants/session-hub.ts';
import { consoleApi } from '../app/console-api.ts';
import type { CallPhase } from '../call/call-state.ts';
import { participantsApi } from './participants-api.ts';

const REQUEST_TIMEOUT_MS = 5000;

export interface HubCall {
  stream: MediaStream | null;
  mic: MediaStream | null;
  connection: () => RTCPeerConnection | null;
  phase: CallPhase;
}

/** `enabled`: false for a participant's own view (they are called, they call no one). */
export function useSessionHub(caseId: string, call: HubCall, enabled: boolean): HubParticipant[] {
  const [hub, setHub] = useState<SessionHub | null>(null);
  const [participants, setParticipants] = useState<HubParticipant[]>([]);

  useEffect(() => {
    if (!enabled) return;
    const next = new SessionHub({
      fetchCredential: () => consoleApi.peerCredential(caseId, AbortSignal.timeout(REQUEST_TIMEOUT_MS)),
      listSessions: () => participantsApi.sessions(caseId, AbortSignal.timeout(REQUEST_TIMEOUT_MS)),
    });
    const off = next.on('participants', setParticipants);
    setHub(next);
    return () => {
      off();
      next.dispose();
      setHub(null);
      setParticipants([]);
    };
  }, [caseId, enabled]);

  const { stream, mic, connection, phase } = call;
  useEffect(() => {
    const live = phase === 'connected' || phase === 'reconnecting' || phase === 'dropped';
    hub?.setCall(live ? { customer: stream, mic, connection: connection() } : { customer: null, mic: null, connection: null });
  }, [hub, stream, mic, connection, phase]);

  return participants;
}
