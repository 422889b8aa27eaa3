// The error banner of an admin list that could not be read, with a button to read it again.
import { useTranslation } from 'react-i18next';
import { Banner } from '../../ui/banner.tsx';

export function LoadFailed(props: { error: string; onRetry: () => void }) {
  const { t } = useTranslation('admin');
  return (
    <Banner tone="error">
      {props.error}{' '}
      <button type="button" className="btn btn-small" onClick={props.onRetry}>
        {t('retry')}
      </button>
    </Banner>
  );
}
