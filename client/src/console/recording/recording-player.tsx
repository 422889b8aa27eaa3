// The case's recordings: pick one, play it (the media route serves byte ranges), and see the case's
// snapshots, marks, measurements, chat and call events on a timeline under the video; clicking a marker seeks there.
import { useMemo, useRef, useState } from 'react';
import type { CaseDetail } from '../../../../protocol/http.ts';
import type { RecordingSummary } from '../../../../protocol/recording.ts';
import { formatBytes, formatTime } from '../../ui/format.ts';
import { formatOffset, timelineMarkers, timelineSpanMs, type MarkerKind } from './timeline.ts';

const kindText: Record<MarkerKind, string> = { snapshot: 'Snapshot', annotation: 'Mark', measurement: 'Measurement', chat: 'Chat', call: 'Call event' };

export function RecordingsPanel(props: { detail: CaseDetail }) {
  const recordings = props.detail.recordings ?? [];
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const current = recordings.find((r) => r.id === selectedId) ?? recordings.filter((r) => r.sealed).at(-1) ?? recordings.at(-1);
  return (
    <section className="card recordings" aria-label="Recordings" data-testid="recordings-panel">
      <div className="section-head">
        <h3>Recordings</h3>
        <span className="badge">{recordings.length}</span>
      </div>
      {recordings.length === 0 ? (
        <p className="muted small">The call is recorded from the moment it connects; recordings appear here.</p>
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
                {formatTime(r.startedAt)} · {r.durationMs !== null ? formatOffset(r.durationMs) : 'live'} · {formatBytes(r.bytes)}
                {r.sealed ? ' · sealed' : ''}
              </button>
            ))}
          </div>
          {current && current.playableBytes > 0 && <RecordingPlayer key={`${current.id}-${current.sealed}`} recording={current} detail={props.detail} />}
          {current && current.playableBytes === 0 && <p className="muted small">Recording — the first seconds are on their way.</p>}
        </>
      )}
    </section>
  );
}

function RecordingPlayer({ recording, detail }: { recording: RecordingSummary; detail: CaseDetail }) {
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
      <div className="timeline" data-testid="timeline" aria-label="Recording timeline">
        <div className="timeline-bar" onClick={(e) => seek(((e.clientX - e.currentTarget.getBoundingClientRect().left) / e.currentTarget.clientWidth) * durationMs)}>
          <span className="timeline-played" style={{ width: at(position) }} />
          {markers.map((m) => (
            <button
              key={m.id}
              type="button"
              className={`timeline-marker marker-${m.kind}`}
              style={{ left: at(m.offsetMs) }}
              title={`${formatOffset(m.offsetMs)} — ${m.label}`}
              aria-label={`${kindText[m.kind]} at ${formatOffset(m.offsetMs)}: ${m.label}`}
              data-testid="timeline-marker"
              data-kind={m.kind}
              data-offset-ms={Math.round(m.offsetMs)}
              onClick={(e) => {
                e.stopPropagation();
                seek(m.offsetMs);
              }}
            />
          ))}
        </div>
        <div className="timeline-scale small muted">
          <span>0:00</span>
          <span>{formatOffset(position)}</span>
          <span>{formatOffset(durationMs)}</span>
        </div>
        <ul className="timeline-legend small">
          {(Object.keys(kindText) as MarkerKind[]).map((kind) => (
            <li key={kind}>
              <span className={`legend-swatch marker-${kind}`} aria-hidden="true" />
              {kindText[kind]} ({markers.filter((m) => m.kind === kind).length})
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
