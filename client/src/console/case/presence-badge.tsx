// Where the customer is: waiting for the assessor, in a call, or away.
import type { CasePresence } from '../../../../protocol/http.ts';

export function PresenceBadge(props: { presence: CasePresence }) {
  if (props.presence === 'waiting') {
    return (
      <span className="badge badge-warn badge-pulse" data-testid="badge-waiting">
        Customer waiting
      </span>
    );
  }
  if (props.presence === 'live') {
    return (
      <span className="badge badge-ok" data-testid="badge-live">
        In call
      </span>
    );
  }
  return (
    <span className="badge" data-testid="badge-offline">
      Customer offline
    </span>
  );
}
