// The mode ladder as one compact segmented control (AR · 3D · Camera · Voice · Text, as the device
// offers them), and the assessor's proposal to switch (with their reason), which the customer answers.
import type { CustomerMode } from '../../../protocol/messages.ts';
import { Banner } from '../ui/banner.tsx';
import { MODE_HINT, MODE_LABEL, MODE_SHORT } from './modes.ts';
import type { ModeProposal } from './use-customer-mode.ts';

export function ModeBar(props: {
  mode: CustomerMode;
  available: readonly CustomerMode[];
  onSwitch: (mode: CustomerMode) => void;
}) {
  if (props.available.length < 2) return null;
  return (
    <div className="mode-bar" role="group" aria-label="How you share" data-testid="customer-mode" data-mode={props.mode}>
      {props.available.map((m) => (
        <button
          key={m}
          type="button"
          className="mode-segment"
          data-testid={`mode-${m}`}
          aria-pressed={m === props.mode}
          title={`${MODE_LABEL[m]}: ${MODE_HINT[m]}`}
          onClick={() => m !== props.mode && props.onSwitch(m)}
        >
          {MODE_SHORT[m]}
        </button>
      ))}
    </div>
  );
}

export function ModeRequest(props: { requested: ModeProposal | null; onAnswer: (accepted: boolean) => void }) {
  const { requested } = props;
  if (!requested) return null;
  return (
    <Banner tone="info" testId="mode-request">
      Your assessor asks to switch to <strong>{MODE_LABEL[requested.mode]}</strong>
      {requested.reason ? (
        <>
          {' '}
          <q data-testid="mode-request-reason">{requested.reason}</q>
        </>
      ) : null}
      . It is your choice: nothing changes unless you agree.{' '}
      <button type="button" className="btn btn-small btn-primary" data-testid="mode-request-accept" onClick={() => props.onAnswer(true)}>
        Switch
      </button>{' '}
      <button type="button" className="btn btn-small" data-testid="mode-request-decline" onClick={() => props.onAnswer(false)}>
        Not now
      </button>
    </Banner>
  );
}
