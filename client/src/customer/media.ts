// Camera and microphone access, with failures sorted into what the customer can do about them.

export type MediaProblem = 'denied' | 'no-device' | 'in-use' | 'insecure' | 'unsupported';

export class MediaAccessError extends Error {
  override readonly name = 'MediaAccessError';
  constructor(readonly problem: MediaProblem) {
    super(problem);
  }
}

export type MediaMode = 'camera' | 'voice';

/** The rear camera at up to 1280x720 plus the microphone, or the microphone alone for voice only. */
export async function openMedia(mode: MediaMode): Promise<MediaStream> {
  if (!window.isSecureContext) throw new MediaAccessError('insecure');
  if (!navigator.mediaDevices?.getUserMedia) throw new MediaAccessError('unsupported');
  const audio = { echoCancellation: true, noiseSuppression: true };
  const video = { facingMode: 'environment', width: { ideal: 1280 }, height: { ideal: 720 } };
  try {
    return await navigator.mediaDevices.getUserMedia(mode === 'camera' ? { video, audio } : { audio });
  } catch (error) {
    throw new MediaAccessError(classify(error));
  }
}

function classify(error: unknown): MediaProblem {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'no-device';
  if (name === 'NotReadableError' || name === 'AbortError') return 'in-use';
  return 'unsupported';
}

export function stopMedia(stream: MediaStream | null): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}
