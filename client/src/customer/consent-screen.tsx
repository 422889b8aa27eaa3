// Step 1: who is asking, what is recorded and why; the customer accepts or declines.
import { useState } from 'react';
import type { JoinView } from '../../../protocol/http.ts';
import { formatDateTime } from '../ui/format.ts';

export function ConsentScreen(props: {
  join: JoinView;
  busy: boolean;
  onAccept: (shareLocation: boolean) => void;
  onDecline: () => void;
}) {
  const [shareLocation, setShareLocation] = useState(false);
  const { case: joinCase } = props.join;
  const what = joinCase.kind === 'damage' ? 'the damage' : 'what you would like to see';
  return (
    <main className="screen" data-testid="consent-screen">
      <p className="eyebrow">Video assessment</p>
      <h1>{joinCase.customerName ? `Hello ${joinCase.customerName},` : 'Hello,'}</h1>
      <p>
        Your assessor would like to look at {what} with you over a live video call from this phone. No app or account
        is needed.
      </p>
      <div className="card case-card">
        <span className="muted small">Case</span>
        <strong data-testid="consent-case-title">{joinCase.title}</strong>
      </div>

      <h2>What is recorded</h2>
      <ul className="recorded">
        <li>The video and sound of the call</li>
        <li>Photos taken during the call, by you or your assessor, and photos you add</li>
        <li>Chat messages</li>
        <li>Where a photo was taken — only if you allow it below</li>
      </ul>
      <h2>Why</h2>
      <p>
        To assess your case, and to keep a sealed record of the evidence that you and the insurer can both rely on.
        Every item is stored once and cannot be changed afterwards.
      </p>

      <label className="check card">
        <input type="checkbox" data-testid="consent-location" checked={shareLocation} onChange={(e) => setShareLocation(e.target.checked)} />
        <span>
          Share my location with photos
          <span className="muted small block">Helps confirm where the damage is. Off unless you turn it on.</span>
        </span>
      </label>

      <div className="actions">
        <button type="button" className="btn btn-primary btn-block" data-testid="consent-accept" disabled={props.busy} onClick={() => props.onAccept(shareLocation)}>
          {props.busy ? 'One moment…' : 'I agree, continue'}
        </button>
        <button type="button" className="btn btn-block" data-testid="consent-decline" disabled={props.busy} onClick={props.onDecline}>
          No thanks
        </button>
      </div>
      <p className="muted small center">This link works until {formatDateTime(props.join.expiresAt)}.</p>
    </main>
  );
}
