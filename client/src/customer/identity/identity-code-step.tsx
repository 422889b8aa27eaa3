// The identity check's first step when the assessor asked for a one-time code: "Enter the code we sent to
// ••• 123", with a button to send (or send again) and the six digits; the photos come after it is confirmed.
import { useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { CustomerIdentityCheck } from '../../../../protocol/identity-http.ts';
import { messageOf } from '../../lib/api.ts';
import { confirmIdentityCode, sendIdentityCode } from './identity-api.ts';

export function IdentityCodeStep(props: { token: string; checkId: string; sentTo: string | null; onConfirmed: (check: CustomerIdentityCheck | null) => void }) {
  const { t } = useTranslation('identity');
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
      setError(t('code.sixDigits'));
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
        {sentTo
          ? <Trans t={t} i18nKey={resent ? 'code.resent' : 'code.sent'} values={{ recipient: sentTo }} components={{ b: <strong /> }} />
          : t('code.first')}
      </p>
      {error && <p className="identity-error" role="alert" data-testid="identity-code-error">{error}</p>}
      {sentTo && (
        <label className="field">
          <span>{t('code.label')}</span>
          <input
            className="identity-code-input" data-testid="identity-code-input" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9]{6}" maxLength={6}
            value={code} onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))} required
          />
        </label>
      )}
      <div className="identity-actions">
        {sentTo && (
          <button type="submit" className="btn btn-primary btn-block" data-testid="identity-code-confirm" disabled={busy !== null}>
            {busy === 'checking' ? t('code.checking') : t('code.confirm')}
          </button>
        )}
        <button type="button" className={`btn ${sentTo ? 'btn-ghost btn-small' : 'btn-primary btn-block'}`} data-testid="identity-code-send" disabled={busy !== null} onClick={() => void send()}>
          {busy === 'sending' ? t('code.sending') : sentTo ? t('code.sendNew') : t('code.send')}
        </button>
      </div>
    </form>
  );
}
