// The assessor's queue: their cases (an admin sees all), searched and filtered, updated live; waiting
// customers first.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
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

/** `offeredCaseId`: the case of the queue offer on screen now; its customer is waiting, whatever the link's state says. */
export function CaseList(props: { user: User; onOpen: (caseId: string) => void; notify: (tone: Tone, text: string) => void; offeredCaseId?: string | null }) {
  const { t } = useTranslation('console');
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
    props.notify('success', t('list.created', { title: result.case.title }));
  }

  // A customer on their link, plus the one the front door is offering now (queued, not on a link; the
  // offer card beside this line says they are waiting).
  const offered = props.offeredCaseId ?? null;
  const waiting = (cases?.filter((c) => c.presence === 'waiting' && c.id !== offered).length ?? 0) + (offered ? 1 : 0);
  return (
    <main className="page">
      <div className="page-head">
        <div>
          <h1>{props.user.role === 'admin' ? t('list.allCases') : t('list.myCases')}</h1>
          <p className="muted small" data-testid="case-count" data-count={cases?.length ?? ''}>
            {cases === null ? '\u00a0' : t(filtersActive(search.filters) ? 'list.countMatch' : 'list.count', { count: cases.length })}
          </p>
          <p className="muted small" data-testid="waiting-summary">
            {waiting === 0 ? t('list.noneWaiting') : t('list.waiting', { count: waiting })}
          </p>
        </div>
        {!creating && (
          <button type="button" className="btn btn-primary" data-testid="new-case-open" onClick={() => setCreating(true)}>
            {t('list.newCase')}
          </button>
        )}
      </div>
      {creating && <NewCaseForm onCreated={onCreated} onCancel={() => setCreating(false)} />}
      {created && <JoinLinkCard created={created} onClose={() => setCreated(null)} />}
      {error && (
        <Banner tone="error">
          {error}{' '}
          <button type="button" className="btn btn-small" onClick={search.retry}>
            {t('retry')}
          </button>
        </Banner>
      )}
      {cases === null && !error && <p className="muted">{t('list.loading')}</p>}
      <CaseFilterBar filters={search.filters} text={search.text} onText={search.setText} onChange={search.change} assessors={isAdmin ? (users ?? []) : null} />
      {cases?.length === 0 &&
        (filtersActive(search.filters) ? (
          <div className="empty card" data-testid="no-match">
            {t('list.noMatch')}{' '}
            <button type="button" className="btn-link" data-testid="clear-filters" onClick={search.clear}>
              {t('list.clearFilters')}
            </button>
          </div>
        ) : (
          <div className="empty card">{t('list.empty')}</div>
        ))}
      {cases && cases.length > 0 && (
        <table className="table cases" data-testid="case-list">
          <thead>
            <tr>
              <th>{t('list.column.case')}</th>
              <th>{t('list.column.customer')}</th>
              {isAdmin && <th>{t('list.column.assessor')}</th>}
              <th>{t('list.column.status')}</th>
              <th>{t('list.column.evidence')}</th>
              <th>{t('list.column.decision')}</th>
              <th>{t('list.column.created')}</th>
              <th aria-label={t('list.open')} />
            </tr>
          </thead>
          <tbody>
            {sortCases(cases).map((c) => (
              <tr key={c.id} data-testid="case-row" data-case-id={c.id} data-presence={c.presence} data-link-state={c.linkState} data-closed={Boolean(c.closedAt)} className={c.presence === 'waiting' ? 'row-waiting' : ''} onClick={() => props.onOpen(c.id)}>
                <td>
                  <strong>{c.title}</strong>
                  <div className="muted small">
                    {c.kind === 'damage' ? t('kind.damage') : t('kind.preview')}
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
                {isAdmin && <td className="small">{c.assessorId === null ? <span className="muted">{t('list.inQueue')}</span> : nameOf(c.assessorId)}</td>}
                <td>
                  {/* A closed case is closed whoever is on the page; a customer on the page says more than their link. */}
                  {c.closedAt ? (
                    <span className="badge badge-closed" data-testid="case-closed-badge">
                      {c.archivedAt ? t('list.archived') : t('list.closed')}
                    </span>
                  ) : c.presence !== 'offline' ? (
                    <PresenceBadge presence={c.presence} />
                  ) : (
                    <LinkBadge case={c} />
                  )}
                </td>
                <td>{c.evidenceCount}</td>
                <td>{c.decision ?? <span className="muted">{c.closedAt ? t('list.none') : t('list.notYet')}</span>}</td>
                <td className="small">{formatDateTime(c.createdAt)}</td>
                <td>
                  <button type="button" className="btn btn-small" data-testid="case-open" onClick={() => props.onOpen(c.id)}>
                    {t('list.open')}
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
