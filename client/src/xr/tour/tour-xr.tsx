// The tour in a headset: the XR origin stands on the floor under the shown viewpoint's eye, turned to
// its arrival direction, and links are rings on the floor. Each controller (or hand) casts a ray of
// its own drawing; the ring it points at lights up, and a select (trigger, pinch) teleports there
// through the same comfort fade as on a screen. The library's controllers are not used: they load
// their layouts from a CDN, which a self-hosted page must not do. Hotspot cards stay on screens.
import { useFrame } from '@react-three/fiber';
import { XROrigin, useXR, useXRInputSourceEvent } from '@react-three/xr';
import { useMemo, useRef } from 'react';
import { BufferGeometry, CircleGeometry, Float32BufferAttribute, Group, Line, LineBasicMaterial, Matrix4, Mesh, MeshBasicMaterial, Raycaster, RingGeometry, Vector3 } from 'three';
import type { TourManifest, Viewpoint } from '../../../../protocol/tour.ts';
import { directionOf } from './tour-directions.ts';
import { linksFrom } from './tour-view-state.ts';

/** Eye heights of a standing and a seated person: the origin is put this far below a viewpoint's eye. */
const STANDING_EYE_M = 1.6;
const SEATED_EYE_M = 1.2;
/** Link rings lie this far out on the floor towards their viewpoint. */
const RING_DISTANCE_M = 1.6;
const RAY_LENGTH_M = 4;
const RAD = Math.PI / 180;
const RING_COLOUR = '#ffffff';
const RING_AIMED_COLOUR = '#f2a900';

/** Where the feet of someone at a viewpoint are: a seat's view is seen sitting. */
export function xrFloorUnder(viewpoint: Viewpoint): [number, number, number] {
  const [x, y, z] = viewpoint.position;
  return [x, y - (viewpoint.seat ? SEATED_EYE_M : STANDING_EYE_M), z];
}

export interface TourXrProps {
  tour: TourManifest;
  viewpoint: Viewpoint;
  yaw: number;
  presenting: boolean;
  onLink?: (viewpointId: string) => void;
}

export function TourXr(props: TourXrProps) {
  const floor = xrFloorUnder(props.viewpoint);
  const origin = useRef<Group>(null);
  return (
    <>
      <XROrigin ref={origin} position={floor} rotation-y={props.yaw * RAD} />
      {props.presenting && <LinkRings {...props} floor={floor} origin={origin} />}
    </>
  );
}

function LinkRings(props: TourXrProps & { floor: [number, number, number]; origin: React.RefObject<Group | null> }) {
  const links = linksFrom(props.tour, props.viewpoint.id);
  const ringGeometry = useMemo(() => new RingGeometry(0.22, 0.34, 40), []);
  // The whole disc is the target, not only the ring: a ray through its middle counts.
  const discGeometry = useMemo(() => new CircleGeometry(0.34, 40), []);
  const rings = useRef(new Map<string, Mesh>());
  const rays = useRef(new Map<XRInputSource, { line: Line; aimed: string | null }>());
  const group = useRef<Group>(null);
  const session = useXR((s) => s.session);
  const space = useXR((s) => s.originReferenceSpace);
  const raycaster = useMemo(() => new Raycaster(), []);
  const pose = useMemo(() => ({ matrix: new Matrix4(), from: new Vector3(), towards: new Vector3() }), []);

  useFrame((_state, _delta, frame: XRFrame | undefined) => {
    const origin = props.origin.current;
    if (!frame || !session || !space || !origin || !group.current) return;
    const aimed = new Set<string>();
    for (const source of session.inputSources) {
      if (source.targetRayMode !== 'tracked-pointer') continue;
      const ray = rays.current.get(source) ?? addRay(source);
      const xrPose = frame.getPose(source.targetRaySpace, space);
      ray.line.visible = xrPose !== undefined;
      if (!xrPose) continue;
      // The pose is in the origin's space; the origin group places that space in the scene.
      pose.matrix.fromArray(xrPose.transform.matrix).premultiply(origin.matrixWorld);
      pose.from.setFromMatrixPosition(pose.matrix);
      pose.towards.set(0, 0, -1).transformDirection(pose.matrix);
      raycaster.set(pose.from, pose.towards);
      // Only the discs are tested (not recursive): their rings are children drawn on top.
      const hit = raycaster.intersectObjects([...rings.current.values()], false)[0];
      ray.aimed = hit ? (hit.object.userData.to as string) : null;
      if (ray.aimed) aimed.add(ray.aimed);
      const length = hit ? hit.distance : RAY_LENGTH_M;
      const end = pose.towards.clone().multiplyScalar(length).add(pose.from);
      ray.line.geometry.setAttribute('position', new Float32BufferAttribute([...pose.from.toArray(), ...end.toArray()], 3));
    }
    for (const [to, disc] of rings.current) {
      for (const part of disc.children) if (part instanceof Mesh) (part.material as MeshBasicMaterial).color.set(aimed.has(to) ? RING_AIMED_COLOUR : RING_COLOUR);
    }
  });

  const addRay = (source: XRInputSource) => {
    const line = new Line(new BufferGeometry(), new LineBasicMaterial({ color: '#ffffff', transparent: true, opacity: 0.7 }));
    line.frustumCulled = false;
    group.current?.add(line);
    const ray = { line, aimed: null };
    rays.current.set(source, ray);
    return ray;
  };

  useXRInputSourceEvent(
    'all',
    'select',
    (event) => {
      const aimed = rays.current.get(event.inputSource)?.aimed;
      if (aimed) props.onLink?.(aimed);
    },
    [props.onLink],
  );

  return (
    <group ref={group}>
      {links.map((link) => {
        const [dx, , dz] = directionOf({ yaw: link.yaw, pitch: 0 });
        return (
          <mesh
            key={link.to}
            geometry={discGeometry}
            position={[props.floor[0] + dx * RING_DISTANCE_M, props.floor[1] + 0.02, props.floor[2] + dz * RING_DISTANCE_M]}
            rotation-x={-Math.PI / 2}
            userData={{ to: link.to }}
            ref={(mesh) => {
              if (mesh) rings.current.set(link.to, mesh);
              return () => rings.current.delete(link.to);
            }}
          >
            <meshBasicMaterial color="#000000" transparent opacity={0.25} depthWrite={false} toneMapped={false} />
            <mesh geometry={ringGeometry} position-z={0.002}>
              <meshBasicMaterial color={RING_COLOUR} transparent opacity={0.9} toneMapped={false} />
            </mesh>
          </mesh>
        );
      })}
    </group>
  );
}
