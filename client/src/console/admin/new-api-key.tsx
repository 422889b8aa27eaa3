// Making an API key: a name and its scopes; then the key, shown this once, with a copy button.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiKeyScope, type ApiKeyCreated } from '../../../../protocol/read-api.ts';
import { messageOf } from '../../lib/api.ts';
import { Banner } from '../../ui/banner.tsx';
import { translatedRecord } from '../../ui/translated-record.ts';
import { apiKeysApi } from './api-keys-api.ts';
import './api-keys.css';

/** What each scope lets a key read, in words (message keys are the scope's first word: `cases`, `outcomes`…). */
export const SCOPE_WORDS = translatedRecord(ApiKeyScope.options, (scope) => `admin:scope.${scope.split(':')[0]}`);

export function NewApiKeyForm(props: { onCreated: (created: ApiKeyCreated) => void; onCancel: () => void }) {
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiKeyScope[]>(['cases:read']);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { t } = useTranslation('admin');

  const toggle = (scope: ApiKeyScope): void => setScopes((now) => (now.includes(scope) ? now.filter((s) => s !== scope) : [...now, scope]));

  function submit(event: FormEvent): void {
    event.preventDefault();
    setBusy(true);
    setError(null);
    apiKeysApi.create({ name, scopes }).then(props.onCreated, (e: unknown) => setError(messageOf(e))).finally(() => setBusy(false));
  }

  return (
    <form className="card new-case" onSubmit={submit} data-testid="api-key-form">
      <h2>{t('newKey.title')}</h2>
      {error && <Banner tone="error" testId="api-key-error">{error}</Banner>}
      <div className="field">
        <label htmlFor="api-key-name">{t('users.name')}</label>
        <input id="api-key-name" data-testid="api-key-name" required maxLength={120} placeholder={t('newKey.namePlaceholder')} value={name} onChange={(e) => setName(e.target.value)} />
      </div>
      <fieldset className="field">
        <legend>{t('newKey.scopes')}</legend>
        {ApiKeyScope.options.map((scope) => (
          <label key={scope} className="check">
            <input type="checkbox" data-testid={`api-key-scope-${scope}`} checked={scopes.includes(scope)} onChange={() => toggle(scope)} /> <code>{scope}</code> · {SCOPE_WORDS[scope]}
          </label>
        ))}
      </fieldset>
      <div className="row-end">
        <button type="button" className="btn" onClick={props.onCancel}>
          {t('cancel')}
        </button>
        <button type="submit" className="btn btn-primary" data-testid="api-key-create" disabled={busy || scopes.length === 0 || name.trim() === ''}>
          {busy ? t('newKey.creating') : t('newKey.create')}
        </button>
      </div>
    </form>
  );
}

/** The new key, this once: the server keeps only its hash, so it cannot be shown again. */
export function NewApiKeyShown(props: { created: ApiKeyCreated; onDone: () => void }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const { t } = useTranslation('admin');
  const copy = (): void => {
    // The clipboard needs a secure context (HTTPS or localhost); elsewhere the field is selected to copy by hand.
    (navigator.clipboard ? navigator.clipboard.writeText(props.created.key) : Promise.reject(new Error('no clipboard'))).then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    );
  };
  return (
    <div className="card" data-testid="api-key-shown">
      <h2>{t('newKey.copyNow', { name: props.created.apiKey.name })}</h2>
      <Banner tone="warning" testId="api-key-warning">
        {t('newKey.onlyOnce')}
      </Banner>
      <div className="inline-form">
        <input className="mono api-key-value" readOnly aria-label={t('newKey.value')} data-testid="api-key-value" value={props.created.key} onFocus={(e) => e.currentTarget.select()} size={60} />
        <button type="button" className="btn btn-small" data-testid="api-key-copy" onClick={copy}>
          {copied === 'yes' ? t('copied') : t('copy')}
        </button>
        <button type="button" className="btn btn-small btn-primary" data-testid="api-key-done" onClick={props.onDone}>
          {t('newKey.stored')}
        </button>
      </div>
      {copied === 'failed' && <p className="small muted">{t('newKey.copyFailed')}</p>}
    </div>
  );
}
