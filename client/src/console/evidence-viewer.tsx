// The large preview of one evidence item with its details, its correction state and the
// "Mark as superseded…" action.
import { useEffect, useState } from 'react';
import type { EvidenceView } from '../../../protocol/http.ts';
import { formatBytes, formatDateTime, formatLocation, formatSkew, isNotableSkew } from '../ui/format.ts';
import { isSuperseded, replacedItems, replacementCandidates, replacementOf } from './evidence-corrections.ts';
import { SupersedeForm } from './supersede-form.tsx';

export const sourceText = { 'device-still': 'Device photo', 'video-frame': 'Video frame', gallery: 'Gallery' } as const;

export function PurgedPlaceholder(props: { className?: string }) {
  return (
    <div className={`purged ${props.className ?? ''}`} data-testid="evidence-purged">
      Removed under the retention policy
    </div>
  );
}

export function EvidenceViewer(props: {
  evidence: EvidenceView;
  all: EvidenceView[];
  numbers: Map<string, number>;
  onClose: () => void;
  onOpen: (id: string) => void;
  onSuperseded: (updated: EvidenceView) => void;
}) {
  const { evidence: e, all, numbers, onClose, onOpen } = props;
  const [correcting, setCorrecting] = useState(false);
  useEffect(() => setCorrecting(false), [e.id]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  const superseded = isSuperseded(e);
  const replacement = replacementOf(e);
  const replaces = replacedItems(all, e.id);
  const photo = (id: string) => (
    <button type="button" className="link-button" data-testid="evidence-link" data-evidence-id={id} onClick={() => onOpen(id)}>
      photo {numbers.get(id) ?? '?'}
    </button>
  );
  return (
    <div className="modal-backdrop" role="presentation" onClick={onClose}>
      <div className="modal" role="dialog" aria-modal="true" aria-label="Evidence preview" data-testid="evidence-viewer" data-evidence-id={e.id} onClick={(event) => event.stopPropagation()}>
        {e.purged ? <PurgedPlaceholder className="modal-image" /> : <img src={e.previewUrl} alt={sourceText[e.source]} className={`modal-image${superseded ? ' dimmed' : ''}`} />}
        <div className="modal-side">
          <h2>
            Photo {numbers.get(e.id)} · {sourceText[e.source]}
          </h2>
          {e.blurry && <p className="badge badge-bad">Blurry — ask the customer to retake</p>}
          {superseded && (
            <div className="banner banner-warning" data-testid="superseded-details">
              <div className="banner-text">
                <strong>Superseded</strong>
                {e.superseded && <> on {formatDateTime(e.superseded.at)}</>}
                {e.superseded && <p className="superseded-reason" data-testid="superseded-reason">{e.superseded.reason}</p>}
                {replacement && <p className="small">Replaced by {photo(replacement)}</p>}
              </div>
            </div>
          )}
          {replaces.length > 0 && (
            <p className="small" data-testid="replaces">
              Replaces {replaces.map((r, i) => <span key={r.id}>{i > 0 && ', '}{photo(r.id)}</span>)}
            </p>
          )}
          <dl className="facts">
            <dt>Size</dt>
            <dd>
              {e.width}×{e.height} px · {formatBytes(e.size)}
            </dd>
            <dt>Received</dt>
            <dd>{formatDateTime(e.receivedAt)}</dd>
            <dt>Captured by</dt>
            <dd>{e.capturedBy}</dd>
            {e.deviceTime && (
              <>
                <dt>Device time</dt>
                <dd>
                  {formatDateTime(e.deviceTime)}
                  {isNotableSkew(e.clockSkewMs) && <span className="warn"> ({formatSkew(e.clockSkewMs)})</span>}
                </dd>
              </>
            )}
            {e.location && (
              <>
                <dt>Location</dt>
                <dd>{formatLocation(e.location.latitude, e.location.longitude, e.location.accuracy)}</dd>
              </>
            )}
            <dt>Sharpness</dt>
            <dd>{e.sharpness.toFixed(0)}</dd>
            <dt>SHA-256</dt>
            <dd className="mono">{e.sha256.slice(0, 24)}…</dd>
          </dl>
          {correcting ? (
            <SupersedeForm
              evidence={e}
              candidates={replacementCandidates(all, e.id)}
              numbers={numbers}
              onCancel={() => setCorrecting(false)}
              onDone={(updated) => {
                setCorrecting(false);
                props.onSuperseded(updated);
              }}
            />
          ) : (
            <div className="row-end">
              {!superseded && (
                <button type="button" className="btn btn-small" data-testid="supersede-open" onClick={() => setCorrecting(true)}>
                  Mark as superseded…
                </button>
              )}
              {!e.purged && (
                <a className="btn btn-small" href={e.originalUrl} target="_blank" rel="noreferrer">
                  Open original
                </a>
              )}
              <button type="button" className="btn btn-primary btn-small" data-testid="evidence-viewer-close" onClick={onClose}>
                Close
              </button>
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
