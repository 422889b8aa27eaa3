// One endpoint's delivery history: each message with its state and its attempts as a row of dots
// (green: answered 2xx), the last attempt in words, and a retry.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WebhookDeliveryView } from '../../../../protocol/webhooks.ts';
import { messageOf } from '../../lib/api.ts';
import type { Tone } from '../../ui/banner.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { EVENT_LABELS, STATE_BADGE, STATE_NAMES, attemptOk, attemptSummary } from './webhook-words.ts';
import { webhooksApi } from './webhooks-api.ts';

const time = (iso: string | null) => (iso ? formatDateTime(iso) : '');

export function WebhookDeliveries(props: { endpointId: string; notify: (tone: Tone, text: string) => void; onChanged: () => void }) {
  const { endpointId, notify, onChanged } = props;
  const [deliveries, setDeliveries] = useState<WebhookDeliveryView[] | null>(null);
  const { t } = useTranslation('admin');

  const load = useCallback(() => {
    webhooksApi.deliveries(endpointId).then(setDeliveries, (e: unknown) => notify('error', messageOf(e)));
  }, [endpointId, notify]);
  useEffect(load, [load]);

  function retry(id: string): void {
    webhooksApi.retry(endpointId, id).then(
      () => {
        notify('success', t('deliveries.resent'));
        load();
        onChanged();
      },
      (e: unknown) => notify('error', messageOf(e)),
    );
  }

  if (deliveries === null) return <p className="muted small">{t('deliveries.loading')}</p>;
  if (deliveries.length === 0) return <p className="muted small" data-testid="webhook-no-deliveries">{t('deliveries.none')}</p>;
  return (
    <div>
      <div className="row-end">
        <button type="button" className="btn btn-small" data-testid="webhook-deliveries-refresh" onClick={load}>
          {t('deliveries.refresh')}
        </button>
      </div>
      <table className="table webhook-deliveries" data-testid="webhook-deliveries">
        <thead>
          <tr>
            <th>{t('deliveries.event')}</th>
            <th>{t('deliveries.case')}</th>
            <th>{t('deliveries.state')}</th>
            <th>{t('deliveries.attempts')}</th>
            <th>{t('deliveries.lastAttempt')}</th>
            <th aria-label={t('actions')} />
          </tr>
        </thead>
        <tbody>
          {deliveries.map((d) => {
            const last = d.attempts.at(-1);
            return (
              <tr key={d.id} data-testid="webhook-delivery" data-message-id={d.id} data-state={d.state}>
                <td>
                  {EVENT_LABELS[d.event]}
                  <div className="muted small">{d.id}</div>
                </td>
                <td>
                  <a href={`#/cases/${encodeURIComponent(d.caseId)}`}>{t('deliveries.entry', { seq: d.ledgerSeq })}</a>
                </td>
                <td>
                  <span className={`badge ${STATE_BADGE[d.state]}`}>{STATE_NAMES[d.state]}</span>
                  {d.state === 'pending' && d.nextAttemptAt && <div className="muted small">{t('deliveries.next', { when: time(d.nextAttemptAt) })}</div>}
                </td>
                <td>
                  <ol className="webhook-attempts" aria-label={t('deliveries.attemptCount', { count: d.attempts.length })} data-testid="webhook-attempts">
                    {d.attempts.map((a, i) => (
                      <li key={`${a.at}-${i}`} className={`webhook-attempt${attemptOk(a) ? ' webhook-attempt-ok' : ''}`} title={t('deliveries.attemptTitle', { when: time(a.at), attempt: attemptSummary(a) })}>
                        <span className="visually-hidden">{t(attemptOk(a) ? 'deliveries.attemptOk' : 'deliveries.attemptFailed')}</span>
                      </li>
                    ))}
                  </ol>
                </td>
                <td className="small" data-testid="webhook-last-attempt">{last ? t('deliveries.lastLine', { when: time(last.at), attempt: attemptSummary(last) }) : t('deliveries.notYet')}</td>
                <td className="row-actions">
                  <button type="button" className="btn btn-small" data-testid="webhook-retry" onClick={() => retry(d.id)}>
                    {d.state === 'delivered' ? t('deliveries.sendAgain') : t('deliveries.retryNow')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
