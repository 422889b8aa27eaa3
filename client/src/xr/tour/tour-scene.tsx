// Inside the tour's canvas: the shown viewpoint's content (the glTF scene and the splat capture, or its
// panorama: panorama-view.tsx), the camera at its eye looking where the view says, the comfort fade between
// viewpoints, and the DOM markers moved to their screen points each frame. Renders on demand.
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useRef, useState } from 'react';
import type { PerspectiveCamera } from 'three';
import type { TourManifest } from '../../../../protocol/tour.ts';
import { FadeVeil, type Veil } from './fade-veil.tsx';
import type { MarkerRegistry } from './marker-projection.ts';
import { PanoramaFadeOut, type OutgoingPanorama } from './panorama-fade-out.tsx';
import { PanoramaView } from './panorama-view.tsx';
import { fadeStep, lookStep, type TourMotion } from './tour-motion.ts';
import { SplatView } from './splat-view.tsx';
import type { ReadyView } from './tour-content.ts';
import { verticalFov, yawDelta } from './tour-directions.ts';
import type { TourView } from './tour-view-state.ts';
import { viewpointById } from './tour-view-state.ts';

const RAD = Math.PI / 180;

export interface TourSceneProps {
  tour: TourManifest;
  view: TourView;
  /** Where the view is going: its key differs from `shown`'s while moving. */
  target: { key: string; viewpoint: string };
  /** The content that can replace `shown`, once loaded. */
  ready: ReadyView | null;
  shown: ReadyView | null;
  onShow: (next: ReadyView) => void;
  /** The shown view (this stage of it) is fully faded in. */
  onSettled: (shown: ReadyView) => void;
  markers: MarkerRegistry;
  /** A headset drives the camera: the scene leaves it alone, and there are no DOM markers to place. */
  presenting: boolean;
  /** The comfort fade's and the camera's easing (none with prefers-reduced-motion: a cut). */
  motion: TourMotion;
}

export function TourScene(props: TourSceneProps) {
  const camera = useThree((s) => s.camera) as PerspectiveCamera;
  const size = useThree((s) => s.size);
  const invalidate = useThree((s) => s.invalidate);
  const veil = useRef<Veil>({ value: 1 });
  const look = useRef({ yaw: props.view.yaw, pitch: props.view.pitch, snap: true });
  const settled = useRef<ReadyView | null>(null);
  const [outgoing, setOutgoing] = useState<OutgoingPanorama | null>(null);
  const { shown, ready, target } = props;
  const swapping = ready !== null && ready.key !== shown?.key;
  // A better stage of the same view (full panorama, or the 3D scene a panorama stood in for): no fade to black.
  const upgrading = ready !== null && shown !== null && ready.key === shown.key && ready !== shown;
  const moving = shown !== null && target.key !== shown.key;

  // Any change of what to show or where to look needs frames until it has settled.
  useEffect(() => invalidate(), [invalidate, props.view, ready, shown, size]);

  useFrame((_, delta) => {
    const dt = Math.min(delta, 1 / 20);
    if (!shown && ready) {
      props.onShow(ready);
      look.current.snap = true;
      // The first view appears at once: there is no view to fade from.
      veil.current.value = 0;
    }
    // Fade out while moving; swap at black; fade in.
    const goal = moving ? 1 : 0;
    const v = veil.current;
    v.value = fadeStep(v.value, goal, dt, props.motion.fadeSeconds);
    if (shown && swapping && v.value >= 1) {
      props.onShow(ready);
      look.current.snap = true;
      // A cut (reduced motion) never shows the black between the two views.
      if (props.motion.fadeSeconds <= 0) v.value = 0;
    }
    if (upgrading) {
      const at = viewpointById(props.tour, shown.viewpoint)?.position;
      if (shown.content.mode === 'panorama' && at) setOutgoing({ texture: shown.content.texture, position: at });
      props.onShow(ready);
    }

    // The camera follows the view's direction, but holds still while fading out of a viewpoint.
    const view = props.view;
    const leaving = shown !== null && target.viewpoint !== shown.viewpoint;
    const l = look.current;
    if (l.snap && !leaving) {
      l.yaw = view.yaw;
      l.pitch = view.pitch;
      l.snap = false;
    } else if (!leaving) {
      const k = lookStep(dt, props.motion.lookRate);
      l.yaw += yawDelta(l.yaw, view.yaw) * k;
      l.pitch += (view.pitch - l.pitch) * k;
    }
    if (!props.presenting) {
      const eye = shown ? viewpointById(props.tour, shown.viewpoint)?.position : undefined;
      if (eye) camera.position.set(...eye);
      camera.rotation.set(l.pitch * RAD, l.yaw * RAD, 0, 'YXZ');
      const fov = verticalFov(size.width / Math.max(size.height, 1)) / view.zoom;
      if (Math.abs(camera.fov - fov) > 1e-3) {
        camera.fov = fov;
        camera.updateProjectionMatrix();
      }
      camera.updateMatrixWorld();
      props.markers.project(camera, size.width, size.height);
    }

    const turning = Math.abs(yawDelta(l.yaw, view.yaw)) > 0.01 || Math.abs(view.pitch - l.pitch) > 0.01;
    const fading = v.value !== goal || (shown !== null && swapping);
    if (shown && !moving && v.value === 0 && settled.current !== shown) {
      settled.current = shown;
      props.onSettled(shown);
    }
    if (turning || fading || (!shown && ready)) invalidate();
  });

  const viewpoint = shown ? viewpointById(props.tour, shown.viewpoint) : undefined;
  return (
    <>
      <color attach="background" args={['#11161d']} />
      {shown?.content.mode === '3d' && (
        <>
          <hemisphereLight args={['#ffffff', '#8a7f70', 1.6]} />
          <directionalLight position={[2, 5, 3]} intensity={1.2} />
          {shown.content.scene && <primitive object={shown.content.scene} />}
          {shown.content.splat && <SplatView splat={shown.content.splat} />}
        </>
      )}
      {shown?.content.mode === 'panorama' && viewpoint && <PanoramaView texture={shown.content.texture} position={viewpoint.position} presenting={props.presenting} />}
      {outgoing && <PanoramaFadeOut key={outgoing.texture.uuid} outgoing={outgoing} seconds={props.motion.dissolveSeconds} onDone={() => setOutgoing(null)} />}
      <FadeVeil veil={veil.current} />
    </>
  );
}
