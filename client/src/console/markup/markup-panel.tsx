// Annotations and measurements of the case: stored ones (live through the console feed) and those of
// this session still on their way, with who placed them and when; cleared annotations struck through.
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../ui/format.ts';
import type { AnnotationRow, MeasurementRow, RowStatus } from './markup-items.ts';
import { toolText } from './markup-tools.ts';

function StatusNote(props: { status: RowStatus; onRetry: () => void }) {
  const { t } = useTranslation('casework');
  switch (props.status) {
    case 'placing':
    case 'saving':
    case 'live':
      return <span className="badge badge-brand">{t(`markup.status.${props.status}`)}</span>;
    case 'failed':
      return <span className="badge badge-bad">{t('markup.status.failed')}</span>;
    case 'unsaved':
      return (
        <>
          <span className="badge badge-bad">{t('markup.status.unsaved')}</span>
          <button type="button" className="btn btn-ghost btn-small" data-testid="spatial-retry" onClick={props.onRetry}>
            {t('markup.retry')}
          </button>
        </>
      );
    case 'cleared':
    case 'stored':
      return null;
  }
}

/** `canPlace`: this viewer has the Measure and annotation tools (the assessor); an invited expert or supervisor watches what the assessor places. */
export function MarkupPanel(props: { annotations: AnnotationRow[]; measurements: MeasurementRow[]; canPlace: boolean; onRetryAnnotation: (id: string) => void; onRetryMeasurement: (id: string) => void }) {
  const { t } = useTranslation('casework');
  const visible = props.annotations.filter((a) => a.status !== 'cleared').length;
  return (
    <section className="card markup-panel" aria-label={t('markup.panelLabel')} data-testid="spatial-panel">
      <div className="section-head">
        <h3>{t('markup.measurements')}</h3>
        <span className="muted small">{props.measurements.length}</span>
      </div>
      {props.measurements.length === 0 ? (
        <p className="muted small" data-testid="measurements-empty">{t(props.canPlace ? 'markup.measurementsEmpty' : 'markup.measurementsEmptyWatching')}</p>
      ) : (
        <ul className="markup-list" data-testid="measurement-list">
          {props.measurements.map((m) => (
            <li key={m.id} className="markup-row" data-testid="measurement-row" data-measurement-id={m.id} data-status={m.status}>
              <span className="markup-main">
                <svg className="tool-icon markup-icon" viewBox="0 0 16 16" aria-hidden="true">
                  <path d="M2 8h12M2 5v6M14 5v6" />
                </svg>
                <strong className="markup-value" data-testid="measurement-value">
                  {m.text}
                </strong>
                {m.label && <span>{m.label}</span>}
                <StatusNote status={m.status} onRetry={() => props.onRetryMeasurement(m.id)} />
              </span>
              <span className="markup-meta">
                {t(`markup.who.${m.createdBy}`)} · {formatTime(m.at)}
              </span>
            </li>
          ))}
        </ul>
      )}
      <div className="section-head markup-second">
        <h3>{t('markup.annotations')}</h3>
        <span className="muted small">
          {props.annotations.length > visible ? t('markup.shownCleared', { shown: visible, cleared: props.annotations.length - visible }) : t('markup.shown', { shown: visible })}
        </span>
      </div>
      {props.annotations.length === 0 ? (
        <p className="muted small" data-testid="annotations-empty">{t(props.canPlace ? 'markup.annotationsEmpty' : 'markup.annotationsEmptyWatching')}</p>
      ) : (
        <ul className="markup-list" data-testid="annotation-list">
          {props.annotations.map((a) => (
            <li key={a.id} className={`markup-row${a.status === 'cleared' ? ' markup-cleared' : ''}`} data-testid="annotation-row" data-annotation-id={a.id} data-kind={a.kind} data-status={a.status} data-anchored={a.anchored === null ? '' : String(a.anchored)}>
              <span className="markup-main">
                <span className={`kind-dot kind-${a.kind}`} aria-hidden="true" />
                <span className="markup-kind">{toolText[a.kind]}</span>
                {a.label && <span className="markup-label">{t('markup.quoted', { label: a.label })}</span>}
                {a.anchored !== null && <span className="muted small">{t(a.anchored ? 'markup.anchored' : 'markup.flat')}</span>}
                <StatusNote status={a.status} onRetry={() => props.onRetryAnnotation(a.id)} />
              </span>
              <span className="markup-meta">
                {t(`markup.who.${a.createdBy}`)} · {formatTime(a.at)}
                {a.clearedAt && t('markup.cleared', { time: formatTime(a.clearedAt) })}
              </span>
              {a.error && <span className="markup-error">{a.error}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
