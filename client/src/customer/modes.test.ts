import { describe, expect, it } from 'vitest';
import { availableModes, CHANNEL_START, startingMode } from './modes.ts';

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

describe('CHANNEL_START', () => {
  it('starts a front-door customer in the channel they chose: text without the camera, XR on the best rung', () => {
    expect(CHANNEL_START).toEqual({ text: 'text', voice: 'voice', video: 'camera', xr: 'overlay' });
  });
});
