// The public settlement receipt: the code comes in the address's fragment (/receipt#ABCD-EFGH-JKMN, never
// sent in a request line or a Referer) or is typed in; the server answers what was decided and whether
// the ledger entry that recorded it verifies now. Nothing here names the customer.
import { useEffect, useState, type FormEvent } from 'react';
import { ReceiptView } from '../../../protocol/settlement-http.ts';
import { ApiRequestError, apiFetch } from '../lib/api.ts';
import { formatDateTime, formatMoney } from '../ui/format.ts';
import { OfferItems } from '../ui/offer-items.tsx';

type Load = { state: 'idle' } | { state: 'loading' } | { state: 'missing' } | { state: 'failed'; message: string } | { state: 'loaded'; receipt: ReceiptView };

const codeInHash = (): string => decodeURIComponent(location.hash.replace(/^#/, '')).trim();

export function ReceiptApp() {
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
    history.replaceState(null, '', `#${code.trim()}`);
    setAsked(code.trim());
  };

  return (
    <main className="receipt-page" data-testid="receipt-page" data-state={load.state}>
      <h1>Settlement receipt</h1>
      <form className="receipt-form" onSubmit={submit}>
        <label htmlFor="receipt-code">Receipt code</label>
        <div className="receipt-form-row">
          <input id="receipt-code" data-testid="receipt-code-input" autoComplete="off" autoCapitalize="characters" spellCheck={false} placeholder="ABCD-EFGH-JKMN" value={code} onChange={(e) => setCode(e.target.value)} required />
          <button type="submit" className="btn btn-primary" data-testid="receipt-check">Check</button>
        </div>
      </form>
      {load.state === 'loading' && <p className="muted" role="status">Checking…</p>}
      {load.state === 'missing' && <p className="receipt-bad" role="alert" data-testid="receipt-missing">No decision has this code. Check the code and try again.</p>}
      {load.state === 'failed' && <p className="receipt-bad" role="alert">{load.message}</p>}
      {load.state === 'loaded' && <ReceiptCard receipt={load.receipt} />}
    </main>
  );
}

function ReceiptCard(props: { receipt: ReceiptView }) {
  const { receipt } = props;
  const { offer, ledger } = receipt;
  return (
    <article className="receipt-card" data-testid="receipt-card" data-decision={receipt.decision} data-verified={ledger.verified}>
      <p className="receipt-org">{receipt.organisation ?? 'Sightline'} · case {receipt.caseReference}</p>
      <p className={`receipt-decision receipt-${receipt.decision}`} data-testid="receipt-decision">
        {receipt.decision === 'accepted' ? 'Accepted' : 'Declined'} on {formatDateTime(receipt.decidedAt)}
      </p>
      <p className="receipt-amount" data-testid="receipt-amount">{formatMoney(offer.amount, offer.currency)}</p>
      <OfferItems items={offer.items} currency={offer.currency} />
      {offer.conditions && <p className="receipt-conditions">{offer.conditions}</p>}
      <p className="muted small">Offered {formatDateTime(offer.madeAt)}, open until {formatDateTime(offer.expiresAt)}.</p>
      <section className={`receipt-proof ${ledger.verified ? 'receipt-ok' : 'receipt-bad'}`} data-testid="receipt-proof">
        <strong>{ledger.verified ? 'Verified by this server now' : 'Does not verify'}</strong>
        <p className="small">
          Ledger entry #{ledger.seq}, hash <code data-testid="receipt-hash">{ledger.hash}</code>
          {ledger.keyId ? <>, signed with key <code>{ledger.keyId}</code></> : null}.
        </p>
        {ledger.fault && <p className="small">{ledger.fault}</p>}
        <p className="small muted">Receipt code <code>{receipt.code}</code>. The server's public keys: <a href="/api/ledger/keys">/api/ledger/keys</a>.</p>
      </section>
    </article>
  );
}
