// Where the case's moments fall on a recording: snapshots (evidence received), annotations placed,
// measurements, chat lines and call events, as offsets from the recording's start. Pure, so it is
// unit tested.
import type { CallView, ChatLine, EvidenceView } from '../../../../protocol/http.ts';
import type { RecordingSummary } from '../../../../protocol/recording.ts';
import { formatMeasurement, type AnnotationView, type MeasurementView } from '../../../../protocol/spatial.ts';
import { i18next } from '../../i18n/i18n.ts';

const t = (key: string, options?: Record<string, unknown>): string => i18next.t(`casework:recording.marker.${key}`, options);

export const MARKER_KINDS = ['snapshot', 'annotation', 'measurement', 'chat', 'call'] as const;
export type MarkerKind = (typeof MARKER_KINDS)[number];

export interface TimelineMarker {
  id: string;
  kind: MarkerKind;
  /** Milliseconds from the recording's start. */
  offsetMs: number;
  label: string;
}

export interface TimelineInput {
  startedAt: string;
  durationMs: number;
  evidence: EvidenceView[];
  chat: ChatLine[];
  calls: CallView[];
  annotations?: AnnotationView[];
  measurements?: MeasurementView[];
}

const callEvents = (call: CallView): Array<{ at: string; what: string }> =>
  [
    { at: call.startedAt, what: t('callStarted') },
    call.connectedAt ? { at: call.connectedAt, what: t('callConnected') } : null,
    call.endedAt ? { at: call.endedAt, what: t(call.state === 'failed' ? 'callFailed' : 'callEnded') } : null,
  ].filter((e): e is { at: string; what: string } => e !== null);

/** "Circle: dent (anchored)". */
function annotationLabel(a: AnnotationView): string {
  const kind = t(`kind.${a.kind}`);
  const text = a.label ? t('annotationLabel', { kind, label: a.label }) : t('annotation', { kind });
  return a.anchor ? t('anchored', { text }) : text;
}

/** Markers inside [0, durationMs], in time order. Times are compared across clocks (console and server) as they are. */
export function timelineMarkers(input: TimelineInput): TimelineMarker[] {
  const start = Date.parse(input.startedAt);
  const within = (iso: string): number | null => {
    const offset = Date.parse(iso) - start;
    return Number.isFinite(offset) && offset >= 0 && offset <= input.durationMs ? offset : null;
  };
  const markers: TimelineMarker[] = [];
  for (const e of input.evidence) {
    const offsetMs = within(e.receivedAt);
    if (offsetMs !== null) markers.push({ id: `evidence-${e.id}`, kind: 'snapshot', offsetMs, label: t('photo', { source: t(`sources.${e.source}`), width: e.width, height: e.height }) });
  }
  for (const a of input.annotations ?? []) {
    const offsetMs = within(a.at);
    if (offsetMs !== null) markers.push({ id: `annotation-${a.id}`, kind: 'annotation', offsetMs, label: annotationLabel(a) });
  }
  for (const m of input.measurements ?? []) {
    const offsetMs = within(m.at);
    if (offsetMs !== null) markers.push({ id: `measurement-${m.id}`, kind: 'measurement', offsetMs, label: t('measurement', { value: formatMeasurement(m.distanceM, m.uncertaintyM) }) });
  }
  for (const line of input.chat) {
    const offsetMs = within(line.at);
    if (offsetMs !== null) markers.push({ id: `chat-${line.id}`, kind: 'chat', offsetMs, label: t('chat', { who: line.from === 'customer' ? t('customer') : (line.author?.name ?? t('assessor')), text: line.text }) });
  }
  for (const call of input.calls) {
    for (const [i, event] of callEvents(call).entries()) {
      const offsetMs = within(event.at);
      if (offsetMs !== null) markers.push({ id: `call-${call.id}-${i}`, kind: 'call', offsetMs, label: event.what });
    }
  }
  return markers.sort((a, b) => a.offsetMs - b.offsetMs);
}

/**
 * How long the timeline is. A sealed recording says; one still being made covers the chunks the
 * server holds so far. The player's own duration is no guide while it grows: the player opened it at
 * the length it had then (its first seconds), and markers past that length were dropped — the
 * timeline read "Snapshot (0) … Chat (0)" for the whole call.
 */
export function timelineSpanMs(recording: Pick<RecordingSummary, 'durationMs' | 'chunkCount' | 'chunkMs'>, videoMs: number | null): number {
  if (recording.durationMs !== null) return recording.durationMs;
  const held = recording.chunkMs !== null ? recording.chunkCount * recording.chunkMs : 0;
  return Math.max(videoMs ?? 0, held);
}

/** m:ss for a position on the timeline. */
export function formatOffset(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** A marker button's side in CSS px: the 24 px touch target WCAG 2.5.8 asks for. */
export const MARKER_SIZE = 24;

/**
 * Where each marker sits on a bar `widthPx` wide: its centre `x` (kept a half marker inside either
 * end) and its `lane` (0 on the bar, 1 the row below…). Markers closer than a marker's width share no
 * lane, so no button covers another — a phone's narrow bar, or two photos a second apart, puts the
 * later one in the row below instead of on top. Same order as `offsetsMs`.
 */
export function placeMarkers(offsetsMs: readonly number[], durationMs: number, widthPx: number, size = MARKER_SIZE): { x: number; lane: number }[] {
  const half = size / 2;
  const xOf = (ms: number): number => {
    const raw = durationMs > 0 ? (Math.min(durationMs, Math.max(0, ms)) * widthPx) / durationMs : 0;
    return widthPx >= size ? Math.min(widthPx - half, Math.max(half, raw)) : raw;
  };
  const order = offsetsMs.map((ms, i) => ({ i, x: xOf(ms) })).sort((a, b) => a.x - b.x || a.i - b.i);
  /** The centre of the last marker in each lane. */
  const lastInLane: number[] = [];
  const placed: { x: number; lane: number }[] = new Array(offsetsMs.length);
  for (const { i, x } of order) {
    let lane = lastInLane.findIndex((last) => x - last >= size);
    if (lane === -1) lane = lastInLane.length;
    lastInLane[lane] = x;
    placed[i] = { x, lane };
  }
  return placed;
}
