// After the call: "Call ended — thank you" when the assessor ended it, "You left the call" when the
// customer hung up; the camera and microphone are already stopped. What happens next, and a way back
// in while the link is valid. Either way the customer is asked how it went (the survey card). A
// settlement offer the assessor makes now shows here, and a decided one's receipt stays reachable.
import type { JoinView } from '../../../protocol/http.ts';
import { formatDateTime } from '../ui/format.ts';
import { OfferSheet } from './settlement/offer-sheet.tsx';
import { useOffer } from './settlement/use-offer.ts';
import { SurveyCard } from './survey-card.tsx';

export function CallEnded(props: { join: JoinView; token: string; by: 'assessor' | 'customer'; evidenceCount: number; now: Date; onRejoin: () => void }) {
  const assessor = props.join.notice?.assessorName ?? 'Your assessor';
  const valid = new Date(props.join.expiresAt).getTime() > props.now.getTime();
  const left = props.by === 'customer';
  const offer = useOffer({ token: props.token, messages: null });
  return (
    <main className="call-app call-app-ended" data-testid="customer-call" data-state={left ? 'left' : 'ended'}>
      <section className="call-ended" data-testid="call-ended" data-by={props.by}>
        <div className="call-ended-icon" aria-hidden="true">
          {left ? '↩' : '✓'}
        </div>
        <h1>{left ? 'You left the call' : 'Call ended — thank you'}</h1>
        <p className="call-ended-case">{props.join.case.title}</p>
        <OfferSheet token={props.token} current={offer.current} arrivals={offer.arrivals} onDecided={() => offer.reload()} inline />
        <p>Your camera and microphone are off.</p>
        {left ? (
          <p>{assessor} can see that you left. If that was a mistake, join again — nothing you sent is lost.</p>
        ) : (
          <>
            <p>
              {assessor} will review what you shared{props.evidenceCount > 0 ? ` (${props.evidenceCount} ${props.evidenceCount === 1 ? 'photo' : 'photos'} from this session)` : ''} and
              will contact you about the next step.{offer.current?.offer?.state === 'open' ? ' Read the settlement offer above when you are ready.' : ' You do not need to do anything now.'}
            </p>
          </>
        )}
        <SurveyCard token={props.token} />
        {valid ? (
          <>
            <button type="button" className="btn btn-primary btn-block" data-testid="call-rejoin" onClick={props.onRejoin}>
              {left ? 'Rejoin the call' : 'Rejoin'}
            </button>
            <p className="call-ended-note">This link works until {formatDateTime(props.join.expiresAt)}. You can close this page.</p>
          </>
        ) : (
          <p className="call-ended-note">This link has expired. You can close this page.</p>
        )}
      </section>
    </main>
  );
}
