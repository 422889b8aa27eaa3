// Where the customer is: waiting for the assessor, in a call, or away.
import { useTranslation } from 'react-i18next';
import type { CasePresence } from '../../../../protocol/http.ts';

export function PresenceBadge(props: { presence: CasePresence }) {
  const { t } = useTranslation('console');
  if (props.presence === 'waiting') {
    return (
      <span className="badge badge-warn badge-pulse" data-testid="badge-waiting">
        {t('call.status.waiting')}
      </span>
    );
  }
  if (props.presence === 'live') {
    return (
      <span className="badge badge-ok" data-testid="badge-live">
        {t('call.status.inCall')}
      </span>
    );
  }
  return (
    <span className="badge" data-testid="badge-offline">
      {t('presence.offline')}
    </span>
  );
}
