// An expert's or a supervisor's view of a live session: the customer's camera as the assessor's console
// forwards it, with the call's voices, and their own controls — an expert joins or leaves; a supervisor
// listens silently, whispers to the assessor or barges in, and leaves.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParticipantMode } from '../../../../protocol/participant-session.ts';
import type { Role } from '../../../../protocol/http.ts';
import { useSrcObject } from '../../ui/use-src-object.ts';
import { modeForParticipant } from './participant-words.ts';
import { useParticipantLink } from './use-participant-link.ts';
import './participants.css';

/** Each with its label and hint under `console:participants.modes.<mode>`. */
const SUPERVISOR_MODES: readonly ParticipantMode[] = ['listen', 'whisper', 'barge'];

export function ParticipantStage(props: { caseId: string; role: Role; notify: (tone: 'error', text: string) => void }) {
  const { t } = useTranslation('console');
  const link = useParticipantLink(props.caseId);
  const video = useSrcObject<HTMLVideoElement>(link.stream);
  const [busy, setBusy] = useState(false);
  const inSession = link.state === 'waiting' || link.state === 'connected' || link.state === 'joining';

  const run = (work: () => Promise<void>): void => {
    setBusy(true);
    work().catch((error: unknown) => props.notify('error', error instanceof Error ? error.message : t('participants.failed'))).finally(() => setBusy(false));
  };

  return (
    <section className="stage card participant-stage" aria-label={t('call.video.label')} data-testid="participant-stage" data-state={link.state} data-mode={link.mode ?? ''}>
      <div className="video-frame">
        <video ref={video} data-testid="forwarded-video" playsInline autoPlay className={link.stream ? '' : 'video-hidden'} />
        {!link.stream && (
          <div className="video-empty" data-testid="participant-caption">
            {link.state === 'failed' ? link.detail : link.state === 'waiting' ? t('participants.waiting') : link.state === 'joining' ? t('participants.joining') : t('participants.notIn')}
          </div>
        )}
      </div>
      <div className="stage-controls">
        {props.role === 'expert' ? (
          !inSession && (
            <button type="button" className="btn btn-primary" data-testid="participant-join" disabled={busy} onClick={() => run(() => link.join('full'))}>
              {t('participants.join')}
            </button>
          )
        ) : (
          <div className="participant-modes" role="group" aria-label={t('participants.howLabel')}>
            {SUPERVISOR_MODES.map((mode) => (
              <button
                key={mode}
                type="button"
                className={`btn ${inSession && link.mode === mode ? 'btn-primary' : ''}`}
                aria-pressed={inSession && link.mode === mode}
                title={t(`participants.modes.${mode}.hint`)}
                data-testid={`participant-${mode}`}
                disabled={busy}
                onClick={() => run(() => link.join(mode))}
              >
                {t(`participants.modes.${mode}.label`)}
              </button>
            ))}
          </div>
        )}
        <span className="spacer" />
        {inSession && (
          <button type="button" className="btn btn-danger" data-testid="participant-leave" disabled={busy} onClick={() => run(link.leave)}>
            {t('participants.leave')}
          </button>
        )}
      </div>
      {inSession && link.mode && (
        <p className="participant-status" data-testid="participant-status" aria-live="polite">
          {modeForParticipant(link.mode)}
        </p>
      )}
    </section>
  );
}
