// Review of the case's guided-capture checklist: each item's status (pending, retake with the reasons,
// done), its attempts, and the photos taken for it, accepted and rejected; a photo opens in the viewer.
import { QUALITY_ADVICE, type ChecklistItemState, type ChecklistView } from '../../../../protocol/checklist.ts';
import type { EvidenceView } from '../../../../protocol/http.ts';
import { itemPhotos, problemsText } from './checklist-review.ts';

const statusText = { pending: 'Pending', retake: 'Retake', done: 'Done' } as const;
const statusBadge = { pending: 'badge', retake: 'badge badge-bad', done: 'badge badge-ok' } as const;

function ChecklistItem(props: { item: ChecklistItemState; evidence: readonly EvidenceView[]; onOpen: (evidenceId: string) => void }) {
  const { item } = props;
  const photos = itemPhotos(item, props.evidence);
  return (
    <li className={`checklist-item checklist-${item.status}`} data-testid="checklist-item" data-item-id={item.id} data-status={item.status} data-attempts={item.attempts}>
      <div className="checklist-line">
        <span className="checklist-title">{item.title}</span>
        <span className={statusBadge[item.status]} data-testid="checklist-status">
          {item.status === 'retake' && item.problems.length > 0 ? `Retake: ${problemsText(item.problems)}` : statusText[item.status]}
        </span>
        <span className="spacer" />
        <span className="muted small" data-testid="checklist-attempts">
          {item.attempts === 0 ? 'no photo yet' : `${item.attempts} ${item.attempts === 1 ? 'attempt' : 'attempts'}`}
          {item.repeatable && item.acceptedEvidenceIds.length > 1 ? ` · ${item.acceptedEvidenceIds.length} accepted` : ''}
        </span>
      </div>
      {item.status === 'retake' && item.problems.length > 0 && (
        <p className="checklist-advice small" data-testid="checklist-problems">
          {item.problems.map((p) => QUALITY_ADVICE[p]).join(' ')}
        </p>
      )}
      {item.status === 'pending' && <p className="checklist-hint muted small">{item.hint}</p>}
      {photos.length > 0 && (
        <ul className="checklist-photos">
          {photos.map((p) => (
            <li key={p.evidenceId} data-testid="checklist-photo" data-evidence-id={p.evidenceId} data-accepted={p.accepted}>
              <button type="button" className={`thumb thumb-small${p.accepted ? '' : ' thumb-rejected'}`} disabled={!p.evidence} onClick={() => props.onOpen(p.evidenceId)} title={p.accepted ? 'Accepted' : 'Rejected'}>
                {p.evidence && !p.evidence.purged ? <img src={p.evidence.thumbnailUrl} alt={`${item.title}, ${p.accepted ? 'accepted' : 'rejected'}`} loading="lazy" /> : <span className="thumb-wait">…</span>}
                <span className={`badge thumb-badge ${p.accepted ? 'badge-ok' : 'badge-bad'}`}>{p.accepted ? '✓' : '✗'}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

export function ChecklistPanel(props: { checklist: ChecklistView; evidence: readonly EvidenceView[]; onOpen: (evidenceId: string) => void }) {
  const { checklist } = props;
  const done = checklist.items.filter((i) => i.status === 'done').length;
  return (
    <section className="card checklist" aria-label="Guided capture" data-testid="checklist-panel" data-template={checklist.template} data-complete={checklist.complete}>
      <div className="section-head">
        <h3>Guided capture · {checklist.title}</h3>
        <span className="muted small" data-testid="checklist-progress">
          {done} of {checklist.items.length} done
        </span>
        {checklist.complete && <span className="badge badge-ok">Complete</span>}
      </div>
      <div className="progress checklist-progress" aria-hidden="true">
        <span style={{ width: `${checklist.items.length === 0 ? 0 : Math.round((100 * done) / checklist.items.length)}%` }} />
      </div>
      <ol className="checklist-items">
        {checklist.items.map((item) => (
          <ChecklistItem key={item.id} item={item} evidence={props.evidence} onOpen={props.onOpen} />
        ))}
      </ol>
    </section>
  );
}
