// Attaches a MediaStream to a <video>/<audio> element once (PeerJS may report the same stream once
// per track) and starts playback; detaches on unmount.
import { useEffect, useRef } from 'react';

export function useSrcObject<T extends HTMLMediaElement>(stream: MediaStream | null) {
  const ref = useRef<T>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element || element.srcObject === stream) return;
    element.srcObject = stream;
    if (stream) element.play().catch((error: unknown) => console.warn('Playback did not start yet', error));
  }, [stream]);
  useEffect(() => {
    const element = ref.current;
    return () => {
      if (element) element.srcObject = null;
    };
  }, []);
  return ref;
}
