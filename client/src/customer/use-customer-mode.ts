// The customer's current mode: which rungs of the ladder this device offers, switching between them
// (by the customer, or when they accept the assessor's proposal), telling the assessor, and recording
// each answer and switch on the server (the ledger's channel.answered / channel.switched).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CustomerMode, PeerMessage } from '../../../protocol/messages.ts';
import { messageOf } from '../lib/api.ts';
import { randomId } from '../lib/ids.ts';
import { postChannelAnswer, postChannelSwitch } from './channel-api.ts';
import { openMedia } from './media.ts';
import { availableModes, detectDeviceSupport, detectSupport, startingMode } from './modes.ts';
import type { PlaceholderMedia } from './placeholder-media.ts';
import { i18next } from '../i18n/i18n.ts';

export interface ModeCall {
  channelOpen: boolean;
  send: (message: PeerMessage) => boolean;
  setAudioOnly: (on: boolean) => void;
  /** The local stream's tracks were replaced (the placeholders by the real camera and microphone). */
  mediaChanged: () => void;
}

/** The assessor's proposal, waiting for the customer's answer. */
export interface ModeProposal {
  mode: CustomerMode;
  proposalId: string | null;
  reason: string | null;
}

const needsCamera = (mode: CustomerMode): boolean => mode === 'ar' || mode === 'overlay' || mode === 'camera';

export function useCustomerMode(options: {
  stream: MediaStream | null;
  initial: CustomerMode;
  call: ModeCall;
  token: string;
  /** Set when the customer started in text: the camera and microphone are opened on the first switch that needs them. */
  placeholder: PlaceholderMedia | null;
  onProblem: (text: string) => void;
}) {
  const [mode, setMode] = useState<CustomerMode>(options.initial);
  const [available, setAvailable] = useState<CustomerMode[]>(() => [...new Set<CustomerMode>([options.initial, 'text'])]);
  const [requested, setRequested] = useState<ModeProposal | null>(null);
  const latest = useRef(options);
  latest.current = options;
  const current = useRef(mode);
  current.current = mode;
  /** The answer and the switch it leads to are sent in order: the server takes a switch only on an accepted proposal. */
  const writes = useRef<Promise<unknown>>(Promise.resolve());
  const { stream, placeholder } = options;

  useEffect(() => {
    let live = true;
    void (placeholder ? detectDeviceSupport() : detectSupport(stream)).then((support) => {
      if (!live) return;
      const offered = availableModes(support);
      setAvailable(offered);
      setMode((now) => (offered.includes(now) ? now : startingMode(offered)));
    });
    return () => {
      live = false;
    };
  }, [stream, placeholder]);

  // Voice and text turn the camera off in the call (the microphone is the call controls' business).
  // Applied on a switch only: the starting mode is how the media were opened — except a text start's
  // stand-in picture, which is never sent (as if the camera had been on and was turned off).
  const applied = useRef<CustomerMode>(placeholder ? 'camera' : mode);
  useEffect(() => {
    if (applied.current === mode) return;
    const wasOff = applied.current === 'voice' || applied.current === 'text';
    const off = mode === 'voice' || mode === 'text';
    applied.current = mode;
    if (wasOff !== off) latest.current.call.setAudioOnly(off);
  }, [mode]);

  useEffect(() => {
    if (options.call.channelOpen) latest.current.call.send({ v: 1, type: 'mode', mode, available });
  }, [mode, available, options.call.channelOpen]);

  const record = useCallback((write: () => Promise<unknown>) => {
    writes.current = writes.current.then(write).catch((error: unknown) => latest.current.onProblem(i18next.t('customer:call.switchNotRecorded', { error: messageOf(error) })));
  }, []);

  /** Opens the real camera or microphone the next mode needs, if the call still sends a placeholder. */
  const openFor = useCallback(async (next: CustomerMode): Promise<void> => {
    const media = latest.current.placeholder;
    if (!media) return;
    const video = needsCamera(next) && media.isPlaceholder('video');
    const audio = next !== 'text' && media.isPlaceholder('audio');
    if (!video && !audio) return;
    media.adopt(await openMedia(video ? 'camera' : 'voice'));
    latest.current.call.mediaChanged();
  }, []);

  /** Moves to `next` (opening what it needs first) and records the switch; false when it could not. */
  const move = useCallback(async (next: CustomerMode, proposalId: string | null): Promise<boolean> => {
    const from = current.current;
    if (next === from) return true;
    try {
      await openFor(next);
    } catch (error) {
      latest.current.onProblem(i18next.t('customer:call.switchToFailed', { mode: next, error: messageOf(error) }));
      return false;
    }
    current.current = next;
    setMode(next);
    const { token } = latest.current;
    const body = { switchId: randomId(), from, to: next, proposalId };
    record(() => postChannelSwitch(token, body));
    return true;
  }, [openFor, record]);

  const switchTo = useCallback((next: CustomerMode) => void move(next, null), [move]);

  /** Handles `mode-request`; returns false for other messages. */
  const handle = useCallback((message: PeerMessage): boolean => {
    if (message.type !== 'mode-request') return false;
    setRequested({ mode: message.mode, proposalId: message.proposalId ?? null, reason: message.reason ?? null });
    return true;
  }, []);

  const answer = useCallback(
    (accepted: boolean) => {
      if (!requested) return;
      const { mode: wanted, proposalId } = requested;
      setRequested(null);
      latest.current.call.send({ v: 1, type: 'mode-answer', mode: wanted, accepted, ...(proposalId ? { proposalId } : {}) });
      const { token } = latest.current;
      if (proposalId) record(() => postChannelAnswer(token, proposalId, accepted));
      if (accepted && available.includes(wanted)) void move(wanted, proposalId);
    },
    [requested, available, record, move],
  );

  return { mode, available, requested, switchTo, handle, answer };
}
