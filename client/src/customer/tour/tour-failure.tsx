// The tour could not be loaded (or stopped): what went wrong, and a way to try again.
import { useTranslation } from 'react-i18next';
import { MessageScreen } from '../message-screen.tsx';

export function TourFailure(props: { message: string; onRetry: () => void }) {
  const { t } = useTranslation('tour');
  return (
    <MessageScreen testId="tour-failed" title={t('failed.title')} tone="bad">
      <p>{props.message}</p>
      <button type="button" className="btn btn-primary" onClick={props.onRetry}>
        {t('failed.retry')}
      </button>
    </MessageScreen>
  );
}
