// Watches the assessor's audio and says whether they are speaking now (speaking.ts decides), so the
// page can show it: someone who cannot hear the call still sees when the assessor talks to them.
import { useEffect, useState } from 'react';
import { nextSpeaking, peakLoudness, type SpeakingState } from './speaking.ts';

const SAMPLE_MS = 100;
/** Samples the analyser keeps: 8192 is 170 ms at 48 kHz, more than the time between two looks, so no sound falls between them. */
const WINDOW = 8192;
/** The stretch loudness is measured over: about 10 ms. */
const BLOCK = 512;

export function useSpeaking(remoteAudio: MediaStream | null): boolean {
  const [speaking, setSpeaking] = useState(false);
  const track = remoteAudio?.getAudioTracks()[0] ?? null;

  useEffect(() => {
    if (!track || typeof AudioContext === 'undefined') return;
    const context = new AudioContext();
    const analyser = context.createAnalyser();
    analyser.fftSize = WINDOW;
    const source = context.createMediaStreamSource(new MediaStream([track]));
    source.connect(analyser);
    // A page opened without a tap may start the context suspended; the consent tap usually allows it.
    if (context.state === 'suspended') void context.resume().catch(() => undefined);
    const samples = new Uint8Array(analyser.fftSize);
    let state: SpeakingState = { speaking: false, quietSince: null };
    const timer = setInterval(() => {
      analyser.getByteTimeDomainData(samples);
      state = nextSpeaking(state, peakLoudness(samples, BLOCK), performance.now());
      setSpeaking(state.speaking);
    }, SAMPLE_MS);
    return () => {
      clearInterval(timer);
      source.disconnect();
      void context.close().catch(() => undefined);
      setSpeaking(false);
    };
  }, [track]);

  return speaking;
}
