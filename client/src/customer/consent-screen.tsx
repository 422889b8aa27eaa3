// Step 1: who is asking (the organisation and the assessor), what is recorded and why, how long it is
// kept and where the privacy notice is; the customer accepts or declines. A damage case is a video
// call; a preview with a tour is a guided tour on a voice call, and says so.
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
  const notice = props.join.notice;
  const organisation = notice?.organisation ?? null;
  const what = joinCase.kind === 'damage' ? 'the damage' : 'what you would like to see';
  const tour = joinCase.kind === 'preview' && props.join.tour != null;
  const who = `${notice?.assessorName ?? (tour ? 'Your agent' : 'Your assessor')}${organisation ? ` from ${organisation}` : ''}`;
  const device = deviceWord();
  return (
    <main className="screen" data-testid="consent-screen" data-kind={tour ? 'tour' : 'video'}>
      <p className="eyebrow">
        {organisation ? `${organisation} · ` : ''}
        {tour ? 'Guided preview' : 'Video assessment'}
      </p>
      <h1>{joinCase.customerName ? `Hello ${joinCase.customerName},` : 'Hello,'}</h1>
      {tour ? (
        <p>
          {who} would like to guide you through a tour of {what} on a voice call, from this {device}. You can look
          around on your own at any time. No app or account is needed.
        </p>
      ) : (
        <p>
          {who} would like to look at {what} with you over a live video call from this {device}. No app or account is
          needed.
        </p>
      )}
      <dl className="card case-card">
        <dt className="muted small">Case</dt>
        <dd>
          <strong data-testid="consent-case-title">{joinCase.title}</strong>
        </dd>
        {notice?.assessorName && (
          <>
            <dt className="muted small">{tour ? 'Your agent' : 'Your assessor'}</dt>
            <dd data-testid="consent-assessor">{notice.assessorName}</dd>
          </>
        )}
        {organisation && (
          <>
            <dt className="muted small">On behalf of</dt>
            <dd data-testid="consent-organisation">{organisation}</dd>
          </>
        )}
      </dl>

      <h2>What is recorded</h2>
      {tour ? (
        <ul className="recorded">
          <li>The sound of the call</li>
          <li>What you look at in the tour, and for how long</li>
          <li>Where your agent points, and the offers they make</li>
          <li>Chat messages</li>
        </ul>
      ) : (
        <ul className="recorded">
          <li>The video and sound of the call</li>
          <li>Photos taken during the call, by you or your assessor, and photos you add</li>
          <li>Chat messages</li>
          <li>Where a photo was taken — only if you allow it below</li>
        </ul>
      )}
      <h2>Why</h2>
      {tour ? (
        <p>
          So that you and the seller both have a sealed record of what you were shown and offered before you decide.
          Every item is stored once and cannot be changed afterwards.
        </p>
      ) : (
        <p>
          To assess your case, and to keep a sealed record of the evidence that you and the insurer can both rely on.
          Every item is stored once and cannot be changed afterwards.
        </p>
      )}

      <h2>How long it is kept</h2>
      <p data-testid="consent-retention">
        {notice?.retentionDays
          ? `${retentionWords(notice.retentionDays)} after a decision on your case. Then the ${tour ? 'recording' : 'photos and the recording'} are deleted; the sealed list of what was shared, and the chat, stay with the case.`
          : `With your case record, for as long as ${organisation ?? 'the organisation handling your case'} keeps case records. Ask ${tour ? 'your agent' : 'your assessor'} if you would like to know more.`}
      </p>
      {notice?.privacyUrl && (
        <p>
          <a href={notice.privacyUrl} target="_blank" rel="noopener noreferrer" data-testid="consent-privacy">
            Read the privacy notice{organisation ? ` of ${organisation}` : ''}
          </a>
        </p>
      )}

      {/* A tour takes no photos, so there is no location to add to them. */}
      {!tour && (
        <label className="check card">
          <input type="checkbox" data-testid="consent-location" checked={shareLocation} onChange={(e) => setShareLocation(e.target.checked)} />
          <span>
            Share my location with photos
            <span className="muted small block">Helps confirm where the damage is. Off unless you turn it on.</span>
          </span>
        </label>
      )}

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

/** "phone" on a small touch screen; "device" on anything else (a desktop must not read "this phone"). */
function deviceWord(): 'phone' | 'device' {
  return window.matchMedia('(pointer: coarse) and (max-width: 600px)').matches ? 'phone' : 'device';
}

function retentionWords(days: number): string {
  if (days % 365 === 0) return days === 365 ? 'Kept for one year' : `Kept for ${days / 365} years`;
  return days === 1 ? 'Kept for one day' : `Kept for ${days} days`;
}
