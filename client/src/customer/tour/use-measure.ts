// The measuring tool: while on, a tap on the picture picks a point of the scene (loaded for this when
// panoramas are shown, as it holds the true positions); two points give a distance.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { i18next } from '../../i18n/i18n.ts';
import type { Object3D } from 'three';
import { toDeviceCoords } from '../../xr/tour/device-coords.ts';
import type { TourAssets } from '../../xr/tour/tour-assets.ts';
import { addMeasurePoint, type MeasurePoints } from './measure-state.ts';
import type { ScenePick } from './tour-measure.tsx';

export interface Measure {
  on: boolean;
  points: MeasurePoints;
  /** The scene to measure on, once loaded. */
  scene: Object3D | null;
  /** Set by the canvas's picker: the scene point under device coordinates. */
  pick: RefObject<ScenePick | null>;
  /** A tap at client coordinates. */
  tap: (clientX: number, clientY: number) => void;
  toggle: () => void;
}

export function useMeasure(stage: RefObject<HTMLElement | null>, assets: TourAssets, hasScene: boolean, onNotice: (text: string) => void): Measure {
  const [on, setOn] = useState(false);
  const [points, setPoints] = useState<MeasurePoints>([]);
  const [scene, setScene] = useState<Object3D | null>(null);
  const pick = useRef<ScenePick | null>(null);
  useEffect(() => {
    if (!on || !hasScene) return;
    let current = true;
    assets.scene().then(
      (loaded) => current && setScene(loaded),
      (error: unknown) => current && onNotice(i18next.t('tour:measure.unavailable', { reason: error instanceof Error ? error.message : String(error) })),
    );
    return () => {
      current = false;
    };
  }, [on, hasScene, assets, onNotice]);
  const tap = useCallback(
    (clientX: number, clientY: number) => {
      const rect = stage.current?.querySelector('canvas')?.getBoundingClientRect();
      if (!rect || !pick.current) return;
      const point = pick.current(...toDeviceCoords(clientX, clientY, rect));
      if (point) setPoints((current) => addMeasurePoint(current, point));
    },
    [stage],
  );
  const toggle = useCallback(() => {
    setOn((was) => !was);
    setPoints([]);
  }, []);
  return { on, points, scene, pick, tap, toggle };
}
