// What the digital assistant hands over, read before Accept: the service, the customer's words, each
// question it was asked and where its answer came from, the photos, why it handed off, and a callback
// number if the customer asked for one.
import { Trans, useTranslation } from 'react-i18next';
import type { QueueOffer } from '../../../../protocol/queue.ts';
import { SERVICE_TITLE, sourceWords } from '../../ui/service-words.ts';
import { handOffReasonWords } from './hand-off-reason.ts';

export function OfferSummary(props: { offer: QueueOffer }) {
  const { t } = useTranslation('console');
  const { summary, callback } = props.offer;
  const service = summary?.service ?? props.offer.service;
  if (!summary && !service && !callback) return null;
  // The first question is the intent itself: its answer's source goes under the quote, not again in the list.
  const intentTurn = summary?.turns[0]?.question === summary?.intent ? summary?.turns[0] : undefined;
  const later = summary ? summary.turns.slice(intentTurn ? 1 : 0) : [];
  return (
    <div className="offer-summary" data-testid="offer-summary">
      {service && <p className="offer-service" data-testid="offer-service">{SERVICE_TITLE[service]}</p>}
      {summary && (
        <>
          <blockquote className="offer-intent" data-testid="offer-intent">“{summary.intent}”</blockquote>
          {intentTurn && <p className="offer-source offer-intent-source" data-source={intentTurn.source}>{t('queue.summary.assistant', { source: sourceWords(intentTurn.source) })}</p>}
          {later.length > 0 && (
            <>
              <h3 className="offer-sub">{t('queue.summary.then')}</h3>
              <ol className="offer-turns" data-testid="offer-turns">
                {later.map((turn, i) => (
                  <li key={i} data-source={turn.source}>
                    <span className="offer-question">{turn.question}</span>
                    <span className={`offer-source ${turn.source === 'none' ? 'offer-source-none' : ''}`}>{sourceWords(turn.source)}</span>
                  </li>
                ))}
              </ol>
            </>
          )}
          <dl className="offer-facts offer-handoff">
            <dt>{t('queue.summary.photos')}</dt>
            <dd data-testid="offer-photos">{summary.photos.count === 0 ? t('actions.none') : summary.photos.count}</dd>
            <dt>{t('queue.summary.handedOver')}</dt>
            <dd data-testid="offer-handoff-reason">{handOffReasonWords(summary.reason)}</dd>
          </dl>
        </>
      )}
      {callback && (
        <p className="offer-callback" data-testid="offer-callback">
          <Trans t={t} i18nKey={callback.note ? 'frontDoor.callbackNote' : 'frontDoor.callback'} values={{ phone: callback.phone, note: callback.note }} components={{ b: <strong /> }} />
        </p>
      )}
    </div>
  );
}
