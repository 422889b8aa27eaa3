// The 3D shapes of annotations and measurements, drawn in the room: a pin for a marker, an arrow
// pointing onto the surface, a ring lying on it, a text label, and a measurement's line with its
// distance. Bright, thick and unlit so they read well over any camera picture.
import { i18next } from '../i18n/i18n.ts';
import { useMemo } from 'react';
import { CanvasTexture, Quaternion, SRGBColorSpace, Vector3 } from 'three';
import type { AnnotationKind, Quat, Vec3 } from '../../../protocol/spatial.ts';

export const ANNOTATION_COLOR = '#ff5a1f';
export const MEASUREMENT_COLOR = '#ffd60a';

/** A text sprite (canvas texture), sized in metres. */
function Label(props: { text: string; position: Vec3; height?: number; color?: string }) {
  const { texture, aspect } = useMemo(() => {
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d')!;
    const font = 'bold 48px system-ui, sans-serif';
    context.font = font;
    const width = Math.ceil(context.measureText(props.text).width) + 40;
    canvas.width = width;
    canvas.height = 72;
    context.font = font;
    context.fillStyle = 'rgba(0, 0, 0, 0.7)';
    context.beginPath();
    context.roundRect(0, 0, width, 72, 16);
    context.fill();
    context.fillStyle = props.color ?? '#ffffff';
    context.textBaseline = 'middle';
    context.fillText(props.text, 20, 38);
    const texture = new CanvasTexture(canvas);
    texture.colorSpace = SRGBColorSpace;
    return { texture, aspect: width / 72 };
  }, [props.text, props.color]);
  const height = props.height ?? 0.06;
  return (
    <sprite position={props.position} scale={[height * aspect, height, 1]} renderOrder={10}>
      <spriteMaterial map={texture} depthTest={false} transparent />
    </sprite>
  );
}

/** The rotation that turns +y onto the hit's surface normal (WebXR hit poses point +y out of the surface). */
function surfaceRotation(orientation: Quat): Quaternion {
  return new Quaternion(orientation[0], orientation[1], orientation[2], orientation[3]);
}

export function AnnotationObject(props: { kind: AnnotationKind; position: Vec3; orientation: Quat; label?: string }) {
  const rotation = useMemo(() => surfaceRotation(props.orientation), [props.orientation]);
  const text = props.label ?? (props.kind === 'label' ? i18next.t('xr:label') : undefined);
  return (
    <group position={props.position} quaternion={rotation}>
      {props.kind === 'marker' && (
        <>
          <mesh position={[0, 0.06, 0]} rotation={[Math.PI, 0, 0]}>
            <coneGeometry args={[0.025, 0.1, 24]} />
            <meshBasicMaterial color={ANNOTATION_COLOR} />
          </mesh>
          <mesh position={[0, 0.12, 0]}>
            <sphereGeometry args={[0.03, 24, 16]} />
            <meshBasicMaterial color={ANNOTATION_COLOR} />
          </mesh>
        </>
      )}
      {props.kind === 'arrow' && (
        <>
          <mesh position={[0, 0.04, 0]} rotation={[Math.PI, 0, 0]}>
            <coneGeometry args={[0.04, 0.08, 24]} />
            <meshBasicMaterial color={ANNOTATION_COLOR} />
          </mesh>
          <mesh position={[0, 0.18, 0]}>
            <cylinderGeometry args={[0.012, 0.012, 0.2, 12]} />
            <meshBasicMaterial color={ANNOTATION_COLOR} />
          </mesh>
        </>
      )}
      {props.kind === 'circle' && (
        <mesh rotation={[-Math.PI / 2, 0, 0]} position={[0, 0.003, 0]}>
          <ringGeometry args={[0.1, 0.125, 48]} />
          <meshBasicMaterial color={ANNOTATION_COLOR} side={2} />
        </mesh>
      )}
      {props.kind === 'label' && (
        <mesh position={[0, 0.005, 0]} rotation={[-Math.PI / 2, 0, 0]}>
          <circleGeometry args={[0.015, 16]} />
          <meshBasicMaterial color={ANNOTATION_COLOR} side={2} />
        </mesh>
      )}
      {text && <Label text={text} position={[0, props.kind === 'label' ? 0.06 : 0.2, 0]} />}
    </group>
  );
}

export function MeasurementObject(props: { a: Vec3; b: Vec3; text: string }) {
  const { middle, length, rotation } = useMemo(() => {
    const a = new Vector3(...props.a);
    const b = new Vector3(...props.b);
    const direction = b.clone().sub(a);
    const rotation = new Quaternion().setFromUnitVectors(new Vector3(0, 1, 0), direction.clone().normalize());
    return { middle: a.clone().add(b).multiplyScalar(0.5), length: direction.length(), rotation };
  }, [props.a, props.b]);
  return (
    <group>
      <mesh position={middle} quaternion={rotation}>
        <cylinderGeometry args={[0.006, 0.006, length, 8]} />
        <meshBasicMaterial color={MEASUREMENT_COLOR} depthTest={false} />
      </mesh>
      {[props.a, props.b].map((end, i) => (
        <mesh key={i} position={end}>
          <sphereGeometry args={[0.015, 16, 12]} />
          <meshBasicMaterial color={MEASUREMENT_COLOR} depthTest={false} />
        </mesh>
      ))}
      <Label text={props.text} position={[middle.x, middle.y + 0.08, middle.z]} color={MEASUREMENT_COLOR} />
    </group>
  );
}
