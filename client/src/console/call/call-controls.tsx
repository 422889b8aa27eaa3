// The call's own controls, the same under the live video and the live guided tour: connect (or call
// again) or hang up, and the badge over the picture; both read the one call state.
import { useTranslation } from 'react-i18next';
import type { ConsoleCall } from './call-state.ts';
import { callAction, videoBadge } from './call-text.ts';

export function CallButton(props: { call: ConsoleCall; connectLabel?: string; onConnect: () => void; onHangUp: () => void }) {
  const { t } = useTranslation('console');
  const action = callAction(props.call, props.connectLabel);
  return action.kind === 'hang-up' ? (
    <button type="button" className="btn btn-danger" data-testid="hang-up" onClick={props.onHangUp}>
      {action.label}
    </button>
  ) : (
    <button
      type="button"
      className="btn btn-primary"
      data-testid="connect"
      disabled={action.disabled}
      title={action.disabled ? t('call.pageNotOpen') : undefined}
      onClick={props.onConnect}
    >
      {action.label}
    </button>
  );
}

/** The badge over the picture (or the tour). */
export function CallBadge(props: { call: ConsoleCall }) {
  useTranslation('console');
  return (
    <span className={`call-pill call-${props.call.phase}`} data-testid="video-badge" data-state={props.call.phase}>
      {videoBadge(props.call)}
    </span>
  );
}
