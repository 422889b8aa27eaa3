// The voice call of a guided tour, as a compact bar over the tour: who the customer is connected to,
// the microphone, and who leads ("Following your agent · Look around myself", or "Follow my agent").
// It owns the call itself (registration, the agent's voice, the data channel) and hands the tour
// guide a link to it.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Location } from '../../../../protocol/http.ts';
import { messageOf } from '../../lib/api.ts';
import { randomId } from '../../lib/ids.ts';
import { useSrcObject } from '../../ui/use-src-object.ts';
import { postChat } from '../join-api.ts';
import { useCustomerCall } from '../use-customer-call.ts';
import { Icon } from './tour-icons.tsx';
import type { TourGuide } from './use-tour-guide.ts';

export function TourCall(props: { token: string; caseId: string; mic: MediaStream | null; guide: TourGuide; onNotice: (text: string) => void }) {
  const { t } = useTranslation('tour');
  const { guide } = props;
  const location = useRef<Location | null>(null);
  const call = useCustomerCall({
    token: props.token,
    caseId: props.caseId,
    stream: props.mic,
    location,
    onNotice: (_tone, text) => props.onNotice(text),
  });
  const { state, channelOpen, send, sendChat, messages } = call;
  const setCall = guide.setCall;
  useEffect(() => setCall({ state, channelOpen, send, sendChat, messages }), [setCall, state, channelOpen, send, sendChat, messages]);
  useEffect(() => () => setCall(null), [setCall]);
  const audio = useSrcObject<HTMLAudioElement>(call.remoteAudio);
  const [muted, setMuted] = useState(false);
  const mic = props.mic;
  useEffect(() => {
    for (const track of mic?.getAudioTracks() ?? []) track.enabled = !muted;
  }, [mic, muted]);

  const live = state === 'connected' && channelOpen;
  const following = guide.leader === 'agent';
  return (
    <div className={`tour-call tour-call-${state}`} data-testid="tour-call" data-state={state} data-channel={channelOpen ? 'open' : 'closed'} data-leader={guide.leader}>
      <span className="tour-call-state" role="status">
        <span className="tour-call-dot" aria-hidden="true" />
        {following ? t('call.following') : t(`call.state.${state}`)}
      </span>
      {live && (
        <button
          type="button"
          className={`tour-call-button ${following ? 'is-on' : ''}`}
          data-testid="tour-follow"
          aria-pressed={following}
          onClick={following ? guide.takeControl : guide.followAgent}
        >
          <Icon name="guide" />
          <span>{following ? t('call.lookMyself') : t('call.followAgent')}</span>
        </button>
      )}
      {mic && (state === 'connected' || state === 'reconnecting') && (
        <button
          type="button"
          className={`tour-call-button tour-call-mic ${muted ? 'is-muted' : ''}`}
          data-testid="tour-mute"
          aria-pressed={muted}
          aria-label={muted ? t('call.unmute') : t('call.mute')}
          onClick={() => setMuted((m) => !m)}
        >
          <Icon name={muted ? 'micOff' : 'mic'} />
        </button>
      )}
      <audio ref={audio} data-testid="remote-audio" autoPlay hidden />
    </div>
  );
}

/**
 * On a self-guided tour: "Talk to someone" joins the call and leaves a chat line on the case, so an
 * agent sees both that the customer is waiting and why.
 */
export function AskForPerson(props: { token: string; caseId: string; onAsk: () => void; onNotice: (text: string) => void }) {
  const { t } = useTranslation('tour');
  const ask = (): void => {
    props.onAsk();
    postChat(props.token, props.caseId, { id: randomId(), text: t('call.askMessage') }).catch((error: unknown) =>
      props.onNotice(t('call.askFailed', { reason: messageOf(error) })),
    );
  };
  return (
    <button type="button" className="tour-call tour-call-button tour-ask" data-testid="tour-ask-person" onClick={ask}>
      <Icon name="guide" />
      <span>{t('call.ask')}</span>
    </button>
  );
}
