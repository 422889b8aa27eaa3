// Inside the tour's canvas, for measuring: finds the point of the scene under a tap (the glTF scene,
// loaded for this when panoramas are shown: it is what gives true positions) and draws the points
// and the line between them over everything, in amber, apart from the agent's pink pointer.
import { useThree } from '@react-three/fiber';
import { useEffect, useMemo, type RefObject } from 'react';
import { BufferGeometry, Float32BufferAttribute, Line, LineBasicMaterial, Raycaster, Vector2, type Object3D } from 'three';
import type { Vec3 } from '../../../../protocol/tour.ts';
import type { MeasurePoints } from './measure-state.ts';

/** Device coordinates (x right, y up, −1…1) to the point of the scene there, or null where there is none. */
export type ScenePick = (x: number, y: number) => Vec3 | null;

const MEASURE_COLOUR = '#f2a900';
const ON_TOP = 18;

export function ScenePicker(props: { scene: Object3D | null; pick: RefObject<ScenePick | null> }) {
  const camera = useThree((s) => s.camera);
  const { scene, pick } = props;
  useEffect(() => {
    if (!scene) return;
    const raycaster = new Raycaster();
    const ndc = new Vector2();
    pick.current = (x, y) => {
      camera.updateMatrixWorld();
      scene.updateWorldMatrix(true, true);
      raycaster.setFromCamera(ndc.set(x, y), camera);
      const hit = raycaster.intersectObject(scene, true).find((h) => h.object.visible);
      return hit ? (hit.point.toArray().map((n) => Math.round(n * 1000) / 1000) as unknown as Vec3) : null;
    };
    return () => {
      pick.current = null;
    };
  }, [camera, scene, pick]);
  return null;
}

export function MeasureMarks(props: { points: MeasurePoints }) {
  const invalidate = useThree((s) => s.invalidate);
  const line = useMemo(() => {
    const made = new Line(new BufferGeometry(), new LineBasicMaterial({ color: MEASURE_COLOUR, depthTest: false, depthWrite: false, transparent: true }));
    made.renderOrder = ON_TOP;
    made.frustumCulled = false;
    return made;
  }, []);
  useEffect(() => () => line.geometry.dispose(), [line]);
  const { points } = props;
  useEffect(() => {
    line.visible = points.length === 2;
    if (points.length === 2) line.geometry.setAttribute('position', new Float32BufferAttribute([...points[0], ...points[1]], 3));
    invalidate();
  }, [line, points, invalidate]);
  return (
    <>
      <primitive object={line} />
      {points.map((point, i) => (
        <mesh key={i} position={point} renderOrder={ON_TOP}>
          <sphereGeometry args={[0.025, 16, 12]} />
          <meshBasicMaterial color={MEASURE_COLOUR} depthTest={false} depthWrite={false} transparent toneMapped={false} />
        </mesh>
      ))}
    </>
  );
}
