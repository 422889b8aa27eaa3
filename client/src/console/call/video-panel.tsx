// The customer's live video, big, with the call and capture controls; the markup tool bar above it
// and what is drawn over it (the markup) come from the caller. What it says about the call comes from the one
// call state.
import { useTranslation } from 'react-i18next';
import { useState, type ReactNode, type RefObject, type SyntheticEvent } from 'react';
import type { LinkState } from '../../../../protocol/http.ts';
import { ariaKeys } from '../keyboard/shortcuts.ts';
import { useShortcutButton } from '../keyboard/use-shortcuts.tsx';
import { CallBadge, CallButton, MuteButton } from './call-controls.tsx';
import type { ConsoleCall } from './call-state.ts';
import { callAction, expectsPicture, isLive, videoCaption } from './call-text.ts';
import type { SnapshotRequest } from './use-live-session.ts';

export function VideoPanel(props: {
  videoRef: RefObject<HTMLVideoElement | null>;
  call: ConsoleCall;
  /** The case's join link, so the picture before a call says where the customer stands. */
  linkState?: LinkState;
  capturing: boolean;
  requests: SnapshotRequest[];
  onConnect: () => void;
  onHangUp: () => void;
  /** The assessor's microphone is muted. */
  muted: boolean;
  onMute: (muted: boolean) => void;
  onCaptureFrame: () => void;
  onRequestPhoto: () => void;
  onDismissRequest: (requestId: string) => void;
  /** Shown above the video. */
  toolbar?: ReactNode;
  /** Drawn over the video, inside its frame. */
  overlay?: ReactNode;
}) {
  const { t } = useTranslation('console');
  const { call } = props;
  // The stream can gain its video track after it is attached: the picture shows once frames do.
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  const onSize = (event: SyntheticEvent<HTMLVideoElement>): void => {
    const { videoWidth: width, videoHeight: height } = event.currentTarget;
    setSize(width > 0 && height > 0 ? { width, height } : null);
  };
  const caption = videoCaption(call, size !== null, props.linkState);
  const hasVideo = expectsPicture(call) && caption === null;
  const pending = props.requests.filter((r) => r.status === 'pending').length;
  const capture = useShortcutButton('capture');
  const requestPhoto = useShortcutButton('request-photo');
  return (
    <section className="stage card" aria-label={t('call.video.label')}>
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
        {caption !== null && (
          <div className="video-empty" data-testid="video-empty" data-state={call.phase}>
            {caption}
          </div>
        )}
        <CallBadge call={call} />
      </div>
      <div className="stage-controls">
        <CallButton call={call} onConnect={props.onConnect} onHangUp={props.onHangUp} />
        {callAction(call).kind === 'hang-up' && <MuteButton muted={props.muted} onChange={props.onMute} />}
        <span className="spacer" />
        <button ref={capture} type="button" className="btn" data-testid="capture-frame" aria-keyshortcuts={ariaKeys('capture')} disabled={!hasVideo || props.capturing} onClick={props.onCaptureFrame}>
          {props.capturing ? t('call.video.savingFrame') : t('call.video.captureFrame')}
        </button>
        <button ref={requestPhoto} type="button" className="btn" data-testid="request-photo" aria-keyshortcuts={ariaKeys('request-photo')} disabled={!isLive(call)} onClick={props.onRequestPhoto}>
          {t('call.video.requestPhoto')}
        </button>
      </div>
      {pending > 0 && (
        <p className="snapshot-pending" data-testid="snapshot-pending" aria-live="polite">
          {t('call.video.waitingPhotos', { count: pending })}
        </p>
      )}
      {props.requests
        .filter((r) => r.status === 'failed')
        .map((r) => (
          <p key={r.requestId} className="snapshot-failed" data-testid="snapshot-failed">
            {t('call.video.requestFailed', { error: r.error ?? t('call.video.unknownError') })}{' '}
            <button type="button" className="btn btn-ghost btn-small" onClick={() => props.onDismissRequest(r.requestId)}>
              {t('dismiss')}
            </button>
          </p>
        ))}
    </section>
  );
}
