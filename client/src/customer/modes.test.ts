import { describe, expect, it } from 'vitest';
import { availableModes, startingMode } from './modes.ts';

const none = { immersiveAr: false, webgl: false, camera: false, microphone: false };

describe('availableModes', () => {
  it('offers the whole ladder, best first, on an AR phone', () => {
    expect(availableModes({ immersiveAr: true, webgl: true, camera: true, microphone: true })).toEqual(['ar', 'overlay', 'camera', 'voice', 'text']);
  });

  it('falls back to the overlay and the camera without WebXR', () => {
    expect(availableModes({ ...none, webgl: true, camera: true, microphone: true })).toEqual(['overlay', 'camera', 'voice', 'text']);
  });

  it('offers the plain camera without WebGL, and text chat always', () => {
    expect(availableModes({ ...none, camera: true })).toEqual(['camera', 'text']);
    expect(availableModes(none)).toEqual(['text']);
  });
});

describe('startingMode', () => {
  it('starts on the plain camera and leaves AR and the overlay to a tap', () => {
    expect(startingMode(['ar', 'overlay', 'camera', 'voice', 'text'])).toBe('camera');
    expect(startingMode(['voice', 'text'])).toBe('voice');
    expect(startingMode(['text'])).toBe('text');
  });
});
