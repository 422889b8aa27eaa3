// The tour could not be loaded (or stopped): what went wrong, and a way to try again.
import { MessageScreen } from '../message-screen.tsx';

export function TourFailure(props: { message: string; onRetry: () => void }) {
  return (
    <MessageScreen testId="tour-failed" title="We could not load the tour" tone="bad">
      <p>{props.message}</p>
      <button type="button" className="btn btn-primary" onClick={props.onRetry}>
        Try again
      </button>
    </MessageScreen>
  );
}
