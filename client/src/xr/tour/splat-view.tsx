// A tour's splat in the canvas, with the SparkRenderer that draws it. The canvas renders on demand:
// Spark's sort finishes after the frame that asked for it (in a worker), so its "dirty" callback asks
// for the next frame; without it a splat stays drawn in the order of the view before (spark #173).
import { useThree } from '@react-three/fiber';
import { useEffect, useState } from 'react';
import type { Object3D } from 'three';
import type { LoadedSplat } from './splat-loader.ts';

export function SplatView(props: { splat: LoadedSplat }) {
  const gl = useThree((s) => s.gl);
  const invalidate = useThree((s) => s.invalidate);
  const [renderer, setRenderer] = useState<Object3D | null>(null);
  useEffect(() => {
    const spark = props.splat.createRenderer(gl, () => invalidate());
    setRenderer(spark);
    invalidate();
    return () => {
      setRenderer(null);
      spark.dispose();
    };
  }, [gl, invalidate, props.splat]);
  return (
    <>
      {renderer && <primitive object={renderer} />}
      <primitive object={props.splat.mesh} />
    </>
  );
}
