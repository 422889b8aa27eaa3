// "How they came in": for a case the customer opened at the front door, the service they chose, their
// words, what the digital assistant answered (and from where), the hand-off and a callback number.
// Nothing for a case an assessor opened (the route answers 404).
import { useEffect, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { CaseFrontDoorView } from '../../../../protocol/intake.ts';
import type { QueueChannel } from '../../../../protocol/queue.ts';
import { ApiRequestError, apiFetch } from '../../lib/api.ts';
import { SERVICE_TITLE, sourceWords } from '../../ui/service-words.ts';
import { formatDateTime } from '../../ui/format.ts';
import { handOffReasonWords } from '../queue/hand-off-reason.ts';
import './front-door-panel.css';

const CHANNEL: Record<QueueChannel, string> = { text: 'text', voice: 'voice', video: 'video', xr: 'xr' };

type Load = { state: 'loading' } | { state: 'none' } | { state: 'failed'; message: string } | { state: 'loaded'; view: CaseFrontDoorView };

export function FrontDoorPanel(props: { caseId: string; revision: number }) {
  const { t } = useTranslation('console');
  const [load, setLoad] = useState<Load>({ state: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    apiFetch(`/api/cases/${encodeURIComponent(props.caseId)}/front-door`, CaseFrontDoorView, { signal: controller.signal }).then(
      (view) => setLoad({ state: 'loaded', view }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setLoad(error instanceof ApiRequestError && error.status === 404 ? { state: 'none' } : { state: 'failed', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => controller.abort();
  }, [props.caseId, props.revision]);

  if (load.state === 'loading' || load.state === 'none') return null;
  if (load.state === 'failed') {
    return (
      <section className="card front-door-panel" aria-label={t('frontDoor.title')}>
        <h3>{t('frontDoor.title')}</h3>
        <p className="muted small" role="alert">{load.message}</p>
      </section>
    );
  }
  const { intake, turns, summary, callback } = load.view;
  return (
    <section className="card front-door-panel" aria-label={t('frontDoor.title')} data-testid="front-door-panel">
      <h3>{t('frontDoor.title')}</h3>
      <p className="small">
        <Trans
          t={t}
          i18nKey="frontDoor.came"
          values={{ service: SERVICE_TITLE[intake.service], when: formatDateTime(intake.createdAt), channel: t(`frontDoor.channel.${CHANNEL[intake.channel]}`), outcome: t(`frontDoor.outcome.${intake.outcome}`) }}
          components={{ service: <strong data-testid="front-door-service" /> }}
        />
      </p>
      <blockquote className="front-door-intent" data-testid="front-door-intent">“{intake.intent}”</blockquote>
      {turns.length > 0 && (
        <ol className="front-door-turns" data-testid="front-door-turns">
          {turns.map((turn, i) => (
            <li key={i}>
              <span className="small">
                <Trans t={t} i18nKey="frontDoor.question" values={{ question: turn.question }} components={{ b: <strong /> }} />
              </span>
              <span className="small block muted">
                <Trans t={t} i18nKey="frontDoor.answer" values={{ source: sourceWords(turn.source), answer: turn.answer }} components={{ b: <strong /> }} />
              </span>
            </li>
          ))}
        </ol>
      )}
      {summary && <p className="small muted" data-testid="front-door-handoff">{t('frontDoor.handedOver', { reason: handOffReasonWords(summary.reason), count: summary.photos.count })}</p>}
      {callback && (
        <p className="small" data-testid="front-door-callback">
          <Trans t={t} i18nKey={callback.note ? 'frontDoor.callbackNote' : 'frontDoor.callback'} values={{ phone: callback.phone, note: callback.note }} components={{ b: <strong /> }} />
        </p>
      )}
    </section>
  );
}
