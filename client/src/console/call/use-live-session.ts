// The live part of a case view: the call, chat from both sides, snapshot requests and frame captures,
// the inspection (annotations, measurements, mode) over the live video, and a guided tour's messages
// for whoever subscribes to them.
import { useCallback, useMemo, useRef, useState } from 'react';
import type { CaseDetail, ChatLine, EvidenceView } from '../../../../protocol/http.ts';
import type { PeerMessage } from '../../../../protocol/messages.ts';
import type { AnnotationView, MeasurementView } from '../../../../protocol/spatial.ts';
import { isTourSyncMessage, type TourSyncMessage } from '../../xr/tour/tour-sync.ts';
import { messageOf } from '../../lib/api.ts';
import type { Tone } from '../../ui/banner.tsx';
import type { ChatEntry } from '../../ui/chat-panel.tsx';
import { randomId } from '../../lib/ids.ts';
import { uploadEvidence } from '../../ui/upload.ts';
import { videoToJpeg } from '../../ui/video-frame.ts';
import { cameraOffText, toolsDownText } from './call-text.ts';
import { consoleApi } from '../app/console-api.ts';
import { useAssessorCall } from './use-assessor-call.ts';
import { useInspection } from '../markup/use-markup.ts';

export interface SnapshotRequest {
  requestId: string;
  status: 'pending' | 'failed';
  error?: string;
}

interface Deps {
  caseId: string;
  detail: CaseDetail | null;
  addEvidence: (evidence: EvidenceView) => void;
  addChat: (line: ChatLine) => void;
  addAnnotation: (annotation: AnnotationView) => void;
  addMeasurement: (measurement: MeasurementView) => void;
  addAnnotations: (annotations: AnnotationView[]) => void;
  notify: (tone: Tone, text: string) => void;
}

export function useLiveSession({ caseId, detail, addEvidence, addChat, addAnnotation, addAnnotations, addMeasurement, notify }: Deps) {
  const [liveChat, setLiveChat] = useState<ChatEntry[]>([]);
  const [requests, setRequests] = useState<SnapshotRequest[]>([]);
  const [capturing, setCapturing] = useState(false);
  /** The inspection's message handler; the inspection needs the call's `send`, so it is made after the call. */
  const inspectionMessage = useRef<(message: PeerMessage) => boolean>(() => false);
  /** A guided tour's panel loads on demand; until it subscribes, its messages have no one to hear them. */
  const [tourListeners] = useState(() => new Set<(message: TourSyncMessage) => void>());

  const onMessage = useCallback(
    (message: PeerMessage) => {
      if (message.type === 'chat') {
        setLiveChat((lines) => [...lines.filter((l) => l.id !== message.id), { id: message.id, from: 'customer', text: message.text, at: message.at }]);
      } else if (message.type === 'snapshot-result') {
        if (message.error) {
          setRequests((list) => list.map((r) => (r.requestId === message.requestId ? { ...r, status: 'failed', error: message.error } : r)));
          notify('error', `The customer’s device could not take the photo: ${message.error}`);
        } else {
          setRequests((list) => list.filter((r) => r.requestId !== message.requestId));
        }
      } else if (message.type === 'evidence-added') {
        notify('info', 'The customer added a photo.');
      } else if (isTourSyncMessage(message)) {
        for (const listener of tourListeners) listener(message);
      } else {
        inspectionMessage.current(message);
      }
    },
    [notify, tourListeners],
  );
  const onTourMessage = useCallback(
    (listener: (message: TourSyncMessage) => void) => {
      tourListeners.add(listener);
      return () => void tourListeners.delete(listener);
    },
    [tourListeners],
  );
  const call = useAssessorCall(caseId, detail?.case.presence ?? 'offline', onMessage);
  const send = call.send;
  const phase = call.view.phase;
  const inspection = useInspection({
    caseId,
    send,
    offline: toolsDownText(call.view),
    ended: phase === 'ended' || phase === 'failed' || phase === 'idle',
    picture: cameraOffText(call.view) === null,
    addAnnotation,
    addAnnotations,
    addMeasurement,
    notify,
  });
  inspectionMessage.current = inspection.onMessage;

  const chat = useMemo(() => {
    const stored: ChatEntry[] = detail?.chat ?? [];
    const storedIds = new Set(stored.map((l) => l.id));
    return [...stored, ...liveChat.filter((l) => !storedIds.has(l.id))].sort((a, b) => a.at.localeCompare(b.at));
  }, [detail?.chat, liveChat]);

  const sendChat = useCallback(
    (text: string) => {
      const line: ChatEntry = { id: randomId(), from: 'assessor', text, at: new Date().toISOString(), delivered: false };
      setLiveChat((lines) => [...lines, line]);
      send({ v: 1, type: 'chat', id: line.id, text, at: line.at });
      consoleApi.postChat(caseId, { id: line.id, text }).then(addChat, (e: unknown) => notify('error', `Message not saved: ${messageOf(e)}`));
    },
    [send, caseId, addChat, notify],
  );

  const requestPhoto = useCallback(() => {
    const requestId = randomId();
    setRequests((list) => [...list, { requestId, status: 'pending' }]);
    send({ v: 1, type: 'snapshot-request', requestId });
  }, [send]);

  const captureFrame = useCallback(
    (video: HTMLVideoElement | null) => {
      if (!video) return;
      setCapturing(true);
      const deviceTime = new Date().toISOString();
      videoToJpeg(video)
        .then((file) =>
          uploadEvidence({ caseId, file, fileName: `frame-${deviceTime.replace(/[:.]/g, '-')}.jpg`, source: 'video-frame', uploadId: randomId(), deviceTime }),
        )
        .then(addEvidence, (e: unknown) => notify('error', `Frame not saved: ${messageOf(e)}`))
        .finally(() => setCapturing(false));
    },
    [caseId, addEvidence, notify],
  );

  // A request is answered once its evidence is here, whichever arrives first: result or evidence.
  const answered = new Set(detail?.evidence.map((e) => e.requestId).filter((id): id is string => id !== null));
  const openRequests = requests.filter((r) => !(r.status === 'pending' && answered.has(r.requestId)));
  const dismissRequest = useCallback((requestId: string) => setRequests((list) => list.filter((r) => r.requestId !== requestId)), []);

  return { call, chat, sendChat, requestPhoto, captureFrame, capturing, requests: openRequests, dismissRequest, inspection, onTourMessage };
}
