// One endpoint's delivery history: each message with its state and its attempts as a row of dots
// (green: answered 2xx), the last attempt in words, and a retry.
import { useCallback, useEffect, useState } from 'react';
import type { WebhookDeliveryView } from '../../../../protocol/webhooks.ts';
import { messageOf } from '../../lib/api.ts';
import type { Tone } from '../../ui/banner.tsx';
import { EVENT_LABELS, STATE_LABELS, attemptOk, attemptSummary } from './webhook-words.ts';
import { webhooksApi } from './webhooks-api.ts';

const time = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '');

export function WebhookDeliveries(props: { endpointId: string; notify: (tone: Tone, text: string) => void; onChanged: () => void }) {
  const { endpointId, notify, onChanged } = props;
  const [deliveries, setDeliveries] = useState<WebhookDeliveryView[] | null>(null);

  const load = useCallback(() => {
    webhooksApi.deliveries(endpointId).then(setDeliveries, (e: unknown) => notify('error', messageOf(e)));
  }, [endpointId, notify]);
  useEffect(load, [load]);

  function retry(id: string): void {
    webhooksApi.retry(endpointId, id).then(
      () => {
        notify('success', 'The message is sent again now.');
        load();
        onChanged();
      },
      (e: unknown) => notify('error', messageOf(e)),
    );
  }

  if (deliveries === null) return <p className="muted small">Loading deliveries…</p>;
  if (deliveries.length === 0) return <p className="muted small" data-testid="webhook-no-deliveries">No messages yet.</p>;
  return (
    <div>
      <div className="row-end">
        <button type="button" className="btn btn-small" data-testid="webhook-deliveries-refresh" onClick={load}>
          Refresh
        </button>
      </div>
      <table className="table webhook-deliveries" data-testid="webhook-deliveries">
        <thead>
          <tr>
            <th>Event</th>
            <th>Case</th>
            <th>State</th>
            <th>Attempts</th>
            <th>Last attempt</th>
            <th aria-label="Actions" />
          </tr>
        </thead>
        <tbody>
          {deliveries.map((d) => {
            const last = d.attempts.at(-1);
            const state = STATE_LABELS[d.state];
            return (
              <tr key={d.id} data-testid="webhook-delivery" data-message-id={d.id} data-state={d.state}>
                <td>
                  {EVENT_LABELS[d.event]}
                  <div className="muted small">{d.id}</div>
                </td>
                <td>
                  <a href={`#/cases/${encodeURIComponent(d.caseId)}`}>entry {d.ledgerSeq}</a>
                </td>
                <td>
                  <span className={`badge ${state.badge}`}>{state.text}</span>
                  {d.state === 'pending' && d.nextAttemptAt && <div className="muted small">next {time(d.nextAttemptAt)}</div>}
                </td>
                <td>
                  <ol className="webhook-attempts" aria-label={`${d.attempts.length} attempts`} data-testid="webhook-attempts">
                    {d.attempts.map((a, i) => (
                      <li key={`${a.at}-${i}`} className={`webhook-attempt${attemptOk(a) ? ' webhook-attempt-ok' : ''}`} title={`${time(a.at)}: ${attemptSummary(a)}`} />
                    ))}
                  </ol>
                </td>
                <td className="small" data-testid="webhook-last-attempt">{last ? `${time(last.at)} · ${attemptSummary(last)}` : 'not yet'}</td>
                <td className="row-actions">
                  <button type="button" className="btn btn-small" data-testid="webhook-retry" onClick={() => retry(d.id)}>
                    {d.state === 'delivered' ? 'Send again' : 'Retry now'}
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
