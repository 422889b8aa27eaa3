// Step 1: who is asking (the organisation and the assessor), what is recorded and why, how long it is
// kept and where the privacy notice is; the customer accepts or declines. A damage case is a video
// call; a preview with a tour is a guided tour on a voice call, and says so.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JoinView } from '../../../protocol/http.ts';
import { i18next } from '../i18n/i18n.ts';
import { formatDateTime } from '../ui/format.ts';
import { LanguageSwitch } from '../ui/language-switch.tsx';

export function ConsentScreen(props: {
  join: JoinView;
  busy: boolean;
  onAccept: (shareLocation: boolean) => void;
  onDecline: () => void;
  /** The customer picked another language (the switch on top of the screen). */
  onLanguage: (language: string) => void;
}) {
  const { t } = useTranslation('customer');
  const [shareLocation, setShareLocation] = useState(false);
  const { case: joinCase } = props.join;
  const notice = props.join.notice;
  const organisation = notice?.organisation ?? null;
  const what = t(joinCase.kind === 'damage' ? 'consent.whatDamage' : 'consent.whatPreview');
  const tour = joinCase.kind === 'preview' && props.join.tour != null;
  const name = notice?.assessorName ?? t(tour ? 'agent' : 'assessor');
  const who = organisation ? t('consent.whoFrom', { name, organisation }) : name;
  const device = t(deviceIsPhone() ? 'consent.devicePhone' : 'consent.deviceOther');
  const kind = t(tour ? 'consent.kindTour' : 'consent.kindVideo');
  return (
    <main className="screen" data-testid="consent-screen" data-kind={tour ? 'tour' : 'video'}>
      <div className="language-row">
        <p className="eyebrow">{organisation ? t('consent.eyebrow', { organisation, kind }) : kind}</p>
        <LanguageSwitch onChange={props.onLanguage} />
      </div>
      <h1>{joinCase.customerName ? t('consent.helloName', { name: joinCase.customerName }) : t('consent.hello')}</h1>
      <p>{t(tour ? 'consent.introTour' : 'consent.introVideo', { who, what, device })}</p>
      <dl className="card case-card">
        <dt className="muted small">{t('consent.case')}</dt>
        <dd>
          <strong data-testid="consent-case-title">{joinCase.title}</strong>
        </dd>
        {notice?.assessorName && (
          <>
            <dt className="muted small">{t(tour ? 'agent' : 'assessor')}</dt>
            <dd data-testid="consent-assessor">{notice.assessorName}</dd>
          </>
        )}
        {organisation && (
          <>
            <dt className="muted small">{t('consent.onBehalfOf')}</dt>
            <dd data-testid="consent-organisation">{organisation}</dd>
          </>
        )}
      </dl>

      <h2>{t('consent.recordedTitle')}</h2>
      <ul className="recorded">
        {(tour ? ['tourSound', 'tourLooks', 'tourPoints', 'chat'] : ['videoAv', 'videoPhotos', 'chat', 'videoLocation']).map((item) => (
          <li key={item}>{t(`consent.${item}`)}</li>
        ))}
      </ul>
      <h2>{t('consent.whyTitle')}</h2>
      <p>{t(tour ? 'consent.whyTour' : 'consent.whyVideo')}</p>

      <h2>{t('consent.keptTitle')}</h2>
      <p data-testid="consent-retention">
        {notice?.retentionDays
          ? t(tour ? 'consent.retentionTour' : 'consent.retentionVideo', { kept: keptFor(notice.retentionDays) })
          : t('consent.retentionOpen', { organisation: organisation ?? t('consent.theOrganisation'), who: t(tour ? 'yourAgent' : 'yourAssessor') })}
      </p>
      {notice?.privacyUrl && (
        <p>
          <a href={notice.privacyUrl} target="_blank" rel="noopener noreferrer" data-testid="consent-privacy">
            {organisation ? t('consent.privacyOf', { organisation }) : t('consent.privacy')}
          </a>
        </p>
      )}

      {/* A tour takes no photos, so there is no location to add to them. */}
      {!tour && (
        <label className="check card">
          <input type="checkbox" data-testid="consent-location" checked={shareLocation} onChange={(e) => setShareLocation(e.target.checked)} />
          <span>
            {t('consent.location')}
            <span className="muted small block">{t('consent.locationHint')}</span>
          </span>
        </label>
      )}

      <div className="actions">
        <button type="button" className="btn btn-primary btn-block" data-testid="consent-accept" disabled={props.busy} onClick={() => props.onAccept(shareLocation)}>
          {t(props.busy ? 'consent.busy' : 'consent.accept')}
        </button>
        <button type="button" className="btn btn-block" data-testid="consent-decline" disabled={props.busy} onClick={props.onDecline}>
          {t('consent.decline')}
        </button>
      </div>
      <p className="muted small center">{t('consent.validUntil', { time: formatDateTime(props.join.expiresAt) })}</p>
    </main>
  );
}

/** "phone" on a small touch screen; "device" on anything else (a desktop must not read "this phone"). */
function deviceIsPhone(): boolean {
  return window.matchMedia('(pointer: coarse) and (max-width: 600px)').matches;
}

/** "Kept for one year", "Kept for 2 years", "Kept for 30 days". */
function keptFor(days: number): string {
  return days % 365 === 0 ? i18next.t('customer:consent.keptYears', { count: days / 365 }) : i18next.t('customer:consent.keptDays', { count: days });
}
