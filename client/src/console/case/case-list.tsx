// The assessor's queue: their cases (an admin sees all), searched and filtered, updated live; waiting
// customers first.
import { useEffect, useState } from 'react';
import type { CaseCreated, CaseView, User, UserAdminView } from '../../../../protocol/http.ts';
import { Banner, type Tone } from '../../ui/banner.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { consoleApi } from '../app/console-api.ts';
import { JoinLinkCard } from './join-link-card.tsx';
import { NewCaseForm } from './new-case-form.tsx';
import { LinkBadge } from './link-badge.tsx';
import { PresenceBadge } from './presence-badge.tsx';
import { CaseFilterBar } from './case-filter-bar.tsx';
import { filtersActive } from './case-filters.ts';
import { useCaseSearch } from './use-case-search.ts';

const presenceOrder = { waiting: 0, live: 1, offline: 2 } as const;

function sortCases(cases: CaseView[]): CaseView[] {
  return [...cases].sort((a, b) => presenceOrder[a.presence] - presenceOrder[b.presence] || b.createdAt.localeCompare(a.createdAt));
}

export function CaseList(props: { user: User; onOpen: (caseId: string) => void; notify: (tone: Tone, text: string) => void }) {
  const search = useCaseSearch(props.user);
  const { cases, error } = search;
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CaseCreated | null>(null);
  const isAdmin = props.user.role === 'admin';
  const [users, setUsers] = useState<UserAdminView[] | null>(null);
  useEffect(() => {
    if (!isAdmin) return;
    let live = true;
    consoleApi.listUsers().then((list) => live && setUsers(list), () => undefined);
    return () => {
      live = false;
    };
  }, [isAdmin]);
  const nameOf = (id: string): string => users?.find((u) => u.id === id)?.name ?? '—';

  function onCreated(result: CaseCreated): void {
    setCreating(false);
    setCreated(result);
    search.add(result.case);
    props.notify('success', `Case “${result.case.title}” created.`);
  }

  const waiting = cases?.filter((c) => c.presence === 'waiting').length ?? 0;
  return (
    <main className="page">
      <div className="page-head">
        <div>
          <h1>{props.user.role === 'admin' ? 'All cases' : 'My cases'}</h1>
          <p className="muted small" data-testid="case-count" data-count={cases?.length ?? ''}>
            {cases === null ? '\u00a0' : `${cases.length} ${cases.length === 1 ? 'case' : 'cases'}${filtersActive(search.filters) ? ' match' : ''}`}
          </p>
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
          <button type="button" className="btn btn-small" onClick={search.retry}>
            Retry
          </button>
        </Banner>
      )}
      {cases === null && !error && <p className="muted">Loading cases…</p>}
      <CaseFilterBar filters={search.filters} text={search.text} onText={search.setText} onChange={search.change} assessors={isAdmin ? (users ?? []) : null} />
      {cases?.length === 0 &&
        (filtersActive(search.filters) ? (
          <div className="empty card" data-testid="no-match">
            No cases match —{' '}
            <button type="button" className="btn-link" data-testid="clear-filters" onClick={search.clear}>
              clear filters
            </button>
          </div>
        ) : (
          <div className="empty card">No cases yet. Create one and send the join link to the customer.</div>
        ))}
      {cases && cases.length > 0 && (
        <table className="table cases" data-testid="case-list">
          <thead>
            <tr>
              <th>Case</th>
              <th>Customer</th>
              {isAdmin && <th>Assessor</th>}
              <th>Status</th>
              <th>Evidence</th>
              <th>Decision</th>
              <th>Created</th>
              <th aria-label="Open" />
            </tr>
          </thead>
          <tbody>
            {sortCases(cases).map((c) => (
              <tr key={c.id} data-testid="case-row" data-case-id={c.id} data-presence={c.presence} data-link-state={c.linkState} data-closed={Boolean(c.closedAt)} className={c.presence === 'waiting' ? 'row-waiting' : ''} onClick={() => props.onOpen(c.id)}>
                <td>
                  <strong>{c.title}</strong>
                  <div className="muted small">
                    {c.kind === 'damage' ? 'Damage assessment' : 'Pre-purchase preview'}
                    {c.reference && (
                      <>
                        {' · '}
                        <span className="case-ref" data-testid="case-reference">
                          {c.reference}
                        </span>
                      </>
                    )}
                  </div>
                </td>
                <td>{c.customerName ?? <span className="muted">—</span>}</td>
                {isAdmin && <td className="small">{c.assessorId === null ? <span className="muted">In the queue</span> : nameOf(c.assessorId)}</td>}
                <td>
                  {/* A closed case is closed whoever is on the page; a customer on the page says more than their link. */}
                  {c.closedAt ? (
                    <span className="badge badge-closed" data-testid="case-closed-badge">
                      {c.archivedAt ? 'Archived' : 'Closed'}
                    </span>
                  ) : c.presence !== 'offline' ? (
                    <PresenceBadge presence={c.presence} />
                  ) : (
                    <LinkBadge case={c} />
                  )}
                </td>
                <td>{c.evidenceCount}</td>
                <td>{c.decision ?? <span className="muted">{c.closedAt ? 'None' : 'Not yet'}</span>}</td>
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
