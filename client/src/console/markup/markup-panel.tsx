// Annotations and measurements of the case: stored ones (live through the console feed) and those of
// this session still on their way, with who placed them and when; cleared annotations struck through.
import { formatTime } from '../../ui/format.ts';
import type { AnnotationRow, MeasurementRow, RowStatus } from './markup-items.ts';
import { toolText } from './markup-tools.ts';

const who = { assessor: 'Assessor', customer: 'Customer' } as const;

function StatusNote(props: { status: RowStatus; onRetry: () => void }) {
  switch (props.status) {
    case 'placing':
      return <span className="badge badge-brand">Placing…</span>;
    case 'saving':
      return <span className="badge badge-brand">Saving…</span>;
    case 'live':
      return <span className="badge badge-brand">Live</span>;
    case 'failed':
      return <span className="badge badge-bad">Not placed</span>;
    case 'unsaved':
      return (
        <>
          <span className="badge badge-bad">Not saved</span>
          <button type="button" className="btn btn-ghost btn-small" data-testid="spatial-retry" onClick={props.onRetry}>
            Retry
          </button>
        </>
      );
    case 'cleared':
    case 'stored':
      return null;
  }
}

export function MarkupPanel(props: { annotations: AnnotationRow[]; measurements: MeasurementRow[]; onRetryAnnotation: (id: string) => void; onRetryMeasurement: (id: string) => void }) {
  const visible = props.annotations.filter((a) => a.status !== 'cleared').length;
  return (
    <section className="card markup-panel" aria-label="Annotations and measurements" data-testid="spatial-panel">
      <div className="section-head">
        <h3>Measurements</h3>
        <span className="muted small">{props.measurements.length}</span>
      </div>
      {props.measurements.length === 0 ? (
        <p className="muted small">With the customer in AR, pick Measure and click both ends on the live picture.</p>
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
                {who[m.createdBy]} · {formatTime(m.at)}
              </span>
            </li>
          ))}
        </ul>
      )}
      <div className="section-head markup-second">
        <h3>Annotations</h3>
        <span className="muted small">
          {visible} shown{props.annotations.length > visible ? ` · ${props.annotations.length - visible} cleared` : ''}
        </span>
      </div>
      {props.annotations.length === 0 ? (
        <p className="muted small">Pick Marker, Arrow, Circle or Label and click on the live picture.</p>
      ) : (
        <ul className="markup-list" data-testid="annotation-list">
          {props.annotations.map((a) => (
            <li key={a.id} className={`markup-row${a.status === 'cleared' ? ' markup-cleared' : ''}`} data-testid="annotation-row" data-annotation-id={a.id} data-kind={a.kind} data-status={a.status} data-anchored={a.anchored === null ? '' : String(a.anchored)}>
              <span className="markup-main">
                <span className={`kind-dot kind-${a.kind}`} aria-hidden="true" />
                <span className="markup-kind">{toolText[a.kind]}</span>
                {a.label && <span className="markup-label">“{a.label}”</span>}
                {a.anchored !== null && <span className="muted small">{a.anchored ? 'anchored in the room' : 'flat on the picture'}</span>}
                <StatusNote status={a.status} onRetry={() => props.onRetryAnnotation(a.id)} />
              </span>
              <span className="markup-meta">
                {who[a.createdBy]} · {formatTime(a.at)}
                {a.clearedAt && <> · cleared {formatTime(a.clearedAt)}</>}
              </span>
              {a.error && <span className="markup-error">{a.error}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
