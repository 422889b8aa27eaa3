// After "No thanks" on the consent screen: nothing was recorded, the assessor is told, and the customer
// can start again while the link works.
import { MessageScreen } from './message-screen.tsx';
import { useTranslation } from 'react-i18next';

export function DeclinedScreen(props: { told: 'telling' | 'told' | 'not-told'; onStartAgain: () => void }) {
  const { t } = useTranslation('customer');
  return (
    <MessageScreen testId="declined" title={t('declined.title')}>
      <p>{t('declined.text')}</p>
      {props.told === 'not-told' && (
        <p className="muted small" data-testid="declined-not-told">
          {t('declined.notTold')}
        </p>
      )}
      <p className="muted">{t('declined.changed')}</p>
      <button type="button" className="btn btn-primary" data-testid="declined-start-again" onClick={props.onStartAgain}>
        {t('declined.startAgain')}
      </button>
    </MessageScreen>
  );
}
