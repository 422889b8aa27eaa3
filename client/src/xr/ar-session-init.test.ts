import { describe, expect, it } from 'vitest';
import { arSessionInit, cameraAccessIsSafe } from './ar-session-init.ts';

const android = (chrome: string) => `Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${chrome} Mobile Safari/537.36`;

describe('AR session features', () => {
  it('asks for the camera image except on the Chrome for Android releases that crash reading it', () => {
    expect(cameraAccessIsSafe(android('146.0.7680.10'))).toBe(true);
    expect(cameraAccessIsSafe(android('147.0.7727.101'))).toBe(false);
    expect(cameraAccessIsSafe(android('148.0.7770.2'))).toBe(false);
    expect(cameraAccessIsSafe(android('149.0.7800.5'))).toBe(true);
    expect(cameraAccessIsSafe('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) OculusBrowser/40.0 Chrome/147.0.0.0 VR Safari/537.36')).toBe(true);
  });

  it('requires floor tracking only and names the DOM overlay root', () => {
    const root = {} as HTMLElement;
    const init = arSessionInit(root, android('150.0.1.1'));
    expect(init.requiredFeatures).toEqual(['local-floor']);
    expect(init.optionalFeatures).toEqual(['anchors', 'dom-overlay', 'hit-test', 'camera-access']);
    expect(init.domOverlay?.root).toBe(root);
    expect(arSessionInit(root, android('147.0.7727.101')).optionalFeatures).not.toContain('camera-access');
  });
});
