// The customer's mode on the ladder (AR → 3D overlay → camera → voice → text), and "Ask to switch to …"
// with a reason the customer reads: the proposal is stored, the customer's device asks them, and their
// answer (accepted or declined) comes back.
import { useState } from 'react';
import type { CustomerMode } from '../../../../protocol/messages.ts';
import { MODE_LADDER, modeText } from '../markup/markup-tools.ts';
import type { CustomerModeState, ModeRequest } from '../markup/markup-session.ts';

const answerText = (r: ModeRequest): string =>
  r.status === 'waiting' ? `Asked for ${modeText[r.mode]} — waiting for the customer…` : r.status === 'accepted' ? `Customer accepted ${modeText[r.mode]}` : `Customer declined ${modeText[r.mode]}`;

/** A reason to offer for each target; the assessor may type another. */
const SUGGESTED_REASON: Record<CustomerMode, string> = {
  ar: 'so I can measure the damage in your room',
  overlay: 'so I can mark the damage on your picture',
  camera: 'so I can see the damage',
  voice: 'so we can talk it through',
  text: 'so we can carry on in writing',
};

export function ModeControl(props: { mode: CustomerModeState | null; request: ModeRequest | null; live: boolean; onRequest: (mode: CustomerMode, reason: string | null) => void }) {
  const { mode, request } = props;
  const [target, setTarget] = useState<CustomerMode | null>(null);
  /** null: the suggestion for the chosen mode. */
  const [reason, setReason] = useState<string | null>(null);
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
          <select
            id="mode-request-select"
            data-testid="mode-request-select"
            value={chosen}
            onChange={(e) => {
              setTarget(options.find((m) => m === e.target.value) ?? null);
              setReason(null);
            }}
          >
            {options.map((m) => (
              <option key={m} value={m}>
                {modeText[m]}
              </option>
            ))}
          </select>
          <input
            className="mode-reason"
            data-testid="mode-request-reason"
            aria-label="Why (the customer reads this)"
            placeholder="Why (the customer reads this)"
            list="mode-reason-options"
            maxLength={200}
            value={reason ?? SUGGESTED_REASON[chosen]}
            onChange={(e) => setReason(e.target.value)}
          />
          <datalist id="mode-reason-options">
            {Object.values(SUGGESTED_REASON).map((text) => (
              <option key={text} value={text} />
            ))}
          </datalist>
          <button type="button" className="btn btn-small" data-testid="mode-request-send" disabled={request?.status === 'waiting'} onClick={() => props.onRequest(chosen, reason ?? SUGGESTED_REASON[chosen])}>
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
