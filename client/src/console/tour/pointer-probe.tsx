// Inside the tour's canvas: finds the point of the scene under a pixel for the agent's pointer. The
// glTF scene gives true positions (in panorama mode too: it is loaded for this, not shown); without
// one, the point sits a few metres along the ray.
import { useThree } from '@react-three/fiber';
import { useEffect, type RefObject } from 'react';
import { Raycaster, Vector2, type Object3D } from 'three';
import type { Vec3 } from '../../../../protocol/tour.ts';
import { pointAlong, roundTarget } from './pointer-target.ts';

/** Device coordinates (x right, y up, −1…1) to a point of the scene. */
export type Probe = (x: number, y: number) => Vec3;

export function PointerProbe(props: { scene: Object3D | null; probe: RefObject<Probe | null> }) {
  const camera = useThree((s) => s.camera);
  const { scene, probe } = props;
  useEffect(() => {
    const raycaster = new Raycaster();
    const ndc = new Vector2();
    probe.current = (x, y) => {
      camera.updateMatrixWorld();
      raycaster.setFromCamera(ndc.set(x, y), camera);
      const { origin, direction } = raycaster.ray;
      if (scene) {
        scene.updateWorldMatrix(true, true);
        const hit = raycaster.intersectObject(scene, true).find((h) => h.object.visible);
        if (hit) return roundTarget(hit.point.toArray());
      }
      return roundTarget(pointAlong(origin.toArray(), direction.toArray()));
    };
    return () => {
      probe.current = null;
    };
  }, [camera, scene, probe]);
  return null;
}
