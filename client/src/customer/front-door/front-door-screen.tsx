// The customer's page while the front door has them: the digital assistant's conversation and, once
// they asked for a person, the waiting room. When someone takes the case the page moves on to the
// usual consent → call flow (the caller reloads the join view, which now names the assessor).
import { useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentAnsweredPayload } from '../../../../protocol/agent.ts';
import type { FrontDoorView } from '../../../../protocol/intake.ts';
import type { JoinView, Location } from '../../../../protocol/http.ts';
import { AgentConversation } from './agent-conversation.tsx';
import { askAgent, handOff, leaveQueue, requestCallback } from './front-door-api.ts';
import { useQueuePlace, isWaiting } from './use-queue-place.ts';
import { useSpeech } from './use-speech.ts';
import { WaitingRoom } from './waiting-room.tsx';
import './front-door.css';

export function FrontDoorScreen(props: { join: JoinView; frontDoor: FrontDoorView; token: string; location: RefObject<Location | null>; onAssigned: () => void }) {
  const { t } = useTranslation('frontdoor');
  const { frontDoor, token, onAssigned } = props;
  const [turns, setTurns] = useState<AgentAnsweredPayload[]>(frontDoor.turns);
  const [note, setNote] = useState<string | null>(null);
  const { place, setPlace, stale } = useQueuePlace(token, frontDoor.queue);
  const speech = useSpeech(frontDoor.channel === 'voice', document.documentElement.lang || navigator.language);
  const spoken = useRef(turns.length);
  const organisation = props.join.notice?.organisation ?? null;

  useEffect(() => {
    if (place.state === 'assigned') onAssigned();
  }, [place.state, onAssigned]);

  // Only answers that arrive while the page is open are read aloud, not the history.
  const { speak } = speech;
  useEffect(() => {
    for (const turn of turns.slice(spoken.current)) speak(turn.answer);
    spoken.current = turns.length;
  }, [turns, speak]);
  useEffect(() => {
    // The intake's own answer was given on /start: read it once the customer lands here.
    if (frontDoor.turns.length === 1 && sessionStorage.getItem('sightline.agentGreeted') !== props.join.case.id) {
      sessionStorage.setItem('sightline.agentGreeted', props.join.case.id);
      speak(frontDoor.turns[0]!.answer);
    }
  }, [frontDoor.turns, props.join.case.id, speak]);

  const last = turns.at(-1);
  const personFirst = frontDoor.service === 'complaint' || (last !== undefined && last.handOff !== 'none');
  const waiting = isWaiting(place);

  return (
    <main className="screen fd-screen" data-testid="front-door" data-state={place.state}>
      <p className="eyebrow">{t(waiting ? 'eyebrowWaiting' : 'eyebrowAssistant', { organisation: organisation ?? 'Sightline' })}</p>
      <h1 className="fd-title">{t(waiting ? 'titleWaiting' : 'titleAssistant')}</h1>
      {waiting ? (
        <WaitingRoom
          place={place}
          stale={stale}
          onCallback={(body) => requestCallback(token, body).then(setPlace)}
          onLeave={() => leaveQueue(token).then((next) => {
            setPlace(next);
            setNote(t('leftQueue'));
          })}
        />
      ) : (
        <AgentConversation
          join={props.join}
          token={token}
          turns={turns}
          personFirst={personFirst}
          location={props.location}
          note={note}
          speech={speech}
          onAsk={(question) => askAgent(token, question).then((answer) => {
            setNote(null);
            setTurns((list) => [...list, { question, answer: answer.text, source: answer.source, handOff: answer.handOff }]);
          })}
          onHandOff={() => handOff(token, { channel: frontDoor.channel }).then((next) => {
            setNote(null);
            setPlace(next);
          })}
        />
      )}
    </main>
  );
}
