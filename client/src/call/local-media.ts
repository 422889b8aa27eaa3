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
