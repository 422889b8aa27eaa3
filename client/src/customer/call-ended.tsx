// After the call: "Call ended — thank you" when the assessor ended it, "You left the call" when the
// customer hung up; the camera and microphone are already stopped. What happens next, and a way back
// in while the link is valid (above the survey when the customer left, so a mistaken hang-up is undone
// at once). Either way the customer is asked how it went (the survey card). A settlement offer the
// assessor makes now shows here, and a decided one's receipt stays reachable.
import { useEffect, useRef } from 'react';
import type { JoinView } from '../../../protocol/http.ts';
import { formatDateTime } from '../ui/format.ts';
import { LanguageSwitch } from '../ui/language-switch.tsx';
import { OfferSheet } from './settlement/offer-sheet.tsx';
import { useOffer } from './settlement/use-offer.ts';
import { SurveyCard } from './survey-card.tsx';
import { useTranslation } from 'react-i18next';

export function CallEnded(props: { join: JoinView; token: string; by: 'assessor' | 'customer'; evidenceCount: number; now: Date; onRejoin: () => void; onLanguage: (language: string) => void }) {
  const { t } = useTranslation('customer');
  const assessor = props.join.notice?.assessorName ?? t('assessor');
  const valid = new Date(props.join.expiresAt).getTime() > props.now.getTime();
  const left = props.by === 'customer';
  const offer = useOffer({ token: props.token, messages: null });
  // The call's controls are gone: focus starts again from this screen's heading, not lost on the page.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  // "If that was a mistake, join again": after hanging up, the way back is right under those words, above
  // the survey (below it, it was off a phone's screen); after the assessor ended the call it follows the survey.
  const rejoin = valid ? (
    <>
      <button type="button" className="btn btn-primary btn-block" data-testid="call-rejoin" onClick={props.onRejoin}>
        {t(left ? 'ended.rejoinCall' : 'ended.rejoin')}
      </button>
      <p className="call-ended-note">{t('ended.validNote', { time: formatDateTime(props.join.expiresAt) })}</p>
    </>
  ) : (
    <p className="call-ended-note">{t('ended.expiredNote')}</p>
  );
  return (
    <main className="call-app call-app-ended" data-testid="customer-call" data-state={left ? 'left' : 'ended'}>
      <section className="call-ended" data-testid="call-ended" data-by={props.by}>
        <div className="language-row">
          <LanguageSwitch tone="dark" onChange={props.onLanguage} />
        </div>
        <div className="call-ended-icon" aria-hidden="true">
          {left ? '↩' : '✓'}
        </div>
        <h1 ref={heading} tabIndex={-1}>
          {t(left ? 'ended.left' : 'ended.ended')}
        </h1>
        <p className="call-ended-case">{props.join.case.title}</p>
        <OfferSheet token={props.token} current={offer.current} arrivals={offer.arrivals} onDecided={() => offer.reload()} inline />
        <p>{t('ended.off')}</p>
        {left ? (
          <p>{t('ended.leftText', { name: assessor })}</p>
        ) : (
          <p>
            {t('ended.reviewNext', {
              review: props.evidenceCount > 0 ? t('ended.reviewPhotos', { name: assessor, count: props.evidenceCount }) : t('ended.review', { name: assessor }),
              next: t(offer.current?.offer?.state === 'open' ? 'ended.nextOffer' : 'ended.nextNothing'),
            })}
          </p>
        )}
        {left && rejoin}
        <SurveyCard token={props.token} />
        {!left && rejoin}
      </section>
    </main>
  );
}
