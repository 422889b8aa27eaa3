// What the assessor sees in AR or overlay mode: the camera picture with the rendered 3D overlay on
// top, drawn into one canvas whose captureStream() replaces the camera in the call. The overlay canvas
// is drawn at its own aspect; the camera picture is cropped to it (cover), as the customer sees it.
// Where the overlay already carries the camera image (WebXR Raw Camera Access), the camera stream is
// left out: on a phone it may be frozen or black while the AR runtime holds the camera.
import { i18next } from '../i18n/i18n.ts';

/** Where the camera picture of a composite frame came from. */
export type CameraSource = 'xr-camera-access' | 'media-stream' | 'none';

export interface Compositor {
  /** The composite video track to send. */
  readonly track: MediaStreamTrack;
  /**
   * Draws one composite frame; call it once per rendered XR/overlay frame. `overlayHasCamera`: the
   * overlay canvas already shows the camera image under the 3D content (WebXR Raw Camera Access).
   */
  draw(overlayHasCamera?: boolean): CameraSource;
  dispose(): void;
}

/** Longest side of the sent picture: enough for the assessor, light on a phone's encoder. */
const MAX_SIDE = 1280;

export function createCompositor(overlay: HTMLCanvasElement, camera: HTMLVideoElement | null, fps = 30): Compositor {
  const output = document.createElement('canvas');
  const context = output.getContext('2d', { alpha: false });
  if (!context) throw new Error(i18next.t('xr:cannotDraw'));
  const stream = output.captureStream(fps);
  const track = stream.getVideoTracks()[0];
  if (!track) throw new Error(i18next.t('xr:cannotStream'));
  output.width = 640;
  output.height = 480;

  return {
    track,
    draw(overlayHasCamera = false) {
      const width = overlay.width || 640;
      const height = overlay.height || 480;
      const scale = Math.min(1, MAX_SIDE / Math.max(width, height));
      const w = Math.round(width * scale);
      const h = Math.round(height * scale);
      if (output.width !== w || output.height !== h) {
        output.width = w;
        output.height = h;
      }
      context.fillStyle = '#0f1722';
      context.fillRect(0, 0, w, h);
      let source: CameraSource = overlayHasCamera ? 'xr-camera-access' : 'none';
      if (!overlayHasCamera && camera && camera.readyState >= 2 && camera.videoWidth > 0) {
        const cover = Math.max(w / camera.videoWidth, h / camera.videoHeight);
        const cw = camera.videoWidth * cover;
        const ch = camera.videoHeight * cover;
        context.drawImage(camera, (w - cw) / 2, (h - ch) / 2, cw, ch);
        source = 'media-stream';
      }
      context.drawImage(overlay, 0, 0, w, h);
      return source;
    },
    dispose() {
      for (const t of stream.getTracks()) t.stop();
    },
  };
}
