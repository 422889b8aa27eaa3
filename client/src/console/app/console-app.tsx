// The assessor console: session check, sign-in, then the case list or one case, with one live feed.
import { lazy, Suspense, useEffect, useState } from 'react';
import type { User } from '../../../../protocol/http.ts';
import { ApiRequestError, messageOf } from '../../lib/api.ts';
import { Banner, ToastStack, useToasts } from '../../ui/banner.tsx';
import { UsersPage } from '../admin/users-page.tsx';
import { ApiKeysSection } from '../admin/api-keys-section.tsx';
import { WebhooksPage } from '../admin/webhooks-page.tsx';
import { CaseList } from '../case/case-list.tsx';
import { CaseView } from '../case/case-view.tsx';
import { consoleApi } from './console-api.ts';
import { ConsoleEvents } from './console-events.ts';
import { LoginScreen } from './login-screen.tsx';
import { QueueDesk } from '../queue/queue-desk.tsx';
import { TourAnalyticsPage } from '../tour/tour-analytics.tsx';
import { ConsoleEventsContext } from './use-console-event.ts';
import { useHashRoute } from './use-hash-route.ts';

// The wall board and its charting library load only when a supervisor opens it.
const SupervisorPage = lazy(() => import('../supervisor/supervisor-page.tsx').then((m) => ({ default: m.SupervisorPage })));

type Session = { kind: 'checking' } | { kind: 'anonymous' } | { kind: 'error'; message: string } | { kind: 'user'; user: User };

export function ConsoleApp() {
  const [session, setSession] = useState<Session>({ kind: 'checking' });

  useEffect(() => {
    let active = true;
    consoleApi.me().then(
      (user) => active && setSession({ kind: 'user', user }),
      (error: unknown) => {
        if (!active) return;
        if (error instanceof ApiRequestError && error.isAuth) setSession({ kind: 'anonymous' });
        else setSession({ kind: 'error', message: messageOf(error) });
      },
    );
    return () => {
      active = false;
    };
  }, []);

  if (session.kind === 'checking') return <div className="page-loading" data-testid="console-loading" />;
  if (session.kind === 'error') {
    return (
      <main className="login">
        <Banner tone="error">{session.message}</Banner>
      </main>
    );
  }
  if (session.kind === 'anonymous') return <LoginScreen onLoggedIn={(user) => setSession({ kind: 'user', user })} />;
  return <Shell user={session.user} onLoggedOut={() => setSession({ kind: 'anonymous' })} />;
}

function Shell(props: { user: User; onLoggedOut: () => void }) {
  const { route, go } = useHashRoute();
  const [events, setEvents] = useState<ConsoleEvents | null>(null);
  const [live, setLive] = useState(false);
  const { toasts, push, dismiss } = useToasts();
  const isAdmin = props.user.role === 'admin';
  const supervises = isAdmin || props.user.role === 'supervisor';

  useEffect(() => {
    const feed = new ConsoleEvents();
    const off = feed.on('status', setLive);
    setEvents(feed);
    return () => {
      off();
      feed.close();
    };
  }, []);

  function logout(): void {
    consoleApi.logout().then(props.onLoggedOut, (error: unknown) => push('error', messageOf(error)));
  }

  return (
    <ConsoleEventsContext.Provider value={events}>
      <header className="topbar">
        <a className="brand" href="#/" data-testid="nav-cases">
          Sightline
        </a>
        <nav className="topbar-nav">
          <a href="#/" className={route.page === 'list' || route.page === 'case' ? 'active' : ''}>
            Cases
          </a>
          <a href="#/tours" data-testid="nav-tours" className={route.page === 'tours' ? 'active' : ''}>
            Tours
          </a>
          {supervises && (
            <a href="#/supervisor" data-testid="nav-supervisor" className={route.page === 'supervisor' ? 'active' : ''}>
              Supervisor
            </a>
          )}
          {isAdmin && (
            <a href="#/users" data-testid="nav-users" className={route.page === 'users' ? 'active' : ''}>
              Users
            </a>
          )}
          {isAdmin && (
            <a href="#/webhooks" data-testid="nav-webhooks" className={route.page === 'webhooks' ? 'active' : ''}>
              Webhooks
            </a>
          )}
        </nav>
        <span className={`feed ${live ? 'feed-live' : ''}`} data-testid="feed-status" data-live={live}>
          {live ? 'Live updates on' : 'Connecting live updates…'}
        </span>
        {/* Offers go to those who take customers: assessors and admins (a supervisor watches, an expert is invited). */}
        {(props.user.role === 'assessor' || props.user.role === 'admin') && <QueueDesk user={props.user} notify={push} onOpenCase={(caseId) => go({ page: 'case', caseId })} />}
        <span className="topbar-user">
          {props.user.name}
          {props.user.role === 'admin' && <span className="badge badge-brand">Admin</span>}
          {props.user.role === 'supervisor' && <span className="badge badge-brand">Supervisor</span>}
        </span>
        <button type="button" className="btn btn-small" data-testid="logout" onClick={logout}>
          Sign out
        </button>
      </header>
      {route.page === 'case' ? (
        <CaseView key={route.caseId} caseId={route.caseId} onBack={() => go({ page: 'list' })} notify={push} isAdmin={isAdmin} role={props.user.role} userId={props.user.id} />
      ) : route.page === 'tours' ? (
        <TourAnalyticsPage />
      ) : route.page === 'supervisor' && supervises ? (
        <Suspense fallback={<div className="page-loading" data-testid="supervisor-loading" />}>
          <SupervisorPage />
        </Suspense>
      ) : route.page === 'users' && isAdmin ? (
        <>
          <UsersPage me={props.user} notify={push} />
          <ApiKeysSection notify={push} />
        </>
      ) : route.page === 'webhooks' && isAdmin ? (
        <WebhooksPage notify={push} />
      ) : (
        <CaseList user={props.user} onOpen={(caseId) => go({ page: 'case', caseId })} notify={push} />
      )}
      <ToastStack toasts={toasts} onDismiss={dismiss} />
    </ConsoleEventsContext.Provider>
  );
}
