// An incoming offer from the queue, shown like an incoming call: what the case is, a colleague's warm
// transfer note, the digital assistant's hand-off summary, how long the customer has waited, why it came
// to this assessor (in the reader's language), and a countdown to answer before it goes to the next.
import { useEffect, useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { QueueChannel, QueueOffer } from '../../../../protocol/queue.ts';
import { messageOf } from '../../lib/api.ts';
import { offerReasonWords } from './offer-reason.ts';
import { OfferSummary } from './offer-summary.tsx';
import { formatWaited, secondsLeft } from './queue-time.ts';

const CHANNEL_GLYPH: Record<QueueChannel, string> = { text: 'T', voice: 'V', video: '▶', xr: 'XR' };
/** How long "Offer passed to a colleague" stays before the card goes. */
const LAPSED_MS = 4000;

/**
 * The card sits just under the console's top bar, whose height changes: at 1024 px an admin's bar takes a
 * second row, and a card at a fixed top covered its language button and Sign out.
 */
function useBelowTopBar(): CSSProperties | undefined {
  const [bottom, setBottom] = useState<number | null>(null);
  useLayoutEffect(() => {
    const bar = document.querySelector('.topbar');
    if (!bar) return;
    const place = () => setBottom(Math.round(bar.getBoundingClientRect().bottom));
    place();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(place);
    observer.observe(bar);
    return () => observer.disconnect();
  }, []);
  return bottom === null ? undefined : { top: bottom + 12, maxHeight: `calc(100vh - ${bottom + 24}px)` };
}

export function OfferCard(props: {
  offer: QueueOffer;
  onAccept: (offer: QueueOffer) => Promise<void>;
  onDecline: (offer: QueueOffer) => Promise<void>;
  onGone: (offer: QueueOffer) => void;
}) {
  const { t } = useTranslation('console');
  const { offer, onGone } = props;
  const [now, setNow] = useState(() => Date.now());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const shownAt = useRef(Date.now());
  const placed = useBelowTopBar();
  const left = secondsLeft(offer.expiresAt, now);
  const lapsed = left === 0;

  useEffect(() => {
    if (lapsed) {
      const timer = setTimeout(() => onGone(offer), LAPSED_MS);
      return () => clearTimeout(timer);
    }
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [lapsed, offer, onGone]);

  const answer = (action: (offer: QueueOffer) => Promise<void>) => {
    setBusy(true);
    setError(null);
    action(offer).catch((failure: unknown) => {
      setError(messageOf(failure));
      setBusy(false);
    });
  };

  const total = Math.max(1, Date.parse(offer.expiresAt) - shownAt.current);
  const fraction = Math.min(1, Math.max(0, (Date.parse(offer.expiresAt) - now) / total));

  return (
    <section className={`offer-card ${lapsed ? 'offer-lapsed' : ''}`} role="alertdialog" aria-labelledby="offer-title" aria-describedby="offer-facts" data-testid="offer-card" data-entry-id={offer.entryId} style={placed}>
      <header className="offer-head">
        <span className={`offer-channel offer-channel-${offer.channel}`} aria-hidden="true">{CHANNEL_GLYPH[offer.channel]}</span>
        <div>
          <p className="offer-kicker">{t(offer.transfer ? 'queue.offer.transfer' : 'queue.offer.incoming', { channel: t(`queue.channel.${offer.channel}`) })}</p>
          <h2 id="offer-title" data-testid="offer-title">{offer.caseTitle}</h2>
        </div>
      </header>
      {lapsed ? (
        <p className="offer-gone" data-testid="offer-lapsed">{t('queue.offer.lapsed')}</p>
      ) : (
        <>
          <dl className="offer-facts" id="offer-facts">
            <dt>{t('queue.offer.waiting')}</dt>
            <dd data-testid="offer-waited">{formatWaited(now - Date.parse(offer.enqueuedAt))}</dd>
            <dt>{t('queue.offer.priority')}</dt>
            <dd data-testid="offer-priority">{offer.priority === 0 ? t('queue.offer.normal') : offer.priority}</dd>
            <dt>{t('queue.offer.within')}</dt>
            <dd data-testid="offer-countdown">{t('queue.time.seconds', { seconds: left })}</dd>
          </dl>
          <div className="offer-timer" aria-hidden="true">
            <span style={{ width: `${fraction * 100}%` }} />
          </div>
          {offer.transfer && (
            <div className="offer-transfer" data-testid="offer-transfer">
              <p><Trans t={t} i18nKey="queue.offer.takeOver" values={{ name: offer.transfer.fromName }} components={{ b: <strong /> }} /></p>
              {offer.transfer.note && <blockquote data-testid="offer-transfer-note">“{offer.transfer.note}”</blockquote>}
            </div>
          )}
          <OfferSummary offer={offer} />
          {/* A transfer says who sent it above; its routing reason names them only by id. */}
          {!offer.transfer && <p className="offer-reason" data-testid="offer-reason">{offerReasonWords(offer)}</p>}
          {error && <p className="offer-error" role="alert">{error}</p>}
          <div className="offer-actions">
            <button type="button" className="btn" data-testid="offer-decline" disabled={busy} onClick={() => answer(props.onDecline)}>
              {t('queue.offer.decline')}
            </button>
            <button type="button" className="btn btn-primary offer-accept" data-testid="offer-accept" disabled={busy} onClick={() => answer(props.onAccept)}>
              {t('queue.offer.accept')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
