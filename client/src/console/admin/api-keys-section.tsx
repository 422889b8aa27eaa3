// The admin's API keys (on the users page): the keys a claims or booking system reads /api/v1 with —
// make one (shown once), see when each was last used, revoke one (refused at once).
import { useCallback, useEffect, useState } from 'react';
import type { ApiKeyCreated, ApiKeyView } from '../../../../protocol/read-api.ts';
import { messageOf } from '../../lib/api.ts';
import { Banner, type Tone } from '../../ui/banner.tsx';
import { apiKeysApi } from './api-keys-api.ts';
import { NewApiKeyForm, NewApiKeyShown } from './new-api-key.tsx';

const when = (iso: string | null): string => (iso ? new Date(iso).toLocaleString() : 'never');

export function ApiKeysSection(props: { notify: (tone: Tone, text: string) => void }) {
  const { notify } = props;
  const [keys, setKeys] = useState<ApiKeyView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [shown, setShown] = useState<ApiKeyCreated | null>(null);
  /** The key whose Revoke was pressed once: a second press, on "Revoke now", revokes it. */
  const [confirming, setConfirming] = useState<string | null>(null);

  const load = useCallback(() => {
    apiKeysApi.list().then(
      (list) => {
        setKeys(list);
        setError(null);
      },
      (e: unknown) => setError(messageOf(e)),
    );
  }, []);
  useEffect(load, [load]);

  function revoke(key: ApiKeyView): void {
    setConfirming(null);
    apiKeysApi.revoke(key.id).then(
      () => {
        notify('success', `${key.name} is revoked.`);
        load();
      },
      (e: unknown) => notify('error', messageOf(e)),
    );
  }

  return (
    <section className="page api-keys" data-testid="api-keys">
      <div className="page-head">
        <div>
          <h2>API keys</h2>
          <p className="muted small">For a claims or booking system to read cases, outcomes and evidence through the read API (/api/v1, described at /api/openapi.json).</p>
        </div>
        {!adding && !shown && (
          <button type="button" className="btn btn-primary" data-testid="api-key-open" onClick={() => setAdding(true)}>
            New API key
          </button>
        )}
      </div>
      {adding && (
        <NewApiKeyForm
          onCancel={() => setAdding(false)}
          onCreated={(created) => {
            setAdding(false);
            setShown(created);
            load();
          }}
        />
      )}
      {shown && <NewApiKeyShown created={shown} onDone={() => setShown(null)} />}
      {error && (
        <Banner tone="error">
          {error}{' '}
          <button type="button" className="btn btn-small" onClick={load}>
            Retry
          </button>
        </Banner>
      )}
      {keys === null && !error && <p className="muted">Loading API keys…</p>}
      {keys?.length === 0 && <p className="muted" data-testid="api-key-none">No API keys yet.</p>}
      {keys && keys.length > 0 && (
        <table className="table" data-testid="api-key-list">
          <thead>
            <tr>
              <th>Name</th>
              <th>Key</th>
              <th>Scopes</th>
              <th>Created</th>
              <th>Last used</th>
              <th aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => (
              <tr key={k.id} data-testid="api-key-row" data-key-id={k.id} data-revoked={k.revokedAt !== null}>
                <td>
                  <strong>{k.name}</strong>
                </td>
                <td className="small mono">slk_{k.prefix}_…</td>
                <td className="small">{k.scopes.join(', ')}</td>
                <td className="small">{when(k.createdAt)}</td>
                <td className="small">{when(k.lastUsedAt)}</td>
                <td className="row-actions">
                  {k.revokedAt ? (
                    <span className="badge badge-bad" title={`Revoked ${when(k.revokedAt)}`} data-testid="api-key-revoked">
                      Revoked
                    </span>
                  ) : confirming === k.id ? (
                    <>
                      <span className="small">Systems using it are refused from their next request.</span>{' '}
                      <button type="button" className="btn btn-small btn-danger" data-testid="api-key-revoke-confirm" onClick={() => revoke(k)}>
                        Revoke now
                      </button>
                      <button type="button" className="btn btn-small" onClick={() => setConfirming(null)}>
                        Keep
                      </button>
                    </>
                  ) : (
                    <button type="button" className="btn btn-small" data-testid="api-key-revoke" onClick={() => setConfirming(k.id)}>
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
