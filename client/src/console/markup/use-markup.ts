// The assessor's side of live inspection: the customer's mode and mode requests, the tool in hand,
// annotations placed through the customer's device (then stored), and two-point measurements.
// The customer's device does the 3D work; this hook asks, waits for answers, and stores the results.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AnnotationView, MeasurementView } from '../../../../protocol/spatial.ts';
import type { CustomerMode, PeerMessage } from '../../../../protocol/messages.ts';
import type { MeasurementBody, ScreenPoint } from '../../../../protocol/spatial.ts';
import { messageOf } from '../../lib/api.ts';
import type { Tone } from '../../ui/banner.tsx';
import { randomId } from '../../lib/ids.ts';
import { Timers } from '../../lib/timers.ts';
import { consoleApi } from '../app/console-api.ts';
import { overlayItems, type SessionAnnotation, type SessionMeasurement } from './markup-items.ts';
import { isAnnotationTool, placementErrorText, toolBlocked, toolHint, toolsNote, type InspectionContext, type Tool } from './markup-tools.ts';
import { applyResult, expirePick, measureStep, pickPoint, type CompletedMeasurement, type MeasureDraft } from './measure-flow.ts';

/** How long the customer's device has to answer a placement or a measure point. */
const ANSWER_TIMEOUT_MS = 15_000;
const NO_ANSWER = 'No answer from the customer’s device. Try again.';

export interface CustomerModeState {
  mode: CustomerMode;
  available: CustomerMode[];
}

export interface ModeRequest {
  mode: CustomerMode;
  status: 'waiting' | 'accepted' | 'declined';
}

interface Deps {
  caseId: string;
  send: (message: PeerMessage) => boolean;
  /** Connected with the data channel open. */
  /** Why the tools are down (the call is not connected with its data channel open), or null. */
  offline: string | null;
  /** The call ended or failed: the customer's mode is no longer known. */
  ended: boolean;
  /** The customer is sending a picture (not audio only). */
  picture: boolean;
  addAnnotation: (annotation: AnnotationView) => void;
  addMeasurement: (measurement: MeasurementView) => void;
  addAnnotations: (annotations: AnnotationView[]) => void;
  notify: (tone: Tone, text: string) => void;
}

/** State read synchronously by message handlers (a ref) and rendered (state), changed in one place. */
function useSyncedState<T>(initial: T) {
  const ref = useRef(initial);
  const [state, setState] = useState(initial);
  const change = useCallback((next: (current: T) => T) => {
    ref.current = next(ref.current);
    setState(ref.current);
  }, []);
  return [state, ref, change] as const;
}

export function useInspection({ caseId, send, offline, ended, picture, addAnnotation, addAnnotations, addMeasurement, notify }: Deps) {
  const [mode, setMode] = useState<CustomerModeState | null>(null);
  const [modeRequest, setModeRequest] = useState<ModeRequest | null>(null);
  const [chosenTool, setChosenTool] = useState<Tool>('pointer');
  const [labelText, setLabelText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [annotations, annotationsRef, changeAnnotations] = useSyncedState<SessionAnnotation[]>([]);
  const [measurements, measurementsRef, changeMeasurements] = useSyncedState<SessionMeasurement[]>([]);
  const [draft, draftRef, changeDraft] = useSyncedState<MeasureDraft | null>(null);

  // Each request gets a deadline; an answer in time makes its expiry a no-op (it only touches what still waits).
  const timers = useRef(new Timers());
  useEffect(() => {
    const all = timers.current;
    return () => all.clearAll();
  }, []);

  useEffect(() => {
    if (!ended) return;
    setMode(null);
    setModeRequest(null);
    changeDraft(() => null);
  }, [ended, changeDraft]);

  const context: InspectionContext = { offline, picture, mode: mode?.mode ?? null, available: mode?.available ?? [] };
  const tool: Tool = toolBlocked(chosenTool, context) ? 'pointer' : chosenTool;

  const setAnnotationStatus = useCallback(
    (id: string, change: Partial<SessionAnnotation>) => changeAnnotations((list) => list.map((a) => (a.id === id ? { ...a, ...change } : a))),
    [changeAnnotations],
  );

  const saveAnnotation = useCallback(
    (a: SessionAnnotation) => {
      setAnnotationStatus(a.id, { status: 'saving' });
      consoleApi.postAnnotation(caseId, { id: a.id, kind: a.kind, screen: a.screen, anchor: a.anchor, ...(a.label ? { label: a.label } : {}) }).then(
        (view) => {
          addAnnotation(view);
          // Cleared while it was being stored: clear the stored one too.
          if (annotationsRef.current.some((s) => s.id === a.id)) setAnnotationStatus(a.id, { status: 'saved' });
          else consoleApi.clearAnnotations(caseId, { ids: [a.id] }).then(addAnnotations, (e: unknown) => notify('error', `Annotation not cleared: ${messageOf(e)}`));
        },
        (e: unknown) => {
          setAnnotationStatus(a.id, { status: 'unsaved' });
          notify('error', `Annotation not saved: ${messageOf(e)}`);
        },
      );
    },
    [caseId, addAnnotation, addAnnotations, annotationsRef, setAnnotationStatus, notify],
  );

  const saveMeasurement = useCallback(
    (body: MeasurementBody) => {
      const mark = (status: SessionMeasurement['status']) => changeMeasurements((list) => list.map((m) => (m.id === body.id ? { ...m, status } : m)));
      mark('saving');
      consoleApi.postMeasurement(caseId, body).then(
        (view) => {
          addMeasurement(view);
          mark('saved');
        },
        (e: unknown) => {
          mark('unsaved');
          notify('error', `Measurement not saved: ${messageOf(e)}`);
        },
      );
    },
    [caseId, addMeasurement, changeMeasurements, notify],
  );

  const finishMeasurement = useCallback(
    ({ body, distanceM, uncertaintyM }: CompletedMeasurement) => {
      const measurement: SessionMeasurement = { id: body.id, a: body.a, b: body.b, distanceM, uncertaintyM, body, createdBy: 'assessor', at: new Date().toISOString(), status: 'saving', shown: true };
      changeMeasurements((list) => [...list.filter((m) => m.id !== body.id), measurement]);
      send({ v: 1, type: 'measurement', id: body.id, a: body.a, b: body.b, distanceM, uncertaintyM });
      saveMeasurement(body);
    },
    [changeMeasurements, send, saveMeasurement],
  );

  /** Handles the inspection messages from the customer's device; returns false for the others. */
  const onMessage = useCallback(
    (message: PeerMessage): boolean => {
      switch (message.type) {
        case 'mode':
          setMode({ mode: message.mode, available: message.available });
          return true;
        case 'mode-answer':
          setModeRequest({ mode: message.mode, status: message.accepted ? 'accepted' : 'declined' });
          return true;
        case 'annotation-placed': {
          const known = annotationsRef.current.find((a) => a.id === message.id);
          // A late answer after the timeout still counts: the customer's device shows it.
          if (!known || (known.status !== 'placing' && known.status !== 'failed')) return true;
          if (message.error) {
            const text = placementErrorText(message.error);
            setAnnotationStatus(known.id, { status: 'failed', error: text });
            setProblem(text);
            return true;
          }
          setAnnotationStatus(known.id, { anchor: message.anchor, error: null });
          saveAnnotation({ ...known, anchor: message.anchor, error: null });
          return true;
        }
        case 'measure-point-result': {
          const result = applyResult(draftRef.current, message);
          changeDraft(() => result.draft);
          if (result.error) setProblem(`${placementErrorText(result.error, 'measure there')} Click that end again.`);
          if (result.completed) finishMeasurement(result.completed);
          return true;
        }
        case 'measurement':
          if (measurementsRef.current.some((m) => m.id === message.id)) return true;
          changeMeasurements((list) => [
            ...list,
            { id: message.id, a: message.a, b: message.b, distanceM: message.distanceM, uncertaintyM: message.uncertaintyM, body: null, createdBy: 'customer', at: new Date().toISOString(), status: 'live', shown: true },
          ]);
          return true;
        default:
          return false;
      }
    },
    [annotationsRef, draftRef, measurementsRef, changeDraft, changeMeasurements, setAnnotationStatus, saveAnnotation, finishMeasurement],
  );

  /** A click on the picture with the current tool. */
  const pick = useCallback(
    (screen: ScreenPoint) => {
      setProblem(null);
      if (tool === 'measure') {
        const next = pickPoint(draftRef.current, screen, randomId);
        if (!next) {
          setProblem('Still waiting for the customer’s device to find the second end…');
          return;
        }
        const { id, index } = next.message;
        changeDraft(() => next.draft);
        send(next.message);
        timers.current.after(ANSWER_TIMEOUT_MS, () => {
          const before = draftRef.current;
          changeDraft((d) => expirePick(d, id, index, screen, NO_ANSWER));
          if (draftRef.current !== before) setProblem(NO_ANSWER);
        });
        return;
      }
      if (!isAnnotationTool(tool)) return;
      const label = tool === 'label' ? labelText.trim() : '';
      if (tool === 'label' && !label) {
        setProblem('Type the label text first, then click on the picture.');
        return;
      }
      const id = randomId();
      changeAnnotations((list) => [...list, { id, kind: tool, screen, ...(label ? { label } : {}), at: new Date().toISOString(), status: 'placing', anchor: null, error: null }]);
      send({ v: 1, type: 'annotation-place', id, kind: tool, screen, ...(label ? { label } : {}) });
      if (label) setLabelText('');
      timers.current.after(ANSWER_TIMEOUT_MS, () => changeAnnotations((list) => list.map((a) => (a.id === id && a.status === 'placing' ? { ...a, status: 'failed', error: NO_ANSWER } : a))));
    },
    [tool, labelText, draftRef, changeDraft, changeAnnotations, send],
  );

  const missPick = useCallback(() => setProblem('Click on the picture itself, not the bars beside it.'), []);

  const selectTool = useCallback(
    (next: Tool) => {
      setChosenTool(next);
      setProblem(null);
      if (next !== 'measure') changeDraft(() => null);
    },
    [changeDraft],
  );

  const clearAll = useCallback(() => {
    changeAnnotations(() => []);
    changeMeasurements((list) => list.map((m) => ({ ...m, shown: false })));
    changeDraft(() => null);
    setProblem(null);
    send({ v: 1, type: 'annotations-clear' });
    consoleApi.clearAnnotations(caseId, {}).then(addAnnotations, (e: unknown) => notify('error', `Annotations not cleared: ${messageOf(e)}`));
  }, [caseId, changeAnnotations, changeMeasurements, changeDraft, send, addAnnotations, notify]);

  const retryAnnotation = useCallback(
    (id: string) => {
      const a = annotationsRef.current.find((s) => s.id === id && s.status === 'unsaved');
      if (a) saveAnnotation(a);
    },
    [annotationsRef, saveAnnotation],
  );
  const retryMeasurement = useCallback(
    (id: string) => {
      const m = measurementsRef.current.find((s) => s.id === id && s.status === 'unsaved');
      if (m?.body) saveMeasurement(m.body);
    },
    [measurementsRef, saveMeasurement],
  );

  const requestMode = useCallback(
    (next: CustomerMode) => {
      setModeRequest({ mode: next, status: 'waiting' });
      send({ v: 1, type: 'mode-request', mode: next });
    },
    [send],
  );

  const step = measureStep(draft);
  const hint = tool !== 'measure' ? toolHint[tool] : step === 'first' ? toolHint.measure : step === 'second' ? 'Click the second end.' : 'Finding the point on the customer’s device…';

  return {
    onMessage,
    mode,
    modeRequest,
    requestMode,
    tool,
    selectTool,
    blocked: (t: Tool) => toolBlocked(t, context),
    note: toolsNote(context),
    hint,
    measureStep: step,
    labelText,
    setLabelText,
    pick,
    missPick,
    problem,
    dismissProblem: useCallback(() => setProblem(null), []),
    overlay: overlayItems(annotations, draft, measurements),
    annotations,
    measurements,
    retryAnnotation,
    retryMeasurement,
    clearAll,
  };
}

export type Inspection = ReturnType<typeof useInspection>;
