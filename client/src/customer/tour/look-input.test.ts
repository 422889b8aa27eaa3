import { describe, expect, it } from 'vitest';
import { verticalFov } from '../../xr/tour/tour-directions.ts';
import { deviceLook, dragTurn, keyTurn, keyZoom, KEY_STEP, wheelZoom } from './look-input.ts';

describe('dragging the view', () => {
  it('follows the pointer: a drag right turns left (yaw up), a drag down looks up', () => {
    const turn = dragTurn(100, 50, 1440, 900);
    expect(turn.yaw).toBeGreaterThan(0);
    expect(turn.pitch).toBeGreaterThan(0);
  });

  it('a drag across the whole height turns by the vertical field of view', () => {
    expect(dragTurn(0, 844, 390, 844).pitch).toBeCloseTo(verticalFov(390 / 844), 9);
    expect(dragTurn(900, 0, 1440, 900).yaw).toBeCloseTo(verticalFov(1.6), 9);
  });
});

describe('zooming', () => {
  it('a zoomed view turns less for the same drag', () => {
    expect(dragTurn(100, 0, 800, 600, 2).yaw).toBeCloseTo(dragTurn(100, 0, 800, 600).yaw / 2, 9);
  });

  it('scrolling up and + zoom in, scrolling down and − zoom out', () => {
    expect(wheelZoom(-100)).toBeGreaterThan(1);
    expect(wheelZoom(100)).toBeLessThan(1);
    expect(wheelZoom(100) * wheelZoom(-100)).toBeCloseTo(1, 9);
    expect(keyZoom('+')).toBeGreaterThan(1);
    expect(keyZoom('-')).toBeLessThan(1);
    expect(keyZoom('x')).toBeNull();
  });
});

describe('arrow keys', () => {
  it('left turns left (yaw up), up looks up, other keys do nothing', () => {
    expect(keyTurn('ArrowLeft')).toEqual({ yaw: KEY_STEP, pitch: 0 });
    expect(keyTurn('ArrowRight')).toEqual({ yaw: -KEY_STEP, pitch: 0 });
    expect(keyTurn('ArrowUp')).toEqual({ yaw: 0, pitch: KEY_STEP });
    expect(keyTurn('ArrowDown')).toEqual({ yaw: 0, pitch: -KEY_STEP });
    expect(keyTurn('a')).toBeNull();
  });
});

describe('magic window', () => {
  it('a phone held upright looks ahead; lying flat it looks down at the floor', () => {
    const upright = deviceLook(0, 90, 0, 0);
    expect(upright.pitch).toBeCloseTo(0, 6);
    expect(upright.yaw).toBeCloseTo(0, 6);
    expect(deviceLook(0, 0, 0, 0).pitch).toBeCloseTo(-90, 6);
    expect(deviceLook(0, 45, 0, 0).pitch).toBeCloseTo(-45, 6);
  });

  it('turning the phone to the left (alpha up) turns the view left (yaw up)', () => {
    expect(deviceLook(90, 90, 0, 0).yaw).toBeCloseTo(90, 6);
    expect(deviceLook(30, 90, 0, 0).yaw).toBeCloseTo(30, 6);
    expect(deviceLook(-30, 90, 0, 0).yaw).toBeCloseTo(-30, 6);
  });

  it('held upright in landscape (turned a quarter to the left) it still looks ahead', () => {
    const look = deviceLook(0, 0, -90, 90);
    expect(look.pitch).toBeCloseTo(0, 6);
  });
});
