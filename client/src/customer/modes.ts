// The customer's mode ladder, best first: AR (WebXR immersive-ar) → 3D overlay over the camera →
// plain camera → voice → text. Which rungs a device offers is decided from what it supports.
import type { CustomerMode } from '../../../protocol/messages.ts';
import type { QueueChannel } from '../../../protocol/queue.ts';
import { translatedRecord } from '../ui/translated-record.ts';

export interface ModeSupport {
  /** WebXR immersive-ar (the session then asks for hit-test and anchors). */
  immersiveAr: boolean;
  webgl: boolean;
  camera: boolean;
  microphone: boolean;
}

export const MODE_ORDER: readonly CustomerMode[] = ['ar', 'overlay', 'camera', 'voice', 'text'];

const capital = (mode: CustomerMode): string => mode.charAt(0).toUpperCase() + mode.slice(1);

export const MODE_LABEL = translatedRecord(MODE_ORDER, (mode) => `customer:mode.label${capital(mode)}`);

/** The labels of the compact mode control. */
export const MODE_SHORT = translatedRecord(MODE_ORDER, (mode) => `customer:mode.short${capital(mode)}`);

export const MODE_HINT = translatedRecord(MODE_ORDER, (mode) => `customer:mode.hint${capital(mode)}`);

/** The modes this device offers, best first. Text chat is always there. */
export function availableModes(support: ModeSupport): CustomerMode[] {
  const offered: Record<CustomerMode, boolean> = {
    ar: support.immersiveAr && support.webgl,
    overlay: support.webgl && support.camera,
    camera: support.camera,
    voice: support.microphone,
    text: true,
  };
  return MODE_ORDER.filter((mode) => offered[mode]);
}

/**
 * The mode to start in: the best one that needs no further tap. AR needs a tap to enter (browsers
 * allow immersive sessions only from a gesture) and the overlay loads the 3D code, so both are offered
 * rather than imposed; the plain camera path stays light.
 */
export function startingMode(available: readonly CustomerMode[]): CustomerMode {
  return available.find((mode) => mode !== 'ar' && mode !== 'overlay') ?? 'text';
}

/**
 * The mode a front-door customer starts in: the channel they chose at intake. XR asks for the overlay
 * (the best rung that needs no tap); a device without it falls back down the ladder.
 */
export const CHANNEL_START: Record<QueueChannel, CustomerMode> = { text: 'text', voice: 'voice', video: 'camera', xr: 'overlay' };

/** Which devices the browser has, without opening them (no permission prompt): for a customer who started in text. */
export async function detectDeviceSupport(): Promise<ModeSupport> {
  const devices = await (navigator.mediaDevices?.enumerateDevices?.() ?? Promise.resolve([])).catch(() => []);
  const has = (kind: MediaDeviceKind): boolean => devices.some((d) => d.kind === kind);
  return { immersiveAr: false, webgl: hasWebGl(), camera: has('videoinput'), microphone: has('audioinput') };
}

/** Reads what the browser supports; never throws. */
export async function detectSupport(stream: MediaStream | null): Promise<ModeSupport> {
  const immersiveAr = await (navigator.xr?.isSessionSupported('immersive-ar') ?? Promise.resolve(false)).catch(() => false);
  return {
    immersiveAr,
    webgl: hasWebGl(),
    camera: (stream?.getVideoTracks().length ?? 0) > 0,
    microphone: (stream?.getAudioTracks().length ?? 0) > 0,
  };
}

function hasWebGl(): boolean {
  try {
    const canvas = document.createElement('canvas');
    return Boolean(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
  } catch {
    return false;
  }
}
