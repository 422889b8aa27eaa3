// The case's evidence as a strip of thumbnails; a click opens the large preview with its details.
// Superseded items stay (dimmed, badged); purged ones show a placeholder instead of their image;
// checklist photos show their item and verdict; photos with an annotation layer say so; a caption
// shows under its thumbnail; a photo's when/where flags (clock, distance, gallery) and EXIF in words.
import { useTranslation } from 'react-i18next';
import type { ChecklistTemplateId } from '../../../../protocol/checklist.ts';
import type { EvidenceView } from '../../../../protocol/http.ts';
import type { MeasurementView } from '../../../../protocol/spatial.ts';
import { formatTime, isNotableSkew } from '../../ui/format.ts';
import { CaptureFlags } from './capture-flags.tsx';
import { skewText } from './capture-words.ts';
import { checklistItemTitle, verdictText } from './checklist-review.ts';
import { isSuperseded, photoNumbers, replacedItems } from './evidence-corrections.ts';
import { StatusIcon } from './status-icon.tsx';
import { EvidenceViewer, PurgedPlaceholder } from './evidence-viewer.tsx';

export function EvidenceStrip(props: {
  evidence: EvidenceView[];
  /** The evidence open in the viewer; the checklist panel opens photos here too. */
  openId: string | null;
  onOpen: (evidenceId: string | null) => void;
  checklistTemplate: ChecklistTemplateId | null;
  measurements: readonly MeasurementView[];
  /** The item as the server answered after a correction, a caption or a note. */
  onUpdated: (updated: EvidenceView) => void;
}) {
  const { t } = useTranslation('casework');
  const { openId, onOpen: setOpenId } = props;
  const items = [...props.evidence].sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
  const numbers = photoNumbers(items);
  const open = items.find((e) => e.id === openId) ?? null;
  return (
    <section className="card evidence" aria-label={t('evidence.section')}>
      <div className="section-head">
        <h3>{t('evidence.section')}</h3>
        <span className="muted small" data-testid="evidence-total">
          {t('evidence.total', { count: items.length })}
        </span>
      </div>
      {items.length === 0 ? (
        <p className="muted small">{t('evidence.empty')}</p>
      ) : (
        <ul className="strip" data-testid="evidence-strip">
          {items.map((e) => {
            const superseded = isSuperseded(e);
            const replaces = replacedItems(items, e.id);
            const source = t(`evidence.source.${e.source}`);
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
                data-checklist-item={e.checklist?.itemId ?? ''}
                data-checklist-accepted={e.checklist ? String(e.checklist.accepted) : ''}
                data-layer={Boolean(e.layer)}
                data-capture-flags={e.capture?.flags.join(' ') ?? ''}
              >
                <button type="button" className="thumb" onClick={() => setOpenId(e.id)} title={t('evidence.thumbTitle', { number: numbers.get(e.id), source, time: formatTime(e.receivedAt) })}>
                  {e.purged ? (
                    <PurgedPlaceholder />
                  ) : (
                    <img src={e.thumbnailUrl} alt={t('evidence.thumbAlt', { source, width: e.width, height: e.height })} data-testid="evidence-thumb" loading="lazy" />
                  )}
                  {superseded ? (
                    <span className="badge badge-warn thumb-badge" data-testid="badge-superseded">
                      <StatusIcon kind="superseded" />
                      {t('evidence.superseded')}
                    </span>
                  ) : e.checklist ? (
                    <span className={`badge thumb-badge ${e.checklist.accepted ? 'badge-ok' : 'badge-bad'}`} data-testid={e.checklist.accepted ? 'badge-checklist-accepted' : 'badge-checklist-rejected'}>
                      <StatusIcon kind={e.checklist.accepted ? 'accepted' : 'rejected'} />
                      {verdictText(e.checklist)}
                    </span>
                  ) : (
                    e.blurry && (
                      <span className="badge badge-bad thumb-badge" data-testid="badge-blurry">
                        <StatusIcon kind="blurry" />
                        {t('evidence.blurry')}
                      </span>
                    )
                  )}
                  {e.layer && (
                    <span className="badge badge-brand thumb-badge-end" data-testid="badge-layer" title={t('evidence.annotatedTitle')}>
                      {t('evidence.annotated')}
                    </span>
                  )}
                </button>
                {e.caption && (
                  <span className="thumb-caption" data-testid="thumb-caption" title={e.caption}>
                    {e.caption}
                  </span>
                )}
                <span className="thumb-meta">
                  {t('evidence.thumbMeta', { number: numbers.get(e.id), source, width: e.width, height: e.height })}
                </span>
                {e.checklist && (
                  <span className="thumb-meta thumb-checklist" data-testid="thumb-checklist">
                    {t('evidence.checklistItem', { title: checklistItemTitle(e.checklist.itemId, props.checklistTemplate) })}
                  </span>
                )}
                {replaces.length > 0 && (
                  <span className="thumb-meta" data-testid="thumb-replaces">
                    {t('evidence.replacesPhotos', { numbers: replaces.map((r) => numbers.get(r.id)).join(t('evidence.listSeparator')) })}
                  </span>
                )}
                {/* A photo checked on arrival says its flags; an older one keeps the plain skew line. */}
                {e.capture ? <CaptureFlags evidence={e} /> : isNotableSkew(e.clockSkewMs) && <span className="thumb-meta warn">{skewText(e.clockSkewMs)}</span>}
                {e.location && <span className="thumb-meta">{t('evidence.withLocation')}</span>}
              </li>
            );
          })}
        </ul>
      )}
      {open && (
        <EvidenceViewer
          evidence={open}
          all={items}
          numbers={numbers}
          checklistTemplate={props.checklistTemplate}
          measurements={props.measurements}
          onClose={() => setOpenId(null)}
          onOpen={setOpenId}
          onUpdated={props.onUpdated}
        />
      )}
    </section>
  );
}
