// The settlement offer on the customer's phone: a sheet with the amount, the items, the conditions and
// when it lapses; Accept (after the one-time code, or on the passed identity check) or Decline with a
// reason; then the receipt and its code. An offer they can no longer decide is said so plainly.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { CustomerOffer, OfferCodeSent, OfferDecided, OfferView } from '../../../../protocol/settlement-http.ts';
import { messageOf } from '../../lib/api.ts';
import { formatDateTime, formatMoney } from '../../ui/format.ts';
import { OfferItems } from '../../ui/offer-items.tsx';
import { useMediaQuery } from '../../ui/use-media-query.ts';
import { useDialogFocus } from '../use-dialog-focus.ts';
import { acceptOffer, declineOffer, sendOfferCode } from './offer-api.ts';
import { expiresIn, offerStateWords } from './offer-words.ts';
import './settlement.css';

type Step = { kind: 'review' } | { kind: 'code'; sent: OfferCodeSent } | { kind: 'decline' } | { kind: 'done'; decided: OfferDecided };

export function OfferSheet(props: {
  token: string;
  current: CustomerOffer | null;
  arrivals: number;
  onDecided: (decided: OfferDecided) => void;
  /** A card in the page (the call-ended screen) rather than a sheet over the call. @default false */
  inline?: boolean;
}) {
  const { t } = useTranslation('settlement');
  const offer = props.current?.offer ?? null;
  const [open, setOpen] = useState(false);
  const [step, setStep] = useState<Step>({ kind: 'review' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [reason, setReason] = useState('');

  // A new open offer opens the sheet on its review.
  const openId = offer?.state === 'open' ? offer.id : null;
  useEffect(() => {
    if (openId === null) return;
    setOpen(true);
    setStep({ kind: 'review' });
    setError(null);
    setCode('');
  }, [openId, props.arrivals]);

  // Over the call it arrives on the assessor's word and covers the controls on a phone (a panel beside the
  // call on a wide screen): focus moves to its first action, stays inside on a phone, and goes back on close.
  const sheet = useRef<HTMLElement>(null);
  const pill = useRef<HTMLButtonElement>(null);
  const sidePanel = useMediaQuery('(min-width: 900px)');
  useDialogFocus(sheet, { open: open && offer !== null && !props.inline, modal: !sidePanel, onClose: () => setOpen(false), initial: '.offer-sheet-body .btn-primary', fallback: pill });
  // A step the customer moved to takes focus on its first field: the button that led there is gone or busy.
  const body = useRef<HTMLDivElement>(null);
  const moved = useRef(false);
  const go = (next: Step): void => {
    moved.current = true;
    setStep(next);
  };
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    const box = body.current;
    (box?.querySelector<HTMLElement>('input, textarea') ?? box?.querySelector<HTMLElement>('button:not(:disabled), a[href]') ?? sheet.current?.querySelector<HTMLElement>('button'))?.focus();
  }, [step]);

  if (!offer) return null;
  if (!open) {
    return (
      <button ref={pill} type="button" className={props.inline ? 'offer-pill offer-pill-inline' : 'offer-pill'} data-testid="offer-open" data-state={offer.state} onClick={() => setOpen(true)}>
        {t(offer.state === 'open' ? 'pill.open' : 'pill.decided', { amount: formatMoney(offer.amount, offer.currency) })}
      </button>
    );
  }

  const run = (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    work().catch((e: unknown) => setError(messageOf(e))).finally(() => setBusy(false));
  };
  const decided = (result: OfferDecided) => {
    go({ kind: 'done', decided: result });
    props.onDecided(result);
  };
  const accept = () =>
    run(async () => {
      if (offer.confirmWith === 'identity') decided(await acceptOffer(props.token, offer.id, null));
      else go({ kind: 'code', sent: await sendOfferCode(props.token, offer.id) });
    });
  const confirm = (event: FormEvent) => {
    event.preventDefault();
    run(async () => decided(await acceptOffer(props.token, offer.id, code.trim())));
  };
  const decline = (event: FormEvent) => {
    event.preventDefault();
    run(async () => decided(await declineOffer(props.token, offer.id, reason.trim())));
  };

  return (
    <section ref={sheet} className={props.inline ? 'offer-sheet offer-sheet-inline' : 'offer-sheet'} role={props.inline ? 'region' : 'dialog'} aria-modal={props.inline ? undefined : !sidePanel} aria-label={t('title')} data-testid="offer-sheet" data-state={offer.state} data-step={step.kind}>
      <header className="offer-sheet-head">
        <span className="offer-eyebrow">{t('title')}</span>
        <button type="button" className="btn btn-ghost btn-small" aria-label={t('close')} data-testid="offer-close" onClick={() => setOpen(false)}>
          ×
        </button>
      </header>
      <div ref={body} className="offer-sheet-body">
        <OfferTerms offer={offer} />
        {error && (
          <p className="offer-error" role="alert" data-testid="offer-error">
            {error}
          </p>
        )}
        {step.kind === 'done' ? (
          <ReceiptNote decided={step.decided} />
        ) : offer.state !== 'open' ? (
          <>
            <p className="offer-state" data-testid="offer-state-words">{offerStateWords(offer)}</p>
            {offer.receiptCode && props.current?.receiptUrl && <ReceiptLink code={offer.receiptCode} url={props.current.receiptUrl} />}
          </>
        ) : step.kind === 'review' ? (
          <div className="offer-actions">
            <button type="button" className="btn btn-primary btn-block" data-testid="offer-accept" disabled={busy} onClick={accept}>
              {t('accept')}
            </button>
            <button type="button" className="btn btn-block" data-testid="offer-decline" disabled={busy} onClick={() => go({ kind: 'decline' })}>
              {t('decline')}
            </button>
          </div>
        ) : step.kind === 'code' ? (
          <form className="offer-form" onSubmit={confirm}>
            <p data-testid="offer-code-sent">
              <Trans t={t} i18nKey="codeSent" values={{ recipient: step.sent.recipient }} components={{ b: <strong /> }} />
            </p>
            <input
              className="offer-code" data-testid="offer-code" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9]{6}" maxLength={6}
              aria-label={t('codeLabel')} value={code} onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))} required
            />
            <button type="submit" className="btn btn-primary btn-block" data-testid="offer-confirm" disabled={busy || code.length !== 6}>
              {t('confirm')}
            </button>
            <button type="button" className="btn btn-ghost btn-small" disabled={busy} onClick={accept}>
              {t('sendNewCode')}
            </button>
          </form>
        ) : (
          <form className="offer-form" onSubmit={decline}>
            <label htmlFor="offer-reason">{t('declineWhy')}</label>
            <textarea id="offer-reason" data-testid="offer-reason" rows={3} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} required />
            <button type="submit" className="btn btn-block" data-testid="offer-decline-send" disabled={busy || reason.trim() === ''}>
              {t('declineSend')}
            </button>
            <button type="button" className="btn btn-ghost btn-small" onClick={() => go({ kind: 'review' })}>
              {t('back')}
            </button>
          </form>
        )}
      </div>
    </section>
  );
}

function OfferTerms(props: { offer: OfferView }) {
  const { t } = useTranslation('settlement');
  const { offer } = props;
  return (
    <>
      <p className="offer-amount" data-testid="offer-amount">{formatMoney(offer.amount, offer.currency)}</p>
      <OfferItems items={offer.items} currency={offer.currency} />
      {offer.conditions && <p className="offer-conditions">{offer.conditions}</p>}
      {offer.state === 'open' && (
        <p className="offer-expiry" data-testid="offer-expiry">
          {t('expires', { when: expiresIn(offer.expiresAt, Date.now()), date: formatDateTime(offer.expiresAt) })}
        </p>
      )}
    </>
  );
}

function ReceiptNote(props: { decided: OfferDecided }) {
  const { t } = useTranslation('settlement');
  const { offer } = props.decided;
  return (
    <div className="offer-receipt" data-testid="offer-receipt" data-decision={offer.state}>
      <p>
        <strong>{t(offer.state === 'accepted' ? 'done.accepted' : 'done.declined')}</strong>{' '}
        {props.decided.receiptSentTo ? t('done.sentTo', { recipient: props.decided.receiptSentTo }) : t('done.keepCode')}
      </p>
      <ReceiptLink code={props.decided.receiptCode} url={props.decided.receiptUrl} />
    </div>
  );
}

function ReceiptLink(props: { code: string; url: string }) {
  const { t } = useTranslation('settlement');
  return (
    <p className="offer-receipt-code">
      {t('receiptCode')} <strong data-testid="offer-receipt-code">{props.code}</strong>
      <br />
      <a href={props.url} target="_blank" rel="noreferrer" data-testid="offer-receipt-link">
        {t('receiptCheck')}
      </a>
    </p>
  );
}
