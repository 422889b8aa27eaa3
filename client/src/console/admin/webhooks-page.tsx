// The admin's webhooks page (#/webhooks): the endpoints that hear about cases, with their events and
// status; add one (its secret shown once), enable or disable, reveal or rotate the secret, send a test
// event, delete, and each endpoint's delivery history with a retry.
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WebhookEndpointView } from '../../../../protocol/webhooks.ts';
import { messageOf } from '../../lib/api.ts';
import { Banner, type Tone } from '../../ui/banner.tsx';
import { AddWebhookForm } from './add-webhook-form.tsx';
import { LoadFailed } from './load-failed.tsx';
import { useLoaded } from './use-loaded.ts';
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
  const { t } = useTranslation('admin');
  const { value: endpoints, error, reload: load } = useLoaded(webhooksApi.list);
  const [adding, setAdding] = useState(false);
  const [shown, setShown] = useState<ShownSecret | null>(null);
  const [history, setHistory] = useState<string | null>(null);

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
    if (!window.confirm(t('webhooks.confirmDelete', { url: e.url }))) return;
    act(webhooksApi.remove(e.id), () => {
      if (shown?.endpointId === e.id) setShown(null);
      return t('webhooks.deleted');
    });
  };
  const reveal = (e: WebhookEndpointView): void =>
    act(webhooksApi.revealSecret(e.id), (secret) => {
      setShown({ endpointId: e.id, secret, note: t('webhooks.secretNote') });
      return null;
    });
  const sendTest = (e: WebhookEndpointView): void => {
    webhooksApi.sendTest(e.id).then(
      (r) => (r.delivered ? notify('success', t('webhooks.testDelivered', { attempt: attemptSummary(r.attempt) })) : notify('error', t('webhooks.testFailed', { attempt: attemptSummary(r.attempt) }))),
      (err: unknown) => notify('error', messageOf(err)),
    );
  };
  const rotate = (e: WebhookEndpointView): void => {
    if (!window.confirm(t('webhooks.confirmRotate'))) return;
    act(webhooksApi.rotateSecret(e.id), (secret) => {
      setShown({ endpointId: e.id, secret, note: t('webhooks.rotatedNote') });
      return null;
    });
  };

  return (
    <main className="page webhooks-page" data-testid="webhooks-page">
      <div className="page-head">
        <div>
          <h1>{t('webhooks.title')}</h1>
          <p className="muted small">{t('webhooks.intro')}</p>
        </div>
        {!adding && (
          <button type="button" className="btn btn-primary" data-testid="add-webhook-open" onClick={() => setAdding(true)}>
            {t('addWebhook.title')}
          </button>
        )}
      </div>
      {adding && (
        <AddWebhookForm
          onCancel={() => setAdding(false)}
          onAdded={(created) => {
            setAdding(false);
            setShown({ endpointId: created.endpoint.id, secret: created.secret, note: t('webhooks.addedNote') });
            load();
          }}
        />
      )}
      {shown && (
        <Banner tone="info" testId="webhook-secret-banner">
          <div className="webhook-secret">
            <span>{t('webhooks.secretFor', { url: endpoints?.find((e) => e.id === shown.endpointId)?.url ?? t('webhooks.theEndpoint') })}</span>
            <code data-testid="webhook-secret">{shown.secret}</code>
            <button type="button" className="btn btn-small" onClick={() => void navigator.clipboard?.writeText(shown.secret)}>
              {t('copy')}
            </button>
            <button type="button" className="btn btn-small" data-testid="webhook-secret-hide" onClick={() => setShown(null)}>
              {t('webhooks.hide')}
            </button>
          </div>
          <p className="small">{shown.note}</p>
        </Banner>
      )}
      {error && <LoadFailed error={error} onRetry={load} />}
      {endpoints === null && !error && <p className="muted">{t('webhooks.loading')}</p>}
      {endpoints?.length === 0 && <p className="muted" data-testid="webhooks-empty">{t('webhooks.none')}</p>}
      {endpoints && endpoints.length > 0 && (
        <table className="table" data-testid="webhook-list">
          <thead>
            <tr>
              <th>{t('webhooks.endpoint')}</th>
              <th>{t('webhooks.events')}</th>
              <th>{t('users.status')}</th>
              <th>{t('webhooks.waiting')}</th>
              <th aria-label={t('actions')} />
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
                  <td className="small">{e.events.map((ev) => EVENT_LABELS[ev]).join(t('listSeparator'))}</td>
                  <td>{e.enabled ? <span className="badge badge-ok">{t('webhooks.enabled')}</span> : <span className="badge badge-bad">{t('webhooks.disabled')}</span>}</td>
                  <td className="small webhook-waiting" data-testid="webhook-waiting">
                    {t('webhooks.pending', { count: e.pending })}{e.abandoned > 0 && <span className="badge badge-bad"> {t('webhooks.abandoned', { count: e.abandoned })}</span>}
                  </td>
                  <td className="row-actions">
                    <button type="button" className="btn btn-small" data-testid="webhook-history" aria-expanded={history === e.id} onClick={() => setHistory(history === e.id ? null : e.id)}>
                      {t('webhooks.deliveries')}
                    </button>
                    <button type="button" className="btn btn-small" data-testid="webhook-test" onClick={() => sendTest(e)}>
                      {t('webhooks.sendTest')}
                    </button>
                    <button type="button" className="btn btn-small" data-testid="webhook-toggle" onClick={() => act(webhooksApi.update(e.id, { enabled: !e.enabled }), () => (e.enabled ? t('webhooks.disabledDone') : t('webhooks.enabledDone')))}>
                      {e.enabled ? t('users.disable') : t('webhooks.enable')}
                    </button>
                    <button type="button" className="btn btn-small" data-testid="webhook-reveal" onClick={() => reveal(e)}>
                      {t('webhooks.reveal')}
                    </button>
                    <button type="button" className="btn btn-small" data-testid="webhook-rotate" onClick={() => rotate(e)}>
                      {t('webhooks.rotate')}
                    </button>
                    <button type="button" className="btn btn-small btn-ghost" data-testid="webhook-delete" onClick={() => remove(e)}>
                      {t('webhooks.delete')}
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
