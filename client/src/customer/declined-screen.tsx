// After "No thanks" on the consent screen: nothing was recorded, the assessor is told, and the customer
// can start again while the link works.
import { MessageScreen } from './message-screen.tsx';

export function DeclinedScreen(props: { told: 'telling' | 'told' | 'not-told'; onStartAgain: () => void }) {
  return (
    <MessageScreen testId="declined" title="You declined — nothing was recorded">
      <p>Nothing was shared with your assessor and nothing was recorded. You can close this page.</p>
      {props.told === 'not-told' && (
        <p className="muted small" data-testid="declined-not-told">
          We could not let your assessor know, so they may get in touch.
        </p>
      )}
      <p className="muted">Changed your mind? This link keeps working until it expires.</p>
      <button type="button" className="btn btn-primary" data-testid="declined-start-again" onClick={props.onStartAgain}>
        Start again
      </button>
    </MessageScreen>
  );
}
