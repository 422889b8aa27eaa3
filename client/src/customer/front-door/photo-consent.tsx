// Photos before a person joins: they are evidence, so the customer first agrees to how they are kept —
// the same consent the consent screen asks for (it covers the call's recording too, and says so).
// Once given, the usual gallery upload; the consent screen is then not asked again.
import { useState, type RefObject } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { JoinView, Location } from '../../../../protocol/http.ts';
import { messageOf } from '../../lib/api.ts';
import { PhotoIcon } from '../call-icons.tsx';
import { GalleryUpload } from '../gallery-upload.tsx';
import { giveConsent } from '../join-api.ts';

/** What agreeing covers: by whom the photos are kept (when named) and for how long (when set). */
function consentWords(t: TFunction<'frontdoor'>, organisation: string | null, retentionDays: number | null): string {
  const key = organisation ? 'photos.keptBy' : 'photos.kept';
  return retentionDays ? t(`${key}Days`, { organisation, count: retentionDays }) : t(key, { organisation });
}

export function PhotoConsent(props: { join: JoinView; token: string; location: RefObject<Location | null>; onUploaded: () => void }) {
  const { t } = useTranslation('frontdoor');
  const [consented, setConsented] = useState(props.join.consented);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const notice = props.join.notice;

  if (consented) return <GalleryUpload caseId={props.join.case.id} token={props.token} location={props.location} onUploaded={props.onUploaded} />;
  if (!asking) {
    return (
      <button type="button" className="btn btn-small gallery-pick" data-testid="photos-consent-open" onClick={() => setAsking(true)}>
        <PhotoIcon /> {t('photos.add')}
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
    <div className="card fd-photo-consent" role="group" aria-label={t('photos.before')} data-testid="photos-consent">
      <p>{consentWords(t, notice?.organisation ?? null, notice?.retentionDays ?? null)}</p>
      {notice?.privacyUrl && (
        <p>
          <a href={notice.privacyUrl} target="_blank" rel="noopener noreferrer">{t('photos.privacy')}</a>
        </p>
      )}
      {error && <p className="field-error" role="alert">{error}</p>}
      <div className="fd-row">
        <button type="button" className="btn" onClick={() => setAsking(false)}>{t('photos.notNow')}</button>
        <button type="button" className="btn btn-primary" data-testid="photos-consent-agree" disabled={busy} onClick={agree}>
          {t('photos.agree')}
        </button>
      </div>
    </div>
  );
}
