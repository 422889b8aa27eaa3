// Which mode the customer is in, the others they can switch to, and the assessor's request to switch.
import type { CustomerMode } from '../../../protocol/messages.ts';
import { Banner } from '../ui/banner.tsx';
import { MODE_HINT, MODE_LABEL } from './modes.ts';

export function ModeBar(props: {
  mode: CustomerMode;
  available: readonly CustomerMode[];
  requested: CustomerMode | null;
  onSwitch: (mode: CustomerMode) => void;
  onAnswer: (accepted: boolean) => void;
}) {
  const others = props.available.filter((m) => m !== props.mode);
  return (
    <section className="mode-bar" aria-label="How you are sharing">
      <div className="mode-current" data-testid="customer-mode" data-mode={props.mode}>
        <span className="muted small">You are in</span> <strong>{MODE_LABEL[props.mode]}</strong>
        <span className="muted small mode-hint"> · {MODE_HINT[props.mode]}</span>
      </div>
      {others.length > 0 && (
        <div className="mode-switch">
          {others.map((m) => (
            <button key={m} type="button" className={`btn btn-small ${m === 'ar' ? 'btn-primary' : ''}`} data-testid={`mode-${m}`} onClick={() => props.onSwitch(m)}>
              {m === 'ar' ? 'Start AR view' : `Switch to ${MODE_LABEL[m].toLowerCase()}`}
            </button>
          ))}
        </div>
      )}
      {props.requested && (
        <Banner tone="info" testId="mode-request">
          Your assessor asks you to switch to <strong>{MODE_LABEL[props.requested]}</strong>.{' '}
          <button type="button" className="btn btn-small btn-primary" data-testid="mode-request-accept" onClick={() => props.onAnswer(true)}>
            Switch
          </button>{' '}
          <button type="button" className="btn btn-small" data-testid="mode-request-decline" onClick={() => props.onAnswer(false)}>
            Not now
          </button>
        </Banner>
      )}
    </section>
  );
}
