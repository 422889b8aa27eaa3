// Sending a case's join link by email or SMS (only the channels this server has), and the sends so far:
// "Sent by email to a@b.c · 14:02", a failed one in red with its reason.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsoleSettings, LinkChannel, LinkSendView } from '../../../../protocol/http.ts';
import { ApiRequestError, messageOf } from '../../lib/api.ts';
import { formatTime } from '../../ui/format.ts';
import { linkApi } from './link-api.ts';

/** The input for each channel; its words are under `console:sends.<channel>`. */
const CHANNEL_WORDS: Record<LinkChannel, { type: string; placeholder: string }> = {
  email: { type: 'email', placeholder: 'customer@example.com' },
  sms: { type: 'tel', placeholder: '+44 7700 900123' },
};

/** A phone number as the server takes it: international form, without the spaces people type. */
const phoneForm = (text: string): string => text.replace(/[\s().-]/g, '');

export function LinkSends(props: { caseId: string }) {
  const { t } = useTranslation('console');
  const [channels, setChannels] = useState<ConsoleSettings['linkChannels'] | null>(null);
  const [sends, setSends] = useState<LinkSendView[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let active = true;
    linkApi.settings().then((s) => active && setChannels(s.linkChannels), (e: unknown) => active && setError(messageOf(e)));
    linkApi.sends(props.caseId).then((list) => active && setSends(list), (e: unknown) => active && setError(messageOf(e)));
    return () => {
      active = false;
    };
  }, [props.caseId]);

  const offered = (['email', 'sms'] as const).filter((c) => channels?.[c]);
  if (offered.length === 0 && sends.length === 0 && !error) return null;
  return (
    <div className="link-sends" data-testid="link-sends">
      {offered.map((channel) => (
        <SendForm key={channel} caseId={props.caseId} channel={channel} onSent={(sent) => setSends((list) => [...list, sent])} onFailed={() => linkApi.sends(props.caseId).then(setSends, (e: unknown) => setError(messageOf(e)))} />
      ))}
      {error && <p className="link-send-failed small">{error}</p>}
      {sends.length > 0 && (
        <ul className="link-send-list small" data-testid="link-send-list" aria-live="polite">
          {sends.map((s) => (
            <li key={s.id} data-testid="link-send" data-status={s.status} data-channel={s.channel} className={s.status === 'failed' ? 'link-send-failed' : ''}>
              {t(`sends.${s.channel}.${s.status === 'sent' ? 'sent' : 'notSent'}`, { recipient: s.recipient })}
              {' · '}
              {formatTime(s.at, { seconds: false })}
              {s.detail && <span className="block">{s.detail}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function SendForm(props: { caseId: string; channel: LinkChannel; onSent: (sent: LinkSendView) => void; onFailed: () => void }) {
  const { t } = useTranslation('console');
  const words = CHANNEL_WORDS[props.channel];
  const [to, setTo] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  function submit(event: FormEvent): void {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    const body = props.channel === 'email' ? { channel: 'email' as const, to: to.trim() } : { channel: 'sms' as const, to: phoneForm(to) };
    linkApi.send(props.caseId, body).then(
      (sent) => {
        setTo('');
        props.onSent(sent);
      },
      (e: unknown) => {
        // A send the server tried and failed (502) is in the list with its reason; anything else is said here.
        if (e instanceof ApiRequestError && e.status === 502) props.onFailed();
        else setProblem(messageOf(e));
      },
    ).finally(() => setBusy(false));
  }

  return (
    <form className="link-send-form" onSubmit={submit} data-testid={`link-send-${props.channel}`}>
      <input type={words.type} required value={to} onChange={(e) => setTo(e.target.value)} placeholder={words.placeholder} aria-label={t(`sends.${props.channel}.label`)} data-testid={`link-send-${props.channel}-to`} />
      <button type="submit" className="btn btn-small" disabled={busy || to.trim() === ''} data-testid={`link-send-${props.channel}-submit`}>
        {busy ? t('sends.sending') : t(`sends.${props.channel}.send`)}
      </button>
      {problem && <p className="link-send-failed small">{problem}</p>}
    </form>
  );
}
