// The admin's webhooks page (#/webhooks): the endpoints that hear about cases, with their events and
// status; add one (its secret shown once), enable or disable, reveal or rotate the secret, send a test
// event, delete, and each endpoint's delivery history with a retry.
import { Fragment, useCallback, useEffect, useState } from 'react';
import type { WebhookEndpointView } from '../../../../protocol/webhooks.ts';
import { messageOf } from '../../lib/api.ts';
import { Banner, type Tone } from '../../ui/banner.tsx';
import { AddWebhookForm } from './add-webhook-form.tsx';
import { WebhookDeliveries } from './webhook-deliveries.tsx';
import { EVENT_LABELS, attemptSummary } from './webhook-words.ts';
import { webhooksApi } from './webhooks-api.ts';
import './webhooks.css';

/** A secret on screen: which endpoint, and why it is shown (the admin copies it into the receiver). */
interface ShownSecret {
  endpointId: string;
  secret: string;
  note: string;
}

export function WebhooksPage(props: { notify: (tone: Tone, text: string) => void }) {
  const { notify } = props;
  const [endpoints, setEndpoints] = useState<WebhookEndpointView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [shown, setShown] = useState<ShownSecret | null>(null);
  const [history, setHistory] = useState<string | null>(null);

  const load = useCallback(() => {
    webhooksApi.list().then(
      (list) => {
        setEndpoints(list);
        setError(null);
      },
      (e: unknown) => setError(messageOf(e)),
    );
  }, []);
  useEffect(load, [load]);

  function act<T>(action: Promise<T>, done: (value: T) => string | null): void {
    action.then(
      (value) => {
        const text = done(value);
        if (text) notify('success', text);
        load();
      },
      (e: unknown) => notify('error', messageOf(e)),
    );
  }

  const remove = (e: WebhookEndpointView): void => {
    if (!window.confirm(`Delete the endpoint ${e.url}? Its delivery history goes with it.`)) return;
    act(webhooksApi.remove(e.id), () => {
      if (shown?.endpointId === e.id) setShown(null);
      return 'The endpoint was deleted.';
    });
  };
  const reveal = (e: WebhookEndpointView): void =>
    act(webhooksApi.revealSecret(e.id), (secret) => {
      setShown({ endpointId: e.id, secret, note: 'The secret this endpoint is signed with.' });
      return null;
    });
  const sendTest = (e: WebhookEndpointView): void => {
    webhooksApi.sendTest(e.id).then(
      (r) => (r.delivered ? notify('success', `Test event delivered: ${attemptSummary(r.attempt)}.`) : notify('error', `Test event not delivered: ${attemptSummary(r.attempt)}.`)),
      (err: unknown) => notify('error', messageOf(err)),
    );
  };
  const rotate = (e: WebhookEndpointView): void => {
    if (!window.confirm('Rotate the secret? Deliveries are signed with the new one at once; update the receiver.')) return;
    act(webhooksApi.rotateSecret(e.id), (secret) => {
      setShown({ endpointId: e.id, secret, note: 'The new secret signs every delivery from now on.' });
      return null;
    });
  };

  return (
    <main className="page webhooks-page" data-testid="webhooks-page">
      <div className="page-head">
        <div>
          <h1>Webhooks</h1>
          <p className="muted small">Events sent to your claims, payment or repair systems, signed (Standard Webhooks). See docs/WEBHOOKS.md to verify them.</p>
        </div>
        {!adding && (
          <button type="button" className="btn btn-primary" data-testid="add-webhook-open" onClick={() => setAdding(true)}>
            Add endpoint
          </button>
        )}
      </div>
      {adding && (
        <AddWebhookForm
          onCancel={() => setAdding(false)}
          onAdded={(created) => {
            setAdding(false);
            setShown({ endpointId: created.endpoint.id, secret: created.secret, note: 'Copy it into the receiver now: it signs every delivery.' });
            load();
          }}
        />
      )}
      {shown && (
        <Banner tone="info" testId="webhook-secret-banner">
          <div className="webhook-secret">
            <span>Signing secret for {endpoints?.find((e) => e.id === shown.endpointId)?.url ?? 'the endpoint'}:</span>
            <code data-testid="webhook-secret">{shown.secret}</code>
            <button type="button" className="btn btn-small" onClick={() => void navigator.clipboard?.writeText(shown.secret)}>
              Copy
            </button>
            <button type="button" className="btn btn-small" data-testid="webhook-secret-hide" onClick={() => setShown(null)}>
              Hide
            </button>
          </div>
          <p className="small">{shown.note}</p>
        </Banner>
      )}
      {error && (
        <Banner tone="error">
          {error}{' '}
          <button type="button" className="btn btn-small" onClick={load}>
            Retry
          </button>
        </Banner>
      )}
      {endpoints === null && !error && <p className="muted">Loading endpoints…</p>}
      {endpoints?.length === 0 && <p className="muted" data-testid="webhooks-empty">No endpoints yet: nothing leaves Sightline.</p>}
      {endpoints && endpoints.length > 0 && (
        <table className="table" data-testid="webhook-list">
          <thead>
            <tr>
              <th>Endpoint</th>
              <th>Events</th>
              <th>Status</th>
              <th>Waiting</th>
              <th aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {endpoints.map((e) => (
              <Fragment key={e.id}>
                <tr data-testid="webhook-row" data-endpoint-id={e.id} data-enabled={e.enabled}>
                  <td>
                    <strong className="webhook-url">{e.url}</strong>
                    {e.description && <div className="muted small">{e.description}</div>}
                  </td>
                  <td className="small">{e.events.map((ev) => EVENT_LABELS[ev]).join(', ')}</td>
                  <td>{e.enabled ? <span className="badge badge-ok">Enabled</span> : <span className="badge badge-bad">Disabled</span>}</td>
                  <td className="small" data-testid="webhook-waiting">
                    {e.pending} waiting{e.abandoned > 0 && <span className="badge badge-bad"> {e.abandoned} abandoned</span>}
                  </td>
                  <td className="row-actions">
                    <button type="button" className="btn btn-small" data-testid="webhook-history" aria-expanded={history === e.id} onClick={() => setHistory(history === e.id ? null : e.id)}>
                      Deliveries
                    </button>
                    <button type="button" className="btn btn-small" data-testid="webhook-test" onClick={() => sendTest(e)}>
                      Send test event
                    </button>
                    <button type="button" className="btn btn-small" data-testid="webhook-toggle" onClick={() => act(webhooksApi.update(e.id, { enabled: !e.enabled }), () => (e.enabled ? 'Disabled: messages wait until it is enabled again.' : 'Enabled.'))}>
                      {e.enabled ? 'Disable' : 'Enable'}
                    </button>
                    <button type="button" className="btn btn-small" data-testid="webhook-reveal" onClick={() => reveal(e)}>
                      Reveal secret
                    </button>
                    <button type="button" className="btn btn-small" data-testid="webhook-rotate" onClick={() => rotate(e)}>
                      Rotate
                    </button>
                    <button type="button" className="btn btn-small btn-ghost" data-testid="webhook-delete" onClick={() => remove(e)}>
                      Delete
                    </button>
                  </td>
                </tr>
                {history === e.id && (
                  <tr className="user-detail">
                    <td colSpan={5}>
                      <WebhookDeliveries endpointId={e.id} notify={notify} onChanged={load} />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
