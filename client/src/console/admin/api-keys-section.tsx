// The admin's API keys (on the users page): the keys a claims or booking system reads /api/v1 with —
// make one (shown once), see when each was last used, revoke one (refused at once).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiKeyCreated, ApiKeyView } from '../../../../protocol/read-api.ts';
import { messageOf } from '../../lib/api.ts';
import type { Tone } from '../../ui/banner.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { apiKeysApi } from './api-keys-api.ts';
import { LoadFailed } from './load-failed.tsx';
import { NewApiKeyForm, NewApiKeyShown } from './new-api-key.tsx';
import { useLoaded } from './use-loaded.ts';

export function ApiKeysSection(props: { notify: (tone: Tone, text: string) => void }) {
  const { notify } = props;
  const { t } = useTranslation('admin');
  const { value: keys, error, reload: load } = useLoaded(apiKeysApi.list);
  const when = (iso: string | null): string => (iso ? formatDateTime(iso) : t('apiKeys.never'));
  const [adding, setAdding] = useState(false);
  const [shown, setShown] = useState<ApiKeyCreated | null>(null);
  /** The key whose Revoke was pressed once: a second press, on "Revoke now", revokes it. */
  const [confirming, setConfirming] = useState<string | null>(null);

  function revoke(key: ApiKeyView): void {
    setConfirming(null);
    apiKeysApi.revoke(key.id).then(
      () => {
        notify('success', t('apiKeys.revokedDone', { name: key.name }));
        load();
      },
      (e: unknown) => notify('error', messageOf(e)),
    );
  }

  return (
    <section className="page api-keys" data-testid="api-keys">
      <div className="page-head">
        <div>
          <h2>{t('apiKeys.title')}</h2>
          <p className="muted small">{t('apiKeys.intro')}</p>
        </div>
        {!adding && !shown && (
          <button type="button" className="btn btn-primary" data-testid="api-key-open" onClick={() => setAdding(true)}>
            {t('newKey.title')}
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
      {error && <LoadFailed error={error} onRetry={load} />}
      {keys === null && !error && <p className="muted">{t('apiKeys.loading')}</p>}
      {keys?.length === 0 && <p className="muted" data-testid="api-key-none">{t('apiKeys.none')}</p>}
      {keys && keys.length > 0 && (
        <table className="table" data-testid="api-key-list">
          <thead>
            <tr>
              <th>{t('users.name')}</th>
              <th>{t('apiKeys.key')}</th>
              <th>{t('apiKeys.scopes')}</th>
              <th>{t('apiKeys.created')}</th>
              <th>{t('apiKeys.lastUsed')}</th>
              <th aria-label={t('actions')} />
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => (
              <tr key={k.id} data-testid="api-key-row" data-key-id={k.id} data-revoked={k.revokedAt !== null}>
                <td>
                  <strong>{k.name}</strong>
                </td>
                <td className="small mono">{`slk_${k.prefix}_…`}</td>
                <td className="small">{k.scopes.join(', ')}</td>
                <td className="small">{when(k.createdAt)}</td>
                <td className="small">{when(k.lastUsedAt)}</td>
                <td className="row-actions">
                  {k.revokedAt ? (
                    <span className="badge badge-bad" title={t('apiKeys.revokedAt', { when: when(k.revokedAt) })} data-testid="api-key-revoked">
                      {t('apiKeys.revoked')}
                    </span>
                  ) : confirming === k.id ? (
                    <>
                      <span className="small">{t('apiKeys.revokeWarning')}</span>{' '}
                      <button type="button" className="btn btn-small btn-danger" data-testid="api-key-revoke-confirm" onClick={() => revoke(k)}>
                        {t('apiKeys.revokeNow')}
                      </button>
                      <button type="button" className="btn btn-small" onClick={() => setConfirming(null)}>
                        {t('apiKeys.keep')}
                      </button>
                    </>
                  ) : (
                    <button type="button" className="btn btn-small" data-testid="api-key-revoke" onClick={() => setConfirming(k.id)}>
                      {t('apiKeys.revoke')}
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
