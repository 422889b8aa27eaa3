// The large preview of one evidence item with its caption and note, its details, its correction state
// and the "Mark as superseded…" action; its checklist verdict, and its annotation layer drawn over it.
import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { ChecklistTemplateId } from '../../../../protocol/checklist.ts';
import type { EvidenceView } from '../../../../protocol/http.ts';
import { formatMeasurement, type AnnotationLayer, type MeasurementView } from '../../../../protocol/spatial.ts';
import { formatBytes, formatDateTime, formatLocation, isNotableSkew } from '../../ui/format.ts';
import { isTopLayer, openLayer } from '../../ui/top-layer.ts';
import { NARROW_SCREEN, useMediaQuery } from '../../ui/use-media-query.ts';
import { CaptureFlags } from './capture-flags.tsx';
import { skewText } from './capture-words.ts';
import { checklistItemTitle, qualityAdvice, verdictText } from './checklist-review.ts';
import { isSuperseded, replacedItems, replacementCandidates, replacementOf } from './evidence-corrections.ts';
import { markupShapes } from '../markup/markup-geometry.ts';
import { MarkupSvg } from '../markup/markup-svg.tsx';
import { NoteForm } from './note-form.tsx';
import { StatusIcon } from './status-icon.tsx';
import { SupersedeForm } from './supersede-form.tsx';

export function PurgedPlaceholder(props: { className?: string }) {
  const { t } = useTranslation('casework');
  return (
    <div className={`purged ${props.className ?? ''}`} data-testid="evidence-purged">
      {t('evidence.purged')}
    </div>
  );
}

/** The layer over the photo, in the photo's own pixels; a measurement without text shows its stored distance. */
function PhotoLayer(props: { layer: AnnotationLayer; width: number; height: number; measurements: readonly MeasurementView[] }) {
  const textOf = (item: { kind: string; refId?: string }): string | undefined => {
    const m = item.kind === 'measurement' ? props.measurements.find((x) => x.id === item.refId) : undefined;
    return m ? formatMeasurement(m.distanceM, m.uncertaintyM) : undefined;
  };
  const shapes = markupShapes(props.layer.items, props.width, props.height, textOf);
  return <MarkupSvg className="photo-marks" testId="evidence-layer" width={props.width} height={props.height} shapes={shapes.map((shape, i) => ({ key: String(i), shape }))} />;
}

/** The frame takes the photo's aspect ratio, so the layer's SVG covers exactly the picture. */
function frameSize(e: EvidenceView): CSSProperties | undefined {
  if (e.width <= 0 || e.height <= 0) return undefined;
  return { '--photo-ratio': e.width / e.height, '--photo-width': `${e.width}px` } as CSSProperties;
}

export function EvidenceViewer(props: {
  evidence: EvidenceView;
  all: EvidenceView[];
  numbers: Map<string, number>;
  checklistTemplate: ChecklistTemplateId | null;
  measurements: readonly MeasurementView[];
  onClose: () => void;
  onOpen: (id: string) => void;
  /** The item as the server answered after a correction, a caption or a note. */
  onUpdated: (updated: EvidenceView) => void;
}) {
  const { t } = useTranslation('casework');
  const { evidence: e, all, numbers, onClose, onOpen } = props;
  const source = t(`evidence.source.${e.source}`);
  const [correcting, setCorrecting] = useState(false);
  const [showLayer, setShowLayer] = useState(true);
  // A narrow screen shows the console read-only: no corrections, captions or notes from a phone.
  const narrow = useMediaQuery(NARROW_SCREEN);
  useEffect(() => setCorrecting(false), [e.id]);
  // Escape closes the viewer, unless a dialog over it (the shortcut help) takes the key.
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => (box.current ? openLayer(box.current) : undefined), []);
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape' && (!box.current || isTopLayer(box.current))) onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  const superseded = isSuperseded(e);
  const replacement = replacementOf(e);
  const replaces = replacedItems(all, e.id);
  const photo = (id: string) => (
    <button type="button" className="link-button" data-testid="evidence-link" data-evidence-id={id} onClick={() => onOpen(id)}>
      {t('evidence.photoLink', { number: numbers.get(id) ?? '?' })}
    </button>
  );
  return (
    <div className="modal-backdrop" role="presentation" onClick={onClose}>
      <div ref={box} className="modal" role="dialog" aria-modal="true" aria-label={t('evidence.viewerLabel')} data-testid="evidence-viewer" data-evidence-id={e.id} onClick={(event) => event.stopPropagation()}>
        {e.purged ? (
          <PurgedPlaceholder className="modal-image" />
        ) : (
          <div className="marks-frame" style={frameSize(e)}>
            <img src={e.previewUrl} alt={source} className={`modal-image${superseded ? ' dimmed' : ''}`} />
            {e.layer && showLayer && e.width > 0 && e.height > 0 && <PhotoLayer layer={e.layer} width={e.width} height={e.height} measurements={props.measurements} />}
          </div>
        )}
        <div className="modal-side">
          <h2>{t('evidence.viewerTitle', { number: numbers.get(e.id), source })}</h2>
          {e.checklist && (
            <div className="viewer-checklist" data-testid="evidence-checklist" data-item-id={e.checklist.itemId} data-accepted={e.checklist.accepted}>
              <span className="small">{t('evidence.checklistItem', { title: checklistItemTitle(e.checklist.itemId, props.checklistTemplate) })}</span>{' '}
              <span className={`badge ${e.checklist.accepted ? 'badge-ok' : 'badge-bad'}`}>
                <StatusIcon kind={e.checklist.accepted ? 'accepted' : 'rejected'} />
                {verdictText(e.checklist)}
              </span>
              {!e.checklist.accepted && e.checklist.problems.map((p) => <p key={p} className="small muted viewer-advice">{qualityAdvice(p)}</p>)}
            </div>
          )}
          {e.blurry && !e.checklist && <p className="badge badge-bad">
              <StatusIcon kind="blurry" />
              {t('evidence.blurryRetake')}
            </p>}
          <CaptureFlags evidence={e} full />
          <NoteForm evidence={e} readOnly={Boolean(e.purged) || narrow} onSaved={props.onUpdated} />
          {e.layer && !e.purged && (
            <label className="check marks-toggle">
              <input type="checkbox" data-testid="layer-toggle" checked={showLayer} onChange={(event) => setShowLayer(event.target.checked)} />
              <span>
                {t('evidence.showAnnotations', { count: e.layer.items.length })}
                <span className="muted small marks-toggle-note">{t('evidence.annotationsNote')}</span>
              </span>
            </label>
          )}
          {superseded && (
            <div className="banner banner-warning" data-testid="superseded-details">
              <div className="banner-text">
                <strong>
                  <StatusIcon kind="superseded" />
                  {t('evidence.superseded')}
                </strong>
                {e.superseded && <> {t('evidence.supersededOn', { date: formatDateTime(e.superseded.at) })}</>}
                {e.superseded && <p className="superseded-reason" data-testid="superseded-reason">{e.superseded.reason}</p>}
                {replacement && (
                  <p className="small">
                    <Trans t={t} i18nKey="evidence.replacedBy" values={{ photo: t('evidence.photoLink', { number: numbers.get(replacement) ?? '?' }) }} components={{ open: photo(replacement) }} />
                  </p>
                )}
              </div>
            </div>
          )}
          {replaces.length > 0 && (
            <p className="small" data-testid="replaces">
              {t('evidence.replaces')} {replaces.map((r, i) => <span key={r.id}>{i > 0 && t('evidence.listSeparator')}{photo(r.id)}</span>)}
            </p>
          )}
          <dl className="facts">
            <dt>{t('evidence.facts.size')}</dt>
            <dd>{t('evidence.facts.sizeValue', { width: e.width, height: e.height, bytes: formatBytes(e.size) })}</dd>
            <dt>{t('evidence.facts.received')}</dt>
            <dd>{formatDateTime(e.receivedAt)}</dd>
            <dt>{t('evidence.facts.capturedBy')}</dt>
            <dd>{t(e.capturedBy === 'customer' ? 'evidence.facts.customer' : 'evidence.facts.assessor')}</dd>
            {e.deviceTime && (
              <>
                <dt>{t('evidence.facts.deviceTime')}</dt>
                <dd>
                  {formatDateTime(e.deviceTime)}
                  {isNotableSkew(e.clockSkewMs) && <span className="warn"> ({skewText(e.clockSkewMs)})</span>}
                </dd>
              </>
            )}
            {e.location && (
              <>
                <dt>{t('evidence.facts.location')}</dt>
                <dd>{formatLocation(e.location.latitude, e.location.longitude, e.location.accuracy)}</dd>
              </>
            )}
            <dt>{t('evidence.facts.sharpness')}</dt>
            <dd>{e.sharpness.toFixed(0)}</dd>
            <dt>{t('evidence.facts.sha256')}</dt>
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
                props.onUpdated(updated);
              }}
            />
          ) : (
            <div className="row-end viewer-actions">
              {!superseded && !narrow && (
                <button type="button" className="btn btn-small viewer-correct" data-testid="supersede-open" onClick={() => setCorrecting(true)}>
                  {t('evidence.markSuperseded')}
                </button>
              )}
              {!e.purged && (
                <a className="btn btn-small" href={e.originalUrl} target="_blank" rel="noreferrer">
                  {t('evidence.openOriginal')}
                </a>
              )}
              <button type="button" className="btn btn-primary btn-small" data-testid="evidence-viewer-close" onClick={onClose}>
                {t('evidence.close')}
              </button>
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
