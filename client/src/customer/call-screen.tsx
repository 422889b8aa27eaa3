// Steps 3 and 4: the camera preview while waiting for the assessor, then the live call with its
// state, chat, audio-only switch, gallery upload and evidence count.
import { useMemo, useRef, type RefObject } from 'react';
import type { CustomerMode, PeerMessage } from '../../../protocol/messages.ts';
import type { JoinView, Location } from '../../../protocol/http.ts';
import { Banner } from '../ui/banner.tsx';
import { ChatPanel } from '../ui/chat-panel.tsx';
import { useSrcObject } from '../ui/use-src-object.ts';
import { ChecklistPanelView } from './checklist/checklist-panel.tsx';
import { useChecklist } from './checklist/use-checklist.ts';
import { GalleryUpload } from './gallery-upload.tsx';
import { LiveView } from './live-view.tsx';
import type { JoinMode } from './media-screen.tsx';
import { ModeBar } from './mode-bar.tsx';
import { SpatialHost } from './spatial/spatial-host.ts';
import { useCustomerCall } from './use-customer-call.ts';
import { useCustomerMode } from './use-customer-mode.ts';

const startMode: Record<JoinMode, CustomerMode> = { camera: 'camera', voice: 'voice', chat: 'text' };

const stateText = {
  registering: 'Connecting…',
  waiting: 'Waiting for your assessor',
  connected: 'Live with your assessor',
  reconnecting: 'Reconnecting…',
  expired: 'Link expired',
} as const;

export function CallScreen(props: {
  join: JoinView;
  token: string;
  stream: MediaStream | null;
  mode: JoinMode;
  location: RefObject<Location | null>;
  onNotice: (tone: 'info' | 'error', text: string) => void;
}) {
  const caseId = props.join.case.id;
  const send = useRef<(message: PeerMessage) => boolean>(() => false);
  const host = useMemo(() => new SpatialHost((message) => void send.current(message)), []);
  const routeMessage = useRef<(message: PeerMessage) => void>(() => undefined);
  const call = useCustomerCall({
    token: props.token,
    caseId,
    stream: props.stream,
    location: props.location,
    onNotice: props.onNotice,
    onMessage: (message) => routeMessage.current(message),
    layer: () => host.layer(),
  });
  send.current = call.send;
  const mode = useCustomerMode({ stream: props.stream, initial: startMode[props.mode], call });
  routeMessage.current = (message) => {
    if (!host.handle(message)) mode.handle(message);
  };
  const checklist = useChecklist({
    caseId,
    token: props.token,
    initial: props.join.checklist,
    stream: props.stream,
    location: props.location,
    onCaptured: (evidence) => call.evidenceAdded(evidence.id),
  });
  const audio = useSrcObject<HTMLAudioElement>(call.remoteAudio);
  const audioOnly = call.quality?.level === 'audio-only';
  const live = call.state === 'connected' || call.state === 'reconnecting';

  return (
    <main className="call" data-testid="call-screen">
      <header className="call-top">
        <div className="call-title">
          <span className="muted small">Case</span>
          <strong>{props.join.case.title}</strong>
        </div>
        <span className={`pill pill-${call.state}`} data-testid="call-state" data-state={call.state}>
          {stateText[call.state]}
        </span>
      </header>

      <LiveView
        mode={mode.mode}
        stream={props.stream}
        host={host}
        checklist={checklist}
        cameraOff={audioOnly}
        busy={call.snapshotBusy}
        badge={mode.mode === 'camera' && call.quality && call.quality.level !== 'high' && !audioOnly ? `Video quality: ${call.quality.level}` : null}
        onVideoTrack={call.setVideoSource}
        onArEnded={() => mode.switchTo('camera')}
        onError={(message) => {
          props.onNotice('error', message);
          mode.switchTo('camera');
        }}
      />
      <ModeBar mode={mode.mode} available={mode.available} requested={mode.requested} onSwitch={mode.switchTo} onAnswer={mode.answer} />

      {call.state === 'waiting' && (
        <div className="waiting" data-testid="waiting">
          <div className="spinner" aria-hidden="true" />
          <div>
            <strong>Waiting for your assessor…</strong>
            <p className="muted small">Keep this page open. Your assessor will connect to you shortly.</p>
          </div>
        </div>
      )}
      {call.state === 'registering' && call.detail && <Banner tone="warning">{call.detail}</Banner>}
      {call.state === 'reconnecting' && <Banner tone="warning">Your connection dropped. Reconnecting…</Banner>}
      {call.state === 'expired' && (
        <Banner tone="error" testId="link-expired">
          This link has expired or is no longer valid. Ask your assessor for a new link.
        </Banner>
      )}
      {call.quality?.suggestAudioOnly && !audioOnly && (
        <Banner tone="warning" testId="suggest-audio-only">
          Your connection is weak. Switching to audio only keeps the call going.{' '}
          <button type="button" className="btn btn-small" onClick={() => call.setAudioOnly(true)}>
            Switch to audio only
          </button>
        </Banner>
      )}

      <ChecklistPanelView checklist={checklist} stream={props.stream} />
      <div className="controls">
        {mode.mode === 'camera' && (
          <button
            type="button"
            className={`btn ${audioOnly ? 'btn-primary' : ''}`}
            data-testid="audio-only-toggle"
            aria-pressed={audioOnly}
            onClick={() => call.setAudioOnly(!audioOnly)}
          >
            {audioOnly ? 'Turn camera back on' : 'Audio only'}
          </button>
        )}
        <span className="evidence-count" data-testid="evidence-count" data-count={call.evidenceCount}>
          {call.evidenceCount} {call.evidenceCount === 1 ? 'photo' : 'photos'} sent
        </span>
      </div>
      <GalleryUpload caseId={caseId} token={props.token} location={props.location} onUploaded={(evidence) => call.evidenceAdded(evidence.id)} />

      <div className="card call-chat">
        <ChatPanel
          lines={call.chat}
          self="customer"
          onSend={call.sendChat}
          disabled={!call.channelOpen}
          placeholder={call.channelOpen ? 'Message your assessor' : 'Chat opens when your assessor connects'}
        />
      </div>
      <audio ref={audio} data-testid="remote-audio" autoPlay hidden />
      {live && <p className="muted small center">Photos and messages are added to your case record.</p>}
    </main>
  );
}
