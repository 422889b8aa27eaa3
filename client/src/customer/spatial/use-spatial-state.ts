// React view of a SpatialHost: its annotations and measurements, re-rendered on every change.
import { useSyncExternalStore } from 'react';
import type { SpatialHost } from './spatial-host.ts';

export function useSpatialState(host: SpatialHost) {
  const annotations = useSyncExternalStore((onChange) => host.on('change', onChange), () => host.annotations);
  const measurements = useSyncExternalStore((onChange) => host.on('change', onChange), () => host.measurements);
  const tracking = useSyncExternalStore((onChange) => host.on('change', onChange), () => host.tracking);
  return { annotations, measurements, tracking };
}
