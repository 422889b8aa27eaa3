// The identity card of a case: ask the customer for a document and a selfie, follow the check live
// (reloaded on every change the console hears about the case, `revision`), compare the three photos with
// what the MRZ says, and mark the check passed or failed with a reason; optionally with a one-time code to the
// customer's contact on file, and withdrawn (with a reason) while it is open. The notice that the check was
// asked for goes once the customer has sent their photos (or the check was withdrawn).
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceView } from '../../../../protocol/http.ts';
import type { IdentityDocument } from '../../../../protocol/identity.ts';
import type { IdentityCheckView } from '../../../../protocol/identity-http.ts';
import type { PeerMessage } from '../../../../protocol/messages.ts';
import { messageOf } from '../../lib/api.ts';
import { Banner, type Notify } from '../../ui/banner.tsx';
import { usePendingNotices } from '../../ui/pending-notices.ts';
import { fetchIdentityChecks, requestIdentityCheck } from './identity-api.ts';
import { IdentityDecision } from './identity-decision.tsx';
import { IdentityMrz } from './identity-mrz.tsx';
import { IdentityWithdraw } from './identity-withdraw.tsx';
import { StatusIcon, type StatusIconKind } from '../evidence/status-icon.tsx';
import { codeWords, DOCUMENT_WORDS, STATE_WORDS } from './identity-words.ts';
import './identity.css';

const DOCUMENTS: IdentityDocument[] = ['id-card', 'passport', 'driving-licence'];
const waitsOnCustomer = (check: IdentityCheckView) => check.state === 'requested';
const STATE_ICON: Partial<Record<IdentityCheckView['state'], StatusIconKind>> = { passed: 'accepted', failed: 'rejected' };

/** Passed and failed (green and red) also differ by shape; the other states' words carry no colour. */
function StateIcon(props: { state: IdentityCheckView['state'] }) {
  const kind = STATE_ICON[props.state];
  return kind ? <StatusIcon kind={kind} /> : null;
}

export function IdentityCard(props: {
  caseId: string;
  revision: number;
  evidence: EvidenceView[];
  canWrite: boolean;
  send: (message: PeerMessage) => boolean;
  notify: Notify;
}) {
  const { t } = useTranslation('casework');
  const { caseId, send, notify } = props;
  const [checks, setChecks] = useState<IdentityCheckView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [document, setDocument] = useState<IdentityDocument>('id-card');
  const [withCode, setWithCode] = useState(false);
  const [busy, setBusy] = useState(false);

  const load = useCallback((signal?: AbortSignal) => {
    fetchIdentityChecks(caseId, signal).then(
      (loaded) => {
        setChecks(loaded.checks);
        setError(null);
      },
      (e: unknown) => {
        if (!signal?.aborted) setError(messageOf(e));
      },
    );
  }, [caseId]);
  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal);
    return () => controller.abort();
  }, [load, props.revision]);
  const untilAnswered = usePendingNotices(checks, waitsOnCustomer);

  const latest = checks?.at(-1) ?? null;
  const open = latest !== null && (latest.state === 'requested' || latest.state === 'submitted');
  const code = latest ? codeWords(latest) : null;

  const ask = () => {
    setBusy(true);
    requestIdentityCheck(caseId, { document, ...(withCode ? { withCode: true } : {}) })
      .then((check) => {
        // The customer's page fetches the check itself; when they are not connected it finds it on their next visit.
        const told = send({ v: 1, type: 'identity-request', checkId: check.id });
        notify('success', t(told ? 'identity.sent' : 'identity.asked'), { until: untilAnswered(check.id) });
        load();
      }, (e: unknown) => setError(messageOf(e)))
      .finally(() => setBusy(false));
  };

  const withdrawn = (check: IdentityCheckView) => {
    // The same message as a request: the customer's page fetches its open check, finds none and drops the sheet.
    send({ v: 1, type: 'identity-request', checkId: check.id });
    notify('success', t('identity.withdrawn'));
    load();
  };

  const photo = (id: string | null) => (id === null ? null : (props.evidence.find((e) => e.id === id) ?? null));

  return (
    <section className="card identity-card" aria-label={t('identity.heading')} data-testid="identity-card">
      <h3>{t('identity.heading')}</h3>
      {error && <Banner tone="error" testId="identity-error">{error}</Banner>}
      {props.canWrite && !open && (
        <div className="identity-ask">
          <label className="field">
            <span>{t('identity.document')}</span>
            <select value={document} data-testid="identity-document" onChange={(e) => setDocument(e.target.value as IdentityDocument)}>
              {DOCUMENTS.map((d) => <option key={d} value={d}>{DOCUMENT_WORDS[d]}</option>)}
            </select>
          </label>
          <label className="identity-with-code">
            <input type="checkbox" checked={withCode} data-testid="identity-with-code" onChange={(e) => setWithCode(e.target.checked)} />
            {t('identity.withCode')}
          </label>
          <button type="button" className="btn btn-primary btn-small" data-testid="identity-request" disabled={busy} onClick={ask}>
            {t(latest ? 'identity.askAgain' : 'identity.ask')}
          </button>
        </div>
      )}
      {checks && checks.length === 0 && <p className="muted small">{t('identity.none')}</p>}
      {latest && (
        <div className="identity-check" data-testid="identity-check" data-state={latest.state} data-check-id={latest.id}>
          <p className="identity-status">
            <strong>{DOCUMENT_WORDS[latest.document]}</strong> · <span className={`identity-state identity-state-${latest.state}`} data-testid="identity-state">
              <StateIcon state={latest.state} />
              {STATE_WORDS[latest.state]}
            </span>
          </p>
          {code && <p className={`small ${code.confirmed ? 'identity-ok' : ''}`} data-testid="identity-code" data-confirmed={code.confirmed}>{code.text}</p>}
          {latest.submittedAt && (
            <div className="identity-photos">
              {([['front', latest.frontEvidenceId], ['back', latest.backEvidenceId], ['selfie', latest.selfieEvidenceId]] as const).map(([side, id]) => {
                if (id === null) return null;
                const e = photo(id);
                return (
                  <figure key={side} data-testid={`identity-photo-${side}`}>
                    {e ? (
                      <a href={e.previewUrl} target="_blank" rel="noreferrer" title={t(`identity.openLarger.${side}`)}>
                        <img src={e.thumbnailUrl} alt={t(`identity.photoAlt.${side}`)} loading="lazy" />
                      </a>
                    ) : <span className="thumb-wait">…</span>}
                    <figcaption>{t(`identity.photo.${side}`)}</figcaption>
                  </figure>
                );
              })}
            </div>
          )}
          {latest.submittedAt && <IdentityMrz mrz={latest.mrz} />}
          {latest.state === 'submitted' && props.canWrite && <IdentityDecision caseId={caseId} checkId={latest.id} onDecided={() => load()} />}
          {open && props.canWrite && <IdentityWithdraw caseId={caseId} checkId={latest.id} onWithdrawn={withdrawn} />}
          {(latest.state === 'passed' || latest.state === 'failed' || latest.state === 'cancelled') && (
            <p className="small" data-testid="identity-reason">{t('identity.reason', { reason: latest.reason })}</p>
          )}
        </div>
      )}
      {checks && checks.length > 1 && (
        <details className="identity-earlier">
          <summary>{t('identity.earlier', { count: checks.length - 1 })}</summary>
          <ul>
            {checks.slice(0, -1).map((c) => (
              <li key={c.id}>{t(c.reason ? 'identity.earlierLineReason' : 'identity.earlierLine', { document: DOCUMENT_WORDS[c.document], state: STATE_WORDS[c.state], reason: c.reason })}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
