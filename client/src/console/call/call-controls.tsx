// The call's own controls, the same under the live video and the live guided tour: connect (or call
// again) or hang up, the assessor's microphone, and the badge over the picture; they read the one call
// state. Alt+Shift+A connects, Alt+Shift+H hangs up, Alt+Shift+M mutes (keyboard/shortcuts.ts).
import { useTranslation } from 'react-i18next';
import { ariaKeys } from '../keyboard/shortcuts.ts';
import { useShortcutButton } from '../keyboard/use-shortcuts.tsx';
import type { ConsoleCall } from './call-state.ts';
import { callAction, videoBadge } from './call-text.ts';

export function CallButton(props: { call: ConsoleCall; connectLabel?: string; onConnect: () => void; onHangUp: () => void }) {
  const { t } = useTranslation('console');
  const action = callAction(props.call, props.connectLabel);
  const hangUp = useShortcutButton('hang-up');
  const connect = useShortcutButton('connect');
  // One button that changes what it does, so focus stays on it when the call starts or ends.
  return action.kind === 'hang-up' ? (
    <button ref={hangUp} type="button" className="btn btn-danger" data-testid="hang-up" aria-keyshortcuts={ariaKeys('hang-up')} onClick={props.onHangUp}>
      {action.label}
    </button>
  ) : (
    <button
      ref={connect}
      type="button"
      className="btn btn-primary"
      data-testid="connect"
      aria-keyshortcuts={ariaKeys('connect')}
      disabled={action.disabled}
      title={action.disabled ? t('call.pageNotOpen') : undefined}
      onClick={props.onConnect}
    >
      {action.label}
    </button>
  );
}

/**
 * The assessor's microphone: a toggle pressed while muted. Its name stays "Mute" (a toggle that renamed
 * itself would read "Unmute, pressed"); a crossed microphone and "Your microphone is off" beside it say muted.
 */
export function MuteButton(props: { muted: boolean; onChange: (muted: boolean) => void }) {
  const { t } = useTranslation('console');
  const button = useShortcutButton('mute');
  return (
    <>
      <button
        ref={button}
        type="button"
        className={`btn mute-button${props.muted ? ' mute-on' : ''}`}
        data-testid="mute"
        data-muted={props.muted}
        aria-pressed={props.muted}
        aria-keyshortcuts={ariaKeys('mute')}
        onClick={() => props.onChange(!props.muted)}
      >
        <svg className="mute-icon" viewBox="0 0 16 16" aria-hidden="true">
          <rect x="5.5" y="1.5" width="5" height="8" rx="2.5" />
          <path d="M3 7.5a5 5 0 0 0 10 0M8 12.5v2.5" />
          {props.muted && <path className="mute-slash" d="M2 2l12 12" />}
        </svg>
        {t('call.mute.mute')}
      </button>
      <span className="mute-note" data-testid="mute-note" role="status">
        {props.muted ? t('call.mute.off') : ''}
      </span>
    </>
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
