// The customer's live video, big, with the call and capture controls; the inspection tool bar above
// it and its overlay over it come from the caller.
import { useState, type ReactNode, type RefObject, type SyntheticEvent } from 'react';
import type { CallState } from '../call/call-types.ts';
import type { SnapshotRequest } from './use-live-session.ts';

/** The call's state in words, for the pill over the picture (the tour's console view shows it too). */
export const callStateText: Record<CallState, string> = {
  idle: 'Not connected',
  connecting: 'Connecting…',
  connected: 'Live',
  reconnecting: 'Reconnecting…',
  ended: 'Call ended',
  failed: 'Call failed',
};

export function VideoPanel(props: {
  videoRef: RefObject<HTMLVideoElement | null>;
  state: CallState;
  detail: string | null;
  /** The customer switched their camera off. */
  audioOnly: boolean;
  customerPresent: boolean;
  channelOpen: boolean;
  capturing: boolean;
  requests: SnapshotRequest[];
  onConnect: () => void;
  onHangUp: () => void;
  onCaptureFrame: () => void;
  onRequestPhoto: () => void;
  onDismissRequest: (requestId: string) => void;
  /** Shown above the video. */
  toolbar?: ReactNode;
  /** Drawn over the video, inside its frame. */
  overlay?: ReactNode;
}) {
  const inCall = props.state === 'connected' || props.state === 'reconnecting' || props.state === 'connecting';
  // Frames decide whether there is video: the stream can gain its video track after it is attached.
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  const onSize = (event: SyntheticEvent<HTMLVideoElement>): void => {
    const { videoWidth: width, videoHeight: height } = event.currentTarget;
    setSize(width > 0 && height > 0 ? { width, height } : null);
  };
  const hasVideo = size !== null && !props.audioOnly && props.state !== 'ended' && props.state !== 'failed';
  const pending = props.requests.filter((r) => r.status === 'pending').length;
  return (
    <section className="stage card" aria-label="Live video">
      {props.toolbar}
      <div className="video-frame">
        <video
          ref={props.videoRef}
          data-testid="remote-video"
          playsInline
          autoPlay
          onLoadedMetadata={onSize}
          onResize={onSize}
          onEmptied={() => setSize(null)}
          className={hasVideo ? '' : 'video-hidden'}
        />
        {hasVideo && props.overlay}
        {!hasVideo && (
          <div className="video-empty" data-testid="video-empty">
            {props.state === 'connected' ? 'Voice only — the customer’s camera is off' : props.customerPresent ? 'The customer is ready. Connect to start the call.' : 'Waiting for the customer to open the link…'}
          </div>
        )}
        <span className={`call-pill call-${props.state}`} data-testid="call-state" data-state={props.state}>
          {callStateText[props.state]}
        </span>
      </div>
      {props.detail && (props.state === 'failed' || props.state === 'reconnecting') && (
        <p className="call-detail" data-testid="call-detail">
          {props.detail}
        </p>
      )}
      <div className="stage-controls">
        {inCall ? (
          <button type="button" className="btn btn-danger" data-testid="hang-up" onClick={props.onHangUp}>
            Hang up
          </button>
        ) : (
          <button type="button" className="btn btn-primary" data-testid="connect" disabled={!props.customerPresent} onClick={props.onConnect}>
            {props.state === 'failed' || props.state === 'ended' ? 'Call again' : 'Connect'}
          </button>
        )}
        <span className="spacer" />
        <button type="button" className="btn" data-testid="capture-frame" disabled={!hasVideo || props.capturing} onClick={props.onCaptureFrame}>
          {props.capturing ? 'Saving frame…' : 'Capture frame'}
        </button>
        <button type="button" className="btn" data-testid="request-photo" disabled={!props.channelOpen || props.state !== 'connected'} onClick={props.onRequestPhoto}>
          Request full-res photo
        </button>
      </div>
      {pending > 0 && (
        <p className="snapshot-pending" data-testid="snapshot-pending" aria-live="polite">
          Waiting for {pending === 1 ? 'the photo' : `${pending} photos`} from the customer’s camera…
        </p>
      )}
      {props.requests
        .filter((r) => r.status === 'failed')
        .map((r) => (
          <p key={r.requestId} className="snapshot-failed" data-testid="snapshot-failed">
            Photo request failed: {r.error ?? 'unknown error'}{' '}
            <button type="button" className="btn btn-ghost btn-small" onClick={() => props.onDismissRequest(r.requestId)}>
              Dismiss
            </button>
          </p>
        ))}
    </section>
  );
}
