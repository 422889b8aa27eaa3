// The conversation with the digital assistant: the customer's questions and its answers, each answer
// labelled as not a person (read aloud where they chose voice), a box to ask more, photos through the
// usual gallery upload, and "Talk to a person" — up front when the assistant offered one.
import { useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentAnsweredPayload } from '../../../../protocol/agent.ts';
import { MAX_INTENT_CHARS } from '../../../../protocol/intake.ts';
import type { JoinView, Location } from '../../../../protocol/http.ts';
import { messageOf } from '../../lib/api.ts';
import { PhotoConsent } from './photo-consent.tsx';

export function AgentConversation(props: {
  join: JoinView;
  token: string;
  turns: AgentAnsweredPayload[];
  /** A complaint, or an answer that offered or needed a person: "Talk to a person" leads. */
  personFirst: boolean;
  location: RefObject<Location | null>;
  onAsk: (question: string) => Promise<void>;
  onHandOff: () => Promise<void>;
  /** Said over the conversation, e.g. "You left the queue." */
  note: string | null;
  speech: { offered: boolean; muted: boolean; toggle: () => void };
}) {
  const { t } = useTranslation('frontdoor');
  const [question, setQuestion] = useState('');
  const [asking, setAsking] = useState(false);
  const [handingOff, setHandingOff] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [photos, setPhotos] = useState(0);
  const end = useRef<HTMLLIElement>(null);

  useEffect(() => {
    end.current?.scrollIntoView({ block: 'end' });
  }, [props.turns.length]);

  const ask = (event: { preventDefault: () => void }): void => {
    event.preventDefault();
    const text = question.trim();
    if (!text) return;
    setAsking(true);
    setError(null);
    props.onAsk(text).then(
      () => setQuestion(''),
      (failure: unknown) => setError(messageOf(failure)),
    ).finally(() => setAsking(false));
  };

  const talk = (): void => {
    setHandingOff(true);
    setError(null);
    props.onHandOff().catch((failure: unknown) => {
      setError(messageOf(failure));
      setHandingOff(false);
    });
  };

  const person = (
    <button type="button" className={`btn btn-block ${props.personFirst ? 'btn-primary' : ''} fd-person`} data-testid="talk-to-person" disabled={handingOff} onClick={talk}>
      {handingOff ? t('findingSomeone') : t('talkToPerson')}
    </button>
  );

  return (
    <section className="fd-conversation" aria-label={t('conversation')} data-testid="agent-conversation">
      {props.speech.offered && (
        <button type="button" className="btn btn-small fd-mute" aria-pressed={props.speech.muted} data-testid="agent-mute" onClick={props.speech.toggle}>
          {props.speech.muted ? t('readAloud') : t('mute')}
        </button>
      )}
      {props.note && <p className="banner banner-info" role="status"><span className="banner-text">{props.note}</span></p>}
      {/* The live region wraps the list, so the list keeps its role and its items stay list items. */}
      <div role="log" aria-live="polite" aria-relevant="additions" data-testid="agent-log">
        <ol className="fd-log">
          {props.turns.map((turn, i) => (
            <li key={i} className="fd-turn">
              <p className="fd-bubble fd-mine" data-testid="agent-question">
                <span className="visually-hidden">{t('you')}</span>
                {turn.question}
              </p>
              <div className="fd-bubble fd-agent" data-testid="agent-answer" data-source={turn.source} data-hand-off={turn.handOff}>
                <span className="fd-agent-label" data-testid="agent-label">{t('agentLabel')}</span>
                <p>{turn.answer}</p>
              </div>
            </li>
          ))}
          <li ref={end} aria-hidden="true" />
        </ol>
      </div>
      {props.personFirst && person}
      <form className="fd-ask" onSubmit={ask}>
        <label htmlFor="fd-question" className="visually-hidden">{t('askLabel')}</label>
        <textarea
          id="fd-question"
          data-testid="agent-input"
          rows={1}
          placeholder={t('askPlaceholder')}
          maxLength={MAX_INTENT_CHARS}
          value={question}
          onChange={(e) => setQuestion(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) ask(e);
          }}
        />
        <button type="submit" className="btn btn-primary" data-testid="agent-send" disabled={asking || !question.trim()}>
          {asking ? t('asking') : t('ask')}
        </button>
      </form>
      {error && <p className="field-error" role="alert" data-testid="agent-error">{error}</p>}
      <div className="fd-tools">
        <PhotoConsent join={props.join} token={props.token} location={props.location} onUploaded={() => setPhotos((n) => n + 1)} />
        {photos > 0 && <span className="muted small" data-testid="agent-photos">{t('photosAdded', { count: photos })}</span>}
      </div>
      {!props.personFirst && person}
    </section>
  );
}
