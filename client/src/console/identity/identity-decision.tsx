// The assessor's decision on a submitted identity check: passed or failed, always with a reason.
import { useState, type FormEvent } from 'react';
import { IdentityDecisionBody, type IdentityCheckView } from '../../../../protocol/identity-http.ts';
import { messageOf } from '../../lib/api.ts';
import { Banner } from '../../ui/banner.tsx';
import { decideIdentityCheck } from './identity-api.ts';

export function IdentityDecision(props: { caseId: string; checkId: string; onDecided: (check: IdentityCheckView) => void }) {
  const [result, setResult] = useState<'passed' | 'failed' | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function submit(event: FormEvent): void {
    event.preventDefault();
    const parsed = IdentityDecisionBody.safeParse({ result, reason });
    if (!parsed.success) {
      setError(result === null ? 'Choose passed or failed.' : 'Give a reason: what you compared and what you saw.');
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
        <legend>Decision</legend>
        <label><input type="radio" name="identity-result" value="passed" checked={result === 'passed'} data-testid="identity-pass" onChange={() => setResult('passed')} /> Passed: the document and the selfie match the customer</label>
        <label><input type="radio" name="identity-result" value="failed" checked={result === 'failed'} data-testid="identity-fail" onChange={() => setResult('failed')} /> Failed</label>
      </fieldset>
      <label className="field">
        <span>Reason</span>
        <textarea rows={2} maxLength={2000} value={reason} data-testid="identity-reason-input" placeholder="What you compared and what you saw" onChange={(e) => setReason(e.target.value)} />
      </label>
      <button type="submit" className="btn btn-primary btn-small" data-testid="identity-decide" disabled={busy}>Record decision</button>
    </form>
  );
}
