// What the report shows of spatial evidence and guided capture, pure: a photo's annotation layer with
// its text resolved (a measurement shows the server's figure, never a client's), the measurements
// numbered with who took them, and the checklist with each item's accepted photos.
import type { ChecklistView } from '../../../protocol/checklist.ts';
import { formatMeasurement, type AnnotationLayer, type MeasurementView } from '../../../protocol/spatial.ts';
import type { ReportChecklist, ReportMeasurement, ReportOverlayItem } from './report-data.ts';

const measurementText = (m: MeasurementView): string => formatMeasurement(m.distanceM, m.uncertaintyM);

export function overlayOf(layer: AnnotationLayer | null | undefined, measurements: ReadonlyMap<string, MeasurementView>): ReportOverlayItem[] {
  return (layer?.items ?? []).map((item) => {
    const label = item.label && item.label !== '' ? item.label : null;
    const measured = item.kind === 'measurement' && item.refId !== undefined ? measurements.get(item.refId) : undefined;
    const text = measured ? (label ? `${label}: ${measurementText(measured)}` : measurementText(measured)) : label;
    return { kind: item.kind, points: item.points, text };
  });
}

export function reportMeasurements(measurements: readonly MeasurementView[], who: (m: MeasurementView) => string): ReportMeasurement[] {
  return measurements.map((m, index) => ({
    number: index + 1,
    label: m.label && m.label !== '' ? m.label : null,
    text: measurementText(m),
    who: who(m),
    at: m.at,
    a: m.a,
    b: m.b,
  }));
}

export interface ChecklistPhoto {
  number: number | null;
  thumbnailSha256: string | null;
  purged: boolean;
}

export function reportChecklist(state: ChecklistView | null, photo: (evidenceId: string) => ChecklistPhoto): ReportChecklist | null {
  if (!state) return null;
  return {
    template: state.template,
    title: state.title,
    complete: state.complete,
    items: state.items.map((item) => ({
      id: item.id,
      title: item.title,
      status: item.status,
      attempts: item.attempts,
      problems: item.problems,
      accepted: item.acceptedEvidenceIds.map(photo),
    })),
  };
}
