// The assessor's decision on a submitted identity check: passed or failed, always with a reason.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { IdentityDecisionBody, type IdentityCheckView } from '../../../../protocol/identity-http.ts';
import { messageOf } from '../../lib/api.ts';
import { Banner } from '../../ui/banner.tsx';
import { decideIdentityCheck } from './identity-api.ts';

export function IdentityDecision(props: { caseId: string; checkId: string; onDecided: (check: IdentityCheckView) => void }) {
  const { t } = useTranslation('casework');
  const [result, setResult] = useState<'passed' | 'failed' | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function submit(event: FormEvent): void {
    event.preventDefault();
    const parsed = IdentityDecisionBody.safeParse({ result, reason });
    if (!parsed.success) {
      setError(t(result === null ? 'identity.decision.chooseResult' : 'identity.decision.needReason'));
      return;
    }
    setBusy(true);
    setError(null);
    decideIdentityCheck(props.caseId, props.checkId, parsed.data)
      .then(props.onDecided, (e: unknown) => setError(messageOf(e)))
      .finally(() => setBusy(false));
  }

  return (
    <form className="identity-decision" onSubmit={submit} data-testid="identity-decision">
      {error && <Banner tone="error" testId="identity-decision-error">{error}</Banner>}
      <fieldset>
        <legend>{t('identity.decision.legend')}</legend>
        <label><input type="radio" name="identity-result" value="passed" checked={result === 'passed'} data-testid="identity-pass" onChange={() => setResult('passed')} /> {t('identity.decision.passed')}</label>
        <label><input type="radio" name="identity-result" value="failed" checked={result === 'failed'} data-testid="identity-fail" onChange={() => setResult('failed')} /> {t('identity.decision.failed')}</label>
      </fieldset>
      <label className="field">
        <span>{t('identity.decision.reason')}</span>
        <textarea rows={2} maxLength={2000} value={reason} data-testid="identity-reason-input" placeholder={t('identity.decision.reasonPlaceholder')} onChange={(e) => setReason(e.target.value)} />
      </label>
      <button type="submit" className="btn btn-primary btn-small" data-testid="identity-decide" disabled={busy}>{t('identity.decision.record')}</button>
    </form>
  );
}
