// Spatial evidence from the customer's WebXR session: annotations anchored in the room, two-point
// measurements, and the annotation layer kept beside a snapshot. Positions are metres in the session's
// `local-floor` reference space; screen points are normalised to the streamed picture (0..1, top left).
import { z } from 'zod';
import { text } from './text.ts';

const finite = z.number().finite().min(-1e4).max(1e4);

export const Vec3 = z.tuple([finite, finite, finite]);
export type Vec3 = z.infer<typeof Vec3>;

/** A unit quaternion [x, y, z, w]. */
export const Quat = z.tuple([finite, finite, finite, finite]);
export type Quat = z.infer<typeof Quat>;

export const Pose = z.object({ position: Vec3, orientation: Quat });
export type Pose = z.infer<typeof Pose>;

/** A point on the streamed picture: u to the right, v down, both 0..1. */
export const ScreenPoint = z.object({ u: z.number().min(0).max(1), v: z.number().min(0).max(1) });
export type ScreenPoint = z.infer<typeof ScreenPoint>;

/** Where the device placed a point in the room, from a WebXR hit-test at a screen point. */
export const SpatialAnchor = z.object({
  /** The hit pose (position on the surface, orientation along its normal). */
  pose: Pose,
  /** True when the device holds an XRAnchor there, so the point stays on the spot as tracking refines. */
  anchored: z.boolean(),
  /** The device camera's pose when it hit the point. */
  cameraPose: Pose,
});
export type SpatialAnchor = z.infer<typeof SpatialAnchor>;

export const AnnotationKind = z.enum(['marker', 'arrow', 'circle', 'label']);
export type AnnotationKind = z.infer<typeof AnnotationKind>;

const ClientId = text().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _');

/** `POST /api/cases/:id/annotations`: an annotation placed on the live view. */
export const AnnotationBody = z.object({
  /** Client-chosen id; posting the same id twice stores the annotation once. */
  id: ClientId,
  kind: AnnotationKind,
  label: text().trim().max(200).optional(),
  /** Where it was placed on the streamed picture. */
  screen: ScreenPoint,
  /** Its place in the room; null when the customer's mode has no tracking (overlay or plain camera). */
  anchor: SpatialAnchor.nullable(),
});
export type AnnotationBody = z.infer<typeof AnnotationBody>;

export const AnnotationView = AnnotationBody.extend({
  caseId: text(),
  createdBy: z.enum(['assessor', 'customer']),
  at: text(),
  /** When it was cleared (it stays in the ledger; clearing is a new entry). */
  clearedAt: text().nullable(),
});
export type AnnotationView = z.infer<typeof AnnotationView>;

/** `POST /api/cases/:id/annotations/clear`: clear the named annotations, or every visible one. */
export const ClearAnnotationsBody = z.object({ ids: z.array(ClientId).max(500).optional() });
export type ClearAnnotationsBody = z.infer<typeof ClearAnnotationsBody>;

/** `GET /api/cases/:id/annotations` (cleared ones included), and the answer to a clear (those it cleared). */
export const AnnotationList = z.object({ annotations: z.array(AnnotationView) });
export type AnnotationList = z.infer<typeof AnnotationList>;

/** `POST /api/cases/:id/measurements`: a point-to-point distance from two hit-tests. */
export const MeasurementBody = z.object({
  id: ClientId,
  a: Vec3,
  b: Vec3,
  screenA: ScreenPoint,
  screenB: ScreenPoint,
  /** The camera pose when the second point was hit. */
  cameraPose: Pose,
  label: text().trim().max(200).optional(),
});
export type MeasurementBody = z.infer<typeof MeasurementBody>;

export const MeasurementView = MeasurementBody.extend({
  caseId: text(),
  createdBy: z.enum(['assessor', 'customer']),
  at: text(),
  /** |b − a| in metres, computed by the server from the two points. */
  distanceM: z.number(),
  /** One standard deviation of the distance, in metres (see `measure`). */
  uncertaintyM: z.number(),
});
export type MeasurementView = z.infer<typeof MeasurementView>;

/** `GET /api/cases/:id/measurements`. */
export const MeasurementList = z.object({ measurements: z.array(MeasurementView) });
export type MeasurementList = z.infer<typeof MeasurementList>;

export const LayerItemKind = z.enum(['marker', 'arrow', 'circle', 'label', 'measurement']);
export type LayerItemKind = z.infer<typeof LayerItemKind>;

/** One drawn item of a snapshot's annotation layer, in the photo's normalised coordinates. */
export const LayerItem = z.object({
  kind: LayerItemKind,
  /** One point for marker/circle/label (its centre), two for arrow (tail, head) and measurement. */
  points: z.array(ScreenPoint).min(1).max(2),
  label: text().trim().max(200).optional(),
  /** The annotation or measurement it shows, when it came from one. */
  refId: text().max(64).optional(),
});
export type LayerItem = z.infer<typeof LayerItem>;

/**
 * The annotations visible when a snapshot was taken. Sent as the `layer` field (JSON) beside the
 * photo; the original photo is never drawn on.
 */
export const AnnotationLayer = z.object({ items: z.array(LayerItem).min(1).max(200) });
export type AnnotationLayer = z.infer<typeof AnnotationLayer>;

/**
 * Per-point standard deviation of a hit-test position: a fixed 5 mm plus 1 % of the range from the
 * camera. Phone depth tracking errs roughly in proportion to range; the constants are the typical
 * figures ARCore reports for planes, and are shown to the user as "± x cm", not hidden.
 */
export const HIT_BASE_SIGMA_M = 0.005;
export const HIT_RANGE_SIGMA = 0.01;

export function distance(a: Vec3, b: Vec3): number {
  return Math.hypot(b[0] - a[0], b[1] - a[1], b[2] - a[2]);
}

/** The distance between two hit points and its one-sigma uncertainty (the points' errors independent). */
export function measure(a: Vec3, b: Vec3, camera: Vec3): { distanceM: number; uncertaintyM: number } {
  const sigma = (p: Vec3) => HIT_BASE_SIGMA_M + HIT_RANGE_SIGMA * distance(camera, p);
  return { distanceM: distance(a, b), uncertaintyM: Math.hypot(sigma(a), sigma(b)) };
}

/** "1.23 m ± 2.1 cm": how a measurement is shown in AR, in the console and in the report. */
export function formatMeasurement(distanceM: number, uncertaintyM: number): string {
  const value = distanceM < 1 ? `${(distanceM * 100).toFixed(1)} cm` : `${distanceM.toFixed(2)} m`;
  return `${value} ± ${(uncertaintyM * 100).toFixed(1)} cm`;
}
