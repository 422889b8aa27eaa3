// Local media helpers for the call: a silent audio track when the assessor has no microphone, and
// applying a sending quality to the camera's RTCRtpSender.

/** A silent audio stream (PeerJS needs a stream to place a call). Close the context when done. */
export function silentAudio(): { stream: MediaStream; close: () => void } {
  const context = new AudioContext();
  const destination = context.createMediaStreamDestination();
  return {
    stream: destination.stream,
    close: () => {
      for (const track of destination.stream.getTracks()) track.stop();
      void context.close();
    },
  };
}

export interface SenderEncoding {
  active: boolean;
  scaleResolutionDownBy?: number;
  maxBitrate?: number;
}

/** Applies one encoding to every layer of a sender; the camera keeps running at full resolution. */
export async function applySenderEncoding(sender: RTCRtpSender, encoding: SenderEncoding): Promise<void> {
  const parameters = sender.getParameters();
  if (!parameters.encodings || parameters.encodings.length === 0) parameters.encodings = [{}];
  for (const layer of parameters.encodings) {
    layer.active = encoding.active;
    if (encoding.scaleResolutionDownBy !== undefined) layer.scaleResolutionDownBy = encoding.scaleResolutionDownBy;
    if (encoding.maxBitrate !== undefined) layer.maxBitrate = encoding.maxBitrate;
  }
  await sender.setParameters(parameters);
}

/** The video sender, found by its transceiver so it is found even while its track is replaced by null. */
export function videoSender(pc: RTCPeerConnection | null | undefined): RTCRtpSender | undefined {
  return pc?.getTransceivers().find((t) => t.sender.track?.kind === 'video' || t.receiver.track.kind === 'video')?.sender;
}

export type CameraFacing = 'user' | 'environment' | 'unknown';

/** Which way a camera faces, as the browser reports it (desktop cameras usually do not say). */
export function facingOf(track: MediaStreamTrack | undefined): CameraFacing {
  const facing = track?.getSettings().facingMode;
  return facing === 'user' || facing === 'environment' ? facing : 'unknown';
}

/** Whether the camera has a torch the page may switch (`getCapabilities().torch`, Chrome on Android). */
export function hasTorch(track: MediaStreamTrack | undefined): boolean {
  if (!track || typeof track.getCapabilities !== 'function') return false;
  return (track.getCapabilities() as MediaTrackCapabilities & { torch?: boolean }).torch === true;
}

export async function setTorch(track: MediaStreamTrack, on: boolean): Promise<void> {
  await track.applyConstraints({ advanced: [{ torch: on } as MediaTrackConstraintSet] });
}

/** How many cameras the device has (counted without labels, so without asking again). */
export async function cameraCount(): Promise<number> {
  const devices = await navigator.mediaDevices?.enumerateDevices?.().catch(() => []) ?? [];
  return devices.filter((d) => d.kind === 'videoinput').length;
}

/**
 * Opens the camera facing `facing` and puts its track into `stream` in place of the current one, which
 * is stopped first (many phones cannot open both cameras at once). If the other camera does not open,
 * the camera that was in use is opened again and the error is thrown. Returns the new track.
 */
export async function switchCamera(stream: MediaStream, facing: 'user' | 'environment'): Promise<MediaStreamTrack> {
  const old = stream.getVideoTracks()[0];
  const size = { width: { ideal: 1280 }, height: { ideal: 720 } };
  const previous = old?.getSettings().deviceId;
  old?.stop();
  if (old) stream.removeTrack(old);
  try {
    const next = (await navigator.mediaDevices.getUserMedia({ video: { facingMode: { exact: facing }, ...size } })).getVideoTracks()[0];
    if (!next) throw new Error('no camera track');
    stream.addTrack(next);
    return next;
  } catch (error) {
    const back = (await navigator.mediaDevices.getUserMedia({ video: previous ? { deviceId: previous, ...size } : size }).catch(() => null))?.getVideoTracks()[0];
    if (back) stream.addTrack(back);
    throw error;
  }
}
