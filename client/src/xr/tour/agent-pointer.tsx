// The agent's pointer in a guided tour: a marker anchored at a point of the scene, drawn over
// everything (a panorama has no depth to hide it behind) and facing the viewer, its size kept
// constant on screen whatever the distance. The same on a phone, a desktop, a headset and the
// agent's own console view.
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useRef } from 'react';
import { Vector3, type Group } from 'three';
import type { Vec3 } from '../../../../protocol/tour.ts';

/** A pink no room is painted with, so the marker stands out (and a test can find it in a frame). */
export const POINTER_COLOUR = '#ff2e88';
/** The marker's radius per metre of distance: about 2.3° across, whatever the distance. */
const SIZE_PER_METRE = 0.02;
/** Drawn after the scene and the panorama. */
const ON_TOP = 20;
const eye = new Vector3();

export function AgentPointer(props: { target: Vec3 | null }) {
  const group = useRef<Group>(null);
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => invalidate(), [invalidate, props.target]);

  useFrame(({ camera }) => {
    const marker = group.current;
    if (!marker) return;
    const distance = Math.max(0.3, marker.position.distanceTo(camera.getWorldPosition(eye)));
    marker.scale.setScalar(distance * SIZE_PER_METRE);
    marker.quaternion.copy(camera.getWorldQuaternion(marker.quaternion));
  });

  if (!props.target) return null;
  return (
    <group ref={group} position={props.target} renderOrder={ON_TOP} name="agent-pointer">
      {/* A white rim, then the pink ring and dot: readable on a light wall and on a dark one. */}
      <mesh renderOrder={ON_TOP}>
        <ringGeometry args={[1.35, 2.35, 40]} />
        <meshBasicMaterial color="#ffffff" depthTest={false} depthWrite={false} transparent toneMapped={false} />
      </mesh>
      <mesh renderOrder={ON_TOP + 1}>
        <ringGeometry args={[1.6, 2.1, 40]} />
        <meshBasicMaterial color={POINTER_COLOUR} depthTest={false} depthWrite={false} transparent toneMapped={false} />
      </mesh>
      <mesh renderOrder={ON_TOP + 1}>
        <circleGeometry args={[0.75, 28]} />
        <meshBasicMaterial color={POINTER_COLOUR} depthTest={false} depthWrite={false} transparent toneMapped={false} />
      </mesh>
    </group>
  );
}
