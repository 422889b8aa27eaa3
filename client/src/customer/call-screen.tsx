// Steps 3 and 4 as a call app: the camera whole on a dark stage, the state on top, the mode ladder
// and photos above a bottom control bar, chat as a sheet with an unread count. With a photo checklist
// and no assessor on the call, the checklist is the page (guided capture on its own).
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerMode, PeerMessage } from '../../../protocol/messages.ts';
import type { JoinView, Location } from '../../../protocol/http.ts';
import { Banner } from '../ui/banner.tsx';
import { LanguageSwitch } from '../ui/language-switch.tsx';
import { useSrcObject } from '../ui/use-src-object.ts';
import { CallControls } from './call-controls.tsx';
import { useAssessorMicrophone } from './assessor-microphone.ts';
import { MicIcon, SpeakerIcon } from './call-icons.tsx';
import { CaptionsBand } from './captions/captions-band.tsx';
import { useCaptions } from './captions/use-captions.ts';
import { callPhase, checklistIsMain, statusText } from './call-phase.ts';
import { ChatSheet } from './chat-sheet.tsx';
import { ChecklistDock } from './checklist-dock.tsx';
import { useChecklist } from './checklist/use-checklist.ts';
import { GalleryUpload } from './gallery-upload.tsx';
import { LiveView } from './live-view.tsx';
import type { JoinMode } from './media-screen.tsx';
import { ModeBar, ModeRequest } from './mode-bar.tsx';
import type { PlaceholderMedia } from './placeholder-media.ts';
import { SpatialHost } from './spatial/spatial-host.ts';
import { transferWords } from './front-door/transfer-notice.ts';
import { useTransferNotice } from './front-door/use-transfer-notice.ts';
import { useCallAnnouncements } from './use-call-announcements.ts';
import { useCallControls } from './use-call-controls.ts';
import { useCustomerCall } from './use-customer-call.ts';
import { useCustomerMode } from './use-customer-mode.ts';
import { useSpeaking } from './use-speaking.ts';
import { OfferSheet } from './settlement/offer-sheet.tsx';
import { useOffer } from './settlement/use-offer.ts';
import { IdentitySheet } from './identity/identity-sheet.tsx';
import { useIdentityCheck } from './identity/use-identity-check.ts';

const startMode: Record<JoinMode, CustomerMode> = { camera: 'camera', voice: 'voice', chat: 'text' };
/** How long "Photo sent" stays up. */
const PHOTO_SENT_MS = 4000;

export function CallScreen(props: {
  join: JoinView;
  token: string;
  stream: MediaStream | null;
  mode: JoinMode;
  /** The mode to start in, when the front door's channel decides it rather than the media opened. */
  start?: CustomerMode;
  /** A text start's stand-in media, replaced by the camera and microphone on the first switch that needs them. */
  placeholder: PlaceholderMedia | null;
  location: RefObject<Location | null>;
  onNotice: (tone: 'info' | 'error', text: string) => void;
  /** The customer picked another language (the switch in the header). */
  onLanguage: (language: string) => void;
  /** The call ended on purpose; `evidenceCount` photos were sent from this page. */
  onEnded: (by: 'assessor' | 'customer', evidenceCount: number) => void;
  /** The case was closed: the server admits no call on it any more. */
  onClosed: () => void;
}) {
  const { t, i18n } = useTranslation('customer');
  const caseId = props.join.case.id;
  const sent = useRef(0);
  const call = useCustomerCall({
    token: props.token,
    caseId,
    stream: props.stream,
    location: props.location,
    onNotice: props.onNotice,
    // The call asks for the layer only when a photo is requested, long after `host` below exists.
    layer: () => host.layer(),
    onEnded: (by) => props.onEnded(by, sent.current),
  });
  const { messages } = call;
  const host = useMemo(() => new SpatialHost((message) => void messages.send(message)), [messages]);
  sent.current = call.evidenceCount;
  const { onNotice } = props;
  const mode = useCustomerMode({
    stream: props.stream,
    initial: props.start ?? startMode[props.mode],
    call,
    token: props.token,
    placeholder: props.placeholder,
    onProblem: useCallback((text: string) => onNotice('error', text), [onNotice]),
  });
  const handleMode = mode.handle;
  // Waiting with no assessor on the line there is no data channel to hear of a new offer: ask the server.
  const offer = useOffer({ token: props.token, messages: call.channelOpen ? messages : null });
  const identity = useIdentityCheck({ token: props.token, messages });
  useEffect(() => {
    const toHost = (message: PeerMessage): void => void host.handle(message);
    const offs = [
      messages.on('annotation-place', toHost),
      messages.on('annotations-clear', toHost),
      messages.on('measure-point', toHost),
      messages.on('measurement', toHost),
      messages.on('mode-request', (message) => void handleMode(message)),
    ];
    return () => {
      for (const off of offs) off();
    };
  }, [messages, host, handleMode]);
  const checklist = useChecklist({
    caseId,
    token: props.token,
    initial: props.join.checklist,
    stream: props.stream,
    location: props.location,
    onCaptured: (evidence) => call.evidenceAdded(evidence.id, false),
  });
  const audioOnly = call.quality?.level === 'audio-only';
  const controls = useCallControls({
    stream: props.stream,
    mode: mode.mode,
    switchMode: mode.switchTo,
    call: { channelOpen: call.channelOpen, audioOnly, send: call.send, setAudioOnly: call.setAudioOnly, cameraChanged: call.cameraChanged },
    onNotice: props.onNotice,
  });
  const audio = useSrcObject<HTMLAudioElement>(call.remoteAudio);
  const phase = callPhase(call.state, call.incoming);
  const live = phase === 'in-call' || phase === 'reconnecting';
  // A front-door session can be handed to a colleague mid-call: their name replaces the first assessor's.
  const transfer = useTransferNotice({ token: props.token, frontDoor: Boolean(props.join.frontDoor), live });
  const assessor = transfer.assessorName ?? props.join.notice?.assessorName ?? null;
  const guided = checklistIsMain(Boolean(checklist.view), phase);
  const captions = useCaptions(call.remoteAudio, i18n.language);
  const speaking = useSpeaking(live ? call.remoteAudio : null);
  const assessorMuted = useAssessorMicrophone(messages, live);
  const captionsUnavailable = captions.on && captions.decision === 'unavailable';
  useCallAnnouncements({ phase, expired: call.state === 'expired', incoming: call.incoming, assessor, live, photo: call.photo, captionsUnavailable, messages });

  const [chatOpen, setChatOpen] = useState(false);
  /** The customer's own choice in the mode bar; choosing text opens the chat, where text is typed. */
  const chooseMode = (next: CustomerMode): void => {
    mode.switchTo(next);
    if (next === 'text') setChatOpen(true);
  };
  const [seen, setSeen] = useState(0);
  const fromAssessor = call.chat.filter((line) => line.from === 'assessor').length;
  useEffect(() => {
    if (chatOpen) setSeen(fromAssessor);
  }, [chatOpen, fromAssessor]);
  const unread = chatOpen ? 0 : fromAssessor - seen;

  const { onClosed } = props;
  useEffect(() => {
    if (call.state === 'closed') onClosed();
  }, [call.state, onClosed]);

  const { photo, clearPhoto } = call;
  useEffect(() => {
    if (photo?.state !== 'sent') return;
    const timer = setTimeout(clearPhoto, PHOTO_SENT_MS);
    return () => clearTimeout(timer);
  }, [photo, clearPhoto]);

  const title = props.join.case.title;
  return (
    <main className={`call-app ${guided ? 'call-app-guided' : ''}`} data-testid="customer-call" data-state={phase} data-mode={mode.mode}>
      <header className="call-app-top">
        <div className="call-app-status">
          <span className="call-eyebrow">{guided ? t('call.checklist') : (props.join.notice?.organisation ?? t('consent.kindVideo'))}</span>
          <span className="call-app-status-end">
            <span className={`pill pill-${call.state}`} data-testid="call-state" data-state={call.state}>
              {statusText(call.state, call.incoming)}
            </span>
            <LanguageSwitch tone="dark" compact onChange={props.onLanguage} />
          </span>
        </div>
        <strong className="call-title" title={title} data-testid="call-title">
          {title}
        </strong>
        {live && (
          <span className="call-assessor-row">
            {assessor && (
              <span className="call-assessor" data-testid="call-assessor">
                {t('call.with', { name: assessor })}
              </span>
            )}
            {/* The visible sign of the one sound this page plays: the assessor's voice. Kept in place when quiet, so nothing jumps. */}
            <span className={`speaking-badge${speaking ? '' : ' speaking-badge-quiet'}`} data-testid="assessor-speaking" data-speaking={speaking}>
              <SpeakerIcon /> {t('speaking.badge')}
            </span>
            {assessorMuted && (
              <span className="mic-off-badge" data-testid="assessor-mic-off">
                <MicIcon off /> {t('speaking.micOff')}
              </span>
            )}
          </span>
        )}
      </header>
      {/* Their pills sit at the top of the stage: next after the header in Tab order too. */}
      <OfferSheet token={props.token} current={offer.current} arrivals={offer.arrivals} onDecided={() => offer.reload()} />
      <IdentitySheet caseId={caseId} token={props.token} check={identity.check} stream={props.stream} camera={{ facing: controls.facing, canFlip: controls.canFlip, flipping: controls.flipping, flip: controls.flip, version: controls.cameraVersion }} location={props.location} onPhoto={(evidence) => call.evidenceAdded(evidence.id)} onSubmitted={identity.replace} />

      <div className="call-stage">
        <LiveView
          mode={mode.mode}
          stream={props.stream}
          host={host}
          checklist={checklist}
          cameraOff={audioOnly}
          microphoneOff={!controls.microphone}
          cameraVersion={controls.cameraVersion}
          badge={mode.mode === 'camera' && call.quality && call.quality.level !== 'high' && !audioOnly ? t('call.quality', { level: t(call.quality.level === 'low' ? 'call.qualityLow' : 'call.qualityMedium') }) : null}
          onVideoTrack={call.setVideoSource}
          onArEnded={() => mode.switchTo('camera')}
          onOpenChat={() => setChatOpen(true)}
          onError={(message) => {
            props.onNotice('error', message);
            mode.switchTo('camera');
          }}
        />
        {!guided && phase === 'waiting' && (
          <div className="call-card" data-testid="waiting">
            <div className="spinner" aria-hidden="true" />
            <div>
              <strong>{t('call.waitingFor', { name: assessor ?? t('yourAssessor') })}</strong>
              <p>{t('call.waitingText')}</p>
            </div>
          </div>
        )}
        {!guided && phase === 'connecting' && (
          <div className="call-card" data-testid="connecting">
            <div className="spinner" aria-hidden="true" />
            <strong>{call.incoming ? t('call.connectingTo', { name: assessor ?? t('yourAssessor') }) : (call.detail ?? t('call.statusConnecting'))}</strong>
          </div>
        )}
        <span className={`evidence-count ${call.evidenceCount === 0 ? 'visually-hidden' : ''}`} data-testid="evidence-count" data-count={call.evidenceCount}>
          {t('call.photosSent', { count: call.evidenceCount })}
        </span>
        <div className="call-notices">
          {transfer.notice && (
            <Banner tone={transfer.notice.state === 'done' ? 'success' : 'info'} testId="transfer-notice">
              {transferWords(transfer.notice)}
            </Banner>
          )}
          {call.state === 'reconnecting' && <Banner tone="warning" quiet>{t('call.reconnecting')}</Banner>}
          {call.state === 'expired' && (
            <Banner tone="error" testId="link-expired" quiet>
              {t('call.expired')}
            </Banner>
          )}
          {call.quality?.suggestAudioOnly && !audioOnly && (
            <Banner tone="warning" testId="suggest-audio-only">
              {t('call.weak')}{' '}
              <button type="button" className="btn btn-small" onClick={() => call.setAudioOnly(true)}>
                {t('call.audioOnly')}
              </button>
            </Banner>
          )}
          <ModeRequest requested={mode.requested} onAnswer={mode.answer} />
          {photo?.state === 'taking' && (
            <p className="call-toast" data-testid="snapshot-busy">
              {t('call.snapshotBusy')}
            </p>
          )}
          {photo?.state === 'sent' && (
            <p className="call-toast call-toast-ok" data-testid="photo-sent" data-evidence-id={photo.evidenceId}>
              <span aria-hidden="true">✓</span> {live ? t('call.photoSentTo', { name: assessor ?? t('yourAssessor') }) : t('call.photoSaved')}
            </p>
          )}
        </div>
      </div>

      {captions.on && <CaptionsBand captions={captions} assessorName={assessor ?? t('yourAssessor')} onChat={() => setChatOpen(true)} />}
      {checklist.view && <ChecklistDock checklist={checklist} stream={props.stream} main={guided} />}

      <div className="call-tools">
        <ModeBar mode={mode.mode} available={mode.available} onSwitch={chooseMode} />
        <GalleryUpload caseId={caseId} token={props.token} location={props.location} onUploaded={(evidence) => call.evidenceAdded(evidence.id)} />
      </div>
      <CallControls controls={controls} unread={unread} canHangUp captions={captions.on} onCaptions={captions.toggle} onChat={() => setChatOpen((open) => !open)} onHangUp={call.hangUp} />

      {chatOpen && <ChatSheet lines={call.chat} assessorName={assessor} live={live} onSend={call.sendChat} onClose={() => setChatOpen(false)} />}
      <audio ref={audio} data-testid="remote-audio" autoPlay hidden />
    </main>
  );
}
