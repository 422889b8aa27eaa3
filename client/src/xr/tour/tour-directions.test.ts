import { describe, expect, it } from 'vitest';
import { verticalFov, clampPitch, directionOf, lookFromTo, lookOf, normaliseYaw, panoramaDirection, panoramaUv, yawDelta } from './tour-directions.ts';

const close = (actual: readonly number[], expected: readonly number[]) => actual.forEach((value, i) => expect(value).toBeCloseTo(expected[i]!, 9));

describe('tour directions (protocol/tour.ts conventions)', () => {
  it('yaw 0 looks along −Z, 90 along −X, −90 along +X, 180 along +Z', () => {
    close(directionOf({ yaw: 0, pitch: 0 }), [0, 0, -1]);
    close(directionOf({ yaw: 90, pitch: 0 }), [-1, 0, 0]);
    close(directionOf({ yaw: -90, pitch: 0 }), [1, 0, 0]);
    close(directionOf({ yaw: 180, pitch: 0 }), [0, 0, 1]);
  });

  it('positive pitch looks up', () => {
    close(directionOf({ yaw: 0, pitch: 90 }), [0, 1, 0]);
    close(directionOf({ yaw: 0, pitch: 45 }), [0, Math.SQRT1_2, -Math.SQRT1_2]);
  });

  it('a direction and its look go back and forth', () => {
    for (const yaw of [-170, -90, -30, 0, 15, 90, 135, 180]) {
      for (const pitch of [-80, -10, 0, 30, 80]) {
        const look = lookOf(directionOf({ yaw, pitch }));
        expect(look.yaw).toBeCloseTo(yaw, 9);
        expect(look.pitch).toBeCloseTo(pitch, 9);
      }
    }
  });

  it('looks from one point to another', () => {
    const look = lookFromTo([1, 1.6, 1], [0, 1.6, 0]);
    expect(look.yaw).toBeCloseTo(45, 9);
    expect(look.pitch).toBeCloseTo(0, 9);
    expect(lookFromTo([0, 0, 0], [0, 2, 0]).pitch).toBeCloseTo(90, 9);
  });

  it('keeps yaw in (−180, 180] and pitch short of the poles', () => {
    expect(normaliseYaw(190)).toBe(-170);
    expect(normaliseYaw(-180)).toBe(180);
    expect(normaliseYaw(540)).toBe(180);
    expect(normaliseYaw(-361)).toBe(-1);
    expect(clampPitch(120)).toBe(85);
    expect(clampPitch(-120)).toBe(-85);
    expect(yawDelta(170, -170)).toBe(20);
    expect(yawDelta(-170, 170)).toBe(-20);
  });
});

describe('equirectangular panorama mapping', () => {
  it('the horizontal centre looks along −Z, the edges along +Z, a quarter in along −X', () => {
    expect(panoramaUv([0, 0, -1])).toEqual({ u: 0.5, v: 0.5 });
    expect(panoramaUv([0, 0, 1]).u).toBeCloseTo(0, 9);
    expect(panoramaUv([-1, 0, 0]).u).toBeCloseTo(0.25, 9);
    expect(panoramaUv([1, 0, 0]).u).toBeCloseTo(0.75, 9);
  });

  it('the top row looks up and the bottom row down', () => {
    expect(panoramaUv([0, 1, -1e-9]).v).toBeCloseTo(0, 6);
    expect(panoramaUv([0, -1, -1e-9]).v).toBeCloseTo(1, 6);
    expect(panoramaUv(directionOf({ yaw: 0, pitch: 45 })).v).toBeCloseTo(0.25, 9);
  });

  it('a panorama point and its direction go back and forth', () => {
    for (const u of [0.05, 0.25, 0.5, 0.7, 0.95]) {
      for (const v of [0.1, 0.5, 0.8]) {
        const uv = panoramaUv(panoramaDirection(u, v));
        expect(uv.u).toBeCloseTo(u, 9);
        expect(uv.v).toBeCloseTo(v, 9);
      }
    }
  });
});

describe('field of view', () => {
  it('aims at 60° across, within 50–95° up and down', () => {
    expect(verticalFov(1)).toBeCloseTo(60, 6);
    expect(verticalFov(390 / 844)).toBe(95);
    expect(verticalFov(1440 / 900)).toBe(50);
    expect(verticalFov(1.2)).toBeGreaterThan(50);
    expect(verticalFov(1.2)).toBeLessThan(60);
  });
});
