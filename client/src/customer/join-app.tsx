// The customer's join flow: link → consent → camera permission → waiting → live call → ended (with a
// way back in); for a preview case with a tour, link → consent → the tour (loaded on demand). A case
// opened at the front door starts with the digital assistant and the queue until someone takes it.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JoinView } from '../../../protocol/http.ts';
import type { CustomerMode } from '../../../protocol/messages.ts';
import type { QueueChannel } from '../../../protocol/queue.ts';
import type { FrontDoorView } from '../../../protocol/intake.ts';
import { applyLanguage, i18next } from '../i18n/i18n.ts';
import { ApiRequestError, messageOf } from '../lib/api.ts';
import { ToastStack, useToasts } from '../ui/banner.tsx';
import { onDemand } from '../ui/on-demand.tsx';
import { useAnnounce } from './announcer.tsx';
import { CallEnded } from './call-ended.tsx';
import { CallScreen } from './call-screen.tsx';
import { ConsentScreen } from './consent-screen.tsx';
import { DeclinedScreen } from './declined-screen.tsx';
import { FrontDoorScreen } from './front-door/front-door-screen.tsx';
import { frontDoorOf } from './front-door/front-door-step.ts';
import { caseLanguage, keepLanguage, reportLanguage } from './customer-language.ts';
import { declineJoin, fetchJoin, giveConsent } from './join-api.ts';
import type { JoinLink } from './join-token.ts';
import { MediaScreen, type JoinMode } from './media-screen.tsx';
import { stopMedia } from './media.ts';
import { CHANNEL_START } from './modes.ts';
import { createPlaceholderMedia, type PlaceholderMedia } from './placeholder-media.ts';
import { LoadingScreen, MessageScreen } from './message-screen.tsx';
import { useLocation } from './use-location.ts';

type Step =
  | { kind: 'loading' }
  | { kind: 'invalid' }
  | { kind: 'unreachable'; message: string }
  /** The front door: the digital assistant, then the queue, until an assessor takes the case. */
  | { kind: 'front-door'; join: JoinView; frontDoor: FrontDoorView }
  | { kind: 'consent'; join: JoinView }
  /** Said no on the consent screen; `told`: whether the assessor has been told. */
  | { kind: 'declined'; join: JoinView; told: 'telling' | 'told' | 'not-told' }
  | { kind: 'media'; join: JoinView }
  | { kind: 'tour'; join: JoinView; tour: NonNullable<JoinView['tour']> }
  /** `start`: the mode the front door's channel asks for; `placeholder`: a text start's stand-in media. */
  | { kind: 'call'; join: JoinView; stream: MediaStream | null; mode: JoinMode; start?: CustomerMode; placeholder?: PlaceholderMedia }
  /** The case was closed: no call, nothing more to send. */
  | { kind: 'closed'; join: JoinView | null }
  /** The call ended on purpose; leaving the `call` step stops the camera and microphone. */
  | { kind: 'ended'; join: JoinView; by: 'assessor' | 'customer'; evidenceCount: number };

const LOCATION_KEY = 'sightline.shareLocation';
const TourScreen = onDemand(() => import('./tour/tour-screen.tsx'));

/** After consent: a preview case with a tour opens the tour, any other case asks for the camera. */
function afterConsent(join: JoinView): Step {
  return join.tour ? { kind: 'tour', join, tour: join.tour } : { kind: 'media', join };
}

/** The media a front-door channel opens with: only the microphone for voice, the camera for video and XR. */
const startMedia = (channel: QueueChannel): JoinMode => (channel === 'voice' ? 'voice' : channel === 'text' ? 'chat' : 'camera');

function firstStep(join: JoinView): Step {
  if (join.closedAt) return { kind: 'closed', join };
  const frontDoor = frontDoorOf(join);
  if (frontDoor) return { kind: 'front-door', join, frontDoor };
  return join.consented ? afterConsent(join) : { kind: 'consent', join };
}

/**
 * `link`: this tab's join link (main.tsx took it from the address bar and started the page's language);
 * `firstJoin`: the join answer main.tsx asked for as the page started, used by the first load only.
 */
export function JoinApp({ link, firstJoin = null }: { link: JoinLink; firstJoin?: Promise<JoinView> | null }) {
  const { t } = useTranslation('customer');
  const token = link.token;
  const [step, setStep] = useState<Step>(() => (token ? { kind: 'loading' } : { kind: 'invalid' }));
  const [shareLocation, setShareLocation] = useState(() => sessionStorage.getItem(LOCATION_KEY) === 'yes');
  const [busy, setBusy] = useState(false);
  const { toasts, push, dismiss } = useToasts();
  const location = useLocation(shareLocation && (step.kind === 'call' || step.kind === 'media'));

  const fail = useCallback((error: unknown) => {
    if (error instanceof ApiRequestError && (error.isAuth || error.status === 404 || error.status === 410)) setStep({ kind: 'invalid' });
    else setStep({ kind: 'unreachable', message: messageOf(error) });
  }, []);

  /** The case this page is for and whether its customer consented: a language switch is kept for it and, after consent, told to the server. */
  const caseOf = useRef<{ id: string; consented: boolean } | null>(null);
  const linkLang = link.lang ?? null;

  const pendingJoin = useRef(firstJoin);
  const load = useCallback(() => {
    if (!token) return;
    setStep({ kind: 'loading' });
    const joining = pendingJoin.current ?? fetchJoin(token);
    pendingJoin.current = null;
    joining
      // The case's language is applied before the first screen of the case shows: no flash of another.
      .then(async (join) => {
        const language = caseLanguage(join.case.id, linkLang, join.case.language);
        await applyLanguage(language);
        caseOf.current = { id: join.case.id, consented: join.consented };
        if (join.consented) reportLanguage(token, language);
        setStep(firstStep(join));
      })
      .catch(fail);
  }, [token, linkLang, fail]);

  const switchLanguage = useCallback(
    (language: string) => {
      void applyLanguage(language).then(({ language: applied }) => {
        const current = caseOf.current;
        if (!current) return;
        keepLanguage(current.id, applied);
        if (token && current.consented) reportLanguage(token, applied);
      });
    },
    [token],
  );

  useEffect(load, [load]);

  const announce = useAnnounce();
  const callJoin = step.kind === 'call' ? step.join : null;
  const onClosed = useCallback(() => {
    announce({ topic: 'call-state', value: 'closed', text: t('announce.closed'), urgency: 'assertive' });
    setStep({ kind: 'closed', join: callJoin });
  }, [callJoin, announce, t]);

  const stream = step.kind === 'call' ? step.stream : null;
  useEffect(() => () => stopMedia(stream), [stream]);
  const placeholder = step.kind === 'call' ? (step.placeholder ?? null) : null;
  useEffect(() => () => placeholder?.close(), [placeholder]);

  // A front-door customer who chose text starts in text: no camera is asked for until they agree to a switch.
  const textStart = step.kind === 'media' && step.join.frontDoor?.channel === 'text' ? step.join : null;
  useEffect(() => {
    if (!textStart) return;
    const media = createPlaceholderMedia();
    setStep({ kind: 'call', join: textStart, stream: media.stream, mode: 'chat', start: 'text', placeholder: media });
  }, [textStart]);

  if (!token || step.kind === 'invalid') {
    return (
      <MessageScreen testId="link-invalid" title={t('link.invalidTitle')} tone="bad">
        <p>{t('link.invalidText')}</p>
      </MessageScreen>
    );
  }
  if (step.kind === 'loading') return <LoadingScreen />;
  if (step.kind === 'closed') {
    return (
      <MessageScreen testId="case-closed" title={t('link.closedTitle')}>
        <p>{step.join ? t('link.closedTitled', { title: step.join.case.title }) : t('link.closedText')}</p>
        <p className="muted">{t('link.closedContact', { name: step.join?.notice?.assessorName ?? t('yourAssessor') })}</p>
      </MessageScreen>
    );
  }
  if (step.kind === 'unreachable') {
    return (
      <MessageScreen testId="join-unreachable" title={t('link.unreachableTitle')} tone="bad">
        <p>{step.message}</p>
        <button type="button" className="btn btn-primary" onClick={load}>
          {t('tryAgain')}
        </button>
      </MessageScreen>
    );
  }
  if (step.kind === 'front-door') {
    return <FrontDoorScreen join={step.join} frontDoor={step.frontDoor} token={token} location={location} onAssigned={load} />;
  }
  if (step.kind === 'consent') {
    const accept = (location: boolean): void => {
      setBusy(true);
      sessionStorage.setItem(LOCATION_KEY, location ? 'yes' : 'no');
      setShareLocation(location);
      giveConsent(token, { recording: true, location })
        .then((join) => {
          caseOf.current = { id: join.case.id, consented: true };
          reportLanguage(token, i18next.language);
          setStep(afterConsent(join));
        }, fail)
        .finally(() => setBusy(false));
    };
    const decline = (): void => {
      const join = step.join;
      setStep({ kind: 'declined', join, told: 'telling' });
      // The screen does not wait: nothing is recorded either way, and the customer's answer stands.
      declineJoin(token).then(
        () => setStep((s) => (s.kind === 'declined' ? { ...s, told: 'told' } : s)),
        () => setStep((s) => (s.kind === 'declined' ? { ...s, told: 'not-told' } : s)),
      );
    };
    return <ConsentScreen join={step.join} busy={busy} onAccept={accept} onDecline={decline} onLanguage={switchLanguage} />;
  }
  if (step.kind === 'declined') return <DeclinedScreen told={step.told} onStartAgain={load} />;
  if (step.kind === 'tour') {
    return (
      <TourScreen fallback={<LoadingScreen />} tour={step.tour} token={token} caseId={step.join.case.id} link={link.tour} />
    );
  }
  if (step.kind === 'ended') {
    return <CallEnded join={step.join} token={token} by={step.by} evidenceCount={step.evidenceCount} now={new Date()} onRejoin={load} onLanguage={switchLanguage} />;
  }
  if (step.kind === 'media') {
    if (textStart) return <LoadingScreen />;
    const channel = step.join.frontDoor?.channel;
    const start = (mode: JoinMode): CustomerMode | undefined => (channel && mode === startMedia(channel) ? CHANNEL_START[channel] : undefined);
    const ready = (media: MediaStream | null, mode: JoinMode): void => {
      // A customer who chose voice may be asked for video later: the picture is a stand-in until they agree.
      const placeholder = channel === 'voice' && mode === 'voice' && media ? createPlaceholderMedia(media) : null;
      setStep({ kind: 'call', join: step.join, stream: placeholder?.stream ?? media, mode, start: start(mode), ...(placeholder ? { placeholder } : {}) });
    };
    return <MediaScreen first={channel === 'voice' ? 'voice' : 'camera'} onReady={ready} />;
  }
  return (
    <>
      <CallScreen
        join={step.join}
        token={token}
        stream={step.stream}
        mode={step.mode}
        {...(step.start ? { start: step.start } : {})}
        placeholder={step.placeholder ?? null}
        location={location}
        onNotice={push}
        onLanguage={switchLanguage}
        onEnded={(by, evidenceCount) => {
          announce({ topic: 'call-state', value: by === 'assessor' ? 'ended' : 'left', text: t(by === 'assessor' ? 'announce.ended' : 'announce.left'), urgency: 'assertive' });
          setStep({ kind: 'ended', join: step.join, by, evidenceCount });
          // The assessor may have ended the call by closing the case: then the page says that instead.
          // Not knowing (the request failed) leaves the ended screen, which is true either way.
          if (by === 'assessor') fetchJoin(token).then((join) => join.closedAt && setStep({ kind: 'closed', join }), () => undefined);
        }}
        onClosed={onClosed}
      />
      <ToastStack toasts={toasts} onDismiss={dismiss} />
    </>
  );
}
