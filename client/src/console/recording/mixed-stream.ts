// One stream to record: the customer's video track and both voices (the customer's remote audio and
// the assessor's microphone) mixed by Web Audio into a single audio track.

export interface MixedStream {
  stream: MediaStream;
  close: () => void;
}

export function mixSessionStream(remote: MediaStream, mic: MediaStream | null): MixedStream {
  const context = new AudioContext();
  const destination = context.createMediaStreamDestination();
  const sources = [remote, mic]
    .filter((stream): stream is MediaStream => stream !== null && stream.getAudioTracks().length > 0)
    .map((stream) => {
      const source = context.createMediaStreamSource(new MediaStream(stream.getAudioTracks()));
      source.connect(destination);
      return source;
    });
  void context.resume();
  const stream = new MediaStream([...remote.getVideoTracks(), ...destination.stream.getAudioTracks()]);
  return {
    stream,
    // The call's own tracks stay live: only what the mix made is closed.
    close: () => {
      for (const source of sources) source.disconnect();
      for (const track of destination.stream.getTracks()) track.stop();
      void context.close();
    },
  };
}

/** The first container/codec pair this browser records; VP8 before VP9, which is heavy on small CPUs. */
export function pickRecordingMimeType(isTypeSupported: (type: string) => boolean = (t) => MediaRecorder.isTypeSupported(t)): string | null {
  const preferred = ['video/webm;codecs=vp8,opus', 'video/webm;codecs=vp9,opus', 'video/webm', 'video/mp4;codecs=avc1,mp4a.40.2', 'video/mp4'];
  return preferred.find((type) => isTypeSupported(type)) ?? null;
}
