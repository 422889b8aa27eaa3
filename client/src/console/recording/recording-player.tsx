// The case's recordings: pick one, play it (the media route serves byte ranges), and see the case's
// snapshots, marks, measurements, chat and call events on a timeline under the video; clicking a marker seeks there.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../protocol/http.ts';
import type { RecordingSummary } from '../../../../protocol/recording.ts';
import { formatBytes, formatTime } from '../../ui/format.ts';
import { formatOffset, MARKER_KINDS, MARKER_SIZE, placeMarkers, timelineMarkers, timelineSpanMs, type MarkerKind } from './timeline.ts';
import './recording.css';

/** Each kind of moment has its own shape as well as its colour (WCAG 1.4.1), on the bar and in the legend. */
const SHAPES: Record<MarkerKind, string> = {
  snapshot: 'M1 3h10v10H1z',
  annotation: 'M1 2h10L6 14z',
  measurement: 'M1 7h10v2H1zM1 3h2v10H1zM9 3h2v10H9z',
  chat: 'M6 2a5 5 0 1 1 0 10A5 5 0 0 1 6 2z',
  call: 'M6 1l5 7-5 7-5-7z',
};

function MarkerShape(props: { kind: MarkerKind }) {
  return (
    <svg className={`marker-shape marker-shape-${props.kind}`} viewBox="0 0 12 16" aria-hidden="true" focusable="false">
      <path d={SHAPES[props.kind]} fill="currentColor" />
    </svg>
  );
}

export function RecordingsPanel(props: { detail: CaseDetail }) {
  const { t } = useTranslation('casework');
  const recordings = props.detail.recordings ?? [];
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const current = recordings.find((r) => r.id === selectedId) ?? recordings.filter((r) => r.sealed).at(-1) ?? recordings.at(-1);
  return (
    <section className="card recordings" aria-label={t('recording.recordings')} data-testid="recordings-panel">
      <div className="section-head">
        <h3>{t('recording.recordings')}</h3>
        <span className="badge">{recordings.length}</span>
      </div>
      {recordings.length === 0 ? (
        <p className="muted small">{t('recording.recordingsEmpty')}</p>
      ) : (
        <>
          <div className="recording-list" role="tablist">
            {recordings.map((r) => (
              <button
                key={r.id}
                type="button"
                role="tab"
                aria-selected={r.id === current?.id}
                className={`recording-chip${r.id === current?.id ? ' recording-chip-on' : ''}`}
                data-testid="recording-item"
                data-recording-id={r.id}
                data-sealed={r.sealed}
                onClick={() => setSelectedId(r.id)}
              >
                {t(r.sealed ? 'recording.chipSealed' : 'recording.chip', { time: formatTime(r.startedAt), duration: r.durationMs !== null ? formatOffset(r.durationMs) : t('recording.live'), bytes: formatBytes(r.bytes) })}
              </button>
            ))}
          </div>
          {current && current.playableBytes > 0 && <RecordingPlayer key={`${current.id}-${current.sealed}`} recording={current} detail={props.detail} />}
          {current && current.playableBytes === 0 && <p className="muted small">{t('recording.arriving')}</p>}
        </>
      )}
    </section>
  );
}

/**
 * A marker's centre as a share of the bar, kept a half target inside either end: when the window
 * narrows, the marker follows the bar at once instead of standing where the old width put it (and
 * widening the page) until the bar is measured again.
 */
const markerLeft = (x: number, width: number): string => `clamp(${MARKER_SIZE / 2}px, ${((x / width) * 100).toFixed(3)}%, calc(100% - ${MARKER_SIZE / 2}px))`;

function RecordingPlayer({ recording, detail }: { recording: RecordingSummary; detail: CaseDetail }) {
  const { t } = useTranslation('casework');
  const video = useRef<HTMLVideoElement>(null);
  // Chromium's media cache is keyed by URL: a growing recording gets a URL per length it was opened
  // at, so an earlier (shorter or empty) answer is never replayed for the sealed one.
  const [src] = useState(() => `${recording.mediaUrl}?v=${recording.sealed ? 'sealed' : recording.playableBytes}`);
  const [videoMs, setVideoMs] = useState<number | null>(null);
  const [position, setPosition] = useState(0);
  /** MediaRecorder's WebM has no duration in its header: seek far once so the browser finds the end. */
  const probing = useRef(false);
  const durationMs = timelineSpanMs(recording, videoMs);
  const markers = useMemo(
    () => timelineMarkers({ startedAt: recording.startedAt, durationMs, evidence: detail.evidence, chat: detail.chat, calls: detail.calls, annotations: detail.annotations ?? [], measurements: detail.measurements ?? [] }),
    [recording.startedAt, durationMs, detail.evidence, detail.chat, detail.calls, detail.annotations, detail.measurements],
  );
  /** The bar's width in CSS px, so that markers too close to share a row (a touch target apart) take the row below. */
  const bar = useRef<HTMLDivElement>(null);
  const [barWidth, setBarWidth] = useState(0);
  useEffect(() => {
    const element = bar.current;
    if (!element) return;
    setBarWidth(element.clientWidth);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setBarWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const places = useMemo(() => placeMarkers(markers.map((m) => m.offsetMs), durationMs, barWidth), [markers, durationMs, barWidth]);
  const lanes = Math.max(1, ...places.map((p) => p.lane + 1));

  const onMetadata = (): void => {
    const v = video.current;
    if (!v) return;
    if (Number.isFinite(v.duration)) setVideoMs(v.duration * 1000);
    else {
      probing.current = true;
      v.currentTime = 1e101;
    }
  };
  const onDuration = (): void => {
    const v = video.current;
    if (!v || !Number.isFinite(v.duration)) return;
    setVideoMs(v.duration * 1000);
    if (probing.current) {
      probing.current = false;
      v.currentTime = 0;
    }
  };
  const seek = (offsetMs: number): void => {
    const v = video.current;
    if (!v) return;
    v.currentTime = offsetMs / 1000;
    setPosition(offsetMs);
  };
  const at = (ms: number): string => `${durationMs > 0 ? Math.min(100, (100 * ms) / durationMs) : 0}%`;

  return (
    <div className="recording-player" data-testid="recording-player" data-recording-id={recording.id}>
      <video
        ref={video}
        data-testid="recording-video"
        src={src}
        controls
        preload="metadata"
        playsInline
        onLoadedMetadata={onMetadata}
        onDurationChange={onDuration}
        onTimeUpdate={(e) => !probing.current && setPosition(e.currentTarget.currentTime * 1000)}
      />
      <div className="timeline" data-testid="timeline" role="group" aria-label={t('recording.timeline')}>
        <div className="timeline-bar" ref={bar} style={{ height: `${lanes * MARKER_SIZE}px` }} onClick={(e) => seek(((e.clientX - e.currentTarget.getBoundingClientRect().left) / e.currentTarget.clientWidth) * durationMs)}>
          <span className="timeline-played" style={{ width: at(position) }} />
          {markers.map((m, i) => (
            <button
              key={m.id}
              type="button"
              className={`timeline-marker marker-${m.kind}`}
              style={barWidth > 0 ? { left: markerLeft(places[i]!.x, barWidth), top: `${places[i]!.lane * MARKER_SIZE}px` } : { left: at(m.offsetMs) }}
              title={t('recording.markerTitle', { offset: formatOffset(m.offsetMs), label: m.label })}
              aria-label={t('recording.markerLabel', { kind: t(`recording.kind.${m.kind}`), offset: formatOffset(m.offsetMs), label: m.label })}
              data-testid="timeline-marker"
              data-kind={m.kind}
              data-offset-ms={Math.round(m.offsetMs)}
              onClick={(e) => {
                e.stopPropagation();
                seek(m.offsetMs);
              }}
            >
              <MarkerShape kind={m.kind} />
            </button>
          ))}
        </div>
        <div className="timeline-scale small muted">
          <span>0:00</span>
          <span>{formatOffset(position)}</span>
          <span>{formatOffset(durationMs)}</span>
        </div>
        <ul className="timeline-legend small">
          {MARKER_KINDS.map((kind) => (
            <li key={kind} className="legend-kind">
              <MarkerShape kind={kind} />
              {t('recording.legend', { kind: t(`recording.kind.${kind}`), count: markers.filter((m) => m.kind === kind).length })}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
