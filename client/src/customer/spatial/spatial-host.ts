// The customer's side of annotations and measurements, with no React and no three.js: answers the
// assessor's data-channel requests, asking the current tracker (the AR session's hit-test) where a
// point of the picture is in the room. Without a tracker annotations stay 2D at their screen point
// and measuring is refused, so the plain camera path never loads the XR code.
import type { PeerMessage } from '../../../../protocol/messages.ts';
import { formatMeasurement, measure, type AnnotationKind, type AnnotationLayer, type LayerItem, type Pose, type ScreenPoint, type SpatialAnchor, type Vec3 } from '../../../../protocol/spatial.ts';
import { Emitter } from '../../lib/emitter.ts';

export interface TrackerHit {
  pose: Pose;
  cameraPose: Pose;
  anchored: boolean;
}

/** What an AR session offers the host: hit-tests at a point of the streamed picture. */
export interface Tracker {
  /**
   * Hit-tests at the point; with an `anchorId`, also asks the device to anchor the hit and keeps the
   * anchor under that id. Null when nothing was hit.
   */
  hitTest(screen: ScreenPoint, anchorId: string | null): Promise<TrackerHit | null>;
  /** Forgets the device anchors of these annotations. */
  release(ids: readonly string[]): void;
  /** Where points of the room are on the picture now (null: behind the camera or out of view). */
  project(points: readonly Vec3[]): Promise<(ScreenPoint | null)[]>;
}

export interface PlacedAnnotation {
  id: string;
  kind: AnnotationKind;
  label?: string;
  screen: ScreenPoint;
  anchor: SpatialAnchor | null;
}

export interface ShownMeasurement {
  id: string;
  a: Vec3;
  b: Vec3;
  distanceM: number;
  uncertaintyM: number;
}

export const NO_SURFACE = 'No surface found there. Try a point on the floor, a wall or a table.';
export const NEEDS_AR = 'Measuring needs the AR view on the customer’s device.';

/** A hit-test that threw is reported as "nothing hit" to the assessor, and logged for the developer. */
function hitTestFailed(error: unknown): null {
  console.warn('Hit-test failed', error);
  return null;
}

type HostEvents = { change: () => void };

export class SpatialHost extends Emitter<HostEvents> {
  private tracker: Tracker | null = null;
  private placed: PlacedAnnotation[] = [];
  private shown: ShownMeasurement[] = [];

  constructor(private readonly send: (message: PeerMessage) => void) {
    super();
  }

  get annotations(): readonly PlacedAnnotation[] {
    return this.placed;
  }

  get measurements(): readonly ShownMeasurement[] {
    return this.shown;
  }

  get tracking(): boolean {
    return this.tracker !== null;
  }

  /** Sets the current tracker (null when the AR session ends); returns a cleanup that unsets it. */
  setTracker(tracker: Tracker | null): () => void {
    this.tracker = tracker;
    this.emit('change');
    return () => {
      if (this.tracker === tracker) this.setTracker(null);
    };
  }

  /**
   * The annotations and measurements visible now, where they are on the picture: kept beside a
   * snapshot as its annotation layer. Null when nothing is visible.
   */
  async layer(): Promise<AnnotationLayer | null> {
    const items: LayerItem[] = [];
    const flat = this.placed.filter((a) => !a.anchor);
    for (const a of flat) items.push({ kind: a.kind, points: [a.screen], refId: a.id, ...(a.label ? { label: a.label } : {}) });
    const tracker = this.tracker;
    if (tracker) {
      const anchored = this.placed.filter((a) => a.anchor);
      const points = [...anchored.map((a) => a.anchor!.pose.position), ...this.shown.flatMap((m) => [m.a, m.b])];
      const screen = await tracker.project(points).catch(() => points.map(() => null));
      anchored.forEach((a, i) => {
        const at = screen[i];
        if (at) items.push({ kind: a.kind, points: [at], refId: a.id, ...(a.label ? { label: a.label } : {}) });
      });
      this.shown.forEach((m, i) => {
        const from = screen[anchored.length + 2 * i];
        const to = screen[anchored.length + 2 * i + 1];
        if (from && to) items.push({ kind: 'measurement', points: [from, to], refId: m.id, label: formatMeasurement(m.distanceM, m.uncertaintyM) });
      });
    }
    return items.length > 0 ? { items: items.slice(0, 200) } : null;
  }

  /** Handles the messages this host is for; returns false for the others. */
  handle(message: PeerMessage): boolean {
    switch (message.type) {
      case 'annotation-place':
        void this.place(message.id, message.kind, message.screen, message.label);
        return true;
      case 'annotations-clear':
        this.clear(message.ids);
        return true;
      case 'measure-point':
        void this.measurePoint(message.id, message.index, message.screen);
        return true;
      case 'measurement':
        this.show({ id: message.id, a: message.a, b: message.b, distanceM: message.distanceM, uncertaintyM: message.uncertaintyM });
        return true;
      default:
        return false;
    }
  }

  /** Shows a finished measurement (the assessor's, or one the customer made). */
  show(measurement: ShownMeasurement): void {
    this.shown = [...this.shown.filter((m) => m.id !== measurement.id), measurement];
    this.emit('change');
  }

  /** The customer measures on their own: two hit-tests; null when a point hit nothing. */
  async measureOwn(id: string, screenA: ScreenPoint, hitA: TrackerHit, screenB: ScreenPoint, hitB: TrackerHit) {
    const a = hitA.pose.position;
    const b = hitB.pose.position;
    const result = { id, a, b, ...measure(a, b, hitB.cameraPose.position) };
    this.show(result);
    this.send({ v: 1, type: 'measurement', ...result });
    return { body: { id, a, b, screenA, screenB, cameraPose: hitB.cameraPose }, shown: result };
  }

  private async place(id: string, kind: AnnotationKind, screen: ScreenPoint, label: string | undefined): Promise<void> {
    const base = { v: 1 as const, type: 'annotation-placed' as const, id, kind, screen, ...(label ? { label } : {}) };
    const tracker = this.tracker;
    if (!tracker) {
      this.add({ id, kind, screen, anchor: null, ...(label ? { label } : {}) });
      this.send({ ...base, anchor: null });
      return;
    }
    const hit = await tracker.hitTest(screen, id).catch(hitTestFailed);
    if (!hit) {
      this.send({ ...base, anchor: null, error: NO_SURFACE });
      return;
    }
    const anchor: SpatialAnchor = { pose: hit.pose, anchored: hit.anchored, cameraPose: hit.cameraPose };
    this.add({ id, kind, screen, anchor, ...(label ? { label } : {}) });
    this.send({ ...base, anchor });
  }

  private async measurePoint(id: string, index: 0 | 1, screen: ScreenPoint): Promise<void> {
    const base = { v: 1 as const, type: 'measure-point-result' as const, id, index, screen };
    const tracker = this.tracker;
    if (!tracker) return this.send({ ...base, point: null, cameraPose: null, error: NEEDS_AR });
    const hit = await tracker.hitTest(screen, null).catch(hitTestFailed);
    if (!hit) return this.send({ ...base, point: null, cameraPose: null, error: NO_SURFACE });
    this.send({ ...base, point: hit.pose.position, cameraPose: hit.cameraPose });
  }

  private add(annotation: PlacedAnnotation): void {
    this.placed = [...this.placed.filter((a) => a.id !== annotation.id), annotation];
    this.emit('change');
  }

  private clear(ids: readonly string[] | undefined): void {
    const gone = ids ? this.placed.filter((a) => ids.includes(a.id)) : this.placed;
    this.tracker?.release(gone.map((a) => a.id));
    this.placed = ids ? this.placed.filter((a) => !ids.includes(a.id)) : [];
    if (!ids) this.shown = [];
    this.emit('change');
  }
}
