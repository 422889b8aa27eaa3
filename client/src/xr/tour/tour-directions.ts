// Directions in a tour as protocol/tour.ts defines them: yaw in degrees about +Y, 0 looking along −Z
// and 90 along −X; pitch in degrees, positive up. An equirectangular panorama looks along −Z at its
// horizontal centre and along +Z at its edges, so u = 0.5 − yaw / 360. All angles here are degrees.

export type Direction = readonly [x: number, y: number, z: number];

export interface Look {
  yaw: number;
  pitch: number;
}

const RAD = Math.PI / 180;
/** Pitch stops short of straight up or down, where yaw would lose its meaning. */
export const MAX_PITCH = 85;

/** Yaw in (−180, 180]. */
export function normaliseYaw(yaw: number): number {
  const wrapped = ((((yaw + 180) % 360) + 360) % 360) - 180;
  return wrapped === -180 ? 180 : wrapped;
}

export function clampPitch(pitch: number): number {
  return Math.max(-MAX_PITCH, Math.min(MAX_PITCH, pitch));
}

/** The unit vector a look points along. */
export function directionOf(look: Look): Direction {
  const yaw = look.yaw * RAD;
  const pitch = look.pitch * RAD;
  return [-Math.sin(yaw) * Math.cos(pitch), Math.sin(pitch), -Math.cos(yaw) * Math.cos(pitch)];
}

/** The look along a direction (need not be unit length); yaw 0 for straight up or down. */
export function lookOf([x, y, z]: Direction): Look {
  const flat = Math.hypot(x, z);
  return { yaw: flat < 1e-9 ? 0 : normaliseYaw(Math.atan2(-x, -z) / RAD), pitch: Math.atan2(y, flat) / RAD };
}

/** The look from one point towards another. */
export function lookFromTo(from: Direction, to: Direction): Look {
  return lookOf([to[0] - from[0], to[1] - from[1], to[2] - from[2]]);
}

/** Where a direction falls on an equirectangular panorama: u from its left edge, v from its top, both 0…1. */
export function panoramaUv(direction: Direction): { u: number; v: number } {
  const { yaw, pitch } = lookOf(direction);
  const u = 0.5 - yaw / 360;
  return { u: u - Math.floor(u), v: 0.5 - pitch / 180 };
}

/** The direction seen at a point of an equirectangular panorama (u from the left, v from the top). */
export function panoramaDirection(u: number, v: number): Direction {
  return directionOf({ yaw: (0.5 - u) * 360, pitch: (0.5 - v) * 180 });
}

/** The signed smallest turn from one yaw to another, in (−180, 180]. */
export function yawDelta(from: number, to: number): number {
  return normaliseYaw(to - from);
}

/** The horizontal field of view a tour aims for, in degrees. */
export const TARGET_HORIZONTAL_FOV = 60;

/**
 * The vertical field of view for a view of this aspect (width / height): about 60° across, within
 * 50–95° up and down, so a tall phone does not see a keyhole and a wide screen not a fisheye.
 */
export function verticalFov(aspect: number): number {
  const fov = (2 * Math.atan(Math.tan((TARGET_HORIZONTAL_FOV / 2) * RAD) / Math.max(aspect, 0.1))) / RAD;
  return Math.max(50, Math.min(95, fov));
}
