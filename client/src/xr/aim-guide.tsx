// The guided-capture aim guide in AR: a ring and a corner frame lying on the surface the middle of the
// view hits (the frame sized for the item: small for a close-up, large for a wide shot), green once the
// phone is aimed as the item asks, and an arrow floating ahead of the phone showing which way to move
// until then. Colour is never the only sign: once aimed, a tick stands in the frame and the arrow is
// gone. The same status, in words, goes to the DOM overlay (and its live region, aim-spoken.tsx).
import { useFrame } from '@react-three/fiber';
import { useEffect, useRef } from 'react';
import { Euler, Matrix4, Quaternion, Vector3, type Group, type MeshBasicMaterial } from 'three';
import type { AimHint } from '../../../protocol/checklist.ts';
import { aimStatus, pitchOf, type AimCue, type AimReport } from '../customer/checklist/aim-status.ts';

const READY = '#22c55e';
const NOT_YET = '#ffb020';

/** Side of the corner frame on the surface, in metres, by the kind of shot. */
const FRAME_SIZE: Record<AimHint, number> = { 'close-up': 0.2, wide: 1.2, ahead: 0.8, down: 0.6 };

/** The arrow's direction in the phone's own frame (x right, y up, −z ahead), by cue. */
const ARROW_TURN: Partial<Record<AimCue, Quaternion>> = {
  'tilt-down': new Quaternion().setFromEuler(new Euler(0, 0, Math.PI)),
  'tilt-up': new Quaternion(),
  // Into the view and towards the viewer, each tipped 35° so the arrow reads as one, not as a dot.
  closer: new Quaternion().setFromEuler(new Euler(-Math.PI / 2 + 0.6, 0, 0)),
  back: new Quaternion().setFromEuler(new Euler(Math.PI / 2 + 0.6, 0, 0)),
};

export function AimGuide(props: { aim: AimHint; session: XRSession; space: XRReferenceSpace; onReport: (report: AimReport) => void }) {
  const { aim, session, space } = props;
  const source = useRef<XRHitTestSource | null>(null);
  const reticle = useRef<Group>(null);
  const arrow = useRef<Group>(null);
  const tick = useRef<Group>(null);
  const materials = useRef<MeshBasicMaterial[]>([]);
  const report = useRef(props.onReport);
  report.current = props.onReport;
  const last = useRef({ cue: '', at: 0 });
  const scratch = useRef({ ahead: new Vector3(), phone: new Quaternion(), normal: new Vector3(), right: new Vector3(), back: new Vector3(), basis: new Matrix4() });

  // A continuous hit-test along the middle of the view, for as long as the guide is shown.
  useEffect(() => {
    let made: XRHitTestSource | undefined;
    let cancelled = false;
    session
      .requestReferenceSpace('viewer')
      .then((viewer) => session.requestHitTestSource?.({ space: viewer }))
      .then((created) => {
        if (cancelled) created?.cancel();
        else {
          made = created;
          source.current = created ?? null;
        }
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
      made?.cancel();
      source.current = null;
    };
  }, [session]);

  useFrame((_state, _delta, frame?: XRFrame) => {
    const viewer = frame?.getViewerPose(space);
    if (!frame || !viewer) return;
    const { position: p, orientation: o } = viewer.transform;
    const hit = source.current ? frame.getHitTestResults(source.current)[0]?.getPose(space) : undefined;
    const distanceM = hit ? Math.hypot(hit.transform.position.x - p.x, hit.transform.position.y - p.y, hit.transform.position.z - p.z) : null;
    const pitchDeg = pitchOf([o.x, o.y, o.z, o.w]);
    const status = aimStatus(aim, { pitchDeg, distanceM });

    for (const material of materials.current) material.color.set(status.ok ? READY : NOT_YET);
    if (tick.current) tick.current.visible = status.ok;
    if (reticle.current) {
      reticle.current.visible = hit !== undefined;
      if (hit) {
        const { position: hp, orientation: ho } = hit.transform;
        reticle.current.position.set(hp.x, hp.y, hp.z);
        // Flat on the surface (+y along its normal), its edges square to the phone's picture.
        const { normal, right, back, basis, phone } = scratch.current;
        normal.set(0, 1, 0).applyQuaternion(reticle.current.quaternion.set(ho.x, ho.y, ho.z, ho.w));
        right.set(1, 0, 0).applyQuaternion(phone.set(o.x, o.y, o.z, o.w));
        right.addScaledVector(normal, -right.dot(normal));
        if (right.lengthSq() > 1e-6) {
          right.normalize();
          back.crossVectors(right, normal);
          reticle.current.quaternion.setFromRotationMatrix(basis.makeBasis(right, normal, back));
        }
      }
    }
    const turn = ARROW_TURN[status.cue];
    if (arrow.current) {
      arrow.current.visible = turn !== undefined;
      if (turn) {
        const { ahead, phone } = scratch.current;
        phone.set(o.x, o.y, o.z, o.w);
        ahead.set(0, -0.04, -0.45).applyQuaternion(phone);
        arrow.current.position.set(p.x + ahead.x, p.y + ahead.y, p.z + ahead.z);
        arrow.current.quaternion.copy(phone).multiply(turn);
      }
    }

    // Words change with the cue; the figures behind them are refreshed a few times a second.
    const now = performance.now();
    if (status.cue !== last.current.cue || now - last.current.at > 250) {
      last.current = { cue: status.cue, at: now };
      report.current({ ...status, pitchDeg, distanceM });
    }
  });

  const keep = (material: MeshBasicMaterial | null): void => {
    if (material && !materials.current.includes(material)) materials.current.push(material);
  };
  const size = FRAME_SIZE[aim];
  const bar = size * 0.28;
  const thick = Math.max(0.008, size * 0.025);
  const mark = size * 0.3;
  return (
    <>
      <group ref={reticle} visible={false}>
        <mesh rotation={[-Math.PI / 2, 0, 0]} position={[0, 0.004, 0]} renderOrder={5}>
          <ringGeometry args={[0.03, 0.042, 40]} />
          <meshBasicMaterial ref={keep} color={NOT_YET} side={2} depthTest={false} transparent opacity={0.95} />
        </mesh>
        {[-1, 1].flatMap((sx) =>
          [-1, 1].map((sz) => (
            <group key={`${sx}${sz}`} position={[(sx * size) / 2, 0.004, (sz * size) / 2]}>
              <mesh position={[(-sx * bar) / 2, 0, 0]} rotation={[-Math.PI / 2, 0, 0]} renderOrder={5}>
                <planeGeometry args={[bar, thick]} />
                <meshBasicMaterial ref={keep} color={NOT_YET} side={2} depthTest={false} transparent opacity={0.95} />
              </mesh>
              <mesh position={[0, 0, (-sz * bar) / 2]} rotation={[-Math.PI / 2, 0, 0]} renderOrder={5}>
                <planeGeometry args={[thick, bar]} />
                <meshBasicMaterial ref={keep} color={NOT_YET} side={2} depthTest={false} transparent opacity={0.95} />
              </mesh>
            </group>
          )),
        )}
        {/* A tick in the frame once aimed: the shape, not only the green, says "take the photo". */}
        <group ref={tick} visible={false} position={[0, 0.005, 0]} rotation={[-Math.PI / 2, 0, 0]}>
          <mesh position={[-mark * 0.26, -mark * 0.04, 0]} rotation={[0, 0, -Math.PI / 4]} renderOrder={6}>
            <planeGeometry args={[mark * 0.45, thick * 1.6]} />
            <meshBasicMaterial color={READY} side={2} depthTest={false} transparent />
          </mesh>
          <mesh position={[mark * 0.18, mark * 0.08, 0]} rotation={[0, 0, Math.PI / 4]} renderOrder={6}>
            <planeGeometry args={[mark * 0.8, thick * 1.6]} />
            <meshBasicMaterial color={READY} side={2} depthTest={false} transparent />
          </mesh>
        </group>
      </group>
      <group ref={arrow} visible={false}>
        <mesh position={[0, 0.035, 0]} renderOrder={6}>
          <coneGeometry args={[0.022, 0.045, 24]} />
          <meshBasicMaterial ref={keep} color={NOT_YET} depthTest={false} transparent />
        </mesh>
        <mesh position={[0, -0.015, 0]} renderOrder={6}>
          <cylinderGeometry args={[0.007, 0.007, 0.06, 12]} />
          <meshBasicMaterial ref={keep} color={NOT_YET} depthTest={false} transparent />
        </mesh>
      </group>
    </>
  );
}

