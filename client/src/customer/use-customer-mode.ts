// The customer's current mode: which rungs of the ladder this device offers, switching between them
// (by the customer, or when they accept the assessor's request), and telling the assessor.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CustomerMode, PeerMessage } from '../../../protocol/messages.ts';
import { availableModes, detectSupport, startingMode } from './modes.ts';

export interface ModeCall {
  channelOpen: boolean;
  send: (message: PeerMessage) => boolean;
  setAudioOnly: (on: boolean) => void;
}

export function useCustomerMode(options: { stream: MediaStream | null; initial: CustomerMode; call: ModeCall }) {
  const [mode, setMode] = useState<CustomerMode>(options.initial);
  const [available, setAvailable] = useState<CustomerMode[]>([options.initial, 'text']);
  /** A switch the assessor asked for, waiting for the customer's answer. */
  const [requested, setRequested] = useState<CustomerMode | null>(null);
  const call = useRef(options.call);
  call.current = options.call;
  const { stream } = options;

  useEffect(() => {
    let live = true;
    void detectSupport(stream).then((support) => {
      if (!live) return;
      const offered = availableModes(support);
      setAvailable(offered);
      setMode((current) => (offered.includes(current) ? current : startingMode(offered)));
    });
    return () => {
      live = false;
    };
  }, [stream]);

  // Voice and text turn the camera off in the call (the microphone is the call controls' business).
  // Applied on a switch only: the starting mode is how the media were opened.
  const applied = useRef(mode);
  useEffect(() => {
    if (applied.current === mode) return;
    const wasOff = applied.current === 'voice' || applied.current === 'text';
    const off = mode === 'voice' || mode === 'text';
    applied.current = mode;
    if (wasOff !== off) call.current.setAudioOnly(off);
  }, [mode]);

  useEffect(() => {
    if (options.call.channelOpen) call.current.send({ v: 1, type: 'mode', mode, available });
  }, [mode, available, options.call.channelOpen]);

  const switchTo = useCallback((next: CustomerMode) => setMode(next), []);

  /** Handles `mode-request`; returns false for other messages. */
  const handle = useCallback((message: PeerMessage): boolean => {
    if (message.type !== 'mode-request') return false;
    setRequested(message.mode);
    return true;
  }, []);

  const answer = useCallback(
    (accepted: boolean) => {
      if (!requested) return;
      call.current.send({ v: 1, type: 'mode-answer', mode: requested, accepted });
      if (accepted && available.includes(requested)) setMode(requested);
      setRequested(null);
    },
    [requested, available],
  );

  return { mode, available, requested, switchTo, handle, answer };
}
