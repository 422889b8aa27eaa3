// The case's own controls under its header: the reference (edited in place), Close with an optional
// reason, Reopen, Archive and Unarchive, and for admins Reassign. Closing ends a call that is live.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView, UserAdminView } from '../../../../protocol/http.ts';
import { messageOf } from '../../lib/api.ts';
import type { Tone } from '../../ui/banner.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { consoleApi } from '../app/console-api.ts';
import { referenceLabel } from './new-case-form.tsx';

type Editing = null | 'reference' | 'close' | 'assign';

export function CaseActions(props: {
  case: CaseView;
  isAdmin: boolean;
  /** Hangs up a live call; null when none is up. */
  endCall: (() => void) | null;
  onChanged: (c: CaseView) => void;
  notify: (tone: Tone, text: string) => void;
}) {
  const { t } = useTranslation('console');
  const c = props.case;
  const closed = Boolean(c.closedAt);
  const [editing, setEditing] = useState<Editing>(null);
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [users, setUsers] = useState<UserAdminView[] | null>(null);

  // However the case was closed (here, another tab, an admin), the call on this page ends with it.
  const { endCall } = props;
  useEffect(() => {
    if (closed) endCall?.();
  }, [closed, endCall]);

  const asked = useRef(false);
  const { notify } = props;
  useEffect(() => {
    if (editing !== 'assign' || asked.current) return;
    asked.current = true;
    consoleApi.listUsers().then(setUsers, (e: unknown) => notify('error', messageOf(e)));
  }, [editing, notify]);

  function run(action: () => Promise<CaseView>, done: string): void {
    setBusy(true);
    action()
      .then((next) => {
        props.onChanged(next);
        setEditing(null);
        props.notify('success', done);
      }, (e: unknown) => props.notify('error', messageOf(e)))
      .finally(() => setBusy(false));
  }

  function open(which: Editing, initial = ''): void {
    setEditing(which);
    setValue(initial);
  }

  function submit(event: FormEvent): void {
    event.preventDefault();
    const text = value.trim();
    if (editing === 'reference') run(() => consoleApi.updateCase(c.id, { reference: text || null }), text ? t('actions.referenceSet', { reference: text }) : t('actions.referenceRemoved'));
    if (editing === 'close') run(() => consoleApi.closeCase(c.id, text ? { reason: text } : {}), t('actions.closed'));
    if (editing === 'assign' && text) run(() => consoleApi.assignCase(c.id, { assessorId: text }), t('actions.assigned', { name: users?.find((u) => u.id === text)?.name ?? t('actions.theAssessor') }));
  }

  const label = referenceLabel(c.kind);
  return (
    <div className="case-actions" data-testid="case-actions">
      <span className="case-ref-line">
        <span className="muted small">{t('actions.labelled', { label })}</span>{' '}
        <strong data-testid="case-view-reference">{c.reference ?? <span className="muted">{t('actions.none')}</span>}</strong>
        {editing !== 'reference' && (
          <button type="button" className="btn btn-ghost btn-small" data-testid="edit-reference" onClick={() => open('reference', c.reference ?? '')}>
            {c.reference ? t('actions.edit') : t('actions.add')}
          </button>
        )}
      </span>
      {closed && (
        <span className="badge badge-closed" data-testid="case-closed" title={c.closedAt ? t('actions.closedAt', { when: formatDateTime(c.closedAt) }) : undefined}>
          {c.archivedAt ? t('actions.closedArchived') : t('list.closed')}
        </span>
      )}
      <span className="spacer" />
      {!closed && editing !== 'close' && (
        <button type="button" className="btn btn-small" data-testid="close-case" onClick={() => open('close')}>
          {t('actions.close')}
        </button>
      )}
      {closed && !c.archivedAt && (
        <>
          <button type="button" className="btn btn-small" data-testid="reopen-case" disabled={busy} onClick={() => run(() => consoleApi.reopenCase(c.id), t('actions.reopened'))}>
            {t('actions.reopen')}
          </button>
          <button type="button" className="btn btn-small" data-testid="archive-case" disabled={busy} onClick={() => run(() => consoleApi.archiveCase(c.id), t('actions.archived'))}>
            {t('actions.archive')}
          </button>
        </>
      )}
      {c.archivedAt && (
        <button type="button" className="btn btn-small" data-testid="unarchive-case" disabled={busy} onClick={() => run(() => consoleApi.unarchiveCase(c.id), t('actions.unarchived'))}>
          {t('actions.unarchive')}
        </button>
      )}
      {props.isAdmin && editing !== 'assign' && (
        <button type="button" className="btn btn-small" data-testid="reassign-case" onClick={() => open('assign', c.assessorId ?? undefined)}>
          {t('actions.reassign')}
        </button>
      )}
      {editing && (
        <form className="case-action-form" onSubmit={submit} data-testid={`case-${editing}-form`}>
          {editing === 'reference' && (
            <input aria-label={label} data-testid="reference-input" maxLength={64} value={value} autoFocus onChange={(e) => setValue(e.target.value)} />
          )}
          {editing === 'close' && (
            <input aria-label={t('actions.whyClosed')} placeholder={t('actions.reason')} data-testid="close-reason" maxLength={500} value={value} autoFocus onChange={(e) => setValue(e.target.value)} />
          )}
          {editing === 'assign' && (
            <select aria-label={t('filters.assessor')} data-testid="reassign-select" value={value} onChange={(e) => setValue(e.target.value)}>
              {users === null && <option value={value}>{t('actions.loadingUsers')}</option>}
              {users
                ?.filter((u) => !u.disabledAt)
                .map((u) => (
                  <option key={u.id} value={u.id}>
                    {t('actions.userOpen', { name: u.name, count: u.openCases })}
                  </option>
                ))}
            </select>
          )}
          <button type="submit" className={`btn btn-small ${editing === 'close' ? 'btn-danger' : 'btn-primary'}`} data-testid={`case-${editing}-submit`} disabled={busy}>
            {editing === 'reference' ? t('actions.save') : editing === 'close' ? (props.endCall ? t('actions.endAndClose') : t('actions.close')) : t('actions.assign')}
          </button>
          <button type="button" className="btn btn-small" onClick={() => setEditing(null)}>
            {t('cancel')}
          </button>
        </form>
      )}
    </div>
  );
}
