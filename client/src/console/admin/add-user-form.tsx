// "Add user": name, email, role and a first password the admin passes on.
import { useState, type FormEvent } from 'react';
import { Role, type User } from '../../../../protocol/http.ts';
import { messageOf } from '../../lib/api.ts';
import { Banner } from '../../ui/banner.tsx';
import { consoleApi } from '../app/console-api.ts';

export function AddUserForm(props: { onAdded: (user: User) => void; onCancel: () => void }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('assessor');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

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
      <h2>Add user</h2>
      {error && <Banner tone="error" testId="add-user-error">{error}</Banner>}
      <div className="new-case-grid">
        <div className="field">
          <label htmlFor="user-name">Name</label>
          <input id="user-name" data-testid="user-name" required maxLength={120} value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="user-email">Email</label>
          <input id="user-email" data-testid="user-email" type="email" required maxLength={254} value={email} onChange={(e) => setEmail(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="user-role">Role</label>
          <select id="user-role" data-testid="user-role" value={role} onChange={(e) => setRole(Role.catch('assessor').parse(e.target.value))}>
            <option value="assessor">Assessor</option>
            <option value="supervisor">Supervisor</option>
            <option value="expert">Expert</option>
            <option value="admin">Admin</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="user-password">First password</label>
          <input id="user-password" data-testid="user-password" type="text" autoComplete="off" required minLength={10} maxLength={1024} placeholder="at least 10 characters" value={password} onChange={(e) => setPassword(e.target.value)} />
        </div>
      </div>
      <div className="row-end">
        <button type="button" className="btn" onClick={props.onCancel}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" data-testid="add-user-submit" disabled={busy}>
          {busy ? 'Adding…' : 'Add user'}
        </button>
      </div>
    </form>
  );
}
