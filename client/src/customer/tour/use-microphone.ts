// The microphone for a guided tour's voice call, asked for once the call is wanted: when a guided
// tour opens (the customer agreed to the call on the consent screen), or when a customer on a
// self-guided tour asks for a person. Refused or missing, the tour goes on without it: the agent can
// still lead, point and write.
import { useEffect, useState } from 'react';
import { stopMedia } from '../media.ts';

export type Microphone = { ready: false } | { ready: true; stream: MediaStream | null };

export function useMicrophone(wanted: boolean): Microphone {
  const [mic, setMic] = useState<Microphone>({ ready: false });
  useEffect(() => {
    if (!wanted) return;
    let current = true;
    let opened: MediaStream | null = null;
    const ask = navigator.mediaDevices?.getUserMedia
      ? navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: true, noiseSuppression: true } })
      : Promise.reject(new Error('no media devices'));
    ask.then(
      (stream) => {
        opened = stream;
        if (current) setMic({ ready: true, stream });
        else stopMedia(stream);
      },
      () => {
        if (current) setMic({ ready: true, stream: null });
      },
    );
    return () => {
      current = false;
      stopMedia(opened);
      setMic({ ready: false });
    };
  }, [wanted]);
  return mic;
}
