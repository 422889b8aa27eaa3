// The features the customer's AR session asks for. Written out here (the store's customSessionInit)
// because @pmndrs/xr's own session options cannot ask for WebXR Raw Camera Access.

/**
 * Floor-level tracking is required; anchors, hit-tests, the DOM overlay (shown over the AR view, in
 * `domOverlayRoot`) and the raw camera image (for the assessor's stream) are used where the device
 * has them — the camera image only where reading it is known not to crash the page.
 */
export function arSessionInit(domOverlayRoot: HTMLElement, userAgent = navigator.userAgent): XRSessionInit {
  const optionalFeatures = ['anchors', 'dom-overlay', 'hit-test'];
  if (cameraAccessIsSafe(userAgent)) optionalFeatures.push('camera-access');
  return { requiredFeatures: ['local-floor'], optionalFeatures, domOverlay: { root: domOverlayRoot } };
}

/**
 * Chrome for Android 147 and 148 end the page ("Aw, Snap") when the camera image of an immersive-ar
 * session is read (three.js issue #33404); there the stream uses the page's camera under the overlay.
 */
export function cameraAccessIsSafe(userAgent: string): boolean {
  const chrome = /Chrome\/(\d+)\./.exec(userAgent)?.[1];
  return !(chrome && /Android/.test(userAgent) && (chrome === '147' || chrome === '148'));
}
