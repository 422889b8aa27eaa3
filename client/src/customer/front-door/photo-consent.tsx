// Photos before a person joins: they are evidence, so the customer first agrees to how they are kept —
// the same consent the consent screen asks for (it covers the call's recording too, and says so).
// Once given, the usual gallery upload; the consent screen is then not asked again.
import { useState, type RefObject } from 'react';
import type { JoinView, Location } from '../../../../protocol/http.ts';
import { messageOf } from '../../lib/api.ts';
import { PhotoIcon } from '../call-icons.tsx';
import { GalleryUpload } from '../gallery-upload.tsx';
import { giveConsent } from '../join-api.ts';

export function PhotoConsent(props: { join: JoinView; token: string; location: RefObject<Location | null>; onUploaded: () => void }) {
  const [consented, setConsented] = useState(props.join.consented);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const notice = props.join.notice;

  if (consented) return <GalleryUpload caseId={props.join.case.id} token={props.token} location={props.location} onUploaded={props.onUploaded} />;
  if (!asking) {
    return (
      <button type="button" className="btn btn-small gallery-pick" data-testid="photos-consent-open" onClick={() => setAsking(true)}>
        <PhotoIcon /> Add photos
      </button>
    );
  }
  const agree = (): void => {
    setBusy(true);
    setError(null);
    giveConsent(props.token, { recording: true, location: false }).then(
      () => setConsented(true),
      (failure: unknown) => setError(messageOf(failure)),
    ).finally(() => setBusy(false));
  };
  return (
    <div className="card fd-photo-consent" role="group" aria-label="Before you add photos" data-testid="photos-consent">
      <p>
        Photos you add are kept as evidence with your case{notice?.organisation ? ` by ${notice.organisation}` : ''}: stored once, sealed, and never
        changed. Agreeing also covers the video and sound of the call and the chat once a person joins.
        {notice?.retentionDays ? ` They are kept for ${notice.retentionDays} days after a decision on your case.` : ''}
      </p>
      {notice?.privacyUrl && (
        <p>
          <a href={notice.privacyUrl} target="_blank" rel="noopener noreferrer">Read the privacy notice</a>
        </p>
      )}
      {error && <p className="field-error" role="alert">{error}</p>}
      <div className="fd-row">
        <button type="button" className="btn" onClick={() => setAsking(false)}>Not now</button>
        <button type="button" className="btn btn-primary" data-testid="photos-consent-agree" disabled={busy} onClick={agree}>
          I agree, add photos
        </button>
      </div>
    </div>
  );
}
