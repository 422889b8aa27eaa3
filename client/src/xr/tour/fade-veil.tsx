// A black veil over the whole view, drawn in clip space after everything else: viewpoint changes fade
// through it (a comfort fade, the same on a screen and in a headset, where a cut would jar).
import { useMemo } from 'react';
import { ShaderMaterial } from 'three';

export interface Veil {
  /** 0 clear … 1 black. */
  value: number;
}

export function FadeVeil(props: { veil: Veil }) {
  const material = useMemo(
    () =>
      new ShaderMaterial({
        uniforms: { opacity: { value: 1 } },
        vertexShader: 'void main() { gl_Position = vec4(position.xy, 0.0, 1.0); }',
        fragmentShader: 'uniform float opacity; void main() { gl_FragColor = vec4(0.0, 0.0, 0.0, opacity); }',
        transparent: true,
        depthTest: false,
        depthWrite: false,
      }),
    [],
  );
  return (
    <mesh
      frustumCulled={false}
      renderOrder={1000}
      material={material}
      onBeforeRender={() => {
        material.uniforms.opacity!.value = props.veil.value;
      }}
      visible
    >
      <planeGeometry args={[2, 2]} />
    </mesh>
  );
}
