// The identity check on the customer's phone: a guided card over the call, "1 Front · 2 Back · 3 A selfie",
// each a live still from the camera (the back camera with a card-shaped guide for the document, the front
// one for the selfie; there is no gallery pick here), checked for blur and light as the checklist photos
// are (retake when it fails), uploaded with its purpose, then sent to the assessor in one step. When the
// assessor asked for a one-time code, entering it comes first.
import { useEffect, useRef, useState, type RefObject } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { qualityProblems, type QualityProblem } from '../../../../protocol/checklist.ts';
import type { EvidenceView, Location } from '../../../../protocol/http.ts';
import type { IdentityPhotoPurpose } from '../../../../protocol/identity.ts';
import type { CustomerIdentityCheck } from '../../../../protocol/identity-http.ts';
import { messageOf } from '../../lib/api.ts';
import { randomId } from '../../lib/ids.ts';
import { uploadEvidence } from '../../ui/upload.ts';
import { useMediaQuery } from '../../ui/use-media-query.ts';
import { useSrcObject } from '../../ui/use-src-object.ts';
import { cameraProblem } from '../checklist/checklist-capture.ts';
import { adviceFor } from '../checklist/checklist-state.ts';
import { takeStill } from '../snapshot.ts';
import { useDialogFocus } from '../use-dialog-focus.ts';
import { submitIdentityCheck } from './identity-api.ts';
import { IdentityCodeStep } from './identity-code-step.tsx';
import { identitySteps, stepsLine } from './identity-steps.ts';
import './identity.css';

export interface IdentityCamera {
  facing: 'user' | 'environment' | 'unknown';
  canFlip: boolean;
  flipping: boolean;
  flip: () => void;
  /** Bumped when the camera track changes (a flip): the preview re-attaches. */
  version: number;
}

type Busy = 'taking' | 'sending' | 'submitting' | null;

export function IdentitySheet(props: {
  caseId: string;
  token: string;
  check: CustomerIdentityCheck | null;
  stream: MediaStream | null;
  camera: IdentityCamera;
  location: RefObject<Location | null>;
  onPhoto: (evidence: EvidenceView) => void;
  /** The check as the server now has it (after the photos were sent or the code confirmed). */
  onSubmitted: (check: CustomerIdentityCheck | null) => void;
}) {
  const { t } = useTranslation('identity');
  const { check, camera } = props;
  const [open, setOpen] = useState(true);
  const [photos, setPhotos] = useState<Partial<Record<IdentityPhotoPurpose, EvidenceView>>>({});
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<string | null>(null);
  const [retake, setRetake] = useState<QualityProblem[] | null>(null);
  const flippedFor = useRef<string | null>(null);
  // It arrives on the assessor's word and covers the call's controls on a phone (a panel beside the call
  // on a wide screen): focus moves to its first action, stays inside on a phone, and goes back on Later.
  const sheet = useRef<HTMLElement>(null);
  const pill = useRef<HTMLButtonElement>(null);
  const sidePanel = useMediaQuery('(min-width: 900px)');
  useDialogFocus(sheet, { open: Boolean(check) && check?.state !== 'submitted' && open, modal: !sidePanel, onClose: () => setOpen(false), initial: '.identity-actions .btn-primary', fallback: pill });

  // A new check starts afresh, open.
  const checkId = check?.state === 'requested' ? check.id : null;
  useEffect(() => {
    setPhotos({});
    setError(null);
    setRetake(null);
    setOpen(true);
    flippedFor.current = null;
  }, [checkId]);

  const steps = check ? identitySteps(check.document) : [];
  const index = steps.findIndex((s) => !photos[s.purpose]);
  const step = index === -1 ? null : steps[index]!;

  // Each step turns to the camera it wants, once (the customer may turn it back with the flip button).
  const { facing, canFlip, flipping, flip } = camera;
  const stepKey = checkId && step ? `${checkId}:${step.purpose}` : null;
  useEffect(() => {
    if (!open || !stepKey || !step || !canFlip || flipping || flippedFor.current === stepKey) return;
    flippedFor.current = stepKey;
    if (facing !== step.facing) flip();
  }, [open, stepKey, step, canFlip, flipping, facing, flip]);

  if (!check) return null;
  if (check.state === 'submitted') {
    return (
      <p className="identity-pill identity-pill-sent" data-testid="identity-sent" role="status">
        {t('sent')}
      </p>
    );
  }
  if (!open) {
    return (
      <button ref={pill} type="button" className="identity-pill" data-testid="identity-open" onClick={() => setOpen(true)}>
        {t('pill', { done: Object.keys(photos).length, total: steps.length })}
      </button>
    );
  }

  const take = async (): Promise<void> => {
    if (!step) return;
    const track = props.stream?.getVideoTracks()[0];
    const problem = cameraProblem(track);
    if (problem) {
      setError(problem);
      return;
    }
    setError(null);
    setRetake(null);
    try {
      setBusy('taking');
      const deviceTime = new Date().toISOString();
      const blob = await takeStill(track!);
      setBusy('sending');
      const evidence = await uploadEvidence({
        caseId: props.caseId, token: props.token, file: blob, fileName: `${step.purpose}-${deviceTime.replace(/[:.]/g, '-')}.jpg`,
        source: 'device-still', purpose: step.purpose, uploadId: randomId(), deviceTime, location: props.location.current, attempts: 5,
      });
      props.onPhoto(evidence);
      const problems = qualityProblems(evidence);
      if (problems.length > 0) setRetake(problems);
      else setPhotos((taken) => ({ ...taken, [step.purpose]: evidence }));
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(null);
    }
  };

  const submit = async (): Promise<void> => {
    const front = photos['id-front'];
    const selfie = photos.selfie;
    if (!front || !selfie) return;
    setBusy('submitting');
    setError(null);
    try {
      const back = photos['id-back'];
      const reply = await submitIdentityCheck(props.token, check.id, { frontEvidenceId: front.id, ...(back ? { backEvidenceId: back.id } : {}), selfieEvidenceId: selfie.id });
      props.onSubmitted(reply.check);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(null);
    }
  };

  const codeFirst = check.code !== null && !check.code.confirmed;
  const selfieCam = step?.facing === 'user';
  return (
    <section ref={sheet} className="identity-sheet" role="dialog" aria-modal={!sidePanel} aria-label={t('title')} data-testid="identity-sheet" data-step={step?.purpose ?? 'send'}>
      <header className="identity-sheet-head">
        <span className="identity-eyebrow">{t('title')}</span>
        <button type="button" className="btn btn-ghost btn-small" aria-label={t('later')} data-testid="identity-close" onClick={() => setOpen(false)}>{t('later')}</button>
      </header>
      <div className="identity-sheet-body">
        <ol className="identity-progress" aria-label={stepsLine(steps)}>
          {steps.map((s, i) => (
            <li key={s.purpose} className={photos[s.purpose] ? 'done' : i === index ? 'current' : ''} data-testid={`identity-step-${s.purpose}`} data-done={Boolean(photos[s.purpose])}>
              <span className="identity-step-number" aria-hidden="true">{photos[s.purpose] ? '✓' : i + 1}</span> {s.short}
            </li>
          ))}
        </ol>
        {error && <p className="identity-error" role="alert" data-testid="identity-error">{error}</p>}
        {codeFirst ? (
          <IdentityCodeStep key={check.id} token={props.token} checkId={check.id} sentTo={check.code!.sentTo} onConfirmed={props.onSubmitted} />
        ) : step ? (
          <>
            <p className="identity-hint" data-testid="identity-hint">
              <Trans t={t} i18nKey="step.headed" values={{ title: step.title, hint: step.hint }} components={{ b: <strong /> }} />
            </p>
            <Viewfinder key={camera.version} stream={props.stream} selfie={selfieCam} />
            {retake && (
              <div className="identity-retake" role="alert" data-testid="identity-retake">
                {adviceFor(retake).map((line) => <p key={line}>{line}</p>)}
              </div>
            )}
            <div className="identity-actions">
              {/* Busy, it says so and ignores presses but stays enabled: a disabled button would drop the keyboard's focus to the page. */}
              <button type="button" className="btn btn-primary btn-block" data-testid="identity-take" aria-disabled={busy !== null} onClick={() => {
                if (busy === null) void take();
              }}>
                {busy === 'taking' ? t('taking') : busy === 'sending' ? t('sending') : retake ? t('takeAgain') : t('take')}
              </button>
              {canFlip && (
                <button type="button" className="btn btn-small" data-testid="identity-flip" disabled={busy !== null || flipping} onClick={flip}>
                  {facing === 'user' ? t('useBack') : t('useFront')}
                </button>
              )}
            </div>
          </>
        ) : (
          <div className="identity-actions">
            <p className="identity-hint">{t('allTaken', { count: steps.length })}</p>
            <button type="button" className="btn btn-primary btn-block" data-testid="identity-submit" disabled={busy !== null} onClick={() => void submit()}>
              {busy === 'submitting' ? t('sending') : t('submit')}
            </button>
            <button type="button" className="btn btn-ghost btn-small" data-testid="identity-restart" disabled={busy !== null} onClick={() => setPhotos({})}>{t('restart')}</button>
          </div>
        )}
      </div>
    </section>
  );
}

/** The camera's live picture with the guide to fit: a card shape for a document, an oval for a face (mirrored). */
function Viewfinder(props: { stream: MediaStream | null; selfie: boolean }) {
  const video = useSrcObject<HTMLVideoElement>(props.stream);
  return (
    <div className={`identity-viewfinder ${props.selfie ? 'identity-viewfinder-selfie' : ''}`}>
      <video ref={video} autoPlay muted playsInline data-testid="identity-preview" />
      <div className={props.selfie ? 'identity-guide-face' : 'identity-guide-card'} aria-hidden="true" />
    </div>
  );
}
