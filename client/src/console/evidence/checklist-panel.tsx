// Review of the case's guided-capture checklist: each item's status (pending, retake with the reasons,
// done), its attempts, and the photos taken for it, accepted and rejected; a photo opens in the viewer.
import { useTranslation } from 'react-i18next';
import type { ChecklistItemState, ChecklistView } from '../../../../protocol/checklist.ts';
import type { EvidenceView } from '../../../../protocol/http.ts';
import { itemPhotos, problemsText, qualityAdvice } from './checklist-review.ts';

const statusBadge = { pending: 'badge', retake: 'badge badge-bad', done: 'badge badge-ok' } as const;

function ChecklistItem(props: { item: ChecklistItemState; evidence: readonly EvidenceView[]; onOpen: (evidenceId: string) => void }) {
  const { t } = useTranslation('casework');
  const { item } = props;
  const photos = itemPhotos(item, props.evidence);
  return (
    <li className={`checklist-item checklist-${item.status}`} data-testid="checklist-item" data-item-id={item.id} data-status={item.status} data-attempts={item.attempts}>
      <div className="checklist-line">
        <span className="checklist-title">{item.title}</span>
        <span className={statusBadge[item.status]} data-testid="checklist-status">
          {item.status === 'retake' && item.problems.length > 0 ? t('checklist.retakeWhy', { problems: problemsText(item.problems) }) : t(`checklist.status.${item.status}`)}
        </span>
        <span className="spacer" />
        <span className="muted small" data-testid="checklist-attempts">
          {item.attempts === 0 ? t('checklist.noPhoto') : t('checklist.attempts', { count: item.attempts })}
          {item.repeatable && item.acceptedEvidenceIds.length > 1 ? t('checklist.acceptedCount', { count: item.acceptedEvidenceIds.length }) : ''}
        </span>
      </div>
      {item.status === 'retake' && item.problems.length > 0 && (
        <p className="checklist-advice small" data-testid="checklist-problems">
          {item.problems.map(qualityAdvice).join(' ')}
        </p>
      )}
      {item.status === 'pending' && <p className="checklist-hint muted small">{item.hint}</p>}
      {photos.length > 0 && (
        <ul className="checklist-photos">
          {photos.map((p) => (
            <li key={p.evidenceId} data-testid="checklist-photo" data-evidence-id={p.evidenceId} data-accepted={p.accepted}>
              <button type="button" className={`thumb thumb-small${p.accepted ? '' : ' thumb-rejected'}`} disabled={!p.evidence} onClick={() => props.onOpen(p.evidenceId)} title={t(p.accepted ? 'checklist.accepted' : 'checklist.rejected')}>
                {p.evidence && !p.evidence.purged ? <img src={p.evidence.thumbnailUrl} alt={t(p.accepted ? 'checklist.photoAlt' : 'checklist.photoAltRejected', { title: item.title })} loading="lazy" /> : <span className="thumb-wait">…</span>}
                <span className={`badge thumb-badge ${p.accepted ? 'badge-ok' : 'badge-bad'}`} aria-hidden="true">{p.accepted ? '✓' : '✗'}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

export function ChecklistPanel(props: { checklist: ChecklistView; evidence: readonly EvidenceView[]; onOpen: (evidenceId: string) => void }) {
  const { t } = useTranslation('casework');
  const { checklist } = props;
  const done = checklist.items.filter((i) => i.status === 'done').length;
  return (
    <section className="card checklist" aria-label={t('checklist.label')} data-testid="checklist-panel" data-template={checklist.template} data-complete={checklist.complete}>
      <div className="section-head">
        <h3>{t('checklist.heading', { title: checklist.title })}</h3>
        <span className="muted small" data-testid="checklist-progress">
          {t('checklist.progress', { done, total: checklist.items.length })}
        </span>
        {checklist.complete && <span className="badge badge-ok">{t('checklist.complete')}</span>}
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
