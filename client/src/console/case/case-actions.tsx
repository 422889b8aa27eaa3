// The case's own controls under its header: the reference (edited in place), Close with an optional
// reason, Reopen, Archive and Unarchive, and for admins Reassign. Closing ends a call that is live.
import { useEffect, useRef, useState, type FormEvent } from 'react';
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
    if (editing === 'reference') run(() => consoleApi.updateCase(c.id, { reference: text || null }), text ? `Reference set to ${text}.` : 'Reference removed.');
    if (editing === 'close') run(() => consoleApi.closeCase(c.id, text ? { reason: text } : {}), 'Case closed.');
    if (editing === 'assign' && text) run(() => consoleApi.assignCase(c.id, { assessorId: text }), `Case assigned to ${users?.find((u) => u.id === text)?.name ?? 'the assessor'}.`);
  }

  const label = referenceLabel(c.kind);
  return (
    <div className="case-actions" data-testid="case-actions">
      <span className="case-ref-line">
        <span className="muted small">{label}:</span>{' '}
        <strong data-testid="case-view-reference">{c.reference ?? <span className="muted">none</span>}</strong>
        {editing !== 'reference' && (
          <button type="button" className="btn btn-ghost btn-small" data-testid="edit-reference" onClick={() => open('reference', c.reference ?? '')}>
            {c.reference ? 'Edit' : 'Add'}
          </button>
        )}
      </span>
      {closed && (
        <span className="badge badge-closed" data-testid="case-closed" title={c.closedAt ? `Closed ${formatDateTime(c.closedAt)}` : undefined}>
          {c.archivedAt ? 'Closed · archived' : 'Closed'}
        </span>
      )}
      <span className="spacer" />
      {!closed && editing !== 'close' && (
        <button type="button" className="btn btn-small" data-testid="close-case" onClick={() => open('close')}>
          Close case
        </button>
      )}
      {closed && !c.archivedAt && (
        <>
          <button type="button" className="btn btn-small" data-testid="reopen-case" disabled={busy} onClick={() => run(() => consoleApi.reopenCase(c.id), 'Case reopened.')}>
            Reopen
          </button>
          <button type="button" className="btn btn-small" data-testid="archive-case" disabled={busy} onClick={() => run(() => consoleApi.archiveCase(c.id), 'Case archived.')}>
            Archive
          </button>
        </>
      )}
      {c.archivedAt && (
        <button type="button" className="btn btn-small" data-testid="unarchive-case" disabled={busy} onClick={() => run(() => consoleApi.unarchiveCase(c.id), 'Case unarchived.')}>
          Unarchive
        </button>
      )}
      {props.isAdmin && editing !== 'assign' && (
        <button type="button" className="btn btn-small" data-testid="reassign-case" onClick={() => open('assign', c.assessorId ?? undefined)}>
          Reassign
        </button>
      )}
      {editing && (
        <form className="case-action-form" onSubmit={submit} data-testid={`case-${editing}-form`}>
          {editing === 'reference' && (
            <input aria-label={label} data-testid="reference-input" maxLength={64} value={value} autoFocus onChange={(e) => setValue(e.target.value)} />
          )}
          {editing === 'close' && (
            <input aria-label="Why is the case closed? (optional)" placeholder="Reason (optional)" data-testid="close-reason" maxLength={500} value={value} autoFocus onChange={(e) => setValue(e.target.value)} />
          )}
          {editing === 'assign' && (
            <select aria-label="Assessor" data-testid="reassign-select" value={value} onChange={(e) => setValue(e.target.value)}>
              {users === null && <option value={value}>Loading users…</option>}
              {users
                ?.filter((u) => !u.disabledAt)
                .map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name} · {u.openCases} open
                  </option>
                ))}
            </select>
          )}
          <button type="submit" className={`btn btn-small ${editing === 'close' ? 'btn-danger' : 'btn-primary'}`} data-testid={`case-${editing}-submit`} disabled={busy}>
            {editing === 'reference' ? 'Save' : editing === 'close' ? (props.endCall ? 'End the call and close' : 'Close case') : 'Assign'}
          </button>
          <button type="button" className="btn btn-small" onClick={() => setEditing(null)}>
            Cancel
          </button>
        </form>
      )}
    </div>
  );
}
