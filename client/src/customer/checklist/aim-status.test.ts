import { describe, expect, it } from 'vitest';
import { aimStatus, pitchOf } from './aim-status.ts';

const about = (axis: 'x' | 'y', deg: number): [number, number, number, number] => {
  const h = (deg * Math.PI) / 360;
  return axis === 'x' ? [Math.sin(h), 0, 0, Math.cos(h)] : [0, Math.sin(h), 0, Math.cos(h)];
};

describe('pitchOf', () => {
  it('is 0 looking level, whatever the heading', () => {
    expect(pitchOf([0, 0, 0, 1])).toBeCloseTo(0);
    expect(pitchOf(about('y', 130))).toBeCloseTo(0);
  });

  it('is negative looking down and positive looking up (rotation about +x)', () => {
    expect(pitchOf(about('x', -60))).toBeCloseTo(-60);
    expect(pitchOf(about('x', 30))).toBeCloseTo(30);
    expect(pitchOf(about('x', -90))).toBeCloseTo(-90);
  });
});

describe('aimStatus', () => {
  it('wide: step back from a near surface; open space or a far surface is fine', () => {
    expect(aimStatus('wide', { pitchDeg: 0, distanceM: 0.8 })).toMatchObject({ cue: 'back', ok: false, instruction: 'Step back' });
    expect(aimStatus('wide', { pitchDeg: 0, distanceM: 3 }).ok).toBe(true);
    expect(aimStatus('wide', { pitchDeg: 0, distanceM: null }).ok).toBe(true);
  });

  it('close-up: needs a surface within reach', () => {
    expect(aimStatus('close-up', { pitchDeg: -30, distanceM: null }).cue).toBe('find-surface');
    expect(aimStatus('close-up', { pitchDeg: -30, distanceM: 1.4 }).cue).toBe('closer');
    expect(aimStatus('close-up', { pitchDeg: -30, distanceM: 0.4 })).toMatchObject({ cue: 'ok', ok: true });
  });

  it('ahead: level within 20°, else tilt back towards level', () => {
    expect(aimStatus('ahead', { pitchDeg: -50, distanceM: 2 }).cue).toBe('tilt-up');
    expect(aimStatus('ahead', { pitchDeg: 35, distanceM: 2 }).cue).toBe('tilt-down');
    expect(aimStatus('ahead', { pitchDeg: 10, distanceM: null }).ok).toBe(true);
  });

  it('down: at least 45° below level', () => {
    expect(aimStatus('down', { pitchDeg: -20, distanceM: 1 }).cue).toBe('tilt-down');
    expect(aimStatus('down', { pitchDeg: -70, distanceM: 1 }).ok).toBe(true);
  });
});
