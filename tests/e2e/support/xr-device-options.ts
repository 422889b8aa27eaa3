// What a journey can change about the emulated AR phone (xr-device-entry.ts): set on the page by
// installXrDevice before the device script runs. Shared by the device script and the tests.

export interface XrDeviceOptions {
  /** The phone offers WebXR Raw Camera Access ('camera-access'): each view has a camera and its image. @default true */
  cameraAccess?: boolean;
  /**
   * Where the XR runtime's layer renders: into the page's canvas, as iwer does, or into a framebuffer
   * of its own, as on a phone, where the canvas holds only what the page draws into it outside XR.
   * @default 'canvas'
   */
  layer?: 'canvas' | 'own-framebuffer';
  /**
   * What the getUserMedia camera shows while an AR session runs: the room, or the flat mark colour
   * (CAMERA_STREAM_MARK), so a test can tell which camera picture reached the assessor.
   * @default 'room'
   */
  cameraStreamInAr?: 'room' | 'mark';
  /**
   * Fine grain over the getUserMedia camera's room picture, as a real camera's picture has: the
   * synthetic room is flat-shaded, which the server's sharpness check rightly takes for a blurred
   * photo. For journeys that take checklist photos in AR. @default false
   */
  cameraGrain?: boolean;
}

/** The getUserMedia camera's colour in AR with `cameraStreamInAr: 'mark'`: magenta, found nowhere in the room. */
export const CAMERA_STREAM_MARK = '#ff00ff';

declare global {
  interface Window {
    __xrDeviceOptions?: XrDeviceOptions;
  }
}
