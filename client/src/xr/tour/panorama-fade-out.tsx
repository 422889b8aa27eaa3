// A panorama giving way to what replaces it at the same viewpoint — its full-resolution self, or the
// 3D scene it stood in for — drawn over the new content and fading out, so the change is a dissolve,
// not a cut. Same sphere and mapping as the panorama itself: nothing moves.
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { BackSide, type MeshBasicMaterial, type Texture } from 'three';
import type { Vec3 } from '../../../../protocol/tour.ts';
import { createPanoramaGeometry } from './panorama-sphere.ts';

/** Over the scene and the new panorama, under the agent's pointer and the comfort veil. */
const ABOVE_CONTENT = 10;

export interface OutgoingPanorama {
  texture: Texture;
  /** The viewpoint's eye, the panorama's centre. */
  position: Vec3;
}

/** `seconds`: how long the dissolve takes (short with prefers-reduced-motion: tour-motion.ts). */
export function PanoramaFadeOut(props: { outgoing: OutgoingPanorama; seconds: number; onDone: () => void }) {
  const invalidate = useThree((s) => s.invalidate);
  // Inside the panorama's own sphere (radius 50), so that no part of it is beyond the far plane either.
  const geometry = useMemo(() => createPanoramaGeometry(45), []);
  useEffect(() => () => geometry.dispose(), [geometry]);
  const material = useRef<MeshBasicMaterial>(null);
  const done = useRef(false);
  useFrame((_, delta) => {
    const m = material.current;
    if (!m || done.current) return;
    // Timed by the clock, not by frames: on a slow device it ends in a frame or two rather than many.
    m.opacity = props.seconds > 0 ? Math.max(0, m.opacity - delta / props.seconds) : 0;
    if (m.opacity === 0) {
      done.current = true;
      props.onDone();
    } else {
      invalidate();
    }
  });
  return (
    <mesh geometry={geometry} position={props.outgoing.position} renderOrder={ABOVE_CONTENT}>
      <meshBasicMaterial ref={material} map={props.outgoing.texture} side={BackSide} toneMapped={false} transparent opacity={1} depthTest={false} depthWrite={false} />
    </mesh>
  );
}
