// The admin's users page (#/users): everyone with their role, status and open cases; add a user,
// disable or re-enable one, reset a password, and move a user's open cases to another assessor.
import { Fragment, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { User, UserAdminView } from '../../../../protocol/http.ts';
import { messageOf } from '../../lib/api.ts';
import type { Tone } from '../../ui/banner.tsx';
import { consoleApi } from '../app/console-api.ts';
import { AddUserForm } from './add-user-form.tsx';
import { LoadFailed } from './load-failed.tsx';
import { UserCases } from './user-cases.tsx';
import { OrgSettingsSection } from './org-settings.tsx';
import { ROLE_NAMES } from './role-words.ts';
import { useLoaded } from './use-loaded.ts';

export function UsersPage(props: { me: User; notify: (tone: Tone, text: string) => void }) {
  const { notify } = props;
  const { t } = useTranslation('admin');
  const { value: users, error, reload: load } = useLoaded(consoleApi.listUsers);
  const [adding, setAdding] = useState(false);
  const [resetting, setResetting] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [opened, setOpened] = useState<Set<string>>(new Set());

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
        notify('success', t('users.passwordReset', { name: user.name }));
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
          <h1>{t('users.title')}</h1>
          <p className="muted small" data-testid="user-count">
            {users ? t('users.count', { count: users.length, disabled: users.filter((u) => u.disabledAt).length }) : '\u00a0'}
          </p>
        </div>
        {!adding && (
          <button type="button" className="btn btn-primary" data-testid="add-user-open" onClick={() => setAdding(true)}>
            {t('addUser.title')}
          </button>
        )}
      </div>
      {adding && (
        <AddUserForm
          onCancel={() => setAdding(false)}
          onAdded={(user) => {
            setAdding(false);
            notify('success', t('users.added', { name: user.name, email: user.email }));
            load();
          }}
        />
      )}
      {error && <LoadFailed error={error} onRetry={load} />}
      {users === null && !error && <p className="muted">{t('users.loading')}</p>}
      {users && (
        <table className="table users" data-testid="user-list">
          <thead>
            <tr>
              <th>{t('users.name')}</th>
              <th>{t('users.email')}</th>
              <th>{t('users.role')}</th>
              <th>{t('users.status')}</th>
              <th>{t('users.openCases')}</th>
              <th aria-label={t('actions')} />
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
                      {self && <span className="muted small"> {t('users.you')}</span>}
                    </td>
                    <td className="small">{u.email}</td>
                    <td>{u.role === 'admin' ? <span className="badge badge-brand">{ROLE_NAMES.admin}</span> : <span className="badge">{ROLE_NAMES[u.role]}</span>}</td>
                    <td>
                      {u.disabledAt ? (
                        <span className="badge badge-bad" data-testid="user-status">
                          {t('users.disabled')}
                        </span>
                      ) : (
                        <span className="badge badge-ok" data-testid="user-status">
                          {t('users.active')}
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
                        <button type="button" className="btn btn-small" data-testid="user-enable" onClick={() => act(consoleApi.enableUser(u.id), t('users.enabled', { name: u.name }))}>
                          {t('users.enable')}
                        </button>
                      ) : (
                        <button
                          type="button"
                          className="btn btn-small"
                          data-testid="user-disable"
                          disabled={self}
                          title={self ? t('users.cannotDisableSelf') : undefined}
                          onClick={() => act(consoleApi.disableUser(u.id), t('users.disabledDone', { name: u.name }))}
                        >
                          {t('users.disable')}
                        </button>
                      )}
                      <button
                        type="button"
                        className="btn btn-small"
                        data-testid="user-reset-password"
                        disabled={self}
                        title={self ? t('users.cannotResetSelf') : undefined}
                        onClick={() => {
                          setResetting(resetting === u.id ? null : u.id);
                          setPassword('');
                        }}
                      >
                        {t('users.resetPassword')}
                      </button>
                    </td>
                  </tr>
                  {resetting === u.id && (
                    <tr className="user-detail">
                      <td colSpan={6}>
                        <form className="inline-form" onSubmit={(e) => reset(e, u)} data-testid="reset-password-form">
                          <label htmlFor={`reset-${u.id}`}>{t('users.newPasswordFor', { name: u.name })}</label>
                          <input id={`reset-${u.id}`} data-testid="reset-password-input" type="text" autoComplete="off" required minLength={10} maxLength={1024} placeholder={t('passwordHint')} value={password} onChange={(e) => setPassword(e.target.value)} />
                          <button type="submit" className="btn btn-small btn-primary" data-testid="reset-password-submit">
                            {t('users.setPassword')}
                          </button>
                          <button type="button" className="btn btn-small" onClick={() => setResetting(null)}>
                            {t('cancel')}
                          </button>
                        </form>
                      </td>
                    </tr>
                  )}
                  {showCases && (
                    <tr className="user-detail">
                      <td colSpan={6}>
                        {u.disabledAt && u.openCases > 0 && <p className="small user-cases-note">{t('users.reassignNote', { name: u.name })}</p>}
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
