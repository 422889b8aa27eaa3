// Full-page messages: loading, an expired or invalid link, a declined consent, a server problem.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

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
  const { t } = useTranslation('customer');
  return (
    <main className="screen message-screen" data-testid="loading" aria-busy="true">
      <div className="spinner" aria-hidden="true" />
      <p className="muted">{t('link.loading')}</p>
    </main>
  );
}
