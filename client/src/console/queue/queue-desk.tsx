// The console's place in the front door's queue: the status picker in the top bar and, over everything,
// the offer to answer (on the page's body, so the top bar's styles stay off it). Accepting opens the case.
import { useEffect } from 'react';
import { createPortal } from 'react-dom';
import type { User } from '../../../../protocol/http.ts';
import { OfferCard } from './offer-card.tsx';
import { useInLiveCall } from './live-calls.ts';
import { StatusPicker } from './status-picker.tsx';
import { useQueueDesk } from './use-queue-desk.ts';
import './queue.css';

/** `onOffer` hears the case of the offer held now (null when none), for the case list's waiting line. */
export function QueueDesk(props: { user: User; notify: (tone: 'error', message: string) => void; onOpenCase: (caseId: string) => void; onOffer?: (caseId: string | null) => void }) {
  const desk = useQueueDesk(props.user.id, props.notify);
  const inCall = useInLiveCall();
  const offeredCaseId = desk.offer?.caseId ?? null;
  const { onOffer } = props;
  useEffect(() => onOffer?.(offeredCaseId), [onOffer, offeredCaseId]);
  return (
    <>
      <StatusPicker status={desk.status} inCall={inCall} onChoose={desk.setStatus} />
      {desk.offer && createPortal(
        <OfferCard
          key={`${desk.offer.entryId} ${desk.offer.expiresAt}`}
          offer={desk.offer}
          onAccept={async (offer) => props.onOpenCase(await desk.accept(offer))}
          onDecline={desk.decline}
          onGone={desk.drop}
        />,
        document.body,
      )}
    </>
  );
}
