// Connects the case view to the recorder and the chunk uploader. Recording starts by itself when the
// call connects (the customer consented to recording, and evidence should not depend on a click) and
// stops with the call; the assessor can stop and start it. A fresh call (new remote stream) starts a
// fresh recording.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallPhase } from '../call/call-state.ts';
import type { Tone } from '../../ui/banner.tsx';
import { ChunkStore } from './chunk-store.ts';
import { ChunkUploader, type UploadProgress } from './chunk-uploader.ts';
import { SessionRecorder } from './session-recorder.ts';
import { i18next } from '../../i18n/i18n.ts';

interface Deps {
  caseId: string;
  stream: MediaStream | null;
  mic: MediaStream | null;
  phase: CallPhase;
  notify: (tone: Tone, text: string) => void;
}

export function useRecording({ caseId, stream, mic, phase, notify }: Deps) {
  const [uploads, setUploads] = useState<UploadProgress[]>([]);
  const [recording, setRecording] = useState<{ startedAt: number; localId: string } | null>(null);
  const uploaderRef = useRef<ChunkUploader | null>(null);
  const recorderRef = useRef<{ recorder: SessionRecorder; stream: MediaStream; off: () => void } | null>(null);
  /** False once the assessor stopped by hand: no automatic restart until the next call. */
  const [auto, setAuto] = useState(true);
  const notifyRef = useRef(notify);
  notifyRef.current = notify;

  const stop = useCallback(() => {
    const current = recorderRef.current;
    if (!current) return;
    recorderRef.current = null;
    current.recorder.stop();
    setRecording(null);
  }, []);

  useEffect(() => {
    const uploader = new ChunkUploader({ caseId, store: new ChunkStore() });
    uploaderRef.current = uploader;
    const offs = [
      uploader.on('progress', (p) => setUploads((list) => [...list.filter((u) => u.localId !== p.localId), p])),
      uploader.on('discarded', (localId) => setUploads((list) => list.filter((u) => u.localId !== localId))),
      uploader.on('problem', (message) => notifyRef.current('error', message)),
      // Recording on would only pile chunks up on this computer that the server will not take.
      uploader.on('blocked', (localId) => {
        if (recorderRef.current?.recorder.localId !== localId) return;
        setAuto(false);
        stop();
      }),
    ];
    uploader.resume().catch((error: unknown) => notifyRef.current('error', i18next.t('casework:recording.resumeFailed', { error: String(error) })));
    return () => {
      recorderRef.current?.recorder.stop();
      recorderRef.current?.off();
      recorderRef.current = null;
      for (const off of offs) off();
      uploader.dispose();
      uploaderRef.current = null;
    };
  }, [caseId, stop]);

  const start = useCallback(
    (remote: MediaStream) => {
      const uploader = uploaderRef.current;
      if (!uploader || recorderRef.current) return;
      try {
        const recorder = new SessionRecorder({ caseId, remote, mic, uploader });
        const off = recorder.on('state', (state, detail) => {
          if (state === 'failed') {
            notifyRef.current('error', i18next.t('casework:recording.stopped', { detail: detail ?? i18next.t('casework:recording.unknownError') }));
            if (recorderRef.current?.recorder === recorder) {
              recorderRef.current = null;
              setRecording(null);
            }
          }
        });
        recorderRef.current = { recorder, stream: remote, off };
        setRecording({ startedAt: Date.now(), localId: recorder.localId });
      } catch (error) {
        notifyRef.current('error', error instanceof Error ? error.message : i18next.t('casework:recording.couldNotStart'));
      }
    },
    [caseId, mic],
  );

  // A dropped or reconnecting call is still the call: its recording goes on until it ends.
  const live = phase === 'connected' || phase === 'dropped' || phase === 'reconnecting';
  useEffect(() => {
    const current = recorderRef.current;
    if (current && (!live || (stream && current.stream !== stream))) stop();
    if (!live) setAuto(true);
    else if (auto && stream && phase === 'connected' && !recorderRef.current) start(stream);
  }, [live, phase, stream, auto, start, stop]);

  const toggle = useCallback(() => {
    if (recorderRef.current) {
      setAuto(false);
      stop();
    } else if (stream && live) {
      setAuto(true);
      start(stream);
    }
  }, [stream, live, start, stop]);

  return { recording, uploads, canRecord: live && stream !== null, toggle, retryNow: () => uploaderRef.current?.retryNow() };
}
