// Withdrawing an open identity check (the wrong document asked for, or no longer needed): always with a
// reason, which goes into the ledger; the customer's page drops the check.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { IdentityCancelBody, type IdentityCheckView } from '../../../../protocol/identity-http.ts';
import { messageOf } from '../../lib/api.ts';
import { Banner } from '../../ui/banner.tsx';
import { cancelIdentityCheck } from './identity-api.ts';

export function IdentityWithdraw(props: { caseId: string; checkId: string; onWithdrawn: (check: IdentityCheckView) => void }) {
  const { t } = useTranslation('casework');
  const [opened, setOpened] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function submit(event: FormEvent): void {
    event.preventDefault();
    const parsed = IdentityCancelBody.safeParse({ reason });
    if (!parsed.success) {
      setError(t('identity.withdraw.needReason'));
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
    return <button type="button" className="btn btn-small" data-testid="identity-withdraw" onClick={() => setOpened(true)}>{t('identity.withdraw.open')}</button>;
  }
  return (
    <form className="identity-withdraw" onSubmit={submit} data-testid="identity-withdraw-form">
      {error && <Banner tone="error" testId="identity-withdraw-error">{error}</Banner>}
      <label className="field">
        <span>{t('identity.withdraw.why')}</span>
        <input type="text" maxLength={2000} value={reason} data-testid="identity-withdraw-reason" placeholder={t('identity.withdraw.placeholder')} onChange={(e) => setReason(e.target.value)} />
      </label>
      <div className="identity-withdraw-actions">
        <button type="submit" className="btn btn-small" data-testid="identity-withdraw-confirm" disabled={busy}>{t('identity.withdraw.confirm')}</button>
        <button type="button" className="btn btn-small" onClick={() => { setOpened(false); setError(null); }}>{t('identity.withdraw.keep')}</button>
      </div>
    </form>
  );
}
