// One case: live video with its markup tools and controls (or, for a preview with a tour, the live
// guided tour), connection quality, chat, annotations and measurements, the guided-capture checklist,
// evidence, outcome and ledger.
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { i18next } from '../../i18n/i18n.ts';
import { Banner, type Notify } from '../../ui/banner.tsx';
import { ChatPanel } from '../../ui/chat-panel.tsx';
import { useSrcObject } from '../../ui/use-src-object.ts';
import { CallStatus } from '../call/call-status.tsx';
import { isLive, recordingNote } from '../call/call-text.ts';
import { ChecklistPanel } from '../evidence/checklist-panel.tsx';
import { EvidenceStrip } from '../evidence/evidence-strip.tsx';
import { annotationRows, measurementRows } from '../markup/markup-items.ts';
import { MarkupToolbar } from '../markup/markup-toolbar.tsx';
import { JoinLinkCard } from './join-link-card.tsx';
import { LedgerPanel } from './ledger-panel.tsx';
import { OutcomeForm } from '../outcome/outcome-form.tsx';
import { PreviewOutcomeForm } from '../outcome/preview-outcome-form.tsx';
import { OutcomeHistory } from '../outcome/outcome-history.tsx';
import { QualityPanel } from '../call/quality-panel.tsx';
import { MarkupPanel } from '../markup/markup-panel.tsx';
import { ExportPanel } from '../recording/export-panel.tsx';
import { RecordingsPanel } from '../recording/recording-player.tsx';
import { RecordingStatus } from '../recording/recording-status.tsx';
import { useRecording } from '../recording/use-recording.ts';
import { TourLiveSlot } from '../tour/tour-live-slot.tsx';
import { useCaseDetail } from './use-case-detail.ts';
import { useJoinLink } from './use-join-link.ts';
import { useLiveSession } from '../call/use-live-session.ts';
import { VideoPanel } from '../call/video-panel.tsx';
import { VideoMarkup } from '../markup/video-markup.tsx';
import { CaseActions } from './case-actions.tsx';
import { WrapUpPanel } from '../wrap-up/wrap-up-panel.tsx';
import { TransferPanel } from '../queue/transfer-panel.tsx';
import { FrontDoorPanel } from './front-door-panel.tsx';
import { AddressCard } from './address-card.tsx';
import { CaseLanguages } from './case-languages.tsx';
import { ReaderLanguage } from '../call/mode-control.tsx';
import { useShortcut } from '../keyboard/use-shortcuts.tsx';
import type { Role } from '../../../../protocol/http.ts';
import { ParticipantStage } from '../participants/participant-stage.tsx';
import { ParticipantTiles } from '../participants/participant-tiles.tsx';
import { useSessionHub } from '../participants/use-session-hub.ts';
import { OfferCard } from '../settlement/offer-card.tsx';
import { IdentityCard } from '../identity/identity-card.tsx';

/**
 * The chat field's placeholder and, above it, whom a line typed here reaches when the placeholder is too
 * short to say it (the side column cuts long placeholders off): a participant's line goes to the customer
 * through the assessor's console.
 */
function chatWords(role: Role | undefined, channel: boolean): { placeholder: string; hint: string | null } {
  const message = i18next.t('console:case.chat.message');
  if (role === 'expert') return { placeholder: message, hint: i18next.t('console:case.chat.expertHint') };
  if (role === 'supervisor') return { placeholder: message, hint: i18next.t('console:case.chat.supervisorHint') };
  if (channel) return { placeholder: i18next.t('console:case.chat.customer'), hint: null };
  return { placeholder: message, hint: i18next.t('console:case.chat.laterHint') };
}

export function CaseView(props: { caseId: string; onBack: () => void; notify: Notify; isAdmin?: boolean; role?: Role; userId?: string }) {
  const { t } = useTranslation('console');
  const { caseId, notify } = props;
  const { detail, error, reload, revision, addEvidence, addChat, addOutcome, addAnnotation, addAnnotations, addMeasurement } = useCaseDetail(caseId);
  // An expert or a supervisor is called in by the assessor's console (participants/); they call no one.
  const participant = props.role === 'expert' || props.role === 'supervisor';
  const live = useLiveSession({ caseId, detail, addEvidence, addChat, addAnnotation, addAnnotations, addMeasurement, notify, selfId: props.userId ?? null, lead: !participant });
  const markup = live.markup;
  const video = useSrcObject<HTMLVideoElement>(live.call.stream);
  const recorder = useRecording({ caseId, stream: live.call.stream, mic: live.call.mic, phase: live.call.view.phase, notify });
  const joinLink = useJoinLink(caseId, notify);
  const [openEvidenceId, setOpenEvidenceId] = useState<string | null>(null);
  const others = useSessionHub(caseId, { stream: live.call.stream, mic: live.call.mic, connection: live.call.connection, phase: live.call.view.phase }, !participant);
  // Alt+Shift+T: to the chat's message box, wherever focus is.
  const chatCard = useRef<HTMLElement>(null);
  const chatInput = useCallback((): HTMLInputElement | null => {
    const input = chatCard.current?.querySelector<HTMLInputElement>('[data-testid="chat-input"]') ?? null;
    return input && !input.disabled ? input : null;
  }, []);
  useShortcut('chat', () => chatInput()?.focus(), () => chatInput() !== null);

  if (error && !detail) {
    return (
      <main className="page">
        <Banner tone="error">
          {error}{' '}
          <button type="button" className="btn btn-small" onClick={reload}>
            {t('retry')}
          </button>
        </Banner>
      </main>
    );
  }
  if (!detail) return <main className="page muted">{t('case.loading')}</main>;

  const c = detail.case;
  const annotations = annotationRows(detail.annotations ?? [], markup.annotations);
  const measurements = measurementRows(detail.measurements ?? [], markup.measurements);
  const call = live.call.view;
  const chatField = chatWords(props.role, call.channel);
  const inCall = isLive(call);
  // A preview with a tour shows the tour rendered from the customer's pose, not a camera.
  const tourId = c.kind === 'preview' ? c.tour : undefined;
  // A customer who said no is not "not connected": the header says what happened.
  const declined = c.linkState === 'declined' && call.phase === 'idle';

  return (
    <main className="page case-page" data-testid="case-view" data-case-id={c.id}>
      <div className="case-head">
        <button type="button" className="btn btn-ghost btn-small" data-testid="back" onClick={props.onBack}>
          {t('case.back')}
        </button>
        <div className="case-title">
          <h1 data-testid="case-title">{c.title}</h1>
          <span className="muted small">
            {[c.kind === 'damage' ? t('kind.damage') : t('kind.preview'), c.tour ? t('case.tour', { tour: c.tour }) : null, c.customerName].filter(Boolean).join(' · ')}
          </span>
          <CaseLanguages c={c} />
        </div>
        {declined ? (
          <span className="badge badge-bad" data-testid="customer-declined">
            {t('call.status.declined')}
          </span>
        ) : (
          !participant && <CallStatus call={call} link={c.linkState} />
        )}
        <span className="spacer" />
        {!participant && (
          <>
            <button type="button" className="btn btn-small" data-testid="show-join-link" onClick={() => joinLink.show(c)}>
              {t('case.showLink')}
            </button>
            <button type="button" className="btn btn-small" data-testid="new-join-link" onClick={joinLink.askNew}>
              {t('case.newLink')}
            </button>
          </>
        )}
      </div>
      <p className="narrow-notice banner banner-info" data-testid="narrow-notice">{t('case.narrow')}</p>
      {joinLink.confirming && (
        <div className="banner banner-warning link-confirm" role="alertdialog" aria-label={t('case.newLinkDialog')} data-testid="new-join-link-confirm">
          <div className="banner-text">{t('case.newLinkWarning')}</div>
          <button type="button" className="btn btn-small btn-danger" data-testid="new-join-link-confirm-yes" onClick={joinLink.makeNew}>
            {t('case.newLinkYes')}
          </button>
          <button type="button" className="btn btn-small" data-testid="new-join-link-confirm-no" onClick={joinLink.cancelNew}>
            {t('case.newLinkNo')}
          </button>
        </div>
      )}
      {joinLink.shown && <JoinLinkCard key={joinLink.shown.joinUrl} created={joinLink.shown} onClose={joinLink.close} />}
      {!participant && <CaseActions case={c} isAdmin={props.isAdmin === true} endCall={inCall ? live.call.hangUp : null} onChanged={reload} notify={notify} />}

      <div className="case-grid">
        <div className="case-main">
          {c.closedAt && (
            <Banner tone="info" testId="case-closed-banner">
              {t('case.closedBanner')}
            </Banner>
          )}
          {/* A closed case takes no call and no new evidence: its live controls are disabled, with the reason above. */}
          <ReaderLanguage.Provider value={[c.customerLanguage, c.language]}>
          <fieldset className="closed-lock" disabled={Boolean(c.closedAt)} data-testid="live-controls" data-closed={Boolean(c.closedAt)}>
          {tourId ? (
            <TourLiveSlot
              key={`${caseId}-${tourId}`}
              caseId={caseId}
              tourId={tourId}
              stream={live.call.stream}
              call={live.call}
              notify={notify}
            />
          ) : participant ? (
            <ParticipantStage caseId={caseId} role={props.role!} notify={notify} />
          ) : (
            <VideoPanel
              videoRef={video}
              call={call}
              linkState={c.linkState}
              capturing={live.capturing}
              requests={live.requests}
              onConnect={live.call.connect}
              onHangUp={live.call.hangUp}
              muted={live.call.muted}
              onMute={live.call.setMuted}
              onCaptureFrame={() => live.captureFrame(video.current)}
              onRequestPhoto={live.requestPhoto}
              onDismissRequest={live.dismissRequest}
              toolbar={<MarkupToolbar markup={markup} live={inCall} canClear={annotations.some((a) => a.status !== 'cleared')} />}
              overlay={<VideoMarkup videoRef={video} marks={markup.marks} tool={markup.tool} onPick={markup.pick} onMiss={markup.missPick} />}
            />
          )}
          </fieldset>
          </ReaderLanguage.Provider>
          {!participant && <ParticipantTiles caseId={caseId} participants={others} notify={notify} />}
          <TransferPanel caseId={caseId} revision={revision} onHandedOver={live.call.handOver} />
          <WrapUpPanel caseId={caseId} inCall={inCall} callEnded={call.phase === 'ended'} revision={revision} />
          {detail.checklist && <ChecklistPanel checklist={detail.checklist} evidence={detail.evidence} onOpen={setOpenEvidenceId} />}
          <EvidenceStrip
            evidence={detail.evidence}
            openId={openEvidenceId}
            onOpen={setOpenEvidenceId}
            checklistTemplate={detail.checklist?.template ?? c.checklist ?? null}
            measurements={detail.measurements ?? []}
            onUpdated={addEvidence}
          />
          {c.kind === 'damage' && <IdentityCard caseId={caseId} revision={revision} evidence={detail.evidence} canWrite={!participant} send={live.call.messages.send} notify={notify} />}
          <RecordingsPanel detail={detail} />
        </div>
        <aside className="case-side">
          <FrontDoorPanel caseId={caseId} revision={revision} />
          {c.kind === 'damage' && <AddressCard case={c} evidence={detail.evidence} canWrite={!participant} onChanged={reload} notify={notify} />}
          {!participant && <RecordingStatus note={recordingNote(call)} recording={recorder.recording} uploads={recorder.uploads} canRecord={recorder.canRecord} onToggle={recorder.toggle} onRetry={recorder.retryNow} />}
          {!participant && <QualityPanel call={call} stats={live.call.stats} voiceOnly={Boolean(tourId)} />}
          {!tourId && <MarkupPanel annotations={annotations} measurements={measurements} canPlace={!participant} onRetryAnnotation={markup.retryAnnotation} onRetryMeasurement={markup.retryMeasurement} />}
          <section className="card chat-card" aria-label={t('case.chat.title')} ref={chatCard}>
            <h3 className="chat-title">{t('case.chat.title')}</h3>
            {chatField.hint && (
              <p className="chat-hint muted small" data-testid="chat-hint">
                {chatField.hint}
              </p>
            )}
            <ChatPanel lines={live.chat} viewer={{ side: 'staff', userId: props.userId ?? null }} onSend={live.sendChat} placeholder={chatField.placeholder} />
          </section>
        </aside>
      </div>

      <div className="case-lower">
        <section className="card outcome" aria-label={t('case.outcome')}>
          {c.kind === 'preview' ? (
            <PreviewOutcomeForm caseId={caseId} tourId={c.tour ?? null} hasOutcome={detail.outcomes.length > 0} onRecorded={addOutcome} />
          ) : (
            <OutcomeForm caseId={caseId} hasOutcome={detail.outcomes.length > 0} onRecorded={addOutcome} />
          )}
          <h3>{t('case.history')}</h3>
          <OutcomeHistory outcomes={detail.outcomes} tourId={c.kind === 'preview' ? (c.tour ?? null) : null} />
        </section>
        {c.kind === 'damage' && <OfferCard caseId={caseId} revision={revision} canWrite={!participant} send={live.call.messages.send} notify={notify} />}
        <div className="case-side">
          <LedgerPanel caseId={caseId} revision={revision} />
          <ExportPanel caseId={caseId} notify={notify} />
        </div>
      </div>
    </main>
  );
}
