// The case's evidence as a strip of thumbnails; a click opens the large preview with its details.
import { useEffect, useState } from 'react';
import type { EvidenceView } from '../../../protocol/http.ts';
import { formatBytes, formatDateTime, formatLocation, formatSkew, formatTime, isNotableSkew } from '../ui/format.ts';

const sourceText = { 'device-still': 'Device photo', 'video-frame': 'Video frame', gallery: 'Gallery' } as const;

export function EvidenceStrip(props: { evidence: EvidenceView[] }) {
  const [open, setOpen] = useState<EvidenceView | null>(null);
  const items = [...props.evidence].sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
  return (
    <section className="card evidence" aria-label="Evidence">
      <div className="section-head">
        <h3>Evidence</h3>
        <span className="muted small" data-testid="evidence-total">
          {items.length} {items.length === 1 ? 'item' : 'items'}
        </span>
      </div>
      {items.length === 0 ? (
        <p className="muted small">Captured frames, device photos and the customer’s uploads appear here.</p>
      ) : (
        <ul className="strip" data-testid="evidence-strip">
          {items.map((e) => (
            <li key={e.id} data-testid="evidence-item" data-evidence-id={e.id} data-source={e.source} data-blurry={e.blurry}>
              <button type="button" className="thumb" onClick={() => setOpen(e)} title={`${sourceText[e.source]} · ${formatTime(e.receivedAt)}`}>
                <img src={e.thumbnailUrl} alt={`${sourceText[e.source]} ${e.width}×${e.height}`} data-testid="evidence-thumb" loading="lazy" />
                {e.blurry && <span className="badge badge-bad thumb-badge" data-testid="badge-blurry">Blurry</span>}
              </button>
              <span className="thumb-meta">
                {sourceText[e.source]} · {e.width}×{e.height}
              </span>
              {isNotableSkew(e.clockSkewMs) && <span className="thumb-meta warn">{formatSkew(e.clockSkewMs)}</span>}
              {e.location && <span className="thumb-meta">With location</span>}
            </li>
          ))}
        </ul>
      )}
      {open && <EvidenceViewer evidence={open} onClose={() => setOpen(null)} />}
    </section>
  );
}

function EvidenceViewer(props: { evidence: EvidenceView; onClose: () => void }) {
  const { evidence: e, onClose } = props;
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="modal-backdrop" role="presentation" onClick={onClose}>
      <div className="modal" role="dialog" aria-modal="true" aria-label="Evidence preview" data-testid="evidence-viewer" onClick={(event) => event.stopPropagation()}>
        <img src={e.previewUrl} alt={sourceText[e.source]} className="modal-image" />
        <div className="modal-side">
          <h2>{sourceText[e.source]}</h2>
          {e.blurry && <p className="badge badge-bad">Blurry — ask the customer to retake</p>}
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
          <div className="row-end">
            <a className="btn btn-small" href={e.originalUrl} target="_blank" rel="noreferrer">
              Open original
            </a>
            <button type="button" className="btn btn-primary btn-small" data-testid="evidence-viewer-close" onClick={onClose}>
              Close
            </button>
          </div>
        </div>
      </div>
    </div>
  );
}
