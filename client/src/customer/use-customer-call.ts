// Connects the customer's page to its CustomerCall: call state, chat, snapshot requests (and whether the
// photo reached the assessor), quality, the evidence count and the end of the call, for the call screen;
// the data channel's messages by type (a MessageBus) for the parts of the page that answer them.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { Location } from '../../../protocol/http.ts';
import type { PeerMessage } from '../../../protocol/messages.ts';
import type { AnnotationLayer } from '../../../protocol/spatial.ts';
import { CustomerCall, type CustomerCallState } from '../call/customer-call.ts';
import { MessageBus } from '../call/message-bus.ts';
import type { QualityReport } from '../call/sending-quality.ts';
import { messageOf } from '../lib/api.ts';
import type { ChatEntry } from '../ui/chat-panel.tsx';
import { randomId } from '../lib/ids.ts';
import { answerSnapshotRequest } from './evidence-capture.ts';
import { fetchPeerCredential, postChat } from './join-api.ts';
import { i18next } from '../i18n/i18n.ts';

export interface CustomerCallOptions {
  token: string;
  caseId: string;
  stream: MediaStream | null;
  location: RefObject<Location | null>;
  onNotice: (tone: 'info' | 'error', text: string) => void;
  /** The annotation layer to keep beside a requested still. */
  layer?: () => Promise<AnnotationLayer | null>;
  /** The call ended on purpose: the assessor sent `call-end`, or the customer hung up. */
  onEnded?: (by: 'assessor' | 'customer') => void;
}

/** A photo the assessor asked for: being taken and sent, or sent (with its evidence id). */
export type PhotoStatus = { state: 'taking' } | { state: 'sent'; evidenceId: string } | null;

export function useCustomerCall({ token, caseId, stream, location, onNotice, layer, onEnded }: CustomerCallOptions) {
  const [state, setState] = useState<{ state: CustomerCallState; detail: string | null }>({ state: 'registering', detail: null });
  /** The assessor's call arrived and is not yet connected (or failed). */
  const [incoming, setIncoming] = useState(false);
  const [channelOpen, setChannelOpen] = useState(false);
  const [quality, setQuality] = useState<QualityReport | null>(null);
  const [remoteAudio, setRemoteAudio] = useState<MediaStream | null>(null);
  const [chat, setChat] = useState<ChatEntry[]>([]);
  const [evidenceCount, setEvidenceCount] = useState(0);
  const [photo, setPhoto] = useState<PhotoStatus>(null);
  const callRef = useRef<CustomerCall | null>(null);
  /** One bus for the page's lifetime, so subscriptions outlast a call object made again. */
  const [messages] = useState(() => new MessageBus((message) => callRef.current?.send(message) ?? false));
  const notice = useRef(onNotice);
  notice.current = onNotice;
  const layerOf = useRef(layer);
  layerOf.current = layer;
  const ended = useRef(onEnded);
  ended.current = onEnded;

  useEffect(() => {
    const call = new CustomerCall({ fetchCredential: () => fetchPeerCredential(token), localStream: stream });
    callRef.current = call;
    const offs = [
      messages.on('chat', (message) => {
        setChat((lines) => (lines.some((l) => l.id === message.id) ? lines : [...lines, { id: message.id, from: 'assessor', text: message.text, at: message.at, author: message.author, ...(message.language ? { language: message.language } : {}) }]));
      }),
      messages.on('snapshot-request', (message) => {
        setPhoto({ state: 'taking' });
        const context = { caseId, token, track: stream?.getVideoTracks()[0], location: location.current, layer: () => layerOf.current?.() ?? Promise.resolve(null) };
        void answerSnapshotRequest(message.requestId, context).then((result) => {
          call.send(result);
          if (result.type === 'snapshot-result' && result.evidenceId) {
            setEvidenceCount((n) => n + 1);
            setPhoto({ state: 'sent', evidenceId: result.evidenceId });
          } else {
            setPhoto(null);
            if (result.type === 'snapshot-result' && result.error) notice.current('error', i18next.t('customer:call.photoFailed', { error: result.error }));
          }
        });
      }),
      messages.on('call-end', (message) => {
        if (message.by === 'assessor') ended.current?.('assessor');
      }),
      call.on('state', (next, detail) => {
        setIncoming(false);
        setState({ state: next, detail });
      }),
      call.on('incoming', () => setIncoming(true)),
      call.on('channel', setChannelOpen),
      call.on('quality', setQuality),
      call.on('stream', setRemoteAudio),
      call.on('message', (message) => messages.dispatch(message)),
    ];
    call.start();
    return () => {
      for (const off of offs) off();
      call.dispose();
      callRef.current = null;
    };
  }, [token, caseId, stream, location, messages]);

  const sendChat = useCallback(
    (text: string) => {
      // Each line names the page's language, so the assessor sees which language it was written in.
      const language = i18next.language;
      const line: ChatEntry = { id: randomId(), from: 'customer', text, at: new Date().toISOString(), delivered: false, language };
      setChat((lines) => [...lines, line]);
      callRef.current?.send({ v: 1, type: 'chat', id: line.id, text, at: line.at, language });
      postChat(token, caseId, { id: line.id, text, language }).then(
        () => setChat((lines) => lines.map((l) => (l.id === line.id ? { ...l, delivered: true } : l))),
        (error: unknown) => notice.current('error', i18next.t('customer:call.chatFailed', { error: messageOf(error) })),
      );
    },
    [token, caseId],
  );

  const setAudioOnly = useCallback((on: boolean) => {
    const call = callRef.current;
    if (!call) return;
    // The level changes at once (the encoder follows): the controls, and the media-state that tells the
    // assessor the camera is off, need not wait for it.
    const applied = call.setAudioOnly(on);
    setQuality({ level: call.qualityLevel, reason: null, suggestAudioOnly: false });
    applied.catch((error: unknown) => notice.current('error', i18next.t('customer:call.switchFailed', { error: messageOf(error) })));
  }, []);

  /** A photo the customer sent (`confirm`: show "Photo sent"; the checklist shows its own verdict instead). */
  const evidenceAdded = useCallback((evidenceId: string, confirm = true) => {
    setEvidenceCount((n) => n + 1);
    if (confirm) setPhoto({ state: 'sent', evidenceId });
    callRef.current?.send({ v: 1, type: 'evidence-added', evidenceId });
  }, []);

  const hangUp = useCallback(() => {
    const call = callRef.current;
    if (!call) return;
    void call.hangUp().finally(() => ended.current?.('customer'));
  }, []);

  const cameraChanged = useCallback(() => {
    callRef.current?.cameraChanged().catch((error: unknown) => notice.current('error', i18next.t('customer:call.otherCameraFailed', { error: messageOf(error) })));
  }, []);

  const mediaChanged = useCallback(() => {
    callRef.current?.mediaChanged().catch((error: unknown) => notice.current('error', i18next.t('customer:call.cameraFailed', { error: messageOf(error) })));
  }, []);

  const clearPhoto = useCallback(() => setPhoto(null), []);

  const setVideoSource = useCallback((track: MediaStreamTrack | null) => {
    callRef.current?.setVideoSource(track).catch((error: unknown) => notice.current('error', i18next.t('customer:call.pictureFailed', { error: messageOf(error) })));
  }, []);

  return { ...state, incoming, channelOpen, quality, remoteAudio, chat, evidenceCount, photo, clearPhoto, sendChat, setAudioOnly, evidenceAdded, setVideoSource, hangUp, cameraChanged, mediaChanged, messages, send: messages.send };
}
