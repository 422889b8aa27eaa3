// The case ledger (hash chain) and its verification.
import { useCallback, useEffect, useState } from 'react';
import type { LedgerEntry, VerifyResult } from '../../../../protocol/http.ts';
import { messageOf } from '../../lib/api.ts';
import { Banner } from '../../ui/banner.tsx';
import { formatTime, shortHash } from '../../ui/format.ts';
import { consoleApi } from '../app/console-api.ts';

export function LedgerPanel(props: { caseId: string; revision: number }) {
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
    <section className="card ledger" aria-label="Ledger">
      <div className="section-head">
        <h3>Ledger</h3>
        <span className="spacer" />
        <button type="button" className="btn btn-small" data-testid="ledger-refresh" onClick={load}>
          Refresh
        </button>
        <button type="button" className="btn btn-small btn-primary" data-testid="ledger-verify" disabled={verifying} onClick={runVerify}>
          {verifying ? 'Verifying…' : 'Verify'}
        </button>
      </div>
      {error && <Banner tone="error">{error}</Banner>}
      {verify && (
        <div data-testid="verify-result" data-ok={verify.ok}>
          {verify.ok ? (
            <Banner tone="success">
              Chain intact: {verify.entries} entries and {verify.blobs} files verified. Head {verify.headHash ? shortHash(verify.headHash) : '—'}
            </Banner>
          ) : (
            <Banner tone="error">
              Chain broken
              {verify.firstBroken?.seq != null ? ` at entry #${verify.firstBroken.seq}` : ''}
              {verify.firstBroken?.blob ? ` (file ${shortHash(verify.firstBroken.blob)})` : ''}: {verify.firstBroken?.reason ?? 'unknown reason'}
            </Banner>
          )}
        </div>
      )}
      <div className="ledger-scroll">
        <table className="table ledger-table" data-testid="ledger-table">
          <thead>
            <tr>
              <th>#</th>
              <th>Time</th>
              <th>Actor</th>
              <th>Type</th>
              <th>Hash</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((entry) => (
              <tr key={entry.seq} data-testid="ledger-row" data-type={entry.type} data-seq={entry.seq}>
                <td>{entry.seq}</td>
                <td className="small">{formatTime(entry.at)}</td>
                <td className="small">{entry.actor.type}</td>
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
        {entries?.length === 0 && <p className="muted small">No entries yet.</p>}
      </div>
    </section>
  );
}
