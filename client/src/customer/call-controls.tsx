// The bottom control bar of the customer's call: microphone, camera, front/back, torch (only where
// the camera has one), captions, chat with its unread count, and hang up. A caption names its control and
// stays as it is, as on a phone's call screen (a longer "Camera off" wrapped and moved the bar under the
// finger); toggles say their state by their look, aria-pressed and their label ("Turn camera on").
import type { ReactNode } from 'react';
import { CameraIcon, CaptionsIcon, ChatIcon, FlipIcon, HangUpIcon, MicIcon, TorchIcon } from './call-icons.tsx';
import type { useCallControls } from './use-call-controls.ts';
import { useTranslation } from 'react-i18next';

type Controls = ReturnType<typeof useCallControls>;

function ControlButton(props: { testId: string; label: string; caption: string; pressed?: boolean; off?: boolean; disabled?: boolean; onClick: () => void; children: ReactNode; badge?: ReactNode }) {
  return (
    <button
      type="button"
      className={`call-control ${props.off ? 'call-control-off' : ''}`}
      data-testid={props.testId}
      aria-label={props.label}
      aria-pressed={props.pressed}
      disabled={props.disabled}
      onClick={props.onClick}
    >
      <span className="call-control-icon">
        {props.children}
        {props.badge}
      </span>
      <span className="call-control-caption" aria-hidden="true">
        {props.caption}
      </span>
    </button>
  );
}

/** `captions`: whether live captions are on. */
export function CallControls(props: { controls: Controls; unread: number; canHangUp: boolean; captions: boolean; onCaptions: () => void; onChat: () => void; onHangUp: () => void }) {
  const { t } = useTranslation('customer');
  const c = props.controls;
  return (
    <nav className="call-controls" aria-label={t('controls.label')}>
      <ControlButton testId="call-mute" label={t(c.microphone ? 'controls.mute' : 'controls.unmute')} caption={t('controls.muteCaption')} pressed={!c.microphone} off={!c.microphone} disabled={!c.hasAudio} onClick={c.toggleMicrophone}>
        <MicIcon off={!c.microphone} />
      </ControlButton>
      <ControlButton testId="call-camera" label={t(c.camera ? 'controls.cameraOff' : 'controls.cameraOn')} caption={t('controls.cameraCaption')} pressed={!c.camera} off={!c.camera} disabled={!c.hasVideo} onClick={c.toggleCamera}>
        <CameraIcon off={!c.camera} />
      </ControlButton>
      {c.canFlip && (
        <ControlButton testId="call-flip" label={t(c.facing === 'user' ? 'controls.backCamera' : 'controls.frontCamera')} caption={t('controls.flipCaption')} disabled={c.flipping || !c.camera} onClick={c.flip}>
          <FlipIcon />
        </ControlButton>
      )}
      {c.torchAvailable && (
        <ControlButton testId="call-torch" label={t(c.torch ? 'controls.torchOff' : 'controls.torchOn')} caption={t('controls.torchCaption')} pressed={c.torch} disabled={!c.camera} onClick={c.toggleTorch}>
          <TorchIcon />
        </ControlButton>
      )}
      <ControlButton testId="call-captions" label={t('captions.caption')} caption={t('captions.caption')} pressed={props.captions} onClick={props.onCaptions}>
        <CaptionsIcon />
      </ControlButton>
      <ControlButton
        testId="chat-open"
        label={props.unread > 0 ? t('controls.chatUnread', { count: props.unread }) : t('controls.chat')}
        caption={t('controls.chat')}
        onClick={props.onChat}
        badge={props.unread > 0 ? <span className="call-badge" data-testid="chat-unread">{props.unread}</span> : null}
      >
        <ChatIcon />
      </ControlButton>
      {props.canHangUp && (
        <button type="button" className="call-control call-hang-up" data-testid="call-hang-up" aria-label={t('controls.hangUp')} onClick={props.onHangUp}>
          <span className="call-control-icon">
            <HangUpIcon />
          </span>
          <span className="call-control-caption" aria-hidden="true">
            {t('controls.leave')}
          </span>
        </button>
      )}
    </nav>
  );
}
