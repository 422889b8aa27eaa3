// "Add user": name, email, role and a first password the admin passes on.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Role, type User } from '../../../../protocol/http.ts';
import { messageOf } from '../../lib/api.ts';
import { Banner } from '../../ui/banner.tsx';
import { consoleApi } from '../app/console-api.ts';
import { ROLE_NAMES } from './role-words.ts';

export function AddUserForm(props: { onAdded: (user: User) => void; onCancel: () => void }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('assessor');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { t } = useTranslation('admin');

  function submit(event: FormEvent): void {
    event.preventDefault();
    setBusy(true);
    setError(null);
    consoleApi
      .createUser({ name, email, role, password })
      .then(props.onAdded, (e: unknown) => setError(messageOf(e)))
      .finally(() => setBusy(false));
  }

  return (
    <form className="card new-case" onSubmit={submit} data-testid="add-user-form">
      <h2>{t('addUser.title')}</h2>
      {error && <Banner tone="error" testId="add-user-error">{error}</Banner>}
      <div className="new-case-grid">
        <div className="field">
          <label htmlFor="user-name">{t('users.name')}</label>
          <input id="user-name" data-testid="user-name" required maxLength={120} value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="user-email">{t('users.email')}</label>
          <input id="user-email" data-testid="user-email" type="email" required maxLength={254} value={email} onChange={(e) => setEmail(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="user-role">{t('users.role')}</label>
          <select id="user-role" data-testid="user-role" value={role} onChange={(e) => setRole(Role.catch('assessor').parse(e.target.value))}>
            {(['assessor', 'supervisor', 'expert', 'admin'] as const).map((r) => (
              <option key={r} value={r}>
                {ROLE_NAMES[r]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="user-password">{t('addUser.firstPassword')}</label>
          <input id="user-password" data-testid="user-password" type="text" autoComplete="off" required minLength={10} maxLength={1024} placeholder={t('passwordHint')} value={password} onChange={(e) => setPassword(e.target.value)} />
        </div>
      </div>
      <div className="row-end">
        <button type="button" className="btn" onClick={props.onCancel}>
          {t('cancel')}
        </button>
        <button type="submit" className="btn btn-primary" data-testid="add-user-submit" disabled={busy}>
          {busy ? t('adding') : t('addUser.title')}
        </button>
      </div>
    </form>
  );
}
