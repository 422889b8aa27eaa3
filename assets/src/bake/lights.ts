// The light a scene is baked under: lamps (points with a shape to how they shine), glowing panels,
// windows the sky shines through, and the sky and sun outside. Radiometric units are loose: the
// numbers are balanced against each other and a scene's exposure, by eye.
import type { Rgb } from '../textures/image.ts';
import type { Vec3 } from '../scene/geometry.ts';

/** How a lamp's output varies with direction. */
export type LampShape =
  /** Bare bulb: the same everywhere. */
  | { kind: 'bulb' }
  /** A recessed downlight: a cone about −Y, soft at its edge. */
  | { kind: 'down'; innerDegrees: number; outerDegrees: number }
  /** A shade open at top and bottom: strong down and up, a glow through the cloth sideways. */
  | { kind: 'shade'; down: number; up: number; side: number };

export interface PointLight {
  kind: 'point';
  position: Vec3;
  /** Intensity, linear RGB. */
  color: Rgb;
  /** Size of the bulb or diffuser, metres: shadows soften with it. */
  radius: number;
  shape: LampShape;
  /** Beyond this, metres, the lamp is not considered. */
  range?: number;
}

export interface PanelLight {
  kind: 'panel';
  /** A rectangle corner + u + v shining towards u × v. */
  corner: Vec3;
  u: Vec3;
  v: Vec3;
  radiance: Rgb;
  samples: readonly [number, number];
  /** Beyond this, metres from its centre, the panel is not considered. */
  range?: number;
  /**
   * False for a light nothing stands in front of (a cove washing a ceiling): no shadow rays, so
   * it can take many samples and show no spots.
   */
  shadows?: boolean;
}

export interface WindowLight {
  kind: 'window';
  /** The opening: corner + u + v, with u × v pointing into the room. */
  corner: Vec3;
  u: Vec3;
  v: Vec3;
  samples: readonly [number, number];
  range?: number;
}

export type Light = PointLight | PanelLight | WindowLight;

export interface Sky {
  /** Sky radiance towards the zenith and at the horizon, and of the ground (seen below the horizon). */
  zenith: Rgb;
  horizon: Rgb;
  ground: Rgb;
  sun?: { direction: Vec3; color: Rgb; angularRadiusDegrees: number };
}

/** Sky radiance seen looking along `d` (unit), sun excluded. */
export function skyRadiance(sky: Sky, d: Vec3): Rgb {
  const y = d[1];
  if (y < 0) {
    const t = Math.min(1, -y * 4);
    return [sky.horizon[0] + (sky.ground[0] - sky.horizon[0]) * t, sky.horizon[1] + (sky.ground[1] - sky.horizon[1]) * t, sky.horizon[2] + (sky.ground[2] - sky.horizon[2]) * t];
  }
  const t = Math.sqrt(y);
  return [sky.horizon[0] + (sky.zenith[0] - sky.horizon[0]) * t, sky.horizon[1] + (sky.zenith[1] - sky.horizon[1]) * t, sky.horizon[2] + (sky.zenith[2] - sky.horizon[2]) * t];
}

/** A lamp's relative output along unit direction `d` (from the lamp). */
export function lampFactor(shape: LampShape, d: Vec3): number {
  switch (shape.kind) {
    case 'bulb':
      return 1;
    case 'down': {
      const cos = -d[1];
      const inner = Math.cos((shape.innerDegrees * Math.PI) / 180);
      const outer = Math.cos((shape.outerDegrees * Math.PI) / 180);
      if (cos <= outer) return 0;
      if (cos >= inner) return 1;
      const t = (cos - outer) / (inner - outer);
      return t * t * (3 - 2 * t);
    }
    case 'shade': {
      const y = d[1];
      const t = Math.min(1, Math.abs(y) * 1.6);
      const open = y < 0 ? shape.down : shape.up;
      return shape.side + (open - shape.side) * t * t;
    }
  }
}
