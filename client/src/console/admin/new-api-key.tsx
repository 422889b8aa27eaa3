// Making an API key: a name and its scopes; then the key, shown this once, with a copy button.
import { useState, type FormEvent } from 'react';
import { ApiKeyScope, type ApiKeyCreated } from '../../../../protocol/read-api.ts';
import { messageOf } from '../../lib/api.ts';
import { Banner } from '../../ui/banner.tsx';
import { apiKeysApi } from './api-keys-api.ts';
import './api-keys.css';

export const SCOPE_WORDS: Record<ApiKeyScope, string> = {
  'cases:read': 'Cases (by reference, or every case by last change)',
  'outcomes:read': 'Outcomes (decisions and amounts)',
  'evidence:read': 'Evidence metadata (hashes, time, place, checks; no images)',
  'offers:read': 'Settlement offers and the customer\'s decisions',
  'ledger:read': 'Signed ledger (every entry, chat lines included)',
};

export function NewApiKeyForm(props: { onCreated: (created: ApiKeyCreated) => void; onCancel: () => void }) {
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiKeyScope[]>(['cases:read']);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const toggle = (scope: ApiKeyScope): void => setScopes((now) => (now.includes(scope) ? now.filter((s) => s !== scope) : [...now, scope]));

  function submit(event: FormEvent): void {
    event.preventDefault();
    setBusy(true);
    setError(null);
    apiKeysApi.create({ name, scopes }).then(props.onCreated, (e: unknown) => setError(messageOf(e))).finally(() => setBusy(false));
  }

  return (
    <form className="card new-case" onSubmit={submit} data-testid="api-key-form">
      <h2>New API key</h2>
      {error && <Banner tone="error" testId="api-key-error">{error}</Banner>}
      <div className="field">
        <label htmlFor="api-key-name">Name</label>
        <input id="api-key-name" data-testid="api-key-name" required maxLength={120} placeholder="e.g. Claims system (production)" value={name} onChange={(e) => setName(e.target.value)} />
      </div>
      <fieldset className="field">
        <legend>What it may read</legend>
        {ApiKeyScope.options.map((scope) => (
          <label key={scope} className="check">
            <input type="checkbox" data-testid={`api-key-scope-${scope}`} checked={scopes.includes(scope)} onChange={() => toggle(scope)} /> <code>{scope}</code> · {SCOPE_WORDS[scope]}
          </label>
        ))}
      </fieldset>
      <div className="row-end">
        <button type="button" className="btn" onClick={props.onCancel}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" data-testid="api-key-create" disabled={busy || scopes.length === 0 || name.trim() === ''}>
          {busy ? 'Creating…' : 'Create key'}
        </button>
      </div>
    </form>
  );
}

/** The new key, this once: the server keeps only its hash, so it cannot be shown again. */
export function NewApiKeyShown(props: { created: ApiKeyCreated; onDone: () => void }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = (): void => {
    // The clipboard needs a secure context (HTTPS or localhost); elsewhere the field is selected to copy by hand.
    (navigator.clipboard ? navigator.clipboard.writeText(props.created.key) : Promise.reject(new Error('no clipboard'))).then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    );
  };
  return (
    <div className="card" data-testid="api-key-shown">
      <h2>{props.created.apiKey.name}: copy the key now</h2>
      <Banner tone="warning" testId="api-key-warning">
        This is the only time the key is shown. Sightline keeps only a hash of it: if it is lost, revoke it and make another. Anyone with the key can read what its scopes allow.
      </Banner>
      <div className="inline-form">
        <input className="mono api-key-value" readOnly aria-label="API key" data-testid="api-key-value" value={props.created.key} onFocus={(e) => e.currentTarget.select()} size={60} />
        <button type="button" className="btn btn-small" data-testid="api-key-copy" onClick={copy}>
          {copied === 'yes' ? 'Copied' : 'Copy'}
        </button>
        <button type="button" className="btn btn-small btn-primary" data-testid="api-key-done" onClick={props.onDone}>
          I have stored it
        </button>
      </div>
      {copied === 'failed' && <p className="small muted">This browser would not copy it: select the key and copy it by hand.</p>}
    </div>
  );
}
