// Sign-in for assessors and admins (cookie session).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../protocol/http.ts';
import { messageOf } from '../../lib/api.ts';
import { Banner } from '../../ui/banner.tsx';
import { consoleApi, PRODUCT } from './console-api.ts';

export function LoginScreen(props: { onLoggedIn: (user: User) => void }) {
  const { t } = useTranslation('console');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function submit(event: FormEvent): void {
    event.preventDefault();
    setBusy(true);
    setError(null);
    consoleApi
      .login({ email, password })
      .then(props.onLoggedIn, (e: unknown) => setError(messageOf(e)))
      .finally(() => setBusy(false));
  }

  return (
    <main className="login">
      <form className="card login-card" onSubmit={submit} data-testid="login-form">
        <div className="brand brand-large">{PRODUCT}</div>
        <p className="muted">{t('login.intro')}</p>
        {error && (
          <Banner tone="error" testId="login-error">
            {error}
          </Banner>
        )}
        <div className="field">
          <label htmlFor="login-email">{t('login.email')}</label>
          <input id="login-email" data-testid="login-email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="login-password">{t('login.password')}</label>
          <input id="login-password" data-testid="login-password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </div>
        <button type="submit" className="btn btn-primary btn-block" data-testid="login-submit" disabled={busy}>
          {busy ? t('login.signingIn') : t('login.signIn')}
        </button>
      </form>
    </main>
  );
}
