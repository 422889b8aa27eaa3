// The admin's users page (#/users): everyone with their role, status and open cases; add a user,
// disable or re-enable one, reset a password, and move a user's open cases to another assessor.
import { Fragment, useCallback, useEffect, useState, type FormEvent } from 'react';
import type { Role, User, UserAdminView } from '../../../../protocol/http.ts';
import { messageOf } from '../../lib/api.ts';
import { Banner, type Tone } from '../../ui/banner.tsx';
import { consoleApi } from '../app/console-api.ts';
import { AddUserForm } from './add-user-form.tsx';
import { UserCases } from './user-cases.tsx';
import { OrgSettingsSection } from './org-settings.tsx';

const ROLE_NAMES: Record<Role, string> = { admin: 'Admin', assessor: 'Assessor', supervisor: 'Supervisor', expert: 'Expert' };

export function UsersPage(props: { me: User; notify: (tone: Tone, text: string) => void }) {
  const { notify } = props;
  const [users, setUsers] = useState<UserAdminView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [resetting, setResetting] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [opened, setOpened] = useState<Set<string>>(new Set());

  const load = useCallback(() => {
    consoleApi.listUsers().then(
      (list) => {
        setUsers(list);
        setError(null);
      },
      (e: unknown) => setError(messageOf(e)),
    );
  }, []);
  useEffect(load, [load]);

  function act(action: Promise<unknown>, done: string): void {
    action.then(
      () => {
        notify('success', done);
        load();
      },
      (e: unknown) => notify('error', messageOf(e)),
    );
  }

  function reset(event: FormEvent, user: UserAdminView): void {
    event.preventDefault();
    consoleApi.resetPassword(user.id, { password }).then(
      () => {
        setResetting(null);
        setPassword('');
        notify('success', `${user.name}'s password was reset; they are signed out everywhere.`);
      },
      (e: unknown) => notify('error', messageOf(e)),
    );
  }

  const toggleCases = (id: string): void =>
    setOpened((set) => {
      const next = new Set(set);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <main className="page users-page" data-testid="users-page">
      <div className="page-head">
        <div>
          <h1>Users</h1>
          <p className="muted small" data-testid="user-count">
            {users ? `${users.length} ${users.length === 1 ? 'user' : 'users'} · ${users.filter((u) => u.disabledAt).length} disabled` : '\u00a0'}
          </p>
        </div>
        {!adding && (
          <button type="button" className="btn btn-primary" data-testid="add-user-open" onClick={() => setAdding(true)}>
            Add user
          </button>
        )}
      </div>
      {adding && (
        <AddUserForm
          onCancel={() => setAdding(false)}
          onAdded={(user) => {
            setAdding(false);
            notify('success', `${user.name} can now sign in as ${user.email}.`);
            load();
          }}
        />
      )}
      {error && (
        <Banner tone="error">
          {error}{' '}
          <button type="button" className="btn btn-small" onClick={load}>
            Retry
          </button>
        </Banner>
      )}
      {users === null && !error && <p className="muted">Loading users…</p>}
      {users && (
        <table className="table users" data-testid="user-list">
          <thead>
            <tr>
              <th>Name</th>
              <th>Email</th>
              <th>Role</th>
              <th>Status</th>
              <th>Open cases</th>
              <th aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {users.map((u) => {
              const self = u.id === props.me.id;
              // A disabled user's open cases are shown at once: they wait for someone to take them.
              const showCases = opened.has(u.id) !== (u.disabledAt !== null && u.openCases > 0);
              return (
                <Fragment key={u.id}>
                  <tr data-testid="user-row" data-user-id={u.id} data-email={u.email} data-disabled={u.disabledAt !== null}>
                    <td>
                      <strong>{u.name}</strong>
                      {self && <span className="muted small"> (you)</span>}
                    </td>
                    <td className="small">{u.email}</td>
                    <td>{u.role === 'admin' ? <span className="badge badge-brand">Admin</span> : <span className="badge">{ROLE_NAMES[u.role]}</span>}</td>
                    <td>
                      {u.disabledAt ? (
                        <span className="badge badge-bad" data-testid="user-status">
                          Disabled
                        </span>
                      ) : (
                        <span className="badge badge-ok" data-testid="user-status">
                          Active
                        </span>
                      )}
                    </td>
                    <td>
                      <button type="button" className="btn btn-ghost btn-small" data-testid="user-open-cases" aria-expanded={showCases} onClick={() => toggleCases(u.id)}>
                        {u.openCases}
                      </button>
                    </td>
                    <td className="row-actions">
                      {u.disabledAt ? (
                        <button type="button" className="btn btn-small" data-testid="user-enable" onClick={() => act(consoleApi.enableUser(u.id), `${u.name} can sign in again.`)}>
                          Re-enable
                        </button>
                      ) : (
                        <button
                          type="button"
                          className="btn btn-small"
                          data-testid="user-disable"
                          disabled={self}
                          title={self ? 'You cannot disable your own account.' : undefined}
                          onClick={() => act(consoleApi.disableUser(u.id), `${u.name} is disabled and signed out.`)}
                        >
                          Disable
                        </button>
                      )}
                      <button
                        type="button"
                        className="btn btn-small"
                        data-testid="user-reset-password"
                        disabled={self}
                        title={self ? 'Ask another admin to reset your password.' : undefined}
                        onClick={() => {
                          setResetting(resetting === u.id ? null : u.id);
                          setPassword('');
                        }}
                      >
                        Reset password
                      </button>
                    </td>
                  </tr>
                  {resetting === u.id && (
                    <tr className="user-detail">
                      <td colSpan={6}>
                        <form className="inline-form" onSubmit={(e) => reset(e, u)} data-testid="reset-password-form">
                          <label htmlFor={`reset-${u.id}`}>New password for {u.name}</label>
                          <input id={`reset-${u.id}`} data-testid="reset-password-input" type="text" autoComplete="off" required minLength={10} maxLength={1024} placeholder="at least 10 characters" value={password} onChange={(e) => setPassword(e.target.value)} />
                          <button type="submit" className="btn btn-small btn-primary" data-testid="reset-password-submit">
                            Set password
                          </button>
                          <button type="button" className="btn btn-small" onClick={() => setResetting(null)}>
                            Cancel
                          </button>
                        </form>
                      </td>
                    </tr>
                  )}
                  {showCases && (
                    <tr className="user-detail">
                      <td colSpan={6}>
                        {u.disabledAt && u.openCases > 0 && <p className="small user-cases-note">{u.name} is disabled: reassign their open cases so no customer waits for them.</p>}
                        <UserCases user={u} users={users} onMoved={load} notify={notify} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      )}
      <OrgSettingsSection notify={notify} />
    </main>
  );
}
