// The assessor console: session check, sign-in, then the case list or one case, with one live feed;
// the signed-in user's own console language (the browser's until they choose one). Usable without a
// mouse: "Skip to main content" first, focus on the new page's heading, Alt+Shift shortcuts.
import { lazy, Suspense, useCallback, useEffect, useRef, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../protocol/http.ts';
import { ApiRequestError, messageOf } from '../../lib/api.ts';
import { applyLanguage, chooseLanguage } from '../../i18n/i18n.ts';
import { Banner, ToastStack, useToasts } from '../../ui/banner.tsx';
import { LanguageSwitch } from '../../ui/language-switch.tsx';
import { UsersPage } from '../admin/users-page.tsx';
import { ApiKeysSection } from '../admin/api-keys-section.tsx';
import { WebhooksPage } from '../admin/webhooks-page.tsx';
import { CaseList } from '../case/case-list.tsx';
import { CaseView } from '../case/case-view.tsx';
import { consoleApi, PRODUCT } from './console-api.ts';
import { ConsoleEvents } from './console-events.ts';
import { LoginScreen } from './login-screen.tsx';
import { LiveCallsProvider } from '../queue/live-calls.ts';
import { QueueDesk } from '../queue/queue-desk.tsx';
import { TourAnalyticsPage } from '../tour/tour-analytics.tsx';
import { ConsoleEventsContext } from './use-console-event.ts';
import { useHashRoute } from './use-hash-route.ts';
import { focusHeading, usePageFocus } from './page-focus.ts';
import { ShortcutHelpButton } from '../keyboard/shortcut-help-button.tsx';
import { ShortcutProvider, useShortcut } from '../keyboard/use-shortcuts.tsx';

// The wall board and its charting library load only when a supervisor opens it.
const SupervisorPage = lazy(() => import('../supervisor/supervisor-page.tsx').then((m) => ({ default: m.SupervisorPage })));

type Session = { kind: 'checking' } | { kind: 'anonymous' } | { kind: 'error'; message: string } | { kind: 'user'; user: User };

export function ConsoleApp() {
  const [session, setSession] = useState<Session>({ kind: 'checking' });

  /** Reads who is signed in and, when they chose a console language, switches to it before showing the console. */
  const load = useCallback((active: () => boolean = () => true) => {
    consoleApi.session().then(
      async (me) => {
        if (me.language) await applyLanguage(me.language);
        if (active()) setSession({ kind: 'user', user: me.user });
      },
      (error: unknown) => {
        if (!active()) return;
        if (error instanceof ApiRequestError && error.isAuth) setSession({ kind: 'anonymous' });
        else setSession({ kind: 'error', message: messageOf(error) });
      },
    );
  }, []);

  useEffect(() => {
    let active = true;
    load(() => active);
    return () => {
      active = false;
    };
  }, [load]);

  // Signed out, the page speaks the browser's language again (the next user may not share this one's).
  const loggedOut = (): void => {
    void applyLanguage(chooseLanguage()).then(() => setSession({ kind: 'anonymous' }));
  };

  if (session.kind === 'checking') return <div className="page-loading" data-testid="console-loading" />;
  if (session.kind === 'error') {
    return (
      <main className="login">
        <Banner tone="error">{session.message}</Banner>
      </main>
    );
  }
  if (session.kind === 'anonymous') return <LoginScreen onLoggedIn={() => load()} />;
  return (
    <ShortcutProvider>
      <LiveCallsProvider>
        <Shell user={session.user} onLoggedOut={loggedOut} />
      </LiveCallsProvider>
    </ShortcutProvider>
  );
}

function Shell(props: { user: User; onLoggedOut: () => void }) {
  const { t } = useTranslation('console');
  const { route, go } = useHashRoute();
  const [events, setEvents] = useState<ConsoleEvents | null>(null);
  const [live, setLive] = useState(false);
  // The case the front door is offering this person now: the case list counts its customer as waiting.
  const [offeredCaseId, setOfferedCaseId] = useState<string | null>(null);
  const { toasts, push, dismiss } = useToasts();
  const isAdmin = props.user.role === 'admin';
  const supervises = isAdmin || props.user.role === 'supervisor';
  const content = useRef<HTMLDivElement>(null);
  usePageFocus(content, route.page === 'case' ? `case/${route.caseId}` : route.page);
  useShortcut('cases', () => go({ page: 'list' }), route.page !== 'list');

  /** The skip link: the hash is the console's route, so it moves focus itself instead of following #main-content. */
  function skipToMain(event: MouseEvent<HTMLAnchorElement>): void {
    event.preventDefault();
    focusHeading(content.current, true);
  }

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

  /** Switches at once, then keeps the choice for this user's next sign-in, on any browser. */
  function chooseConsoleLanguage(language: string): void {
    void applyLanguage(language);
    consoleApi.setLanguage({ language }).catch((error: unknown) => push('error', t('app.languageNotSaved', { error: messageOf(error) })));
  }

  return (
    <ConsoleEventsContext.Provider value={events}>
      <a className="skip-link" href="#main-content" data-testid="skip-to-main" onClick={skipToMain}>
        {t('app.skipToMain')}
      </a>
      <header className="topbar">
        <a className="brand" href="#/" data-testid="nav-cases">
          {PRODUCT}
        </a>
        <nav className="topbar-nav">
          <a href="#/" className={route.page === 'list' || route.page === 'case' ? 'active' : ''}>
            {t('app.nav.cases')}
          </a>
          <a href="#/tours" data-testid="nav-tours" className={route.page === 'tours' ? 'active' : ''}>
            {t('app.nav.tours')}
          </a>
          {supervises && (
            <a href="#/supervisor" data-testid="nav-supervisor" className={route.page === 'supervisor' ? 'active' : ''}>
              {t('app.nav.supervisor')}
            </a>
          )}
          {isAdmin && (
            <a href="#/users" data-testid="nav-users" className={route.page === 'users' ? 'active' : ''}>
              {t('app.nav.users')}
            </a>
          )}
          {isAdmin && (
            <a href="#/webhooks" data-testid="nav-webhooks" className={route.page === 'webhooks' ? 'active' : ''}>
              {t('app.nav.webhooks')}
            </a>
          )}
        </nav>
        <span className={`feed ${live ? 'feed-live' : ''}`} data-testid="feed-status" data-live={live}>
          {live ? t('app.feedLive') : t('app.feedConnecting')}
        </span>
        {/* Offers go to those who take customers: assessors and admins (a supervisor watches, an expert is invited). */}
        {(props.user.role === 'assessor' || props.user.role === 'admin') && <QueueDesk user={props.user} notify={push} onOpenCase={(caseId) => go({ page: 'case', caseId })} onOffer={setOfferedCaseId} />}
        <span className="topbar-user">
          {props.user.name}
          {props.user.role === 'admin' && <span className="badge badge-brand">{t('app.role.admin')}</span>}
          {props.user.role === 'supervisor' && <span className="badge badge-brand">{t('app.role.supervisor')}</span>}
        </span>
        <ShortcutHelpButton />
        <LanguageSwitch tone="dark" compact onChange={chooseConsoleLanguage} />
        <button type="button" className="btn btn-small" data-testid="logout" onClick={logout}>
          {t('app.signOut')}
        </button>
      </header>
      <div id="main-content" className="main-content" ref={content}>
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
          <CaseList user={props.user} onOpen={(caseId) => go({ page: 'case', caseId })} notify={push} offeredCaseId={offeredCaseId} />
        )}
      </div>
      <ToastStack toasts={toasts} onDismiss={dismiss} />
    </ConsoleEventsContext.Provider>
  );
}
