// The identity check's first step when the assessor asked for a one-time code: "Enter the code we sent to
// ••• 123", with a button to send (or send again) and the six digits; the photos come after it is confirmed.
import { useState, type FormEvent } from 'react';
import type { CustomerIdentityCheck } from '../../../../protocol/identity-http.ts';
import { messageOf } from '../../lib/api.ts';
import { confirmIdentityCode, sendIdentityCode } from './identity-api.ts';

export function IdentityCodeStep(props: { token: string; checkId: string; sentTo: string | null; onConfirmed: (check: CustomerIdentityCheck | null) => void }) {
  const [sentTo, setSentTo] = useState(props.sentTo);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState<'sending' | 'checking' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [resent, setResent] = useState(false);

  const send = async (): Promise<void> => {
    setBusy('sending');
    setError(null);
    try {
      const sent = await sendIdentityCode(props.token, props.checkId);
      setSentTo(sent.recipient);
      setResent(true);
      setCode('');
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(null);
    }
  };

  const confirm = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!/^\d{6}$/.test(code)) {
      setError('The code is six digits.');
      return;
    }
    setBusy('checking');
    setError(null);
    try {
      props.onConfirmed((await confirmIdentityCode(props.token, props.checkId, code)).check);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <form className="identity-code" data-testid="identity-code-step" onSubmit={(e) => void confirm(e)}>
      <p className="identity-hint" data-testid="identity-code-sent">
        {sentTo ? <>Enter the code we sent to <strong>{sentTo}</strong>{resent ? ' (a new one: the last stops working)' : ''}.</> : 'First we send a code to your phone or email on file.'}
      </p>
      {error && <p className="identity-error" role="alert" data-testid="identity-code-error">{error}</p>}
      {sentTo && (
        <label className="field">
          <span>Code</span>
          <input
            className="identity-code-input" data-testid="identity-code-input" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9]{6}" maxLength={6}
            value={code} onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))} required
          />
        </label>
      )}
      <div className="identity-actions">
        {sentTo && (
          <button type="submit" className="btn btn-primary btn-block" data-testid="identity-code-confirm" disabled={busy !== null}>
            {busy === 'checking' ? 'Checking…' : 'Confirm the code'}
          </button>
        )}
        <button type="button" className={`btn ${sentTo ? 'btn-ghost btn-small' : 'btn-primary btn-block'}`} data-testid="identity-code-send" disabled={busy !== null} onClick={() => void send()}>
          {busy === 'sending' ? 'Sending…' : sentTo ? 'Send a new code' : 'Send me a code'}
        </button>
      </div>
    </form>
  );
}
