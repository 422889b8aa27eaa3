// Connects a participant's case view (an expert's or a supervisor's) to a ParticipantLink.
import { useCallback, useEffect, useState } from 'react';
import type { ParticipantMode } from '../../../../protocol/participant-session.ts';
import { ParticipantLink, type ParticipantLinkState } from '../../call/participants/participant-link.ts';
import { consoleApi } from '../app/console-api.ts';
import { participantsApi } from './participants-api.ts';

async function openMedia(): Promise<MediaStream | null> {
  if (!navigator.mediaDevices?.getUserMedia) return null;
  try {
    return await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: true, noiseSuppression: true }, video: { width: 640, height: 360 } });
  } catch {
    return navigator.mediaDevices.getUserMedia({ audio: true }).catch(() => null);
  }
}

export function useParticipantLink(caseId: string) {
  const [link, setLink] = useState<ParticipantLink | null>(null);
  const [state, setState] = useState<{ state: ParticipantLinkState; detail: string | null }>({ state: 'idle', detail: null });
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [mode, setMode] = useState<ParticipantMode | null>(null);

  useEffect(() => {
    const next = new ParticipantLink({
      fetchCredential: () => consoleApi.peerCredential(caseId),
      enter: (m, peerId) => participantsApi.enter(caseId, m, peerId).then(() => undefined),
      leave: (keepalive) => participantsApi.leave(caseId, keepalive),
      openMedia,
    });
    const offs = [next.on('state', (s, detail) => setState({ state: s, detail })), next.on('stream', setStream), next.on('mode', setMode)];
    const onPageHide = (): void => next.dispose();
    window.addEventListener('pagehide', onPageHide);
    setLink(next);
    return () => {
      window.removeEventListener('pagehide', onPageHide);
      for (const off of offs) off();
      next.dispose();
    };
  }, [caseId]);

  const join = useCallback((m: ParticipantMode) => link?.join(m) ?? Promise.resolve(), [link]);
  const leave = useCallback(() => link?.leave() ?? Promise.resolve(), [link]);
  return { state: state.state, detail: state.detail, stream, mode, join, leave };
}
