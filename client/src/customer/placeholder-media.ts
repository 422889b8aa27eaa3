// Media for a customer who starts without the camera (text, or voice, chosen at the front door): what
// was opened plus a still black picture and/or silence in place of what was not, so the call is answered
// with a video and an audio sender and a later switch (with consent) only swaps in the real camera or
// microphone — no renegotiation, no reconnect — and nothing asks for a device before then.
export interface PlaceholderMedia {
  stream: MediaStream;
  /** Whether the stream still carries the placeholder of this kind rather than a real device. */
  isPlaceholder(kind: 'audio' | 'video'): boolean;
  /** Puts real tracks in place of the placeholders (in the same stream) and stops the placeholders. */
  adopt(real: MediaStream): void;
  close(): void;
}

/** `opened`: the devices already opened (the microphone of a voice start), whose tracks the stream takes over. */
export function createPlaceholderMedia(opened: MediaStream | null = null): PlaceholderMedia {
  const stream = new MediaStream(opened?.getTracks() ?? []);
  const placeholders = new Set<MediaStreamTrack>();
  let context: AudioContext | null = null;
  if (stream.getVideoTracks().length === 0) {
    const canvas = document.createElement('canvas');
    canvas.width = 320;
    canvas.height = 240;
    canvas.getContext('2d')?.fillRect(0, 0, canvas.width, canvas.height);
    const video = canvas.captureStream(1).getVideoTracks()[0]!;
    video.enabled = false;
    placeholders.add(video);
    stream.addTrack(video);
  }
  if (stream.getAudioTracks().length === 0) {
    context = new AudioContext();
    const audio = context.createMediaStreamDestination().stream.getAudioTracks()[0]!;
    placeholders.add(audio);
    stream.addTrack(audio);
  }
  const closeContext = (): void => {
    if (context && context.state !== 'closed') void context.close().catch(() => undefined);
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
