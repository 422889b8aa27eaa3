// The customer's mode on the ladder (AR → 3D overlay → camera → voice → text), and "Ask to switch to …":
// the customer's device asks them, and their answer comes back.
import { useState } from 'react';
import type { CustomerMode } from '../../../../protocol/messages.ts';
import { MODE_LADDER, modeText } from '../markup/markup-tools.ts';
import type { CustomerModeState, ModeRequest } from '../markup/markup-session.ts';

const answerText = (r: ModeRequest): string =>
  r.status === 'waiting' ? `Asked for ${modeText[r.mode]} — waiting for the customer…` : r.status === 'accepted' ? `Customer accepted ${modeText[r.mode]}` : `Customer declined ${modeText[r.mode]}`;

export function ModeControl(props: { mode: CustomerModeState | null; request: ModeRequest | null; live: boolean; onRequest: (mode: CustomerMode) => void }) {
  const { mode, request } = props;
  const [target, setTarget] = useState<CustomerMode | null>(null);
  const options = mode ? MODE_LADDER.filter((m) => m !== mode.mode && mode.available.includes(m)) : [];
  const chosen = target && options.includes(target) ? target : (options[0] ?? null);
  return (
    <div className="mode-control">
      {/* While the call is down, the ladder is what the customer's device said last. */}
      <span className="mode-title" data-testid="customer-mode-title">
        {mode && !props.live ? 'Customer mode · last reported' : 'Customer mode'}
      </span>
      {mode ? (
        <ol className="mode-ladder" data-testid="customer-mode" data-mode={mode.mode} aria-label={`Customer mode: ${modeText[mode.mode]}`}>
          {MODE_LADDER.map((m) => {
            const state = m === mode.mode ? 'current' : mode.available.includes(m) ? 'available' : 'unavailable';
            return (
              <li key={m} className={`mode-step mode-${state}`} data-mode={m} title={state === 'unavailable' ? 'Not available on the customer’s device' : state === 'current' ? 'Current mode' : 'Available'}>
                {modeText[m]}
              </li>
            );
          })}
        </ol>
      ) : (
        <span className="badge" data-testid="customer-mode" data-mode="">
          {props.live ? 'Not reported yet' : 'Not connected'}
        </span>
      )}
      {props.live && chosen && (
        <span className="mode-ask">
          <label htmlFor="mode-request-select">Ask to switch to</label>
          <select id="mode-request-select" data-testid="mode-request-select" value={chosen} onChange={(e) => setTarget(options.find((m) => m === e.target.value) ?? null)}>
            {options.map((m) => (
              <option key={m} value={m}>
                {modeText[m]}
              </option>
            ))}
          </select>
          <button type="button" className="btn btn-small" data-testid="mode-request-send" disabled={request?.status === 'waiting'} onClick={() => props.onRequest(chosen)}>
            Ask
          </button>
        </span>
      )}
      {request && (
        <span className={`badge ${request.status === 'accepted' ? 'badge-ok' : request.status === 'declined' ? 'badge-bad' : 'badge-brand'}`} data-testid="mode-answer" data-status={request.status} data-mode={request.mode} aria-live="polite">
          {answerText(request)}
        </span>
      )}
    </div>
  );
}
