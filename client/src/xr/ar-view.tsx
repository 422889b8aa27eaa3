// The customer's AR mode (loaded on demand, never on the plain camera path): a WebXR immersive-ar
// session with hit-test and anchors, the assessor's annotations and measurements drawn where they
// belong in the room, and the camera picture plus the rendered overlay streamed to the assessor.
import { Canvas, useFrame } from '@react-three/fiber';
import { XR, XRDomOverlay, createXRStore, useXR } from '@react-three/xr';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Group } from 'three';
import type { AimHint } from '../../../protocol/checklist.ts';
import { formatMeasurement, type Vec3 } from '../../../protocol/spatial.ts';
import type { AimReport } from '../customer/checklist/aim-status.ts';
import type { SpatialHost } from '../customer/spatial/spatial-host.ts';
import { useSpatialState } from '../customer/spatial/use-spatial-state.ts';
import { AimGuide } from './aim-guide.tsx';
import { AimSpoken } from './aim-spoken.tsx';
import { AnnotationObject, MeasurementObject } from './annotation-objects.tsx';
import { arSessionInit } from './ar-session-init.ts';
import { ArTracker } from './ar-tracker.ts';
import type { CameraSource } from './stream-compositor.ts';
import { useArStream } from './use-ar-stream.ts';

export interface ArViewProps {
  host: SpatialHost;
  /** The camera, drawn under the overlay in the stream when the XR runtime gives no camera image (no raw camera access). */
  camera: MediaStream | null;
  /** Hands the composite track to the call (null when the session ends). */
  onVideoTrack: (track: MediaStreamTrack | null) => void;
  /** The AR session ended (the customer left it, or the browser ended it). */
  onEnded: () => void;
  onError: (message: string) => void;
  /** The kind of shot the checklist item in hand asks for: the scene shows where to aim (null: none). */
  aim?: AimHint | null;
  /** DOM shown over the AR view on the device (mode bar, checklist, status), given the aim guide's report. */
  overlay?: (report: AimReport | null) => ReactNode;
}

/** Live anchored positions, written per frame and read by the DOM list a few times a second. */
type Positions = Map<string, Vec3>;

export default function ArView(props: ArViewProps) {
  const { t } = useTranslation('xr');
  const store = useMemo(() => {
    // The store shows and hides this root; the session init names it as the DOM overlay.
    const domOverlay = document.createElement('div');
    return createXRStore({
      // The emulator is never part of this build: tests install an emulated device themselves.
      emulate: false,
      domOverlay,
      customSessionInit: arSessionInit(domOverlay),
      controller: false,
      hand: false,
      gaze: false,
      transientPointer: false,
      screenInput: false,
    });
  }, []);
  const [started, setStarted] = useState<'starting' | 'running' | 'needs-tap'>('starting');
  const [cameraSource, setCameraSource] = useState<CameraSource>('none');
  const [report, setReport] = useState<AimReport | null>(null);
  const aim = props.aim ?? null;
  const positions = useRef<Positions>(new Map());
  const ended = useRef(props.onEnded);
  ended.current = props.onEnded;
  /** False once unmounted: a session ended by leaving the mode is not "the session ended". */
  const mounted = useRef(true);

  const enter = (): void => {
    store.enterAR().then(
      (session) => {
        if (!session) return setStarted('needs-tap');
        setStarted('running');
        session.addEventListener('end', () => mounted.current && ended.current(), { once: true });
      },
      (error: unknown) => {
        const name = error instanceof Error ? error.name : '';
        if (name === 'NotAllowedError' || name === 'SecurityError') setStarted('needs-tap');
        else props.onError(t('startFailed', { reason: error instanceof Error ? error.message : String(error) }));
      },
    );
  };

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      void store.getState().session?.end().catch(() => undefined);
      store.destroy();
    };
    // Entered once per mount; the store is created once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store]);

  return (
    <div className="ar-view" data-testid="ar-view" data-state={started} data-camera-source={cameraSource}>
      <Canvas gl={{ preserveDrawingBuffer: true, alpha: true }} camera={{ position: [0, 1.5, 0] }}>
        <XR store={store}>
          <OnConnected run={enter} />
          <ArScene host={props.host} camera={props.camera} positions={positions.current} onVideoTrack={props.onVideoTrack} onCameraSource={setCameraSource} aim={aim} onAimReport={setReport} />
          <XRDomOverlay className="ar-dom-overlay">
            {props.overlay?.(aim ? report : null)}
            <AimSpoken report={aim ? report : null} />
          </XRDomOverlay>
        </XR>
      </Canvas>
      {started === 'needs-tap' && (
        <button type="button" className="btn btn-primary ar-start" data-testid="ar-start" onClick={enter}>
          {t('start')}
        </button>
      )}
      <ArStatus host={props.host} positions={positions.current} />
    </div>
  );
}

/** Runs once inside <XR>, when the store is connected to three.js and a session can be requested. */
function OnConnected(props: { run: () => void }) {
  const run = useRef(props.run);
  useEffect(() => run.current(), []);
  return null;
}

function ArScene(props: {
  host: SpatialHost;
  camera: MediaStream | null;
  positions: Positions;
  onVideoTrack: (track: MediaStreamTrack | null) => void;
  onCameraSource: (source: CameraSource) => void;
  aim: AimHint | null;
  onAimReport: (report: AimReport) => void;
}) {
  const session = useXR((s) => s.session);
  const space = useXR((s) => s.originReferenceSpace);
  const { annotations, measurements } = useSpatialState(props.host);
  /** Work waiting for the next XR frame (hit-tests, anchors): run in useFrame, where the frame is valid. */
  const frameQueue = useRef<((frame: XRFrame) => void)[]>([]);
  const tracker = useMemo(() => {
    if (!session || !space) return null;
    const withFrame = <T,>(use: (frame: XRFrame) => T) =>
      new Promise<T>((resolve, reject) => {
        frameQueue.current.push((frame) => {
          try {
            resolve(use(frame));
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        });
      });
    return new ArTracker({ session, space: space as XRReferenceSpace, withFrame });
  }, [session, space]);

  useEffect(() => {
    if (!tracker) return;
    const unset = props.host.setTracker(tracker);
    return () => {
      unset();
      tracker.dispose();
    };
  }, [tracker, props.host]);

  useArStream({ camera: props.camera, onVideoTrack: props.onVideoTrack, onCameraSource: props.onCameraSource });
  const anchoredRefs = useRef(new Map<string, Group>());

  useFrame((_state, _delta, frame?: XRFrame) => {
    if (frame) for (const run of frameQueue.current.splice(0)) run(frame);
    if (frame && tracker) {
      for (const annotation of annotations) {
        const position = tracker.anchoredPosition(annotation.id, frame) ?? annotation.anchor?.pose.position;
        if (!position) continue;
        props.positions.set(annotation.id, position);
        anchoredRefs.current.get(annotation.id)?.position.set(...position);
      }
    }
  });

  return (
    <>
      {props.aim && session && space && <AimGuide aim={props.aim} session={session} space={space as XRReferenceSpace} onReport={props.onAimReport} />}
      {annotations.map((a) =>
        a.anchor ? (
          <group
            key={a.id}
            ref={(group) => {
              if (group) anchoredRefs.current.set(a.id, group);
              else anchoredRefs.current.delete(a.id);
            }}
            position={a.anchor.pose.position}
          >
            <AnnotationObject kind={a.kind} position={[0, 0, 0]} orientation={a.anchor.pose.orientation} {...(a.label ? { label: a.label } : {})} />
          </group>
        ) : null,
      )}
      {measurements.map((m) => (
        <MeasurementObject key={m.id} a={m.a} b={m.b} text={formatMeasurement(m.distanceM, m.uncertaintyM)} />
      ))}
    </>
  );
}

/** What the customer (and a test) can read: the placed annotations with their live positions. */
function ArStatus(props: { host: SpatialHost; positions: Positions }) {
  const { t } = useTranslation('xr');
  const { annotations, measurements } = useSpatialState(props.host);
  const [, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), 250);
    return () => clearInterval(timer);
  }, []);
  return (
    <ul className="ar-status" data-testid="ar-annotations" aria-label={t('marks')}>
      {annotations.map((a) => {
        const p = props.positions.get(a.id) ?? a.anchor?.pose.position ?? null;
        return (
          <li
            key={a.id}
            data-testid="ar-annotation"
            data-id={a.id}
            data-kind={a.kind}
            data-anchored={String(a.anchor?.anchored ?? false)}
            {...(p ? { 'data-x': p[0].toFixed(4), 'data-y': p[1].toFixed(4), 'data-z': p[2].toFixed(4) } : {})}
          >
            {a.label ?? t(`kind.${a.kind}`)}
          </li>
        );
      })}
      {measurements.map((m) => (
        <li key={m.id} data-testid="ar-measurement" data-id={m.id} data-distance={m.distanceM.toFixed(4)}>
          {formatMeasurement(m.distanceM, m.uncertaintyM)}
        </li>
      ))}
    </ul>
  );
}
