// The customer's inline overlay mode (no WebXR, loaded on demand): the camera picture with a 3D layer
// drawn over it, in which the assessor's annotations stand at the points they picked. Without room
// tracking they stay at their place on the screen; the camera picture plus the layer is what streams.
import { Canvas, useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Vector3 } from 'three';
import type { ScreenPoint, Vec3 } from '../../../protocol/spatial.ts';
import type { SpatialHost } from '../customer/spatial/spatial-host.ts';
import { useSpatialState } from '../customer/spatial/use-spatial-state.ts';
import { useSrcObject } from '../ui/use-src-object.ts';
import { AnnotationObject } from './annotation-objects.tsx';
import { createCompositor, type Compositor } from './stream-compositor.ts';

export interface OverlayViewProps {
  host: SpatialHost;
  camera: MediaStream | null;
  onVideoTrack: (track: MediaStreamTrack | null) => void;
}

/** Annotations stand this far in front of the (virtual) camera. */
const DEPTH_M = 1;

export default function OverlayView(props: OverlayViewProps) {
  const video = useSrcObject<HTMLVideoElement>(props.camera);
  const [videoElement, setVideoElement] = useState<HTMLVideoElement | null>(null);
  useEffect(() => setVideoElement(video.current), [video]);
  return (
    <div className="overlay-view" data-testid="overlay-view">
      <video ref={video} muted playsInline autoPlay />
      <Canvas className="overlay-canvas" gl={{ preserveDrawingBuffer: true, alpha: true }} camera={{ position: [0, 0, 0], fov: 60, near: 0.05, far: 20 }}>
        <OverlayScene host={props.host} video={videoElement} onVideoTrack={props.onVideoTrack} />
      </Canvas>
    </div>
  );
}

function OverlayScene(props: { host: SpatialHost; video: HTMLVideoElement | null; onVideoTrack: (track: MediaStreamTrack | null) => void }) {
  const { annotations } = useSpatialState(props.host);
  const canvas = useThree((s) => s.gl.domElement);
  const camera = useThree((s) => s.camera);
  const compositor = useRef<Compositor | null>(null);
  const handOver = useRef(props.onVideoTrack);
  handOver.current = props.onVideoTrack;

  useEffect(() => {
    if (!props.video) return;
    const next = createCompositor(canvas, props.video);
    compositor.current = next;
    handOver.current(next.track);
    return () => {
      handOver.current(null);
      next.dispose();
      compositor.current = null;
    };
  }, [canvas, props.video]);

  useFrame(() => compositor.current?.draw());

  const place = useMemo(
    () =>
      (screen: ScreenPoint): Vec3 => {
        const direction = new Vector3(screen.u * 2 - 1, 1 - screen.v * 2, 0.5).unproject(camera).sub(camera.position).normalize();
        const point = camera.position.clone().addScaledVector(direction, DEPTH_M / Math.max(0.2, -direction.z));
        return [point.x, point.y, point.z];
      },
    [camera],
  );

  return (
    <>
      {annotations.map((a) => (
        // Facing the viewer: the shape's "surface normal" (+y) points back at the camera.
        <AnnotationObject key={a.id} kind={a.kind} position={place(a.screen)} orientation={[Math.SQRT1_2, 0, 0, Math.SQRT1_2]} {...(a.label ? { label: a.label } : {})} />
      ))}
    </>
  );
}
