// On the assessor's case view: everyone else in the session, each with their camera and what they are
// doing, and inviting an expert. A participant's voice plays here only when their mode lets the assessor hear them.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { HubParticipant } from '../../call/participants/session-hub.ts';
import { useSrcObject } from '../../ui/use-src-object.ts';
import { InviteExpert } from './invite-expert.tsx';
import { modeForAssessor, roleWord } from './participant-words.ts';
import './participants.css';

export function ParticipantTiles(props: { caseId: string; participants: HubParticipant[]; notify: (tone: 'error' | 'success', text: string) => void }) {
  const { t } = useTranslation('console');
  return (
    <section className="card participant-panel" aria-label={t('participants.others')} data-testid="participant-tiles">
      {props.participants.length > 0 && (
        <div className="participant-tiles">
          {props.participants.map((p) => (
            <ParticipantTile key={p.session.userId} participant={p} />
          ))}
        </div>
      )}
      <InviteExpert caseId={props.caseId} notify={props.notify} />
    </section>
  );
}

function ParticipantTile({ participant }: { participant: HubParticipant }) {
  const { t } = useTranslation('console');
  const { session, stream, hearing } = participant;
  const video = useSrcObject<HTMLVideoElement>(stream);
  // Set on the element itself: the attribute alone is not reliably applied after the first render.
  useEffect(() => {
    if (video.current) video.current.muted = !hearing.assessor;
  }, [video, hearing.assessor, stream]);
  return (
    <figure className="participant-tile" data-testid="participant-tile" data-user={session.userId} data-mode={session.mode} data-connected={stream !== null}>
      <div className="participant-video">
        <video ref={video} data-testid="participant-video" playsInline autoPlay muted={!hearing.assessor} />
        {!stream && <span className="participant-waiting">{t('call.status.connecting')}</span>}
      </div>
      <figcaption>
        <strong>{session.name}</strong> <span className="badge badge-brand">{roleWord(session)}</span>
        <span className={`participant-mode ${session.mode === 'whisper' ? 'participant-mode-whisper' : ''}`} data-testid="participant-mode">
          {modeForAssessor(session.mode)}
        </span>
      </figcaption>
    </figure>
  );
}
