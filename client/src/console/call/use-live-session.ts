// The live part of a case view: the call, its chat (chat/), snapshot requests and frame captures,
// and the markup (annotations, measurements, the customer's mode) over the live video. A guided tour's
// panel subscribes to its own messages on the call's message bus.
import { useCallback, useEffect, useState } from 'react';
import type { CaseDetail, ChatLine, EvidenceView } from '../../../../protocol/http.ts';
import type { AnnotationView, MeasurementView } from '../../../../protocol/spatial.ts';
import { messageOf } from '../../lib/api.ts';
import { i18next } from '../../i18n/i18n.ts';
import type { Tone } from '../../ui/banner.tsx';
import { randomId } from '../../lib/ids.ts';
import { uploadEvidence } from '../../ui/upload.ts';
import { videoToJpeg } from '../../ui/video-frame.ts';
import { cameraOffText, toolsDownText } from './call-text.ts';
import { useAssessorCall } from './use-assessor-call.ts';
import { useConsoleEvent } from '../app/use-console-event.ts';
import { useMarkup } from '../markup/use-markup.ts';
import { useCaseChat } from '../chat/use-case-chat.ts';
import { useReportLiveCall } from '../queue/live-calls.ts';
import { isInCall } from './call-state.ts';

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
  /** The viewer's user id, and whether theirs is the console that talks to the customer (the case's assessor's). */
  selfId: string | null;
  lead: boolean;
}

export function useLiveSession({ caseId, detail, addEvidence, addChat, addAnnotation, addAnnotations, addMeasurement, notify, selfId, lead }: Deps) {
  const [requests, setRequests] = useState<SnapshotRequest[]>([]);
  const [capturing, setCapturing] = useState(false);
  const call = useAssessorCall(caseId, detail?.case.presence ?? 'offline');
  const { messages, handOver } = call;
  const send = messages.send;
  // A warm transfer of this case was accepted: the colleague's call takes the customer from this one.
  useConsoleEvent((event) => {
    if (event.type === 'transfer' && event.caseId === caseId && event.outcome === 'accepted') handOver();
  });

  useEffect(() => {
    const offs = [
      messages.on('snapshot-result', (message) => {
        if (message.error) {
          setRequests((list) => list.map((r) => (r.requestId === message.requestId ? { ...r, status: 'failed', error: message.error } : r)));
          notify('error', i18next.t('console:call.photoFailedNotice', { error: message.error }));
        } else {
          setRequests((list) => list.filter((r) => r.requestId !== message.requestId));
        }
      }),
      messages.on('evidence-added', () => notify('info', i18next.t('console:call.photoAdded'))),
    ];
    return () => {
      for (const off of offs) off();
    };
  }, [messages, notify]);

  const phase = call.view.phase;
  // The top bar's status picker says "In call" while it is.
  useReportLiveCall(caseId, isInCall(call.view));
  const markup = useMarkup({
    caseId,
    channel: messages,
    offline: toolsDownText(call.view),
    ended: phase === 'ended' || phase === 'failed' || phase === 'idle',
    picture: cameraOffText(call.view) === null,
    addAnnotation,
    addAnnotations,
    addMeasurement,
    notify,
  });

  const { chat, sendChat } = useCaseChat({ caseId, stored: detail?.chat ?? null, messages, channelOpen: call.channelOpen, selfId, lead, addChat, notify });

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
        .then(addEvidence, (e: unknown) => notify('error', i18next.t('console:call.frameNotSaved', { error: messageOf(e) })))
        .finally(() => setCapturing(false));
    },
    [caseId, addEvidence, notify],
  );

  // A request is answered once its evidence is here, whichever arrives first: result or evidence.
  const answered = new Set(detail?.evidence.map((e) => e.requestId).filter((id): id is string => id !== null));
  const openRequests = requests.filter((r) => !(r.status === 'pending' && answered.has(r.requestId)));
  const dismissRequest = useCallback((requestId: string) => setRequests((list) => list.filter((r) => r.requestId !== requestId)), []);

  return { call, chat, sendChat, requestPhoto, captureFrame, capturing, requests: openRequests, dismissRequest, markup };
}
