// The public settlement receipt: the code comes in the address's fragment (/receipt#ABCD-EFGH-JKMN, never
// sent in a request line or a Referer) or is typed in; the server answers what was decided and whether
// the ledger entry that recorded it verifies now. Nothing here names the customer.
import { useEffect, useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { ReceiptView } from '../../../protocol/settlement-http.ts';
import { ApiRequestError, apiFetch } from '../lib/api.ts';
import { formatDateTime, formatMoney } from '../ui/format.ts';
import { OfferItems } from '../ui/offer-items.tsx';
import { parseReceiptHash, receiptHash } from './receipt-link.ts';

type Load = { state: 'idle' } | { state: 'loading' } | { state: 'missing' } | { state: 'failed'; message: string } | { state: 'loaded'; receipt: ReceiptView };

/** The shape of a receipt code, shown in the empty field (the same in every language). */
const CODE_EXAMPLE = 'ABCD-EFGH-JKMN';

const codeInHash = (): string => parseReceiptHash(location.hash).code;

export function ReceiptApp() {
  const { t } = useTranslation('receipt');
  const [code, setCode] = useState(codeInHash);
  const [asked, setAsked] = useState(codeInHash);
  const [load, setLoad] = useState<Load>({ state: 'idle' });

  useEffect(() => {
    const onHash = () => {
      setCode(codeInHash());
      setAsked(codeInHash());
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  useEffect(() => {
    if (asked === '') return;
    const controller = new AbortController();
    setLoad({ state: 'loading' });
    apiFetch(`/api/receipts/${encodeURIComponent(asked)}`, ReceiptView, { signal: controller.signal }).then(
      (receipt) => setLoad({ state: 'loaded', receipt }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setLoad(error instanceof ApiRequestError && error.status === 404 ? { state: 'missing' } : { state: 'failed', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => controller.abort();
  }, [asked]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    history.replaceState(null, '', receiptHash(code.trim(), parseReceiptHash(location.hash).language));
    setAsked(code.trim());
  };

  return (
    <main className="receipt-page" data-testid="receipt-page" data-state={load.state}>
      <h1>{t('title')}</h1>
      <form className="receipt-form" onSubmit={submit}>
        <label htmlFor="receipt-code">{t('codeLabel')}</label>
        <div className="receipt-form-row">
          <input id="receipt-code" data-testid="receipt-code-input" autoComplete="off" autoCapitalize="characters" spellCheck={false} placeholder={CODE_EXAMPLE} value={code} onChange={(e) => setCode(e.target.value)} required />
          <button type="submit" className="btn btn-primary" data-testid="receipt-check">{t('check')}</button>
        </div>
      </form>
      {load.state === 'loading' && <p className="muted" role="status">{t('checking')}</p>}
      {load.state === 'missing' && <p className="receipt-bad" role="alert" data-testid="receipt-missing">{t('missing')}</p>}
      {load.state === 'failed' && <p className="receipt-bad" role="alert">{load.message}</p>}
      {load.state === 'loaded' && <ReceiptCard receipt={load.receipt} />}
    </main>
  );
}

function ReceiptCard(props: { receipt: ReceiptView }) {
  const { t } = useTranslation('receipt');
  const { receipt } = props;
  const { offer, ledger } = receipt;
  const organisation = receipt.organisation ?? 'Sightline';
  return (
    <article className="receipt-card" data-testid="receipt-card" data-decision={receipt.decision} data-verified={ledger.verified}>
      <p className="receipt-org" data-testid="receipt-org">
        {receipt.caseReference === null ? organisation : t('org', { organisation, reference: receipt.caseReference })}
      </p>
      <p className={`receipt-decision receipt-${receipt.decision}`} data-testid="receipt-decision">
        {t(receipt.decision === 'accepted' ? 'decision.accepted' : 'decision.declined', { date: formatDateTime(receipt.decidedAt) })}
      </p>
      <p className="receipt-amount" data-testid="receipt-amount">{formatMoney(offer.amount, offer.currency)}</p>
      <OfferItems items={offer.items} currency={offer.currency} />
      {offer.conditions && <p className="receipt-conditions">{offer.conditions}</p>}
      <p className="muted small">{t('offered', { madeAt: formatDateTime(offer.madeAt), expiresAt: formatDateTime(offer.expiresAt) })}</p>
      <section className={`receipt-proof ${ledger.verified ? 'receipt-ok' : 'receipt-bad'}`} data-testid="receipt-proof">
        <strong>{t(ledger.verified ? 'verified' : 'notVerified')}</strong>
        <p className="small">
          <Trans
            t={t} i18nKey={ledger.keyId ? 'entrySigned' : 'entry'} values={{ seq: ledger.seq, hash: ledger.hash, keyId: ledger.keyId }}
            components={{ code: <code data-testid="receipt-hash" />, key: <code /> }}
          />
        </p>
        {ledger.fault && <p className="small">{ledger.fault}</p>}
        <p className="small muted">
          <Trans t={t} i18nKey="keys" values={{ code: receipt.code }} components={{ code: <code />, keys: <a href="/api/ledger/keys" /> }} />
        </p>
      </section>
    </article>
  );
}
