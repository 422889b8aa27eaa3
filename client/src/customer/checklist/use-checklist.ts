// The guided-capture checklist on the customer's page: its state (from the join answer, refreshed
// from the server), the item in focus, and capture(itemId): take a still, send it, show the verdict.
// Works the same while waiting for the assessor (self-service) and during the call.
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { ChecklistItemState, ChecklistView, QualityProblem } from '../../../../protocol/checklist.ts';
import type { EvidenceView, Location } from '../../../../protocol/http.ts';
import { i18next } from '../../i18n/i18n.ts';
import { messageOf } from '../../lib/api.ts';
import { cameraProblem, fetchChecklist, takeChecklistPhoto, uploadChecklistPhoto, type ChecklistPhoto } from './checklist-capture.ts';
import { aimOf, applyCapture, focusItem, type ChecklistAim } from './checklist-state.ts';

export interface ChecklistOptions {
  caseId: string;
  token: string;
  /** `JoinView.checklist`: null (or absent, from an older server) when the case has no checklist. */
  initial: ChecklistView | null | undefined;
  /** The camera stream of the page; its video track takes the photos. */
  stream: MediaStream | null;
  location: RefObject<Location | null>;
  /** Every stored photo, accepted or not, so the call can tell the assessor. */
  onCaptured?: (evidence: EvidenceView) => void;
}

/** What the checklist is doing now; at most one photo is in hand at a time. */
export type ChecklistActivity =
  | { kind: 'taking'; itemId: string }
  | { kind: 'uploading'; itemId: string; progress: number }
  /** `photo` is kept when the upload failed, so "Try again" resends it; null when the camera failed. */
  | { kind: 'failed'; itemId: string; message: string; photo: ChecklistPhoto | null };

/** The server's judgement of the last photo sent. */
export interface ChecklistVerdict {
  itemId: string;
  title: string;
  evidenceId: string;
  accepted: boolean;
  problems: QualityProblem[];
  /** A local URL of the photo as taken, for a rejected photo (so the customer sees what went wrong). */
  photoUrl: string | null;
}

export interface Checklist {
  view: ChecklistView | null;
  /** The item to photograph now; null when there is no checklist or it is complete. */
  current: ChecklistItemState | null;
  /** The current item for an aim guide (plain camera overlay or AR scene). */
  aim: ChecklistAim | null;
  activity: ChecklistActivity | null;
  verdict: ChecklistVerdict | null;
  refreshError: string | null;
  /** Resolves once the still is taken (the camera may move again); the upload goes on after it. */
  capture: (itemId: string) => Promise<void>;
  /** Resends the photo whose upload failed, under the same uploadId. */
  retryUpload: () => void;
  /** Puts a done repeatable item back in focus for one more photo; null returns to the next item. */
  addAnother: (itemId: string | null) => void;
  refresh: () => void;
}

export function useChecklist({ caseId, token, initial, stream, location, onCaptured }: ChecklistOptions): Checklist {
  const [view, setView] = useState<ChecklistView | null>(initial ?? null);
  const [extra, setExtra] = useState<string | null>(null);
  const [activity, setActivity] = useState<ChecklistActivity | null>(null);
  const [verdict, setVerdict] = useState<ChecklistVerdict | null>(null);
  const [refreshError, setRefreshError] = useState<string | null>(null);
  const hasChecklist = Boolean(initial);
  const aborter = useRef(new AbortController());
  const captured = useRef(onCaptured);
  captured.current = onCaptured;
  /** Bumped whenever a verdict is applied locally: an older refresh answer must not undo it. */
  const generation = useRef(0);

  useEffect(() => {
    const controller = new AbortController();
    aborter.current = controller;
    return () => controller.abort();
  }, []);

  useEffect(() => {
    const url = verdict?.photoUrl;
    return () => {
      if (url) URL.revokeObjectURL(url);
    };
  }, [verdict]);

  const refresh = useCallback(() => {
    const started = generation.current;
    const signal = aborter.current.signal;
    fetchChecklist(token, caseId, signal).then(
      (fresh) => {
        setRefreshError(null);
        if (generation.current === started) setView(fresh);
      },
      (error: unknown) => {
        if (!signal.aborted) setRefreshError(messageOf(error));
      },
    );
  }, [token, caseId]);

  // Fresh state on arrival and whenever the customer comes back to the page (photos may have been
  // taken in another tab, or the assessor may be reviewing).
  useEffect(() => {
    if (!hasChecklist) return;
    refresh();
    const onVisible = (): void => {
      if (document.visibilityState === 'visible') refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    // The titles and hints come in the page's language: a switch fetches them again.
    i18next.on('languageChanged', refresh);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      i18next.off('languageChanged', refresh);
    };
  }, [hasChecklist, refresh]);

  const send = useCallback(
    async (photo: ChecklistPhoto) => {
      const signal = aborter.current.signal;
      setActivity({ kind: 'uploading', itemId: photo.itemId, progress: 0 });
      const onProgress = (progress: number): void =>
        setActivity((now) => (now?.kind === 'uploading' && now.itemId === photo.itemId ? { ...now, progress } : now));
      try {
        const evidence = await uploadChecklistPhoto(photo, { caseId, token, location: location.current, onProgress, signal });
        const judged = evidence.checklist;
        setActivity(null);
        if (judged) {
          generation.current++;
          setView((now) => (now ? applyCapture(now, judged) : now));
          setVerdict({
            itemId: judged.itemId,
            title: view?.items.find((i) => i.id === judged.itemId)?.title ?? judged.itemId,
            evidenceId: evidence.id,
            accepted: judged.accepted,
            problems: judged.problems,
            photoUrl: judged.accepted ? null : URL.createObjectURL(photo.blob),
          });
          if (judged.accepted) setExtra(null);
        }
        captured.current?.(evidence);
        refresh();
      } catch (error) {
        if (!signal.aborted) setActivity({ kind: 'failed', itemId: photo.itemId, message: i18next.t('capture:sendFailed', { reason: messageOf(error) }), photo });
      }
    },
    [caseId, token, location, refresh, view],
  );

  const capture = useCallback(
    async (itemId: string) => {
      const track = stream?.getVideoTracks()[0];
      const problem = cameraProblem(track);
      if (problem || !track) {
        setActivity({ kind: 'failed', itemId, message: problem ?? i18next.t('capture:camera.offShort'), photo: null });
        return;
      }
      setVerdict(null);
      setActivity({ kind: 'taking', itemId });
      let photo: ChecklistPhoto;
      try {
        photo = await takeChecklistPhoto(track, itemId);
      } catch (error) {
        if (!aborter.current.signal.aborted) setActivity({ kind: 'failed', itemId, message: i18next.t('capture:camera.failed', { reason: messageOf(error) }), photo: null });
        return;
      }
      if (!aborter.current.signal.aborted) void send(photo);
    },
    [stream, send],
  );

  const retryUpload = useCallback(() => {
    if (activity?.kind === 'failed' && activity.photo) void send(activity.photo);
  }, [activity, send]);

  const addAnother = useCallback((itemId: string | null) => {
    setExtra(itemId);
    setVerdict(null);
    setActivity(null);
  }, []);

  const current = useMemo(() => (view ? focusItem(view, extra) : null), [view, extra]);
  const aim = useMemo(() => (view && current ? aimOf(view, current) : null), [view, current]);
  return { view, current, aim, activity, verdict, refreshError, capture, retryUpload, addAnother, refresh };
}
