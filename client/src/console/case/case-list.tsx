// The assessor's queue: their cases (an admin sees all), updated live; waiting customers first.
import { useCallback, useEffect, useState } from 'react';
import type { CaseCreated, CaseView, User } from '../../../../protocol/http.ts';
import { messageOf } from '../../lib/api.ts';
import { Banner, type Tone } from '../../ui/banner.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { consoleApi } from '../app/console-api.ts';
import { JoinLinkCard } from './join-link-card.tsx';
import { NewCaseForm } from './new-case-form.tsx';
import { LinkBadge } from './link-badge.tsx';
import { PresenceBadge } from './presence-badge.tsx';
import { useConsoleEvent } from '../app/use-console-event.ts';

const presenceOrder = { waiting: 0, live: 1, offline: 2 } as const;

function sortCases(cases: CaseView[]): CaseView[] {
  return [...cases].sort((a, b) => presenceOrder[a.presence] - presenceOrder[b.presence] || b.createdAt.localeCompare(a.createdAt));
}

export function CaseList(props: { user: User; onOpen: (caseId: string) => void; notify: (tone: Tone, text: string) => void }) {
  const [cases, setCases] = useState<CaseView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CaseCreated | null>(null);

  const load = useCallback(() => {
    consoleApi.listCases().then(
      (list) => {
        setCases(list);
        setError(null);
      },
      (e: unknown) => setError(messageOf(e)),
    );
  }, []);
  useEffect(load, [load]);

  useConsoleEvent((event) => {
    if (event.type !== 'case') return;
    setCases((list) => {
      if (!list) return list;
      const others = list.filter((c) => c.id !== event.case.id);
      return [...others, event.case];
    });
  });

  function onCreated(result: CaseCreated): void {
    setCreating(false);
    setCreated(result);
    setCases((list) => (list ? [...list.filter((c) => c.id !== result.case.id), result.case] : [result.case]));
    props.notify('success', `Case “${result.case.title}” created.`);
  }

  const waiting = cases?.filter((c) => c.presence === 'waiting').length ?? 0;
  return (
    <main className="page">
      <div className="page-head">
        <div>
          <h1>{props.user.role === 'admin' ? 'All cases' : 'My cases'}</h1>
          <p className="muted small" data-testid="waiting-summary">
            {waiting === 0 ? 'No customer is waiting.' : `${waiting} ${waiting === 1 ? 'customer is' : 'customers are'} waiting.`}
          </p>
        </div>
        {!creating && (
          <button type="button" className="btn btn-primary" data-testid="new-case-open" onClick={() => setCreating(true)}>
            New case
          </button>
        )}
      </div>
      {creating && <NewCaseForm onCreated={onCreated} onCancel={() => setCreating(false)} />}
      {created && <JoinLinkCard created={created} onClose={() => setCreated(null)} />}
      {error && (
        <Banner tone="error">
          {error}{' '}
          <button type="button" className="btn btn-small" onClick={load}>
            Retry
          </button>
        </Banner>
      )}
      {cases === null && !error && <p className="muted">Loading cases…</p>}
      {cases?.length === 0 && <div className="empty card">No cases yet. Create one and send the join link to the customer.</div>}
      {cases && cases.length > 0 && (
        <table className="table cases" data-testid="case-list">
          <thead>
            <tr>
              <th>Case</th>
              <th>Customer</th>
              <th>Status</th>
              <th>Evidence</th>
              <th>Decision</th>
              <th>Created</th>
              <th aria-label="Open" />
            </tr>
          </thead>
          <tbody>
            {sortCases(cases).map((c) => (
              <tr key={c.id} data-testid="case-row" data-case-id={c.id} data-presence={c.presence} data-link-state={c.linkState} className={c.presence === 'waiting' ? 'row-waiting' : ''} onClick={() => props.onOpen(c.id)}>
                <td>
                  <strong>{c.title}</strong>
                  <div className="muted small">{c.kind === 'damage' ? 'Damage assessment' : 'Pre-purchase preview'}</div>
                </td>
                <td>{c.customerName ?? <span className="muted">—</span>}</td>
                <td>
                  {/* A customer on the page says more than their link; away, the link says where things stand. */}
                  {c.presence !== 'offline' ? <PresenceBadge presence={c.presence} /> : <LinkBadge case={c} />}
                </td>
                <td>{c.evidenceCount}</td>
                <td>{c.decision ?? <span className="muted">open</span>}</td>
                <td className="small">{formatDateTime(c.createdAt)}</td>
                <td>
                  <button type="button" className="btn btn-small" data-testid="case-open" onClick={() => props.onOpen(c.id)}>
                    Open
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
