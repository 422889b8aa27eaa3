// An expert's or a supervisor's view of a live session: the customer's camera as the assessor's console
// forwards it, with the call's voices, and their own controls — an expert joins or leaves; a supervisor
// listens silently, whispers to the assessor or barges in, and leaves.
import { useState } from 'react';
import type { ParticipantMode } from '../../../../protocol/participant-session.ts';
import type { Role } from '../../../../protocol/http.ts';
import { useSrcObject } from '../../ui/use-src-object.ts';
import { modeForParticipant } from './participant-words.ts';
import { useParticipantLink } from './use-participant-link.ts';
import './participants.css';

const SUPERVISOR_MODES: { mode: ParticipantMode; label: string; hint: string }[] = [
  { mode: 'listen', label: 'Listen', hint: 'Hear and see the call; nobody hears you' },
  { mode: 'whisper', label: 'Whisper', hint: 'Only the assessor hears you' },
  { mode: 'barge', label: 'Barge in', hint: 'The assessor and the customer hear you' },
];

export function ParticipantStage(props: { caseId: string; role: Role; notify: (tone: 'error', text: string) => void }) {
  const link = useParticipantLink(props.caseId);
  const video = useSrcObject<HTMLVideoElement>(link.stream);
  const [busy, setBusy] = useState(false);
  const inSession = link.state === 'waiting' || link.state === 'connected' || link.state === 'joining';

  const run = (work: () => Promise<void>): void => {
    setBusy(true);
    work().catch((error: unknown) => props.notify('error', error instanceof Error ? error.message : 'That did not work.')).finally(() => setBusy(false));
  };

  return (
    <section className="stage card participant-stage" aria-label="Live video" data-testid="participant-stage" data-state={link.state} data-mode={link.mode ?? ''}>
      <div className="video-frame">
        <video ref={video} data-testid="forwarded-video" playsInline autoPlay className={link.stream ? '' : 'video-hidden'} />
        {!link.stream && (
          <div className="video-empty" data-testid="participant-caption">
            {link.state === 'failed' ? link.detail : link.state === 'waiting' ? 'Waiting for the assessor’s console to bring you in…' : link.state === 'joining' ? 'Joining…' : 'You are not in this call.'}
          </div>
        )}
      </div>
      <div className="stage-controls">
        {props.role === 'expert' ? (
          !inSession && (
            <button type="button" className="btn btn-primary" data-testid="participant-join" disabled={busy} onClick={() => run(() => link.join('full'))}>
              Join call
            </button>
          )
        ) : (
          <div className="participant-modes" role="group" aria-label="How you take part">
            {SUPERVISOR_MODES.map((m) => (
              <button
                key={m.mode}
                type="button"
                className={`btn ${inSession && link.mode === m.mode ? 'btn-primary' : ''}`}
                aria-pressed={inSession && link.mode === m.mode}
                title={m.hint}
                data-testid={`participant-${m.mode}`}
                disabled={busy}
                onClick={() => run(() => link.join(m.mode))}
              >
                {m.label}
              </button>
            ))}
          </div>
        )}
        <span className="spacer" />
        {inSession && (
          <button type="button" className="btn btn-danger" data-testid="participant-leave" disabled={busy} onClick={() => run(link.leave)}>
            Leave call
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
