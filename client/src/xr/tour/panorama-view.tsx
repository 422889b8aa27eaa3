// A viewpoint's panorama around the eye: on an inverted sphere, or in a headset with WebXR layers as
// an equirect layer (panorama-layer.ts says which, and how the layer is shaped).
import { useThree } from '@react-three/fiber';
import { XRLayer, useXRSessionFeatureEnabled } from '@react-three/xr';
import { useEffect, useMemo } from 'react';
import { BackSide, type Texture } from 'three';
import type { Vec3 } from '../../../../protocol/tour.ts';
import { browserMakesEquirectLayers, equirectLayerProps, layerImageOf, panoramaSurface } from './panorama-layer.ts';
import { createPanoramaGeometry, PANORAMA_RADIUS_M } from './panorama-sphere.ts';

export interface PanoramaViewProps {
  texture: Texture;
  /** The viewpoint's eye, the panorama's centre. */
  position: Vec3;
  /** A headset session is running (the XR hooks are only used then). */
  presenting: boolean;
}

export function PanoramaView(props: PanoramaViewProps) {
  return props.presenting ? <PanoramaInHeadset {...props} /> : <PanoramaSphere {...props} />;
}

function PanoramaInHeadset(props: PanoramaViewProps) {
  const layersEnabled = useXRSessionFeatureEnabled('layers');
  const image = layerImageOf(props.texture.image);
  const surface = panoramaSurface({ presenting: true, layersEnabled, equirectLayers: browserMakesEquirectLayers(), imageSource: image !== null });
  return surface === 'layer' && image ? <PanoramaLayer image={image} position={props.position} /> : <PanoramaSphere {...props} />;
}

function PanoramaLayer(props: { image: ImageBitmap | HTMLImageElement | HTMLCanvasElement; position: Vec3 }) {
  const scene = useThree((s) => s.scene);
  // The compositor draws the projection layer (the scene: link rings, rays, the agent's pointer, the
  // fade's veil) over this layer, blending by its alpha: the scene's opaque background would hide the
  // panorama, so it is cleared to transparent while the layer shows. The veil, black at its opacity,
  // then darkens the layer beneath it as it darkens the sphere.
  useEffect(() => {
    const background = scene.background;
    scene.background = null;
    return () => {
      scene.background = background;
    };
  }, [scene]);
  return <XRLayer src={props.image} {...equirectLayerProps(props.position)} />;
}

function PanoramaSphere(props: { texture: Texture; position: Vec3 }) {
  const geometry = useMemo(() => createPanoramaGeometry(PANORAMA_RADIUS_M), []);
  useEffect(() => () => geometry.dispose(), [geometry]);
  return (
    <mesh geometry={geometry} position={props.position} renderOrder={-1}>
      <meshBasicMaterial map={props.texture} side={BackSide} toneMapped={false} depthWrite={false} />
    </mesh>
  );
}
