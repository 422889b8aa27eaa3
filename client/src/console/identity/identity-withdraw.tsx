// Withdrawing an open identity check (the wrong document asked for, or no longer needed): always with a
// reason, which goes into the ledger; the customer's page drops the check.
import { useState, type FormEvent } from 'react';
import { IdentityCancelBody, type IdentityCheckView } from '../../../../protocol/identity-http.ts';
import { messageOf } from '../../lib/api.ts';
import { Banner } from '../../ui/banner.tsx';
import { cancelIdentityCheck } from './identity-api.ts';

export function IdentityWithdraw(props: { caseId: string; checkId: string; onWithdrawn: (check: IdentityCheckView) => void }) {
  const [opened, setOpened] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function submit(event: FormEvent): void {
    event.preventDefault();
    const parsed = IdentityCancelBody.safeParse({ reason });
    if (!parsed.success) {
      setError('Give a reason: why the check is no longer wanted.');
      return;
    }
    setBusy(true);
    setError(null);
    cancelIdentityCheck(props.caseId, props.checkId, parsed.data)
      .then((check) => {
        setOpened(false);
        setReason('');
        props.onWithdrawn(check);
      }, (e: unknown) => setError(messageOf(e)))
      .finally(() => setBusy(false));
  }

  if (!opened) {
    return <button type="button" className="btn btn-small" data-testid="identity-withdraw" onClick={() => setOpened(true)}>Withdraw</button>;
  }
  return (
    <form className="identity-withdraw" onSubmit={submit} data-testid="identity-withdraw-form">
      {error && <Banner tone="error" testId="identity-withdraw-error">{error}</Banner>}
      <label className="field">
        <span>Why withdraw this check?</span>
        <input type="text" maxLength={2000} value={reason} data-testid="identity-withdraw-reason" placeholder="e.g. asked for the wrong document" onChange={(e) => setReason(e.target.value)} />
      </label>
      <div className="identity-withdraw-actions">
        <button type="submit" className="btn btn-small" data-testid="identity-withdraw-confirm" disabled={busy}>Withdraw the check</button>
        <button type="button" className="btn btn-small" onClick={() => { setOpened(false); setError(null); }}>Keep it</button>
      </div>
    </form>
  );
}
