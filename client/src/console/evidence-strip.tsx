// The case's evidence as a strip of thumbnails; a click opens the large preview with its details.
// Superseded items stay (dimmed, badged); purged ones show a placeholder instead of their image.
import { useState } from 'react';
import type { EvidenceView } from '../../../protocol/http.ts';
import { formatSkew, formatTime, isNotableSkew } from '../ui/format.ts';
import { isSuperseded, photoNumbers, replacedItems } from './evidence-corrections.ts';
import { EvidenceViewer, PurgedPlaceholder, sourceText } from './evidence-viewer.tsx';

export function EvidenceStrip(props: { evidence: EvidenceView[]; onSuperseded: (updated: EvidenceView) => void }) {
  const [openId, setOpenId] = useState<string | null>(null);
  const items = [...props.evidence].sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
  const numbers = photoNumbers(items);
  const open = items.find((e) => e.id === openId) ?? null;
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
          {items.map((e) => {
            const superseded = isSuperseded(e);
            const replaces = replacedItems(items, e.id);
            return (
              <li
                key={e.id}
                className={superseded ? 'superseded' : undefined}
                data-testid="evidence-item"
                data-evidence-id={e.id}
                data-source={e.source}
                data-blurry={e.blurry}
                data-superseded={superseded}
                data-purged={Boolean(e.purged)}
              >
                <button type="button" className="thumb" onClick={() => setOpenId(e.id)} title={`Photo ${numbers.get(e.id)} · ${sourceText[e.source]} · ${formatTime(e.receivedAt)}`}>
                  {e.purged ? (
                    <PurgedPlaceholder />
                  ) : (
                    <img src={e.thumbnailUrl} alt={`${sourceText[e.source]} ${e.width}×${e.height}`} data-testid="evidence-thumb" loading="lazy" />
                  )}
                  {superseded ? (
                    <span className="badge badge-warn thumb-badge" data-testid="badge-superseded">
                      Superseded
                    </span>
                  ) : (
                    e.blurry && (
                      <span className="badge badge-bad thumb-badge" data-testid="badge-blurry">
                        Blurry
                      </span>
                    )
                  )}
                </button>
                <span className="thumb-meta">
                  Photo {numbers.get(e.id)} · {sourceText[e.source]} · {e.width}×{e.height}
                </span>
                {replaces.length > 0 && (
                  <span className="thumb-meta" data-testid="thumb-replaces">
                    Replaces photo {replaces.map((r) => numbers.get(r.id)).join(', ')}
                  </span>
                )}
                {isNotableSkew(e.clockSkewMs) && <span className="thumb-meta warn">{formatSkew(e.clockSkewMs)}</span>}
                {e.location && <span className="thumb-meta">With location</span>}
              </li>
            );
          })}
        </ul>
      )}
      {open && <EvidenceViewer evidence={open} all={items} numbers={numbers} onClose={() => setOpenId(null)} onOpen={setOpenId} onSuperseded={props.onSuperseded} />}
    </section>
  );
}
