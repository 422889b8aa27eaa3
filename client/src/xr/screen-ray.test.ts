import { describe, expect, it } from 'vitest';
import { projectToScreen, screenRayDirection } from './screen-ray.ts';

/** A symmetric perspective projection (column-major), as a phone's XR view reports one. */
function perspective(fovY: number, aspect: number, near = 0.1, far = 100): number[] {
  const f = 1 / Math.tan(fovY / 2);
  return [f / aspect, 0, 0, 0, 0, f, 0, 0, 0, 0, (far + near) / (near - far), -1, 0, 0, (2 * far * near) / (near - far), 0];
}

describe('screenRayDirection', () => {
  const projection = perspective(Math.PI / 2, 0.5);

  it('points straight ahead from the centre of the picture', () => {
    const [x, y, z] = screenRayDirection({ u: 0.5, v: 0.5 }, projection)!;
    expect(x).toBeCloseTo(0, 9);
    expect(y).toBeCloseTo(0, 9);
    expect(z).toBeCloseTo(-1, 9);
  });

  it('tilts up for the top edge by half the vertical field of view', () => {
    const [, y, z] = screenRayDirection({ u: 0.5, v: 0 }, projection)!;
    expect(Math.atan2(y, -z)).toBeCloseTo(Math.PI / 4, 9);
  });

  it('round-trips with projectToScreen', () => {
    for (const screen of [{ u: 0.1, v: 0.2 }, { u: 0.9, v: 0.75 }, { u: 0.5, v: 0.01 }]) {
      const [x, y, z] = screenRayDirection(screen, projection)!;
      const back = projectToScreen([x * 3, y * 3, z * 3], projection)!;
      expect(back.u).toBeCloseTo(screen.u, 9);
      expect(back.v).toBeCloseTo(screen.v, 9);
    }
  });

  it('does not project points behind the camera', () => {
    expect(projectToScreen([0, 0, 2], projection)).toBeNull();
  });

  it('refuses a singular projection', () => {
    expect(screenRayDirection({ u: 0.5, v: 0.5 }, new Array(16).fill(0))).toBeNull();
  });
});
