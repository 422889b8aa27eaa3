// One audio track that carries the sum of several others (WebAudio), so a sender can switch between
// "the assessor alone" and "the assessor and a supervisor" with replaceTrack, never renegotiating.
export class AudioMix {
  private readonly context = new AudioContext();
  private readonly destination = this.context.createMediaStreamDestination();
  private readonly inputs = new Map<MediaStreamTrack, { node: MediaStreamAudioSourceNode; sink: HTMLAudioElement }>();

  /** The mixed track; live until close(). */
  get track(): MediaStreamTrack {
    return this.destination.stream.getAudioTracks()[0]!;
  }

  /** Mixes exactly these tracks from now on. */
  set(tracks: MediaStreamTrack[]): void {
    if (this.context.state === 'suspended') void this.context.resume();
    const wanted = new Set(tracks.filter((t) => t.kind === 'audio' && t.readyState === 'live'));
    for (const [track, input] of this.inputs) {
      if (wanted.has(track)) continue;
      input.node.disconnect();
      input.sink.srcObject = null;
      this.inputs.delete(track);
    }
    for (const track of wanted) {
      if (this.inputs.has(track)) continue;
      const stream = new MediaStream([track]);
      const node = this.context.createMediaStreamSource(stream);
      node.connect(this.destination);
      // Chromium hands WebAudio a received WebRTC track's samples only while a media element plays it.
      const sink = new Audio();
      sink.muted = true;
      sink.srcObject = stream;
      void sink.play().catch(() => undefined);
      this.inputs.set(track, { node, sink });
    }
  }

  close(): void {
    this.set([]);
    this.track.stop();
    void this.context.close();
  }
}
