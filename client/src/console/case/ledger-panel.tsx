// The case ledger (hash chain) and its verification.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LedgerEntry, VerifyResult } from '../../../../protocol/http.ts';
import { messageOf } from '../../lib/api.ts';
import { Banner } from '../../ui/banner.tsx';
import { formatTime, shortHash } from '../../ui/format.ts';
import { consoleApi } from '../app/console-api.ts';

export function LedgerPanel(props: { caseId: string; revision: number }) {
  const { t } = useTranslation('console');
  const [entries, setEntries] = useState<LedgerEntry[] | null>(null);
  const [verify, setVerify] = useState<VerifyResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [verifying, setVerifying] = useState(false);

  const load = useCallback(() => {
    consoleApi.ledger(props.caseId).then(
      (list) => {
        setEntries(list);
        setError(null);
      },
      (e: unknown) => setError(messageOf(e)),
    );
  }, [props.caseId]);

  // Reload shortly after changes arrive, once per burst.
  useEffect(() => {
    const timer = setTimeout(load, props.revision === 0 ? 0 : 250);
    return () => clearTimeout(timer);
  }, [load, props.revision]);

  function runVerify(): void {
    setVerifying(true);
    load();
    consoleApi
      .verify(props.caseId)
      .then(setVerify, (e: unknown) => setError(messageOf(e)))
      .finally(() => setVerifying(false));
  }

  const rows = entries ? [...entries].sort((a, b) => b.seq - a.seq) : [];
  return (
    <section className="card ledger" aria-label={t('ledger.title')}>
      <div className="section-head">
        <h3>{t('ledger.title')}</h3>
        <span className="spacer" />
        <button type="button" className="btn btn-small" data-testid="ledger-refresh" onClick={load}>
          {t('ledger.refresh')}
        </button>
        <button type="button" className="btn btn-small btn-primary" data-testid="ledger-verify" disabled={verifying} onClick={runVerify}>
          {verifying ? t('ledger.verifying') : t('ledger.verify')}
        </button>
      </div>
      {error && <Banner tone="error">{error}</Banner>}
      {verify && (
        <div data-testid="verify-result" data-ok={verify.ok}>
          {verify.ok ? (
            <Banner tone="success">
              {t('ledger.intact', { entries: verify.entries, files: verify.blobs, head: verify.headHash ? shortHash(verify.headHash) : '—' })}
            </Banner>
          ) : (
            <Banner tone="error">
              {t(verify.firstBroken?.seq != null ? (verify.firstBroken.blob ? 'ledger.brokenAtFile' : 'ledger.brokenAt') : verify.firstBroken?.blob ? 'ledger.brokenFile' : 'ledger.broken', {
                seq: verify.firstBroken?.seq,
                file: verify.firstBroken?.blob ? shortHash(verify.firstBroken.blob) : '',
                reason: verify.firstBroken?.reason ?? t('ledger.unknownReason'),
              })}
            </Banner>
          )}
        </div>
      )}
      <div className="ledger-scroll" tabIndex={0}>
        <table className="table ledger-table" data-testid="ledger-table">
          <thead>
            <tr>
              <th>#</th>
              <th>{t('ledger.time')}</th>
              <th>{t('ledger.actor')}</th>
              <th>{t('ledger.type')}</th>
              <th>{t('ledger.hash')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((entry) => (
              <tr key={entry.seq} data-testid="ledger-row" data-type={entry.type} data-seq={entry.seq}>
                <td>{entry.seq}</td>
                <td className="small">{formatTime(entry.at)}</td>
                <td className="small">{t(`ledger.actorType.${entry.actor.type}`)}</td>
                <td>
                  <code>{entry.type}</code>
                </td>
                <td className="mono small" title={entry.hash}>
                  {shortHash(entry.hash)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {entries?.length === 0 && <p className="muted small">{t('ledger.empty')}</p>}
      </div>
    </section>
  );
}
