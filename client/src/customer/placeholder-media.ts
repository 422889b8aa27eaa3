// Media for a customer who starts in text: a still black picture and silence, so the call is answered
// with a video and an audio sender and a later switch (with consent) only swaps in the real camera
// and microphone — no renegotiation, no reconnect — and nothing asks for the camera before then.
export interface PlaceholderMedia {
  stream: MediaStream;
  /** Whether the stream still carries the placeholder of this kind rather than a real device. */
  isPlaceholder(kind: 'audio' | 'video'): boolean;
  /** Puts real tracks in place of the placeholders (in the same stream) and stops the placeholders. */
  adopt(real: MediaStream): void;
  close(): void;
}

export function createPlaceholderMedia(): PlaceholderMedia {
  const canvas = document.createElement('canvas');
  canvas.width = 320;
  canvas.height = 240;
  canvas.getContext('2d')?.fillRect(0, 0, canvas.width, canvas.height);
  const video = canvas.captureStream(1).getVideoTracks()[0]!;
  video.enabled = false;
  const context = new AudioContext();
  const audio = context.createMediaStreamDestination().stream.getAudioTracks()[0]!;
  const placeholders = new Set<MediaStreamTrack>([video, audio]);
  const stream = new MediaStream([audio, video]);
  const closeContext = (): void => {
    if (context.state !== 'closed') void context.close().catch(() => undefined);
  };
  const stop = (track: MediaStreamTrack): void => {
    track.stop();
    placeholders.delete(track);
    stream.removeTrack(track);
  };
  return {
    stream,
    isPlaceholder: (kind) => [...placeholders].some((t) => t.kind === kind),
    adopt(real) {
      for (const track of real.getTracks()) {
        const old = [...placeholders].filter((t) => t.kind === track.kind);
        // A kind the stream already has for real keeps its track; the duplicate is released.
        if (old.length === 0) {
          track.stop();
          continue;
        }
        for (const placeholder of old) stop(placeholder);
        stream.addTrack(track);
      }
      if (![...placeholders].some((t) => t.kind === 'audio')) closeContext();
    },
    close() {
      for (const track of [...placeholders]) stop(track);
      closeContext();
    },
  };
}
