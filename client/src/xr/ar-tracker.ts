// The AR session's Tracker: a one-shot WebXR hit-test along the ray through a point of the picture,
// an XRAnchor at the hit where the browser has anchors, and each anchor's current pose per frame so
// a marker stays on the spot as tracking refines.
import type { Pose, ScreenPoint, Vec3 } from '../../../protocol/spatial.ts';
import type { Tracker, TrackerHit } from '../customer/spatial/spatial-host.ts';
import { projectToScreen, screenRayDirection } from './screen-ray.ts';

export interface TrackerSession {
  session: XRSession;
  /** The scene's reference space (local-floor): every pose is reported in it. */
  space: XRReferenceSpace;
  /** Runs `use` inside the next XR animation frame (an XRFrame is only valid during its callback). */
  withFrame: <T>(use: (frame: XRFrame) => T) => Promise<T>;
}

function poseOf(transform: XRRigidTransform): Pose {
  const { position: p, orientation: o } = transform;
  return { position: [p.x, p.y, p.z], orientation: [o.x, o.y, o.z, o.w] };
}

export class ArTracker implements Tracker {
  private readonly anchors = new Map<string, XRAnchor>();
  private viewerSpace: Promise<XRReferenceSpace> | null = null;

  constructor(private readonly xr: TrackerSession) {}

  async hitTest(screen: ScreenPoint, anchorId: string | null): Promise<TrackerHit | null> {
    const { session, space } = this.xr;
    if (!session.requestHitTestSource) return null;
    const direction = await this.xr.withFrame((frame) => {
      const view = frame.getViewerPose(space)?.views[0];
      return view ? screenRayDirection(screen, view.projectionMatrix) : null;
    });
    if (!direction) return null;
    this.viewerSpace ??= session.requestReferenceSpace('viewer');
    const source = await session.requestHitTestSource({
      space: await this.viewerSpace,
      offsetRay: new XRRay({ x: 0, y: 0, z: 0, w: 1 }, { x: direction[0], y: direction[1], z: direction[2], w: 0 }),
    });
    if (!source) return null;
    try {
      const found = await this.xr.withFrame((frame) => {
        const result = frame.getHitTestResults(source)[0];
        const hitPose = result?.getPose(space);
        const viewerPose = frame.getViewerPose(space);
        if (!result || !hitPose || !viewerPose) return null;
        const hit: TrackerHit = { pose: poseOf(hitPose.transform), cameraPose: poseOf(viewerPose.transform), anchored: false };
        // Anchors are created inside the frame; the promise settles later.
        const anchor = anchorId !== null && result.createAnchor ? result.createAnchor().catch(() => undefined) : undefined;
        return { hit, anchor };
      });
      if (!found) return null;
      const created = await found.anchor;
      if (!created || anchorId === null) return found.hit;
      this.anchors.get(anchorId)?.delete();
      this.anchors.set(anchorId, created);
      return { ...found.hit, anchored: true };
    } finally {
      source.cancel();
    }
  }

  release(ids: readonly string[]): void {
    for (const id of ids) {
      this.anchors.get(id)?.delete();
      this.anchors.delete(id);
    }
  }

  /** The anchor's position in the scene's space this frame, or null while it is not tracked. */
  anchoredPosition(id: string, frame: XRFrame): Vec3 | null {
    const anchor = this.anchors.get(id);
    if (!anchor || (frame.trackedAnchors && !frame.trackedAnchors.has(anchor))) return null;
    const pose = frame.getPose(anchor.anchorSpace, this.xr.space);
    return pose ? poseOf(pose.transform).position : null;
  }

  project(points: readonly Vec3[]): Promise<(ScreenPoint | null)[]> {
    return this.xr.withFrame((frame) => points.map((point) => this.projectIn(point, frame)));
  }

  /** Where a point of the room is on the picture in this frame. */
  private projectIn(point: Vec3, frame: XRFrame): ScreenPoint | null {
    const view = frame.getViewerPose(this.xr.space)?.views[0];
    if (!view) return null;
    const m = view.transform.inverse.matrix;
    const [x, y, z] = point;
    const viewPoint: [number, number, number] = [
      m[0]! * x + m[4]! * y + m[8]! * z + m[12]!,
      m[1]! * x + m[5]! * y + m[9]! * z + m[13]!,
      m[2]! * x + m[6]! * y + m[10]! * z + m[14]!,
    ];
    return projectToScreen(viewPoint, view.projectionMatrix);
  }

  dispose(): void {
    this.release([...this.anchors.keys()]);
  }
}
