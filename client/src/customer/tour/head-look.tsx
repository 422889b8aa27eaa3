// Inside the tour's canvas in a headset: where the customer's head looks, read from the camera the
// headset drives, so the agent's console can follow it. Off a headset the view state says it.
import { useFrame } from '@react-three/fiber';
import type { RefObject } from 'react';
import { Vector3 } from 'three';
import { lookOf, type Look } from '../../xr/tour/tour-directions.ts';

const ahead = new Vector3();

export function HeadLook(props: { into: RefObject<Look | null>; presenting: boolean }) {
  useFrame(({ camera }) => {
    if (!props.presenting) {
      props.into.current = null;
      return;
    }
    camera.getWorldDirection(ahead);
    props.into.current = lookOf([ahead.x, ahead.y, ahead.z]);
  });
  return null;
}
