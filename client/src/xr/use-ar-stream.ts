// The AR view's render loop and what it streams: each frame is rendered by the stream pass and, while a
// session runs, composited (with the camera stream where the XR camera image is missing) into the
// track handed to the call. Reports where the streamed camera picture comes from as it changes.
import { useFrame, useThree } from '@react-three/fiber';
import { useXR } from '@react-three/xr';
import { useEffect, useMemo, useRef, useState } from 'react';
import { createCompositor, type CameraSource, type Compositor } from './stream-compositor.ts';
import { createStreamPass } from './stream-pass.ts';

export interface ArStreamOptions {
  /** The camera stream, drawn under the overlay when the XR runtime gives no camera image. */
  camera: MediaStream | null;
  /** Hands the composite track to the call (null when the session ends). */
  onVideoTrack: (track: MediaStreamTrack | null) => void;
  /** Where the streamed camera picture comes from: called when that changes ('none' before a session). */
  onCameraSource: (source: CameraSource) => void;
}

export function useArStream(options: ArStreamOptions): void {
  const session = useXR((s) => s.session);
  const gl = useThree((s) => s.gl);
  const pass = useMemo(() => createStreamPass(gl), [gl]);
  useEffect(() => () => pass.dispose(), [pass]);
  const compositor = useCompositor(session ? gl.domElement : null, options.camera, options.onVideoTrack);
  const reported = useRef<CameraSource | null>(null);
  const report = useRef(options.onCameraSource);
  report.current = options.onCameraSource;

  // Renders the frame here (a positive priority takes rendering over from R3F) so the composite is
  // drawn right after it: the runtime clears the canvas when the next XR frame starts.
  useFrame((state, _delta, frame?: XRFrame) => {
    const cameraInCanvas = pass.render(state.scene, state.camera, frame);
    const source = compositor?.draw(cameraInCanvas) ?? 'none';
    if (source === reported.current) return;
    reported.current = source;
    report.current(source);
  }, 1);
}

/** The composite stream while a session runs: handed to the call, withdrawn when the session ends. */
function useCompositor(canvas: HTMLCanvasElement | null, camera: MediaStream | null, onVideoTrack: (track: MediaStreamTrack | null) => void) {
  const [compositor, setCompositor] = useState<Compositor | null>(null);
  const handOver = useRef(onVideoTrack);
  handOver.current = onVideoTrack;
  useEffect(() => {
    if (!canvas) return;
    const video = document.createElement('video');
    video.muted = true;
    video.playsInline = true;
    if (camera && camera.getVideoTracks().length > 0) {
      video.srcObject = camera;
      void video.play().catch(() => undefined);
    }
    const next = createCompositor(canvas, camera ? video : null);
    setCompositor(next);
    handOver.current(next.track);
    return () => {
      handOver.current(null);
      next.dispose();
      video.srcObject = null;
      setCompositor(null);
    };
  }, [canvas, camera]);
  return compositor;
}
