// Full-page messages: loading, an expired or invalid link, a declined consent, a server problem.
import type { ReactNode } from 'react';

export function MessageScreen(props: { testId: string; title: string; children?: ReactNode; tone?: 'neutral' | 'bad' }) {
  return (
    <main className={`screen message-screen ${props.tone === 'bad' ? 'message-bad' : ''}`} data-testid={props.testId}>
      <div className="message-icon" aria-hidden="true">
        {props.tone === 'bad' ? '!' : 'i'}
      </div>
      <h1>{props.title}</h1>
      {props.children}
    </main>
  );
}

export function LoadingScreen() {
  return (
    <main className="screen message-screen" data-testid="loading" aria-busy="true">
      <div className="spinner" aria-hidden="true" />
      <p className="muted">Opening your session…</p>
    </main>
  );
}
