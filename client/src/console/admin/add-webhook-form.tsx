// "Add endpoint": the URL, what it is for, and the events it receives. The server makes the secret.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { WEBHOOK_EVENTS, type WebhookCreated, type WebhookEvent } from '../../../../protocol/webhooks.ts';
import { messageOf } from '../../lib/api.ts';
import { Banner } from '../../ui/banner.tsx';
import { EVENT_LABELS } from './webhook-words.ts';
import { webhooksApi } from './webhooks-api.ts';

export function AddWebhookForm(props: { onAdded: (created: WebhookCreated) => void; onCancel: () => void }) {
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<Set<WebhookEvent>>(new Set(['case.created', 'outcome.recorded', 'offer.accepted', 'case.closed']));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { t } = useTranslation('admin');

  const toggle = (event: WebhookEvent): void =>
    setEvents((set) => {
      const next = new Set(set);
      if (!next.delete(event)) next.add(event);
      return next;
    });

  function submit(e: FormEvent): void {
    e.preventDefault();
    setBusy(true);
    setError(null);
    webhooksApi
      .create({ url, events: WEBHOOK_EVENTS.filter((ev) => events.has(ev)), description: description.trim() || null })
      .then(props.onAdded, (err: unknown) => setError(messageOf(err)))
      .finally(() => setBusy(false));
  }

  return (
    <form className="card new-case" onSubmit={submit} data-testid="add-webhook-form">
      <h2>{t('addWebhook.title')}</h2>
      {error && <Banner tone="error" testId="add-webhook-error">{error}</Banner>}
      <div className="field">
        <label htmlFor="webhook-url">{t('addWebhook.url')}</label>
        <input id="webhook-url" data-testid="webhook-url" type="url" required maxLength={2000} placeholder={t('addWebhook.urlPlaceholder')} value={url} onChange={(e) => setUrl(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="webhook-description">{t('addWebhook.description')}</label>
        <input id="webhook-description" data-testid="webhook-description" maxLength={200} placeholder={t('addWebhook.descriptionPlaceholder')} value={description} onChange={(e) => setDescription(e.target.value)} />
      </div>
      <fieldset className="field webhook-events" data-testid="webhook-events">
        <legend className="small muted">{t('webhooks.events')}</legend>
        {WEBHOOK_EVENTS.map((event) => (
          <label key={event}>
            <input type="checkbox" data-testid={`webhook-event-${event}`} checked={events.has(event)} onChange={() => toggle(event)} />
            {EVENT_LABELS[event]}
          </label>
        ))}
      </fieldset>
      <div className="row-end">
        <button type="button" className="btn" onClick={props.onCancel}>
          {t('cancel')}
        </button>
        <button type="submit" className="btn btn-primary" data-testid="add-webhook-submit" disabled={busy || events.size === 0}>
          {busy ? t('adding') : t('addWebhook.title')}
        </button>
      </div>
    </form>
  );
}
