// The customer's own controls in a call: microphone, camera, front/back camera and torch. Keeps what
// each is, applies it to the tracks, and tells the assessor (`media-state`) on connect and on each change.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CustomerMode, PeerMessage } from '../../../protocol/messages.ts';
import { cameraCount, facingOf, hasTorch, setTorch, switchCamera, type CameraFacing } from '../call/local-media.ts';
import { messageOf } from '../lib/api.ts';
import { i18next } from '../i18n/i18n.ts';

export interface ControlsCall {
  channelOpen: boolean;
  /** The customer turned the camera off by choice (or accepted the weak-link offer): audio only. */
  audioOnly: boolean;
  send: (message: PeerMessage) => boolean;
  setAudioOnly: (on: boolean) => void;
  cameraChanged: () => void;
}

const VIDEO_MODES: readonly CustomerMode[] = ['ar', 'overlay', 'camera'];

export function useCallControls(options: {
  stream: MediaStream | null;
  mode: CustomerMode;
  switchMode: (mode: CustomerMode) => void;
  call: ControlsCall;
  onNotice: (tone: 'info' | 'error', text: string) => void;
}) {
  const { stream, mode, call } = options;
  const [micOn, setMicOn] = useState(true);
  const [facing, setFacing] = useState<CameraFacing>(() => facingOf(stream?.getVideoTracks()[0]));
  const [torch, setTorchOn] = useState(false);
  const [torchAvailable, setTorchAvailable] = useState(() => hasTorch(stream?.getVideoTracks()[0]));
  const [canFlip, setCanFlip] = useState(false);
  const [flipping, setFlipping] = useState(false);
  /** Bumped when the camera's track is replaced, so the preview attaches the new one. */
  const [cameraVersion, setCameraVersion] = useState(0);
  const latest = useRef(options);
  latest.current = options;

  const hasAudio = (stream?.getAudioTracks().length ?? 0) > 0;
  const hasVideo = (stream?.getVideoTracks().length ?? 0) > 0;
  const microphone = hasAudio && micOn && mode !== 'text';
  const camera = hasVideo && VIDEO_MODES.includes(mode) && !call.audioOnly;

  useEffect(() => {
    let live = true;
    if (hasVideo) void cameraCount().then((n) => live && setCanFlip(n > 1));
    return () => {
      live = false;
    };
  }, [hasVideo]);

  // The text-only mode keeps the microphone shut whatever the mute button says.
  useEffect(() => {
    for (const track of stream?.getAudioTracks() ?? []) track.enabled = micOn && mode !== 'text';
  }, [stream, micOn, mode]);

  useEffect(() => {
    if (!call.channelOpen) return;
    call.send({ v: 1, type: 'media-state', microphone, camera, facing, torch: torch && camera });
  }, [call.channelOpen, call.send, microphone, camera, facing, torch]);

  const toggleMicrophone = useCallback(() => {
    if (latest.current.mode === 'text') {
      setMicOn(true);
      latest.current.switchMode('voice');
    } else setMicOn((on) => !on);
  }, []);

  const toggleCamera = useCallback(() => {
    const { mode: now, call: current, switchMode } = latest.current;
    if (!VIDEO_MODES.includes(now)) {
      if (current.audioOnly) current.setAudioOnly(false);
      switchMode('camera');
    } else current.setAudioOnly(!current.audioOnly);
  }, []);

  const flip = useCallback(() => {
    if (!stream) return;
    const next = facing === 'user' ? 'environment' : 'user';
    setFlipping(true);
    setTorchOn(false);
    switchCamera(stream, next)
      .then(
        (track) => {
          setFacing(facingOf(track) === 'unknown' ? next : facingOf(track));
          setTorchAvailable(hasTorch(track));
        },
        (error: unknown) => latest.current.onNotice('error', i18next.t('customer:call.otherCameraOpenFailed', { error: messageOf(error) })),
      )
      .finally(() => {
        latest.current.call.cameraChanged();
        setCameraVersion((v) => v + 1);
        setFlipping(false);
      });
  }, [stream, facing]);

  const toggleTorch = useCallback(() => {
    const track = stream?.getVideoTracks()[0];
    if (!track) return;
    const next = !torch;
    setTorch(track, next).then(
      () => setTorchOn(next),
      (error: unknown) => latest.current.onNotice('error', i18next.t('customer:call.torchFailed', { error: messageOf(error) })),
    );
  }, [stream, torch]);

  return {
    microphone, camera, facing, torch: torch && camera, hasAudio, hasVideo,
    canFlip: canFlip && hasVideo, flipping, torchAvailable: torchAvailable && hasVideo, cameraVersion,
    toggleMicrophone, toggleCamera, flip, toggleTorch,
  };
}
