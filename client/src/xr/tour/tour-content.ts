// What a viewpoint needs on screen in a mode: the loaded scene (3D) or its panorama's texture. The
// scene stays loaded once it is; panoramas are loaded as viewpoints are visited.
import { useEffect, useEffectEvent, useState } from 'react';
import type { Object3D, Texture } from 'three';
import type { TourManifest } from '../../../../protocol/tour.ts';
import type { TourAssets } from './tour-assets.ts';
import { shownMode, type TourMode } from './tour-mode.ts';
import { viewpointById } from './tour-view-state.ts';

export type ViewContent = { mode: '3d'; scene: Object3D } | { mode: 'panorama'; texture: Texture; file: string };

export interface ReadyView {
  /** viewpoint|mode: what is shown, as one comparable value. */
  key: string;
  viewpoint: string;
  content: ViewContent;
}

export function targetOf(tour: TourManifest, viewpointId: string, chosen: TourMode): { key: string; viewpoint: string; mode: TourMode; panorama: string | undefined } {
  const viewpoint = viewpointById(tour, viewpointId) ?? tour.viewpoints[0]!;
  const mode = shownMode(chosen, viewpoint, tour.scene !== undefined);
  return { key: `${viewpoint.id}|${mode}`, viewpoint: viewpoint.id, mode, panorama: viewpoint.panorama };
}

/** Loads what the target view needs; null until it is ready. Errors go to `onError`. */
export function useViewContent(assets: TourAssets, target: ReturnType<typeof targetOf>, onError: (error: Error) => void): ReadyView | null {
  const [ready, setReady] = useState<ReadyView | null>(null);
  const { key, viewpoint, mode, panorama } = target;
  const fail = useEffectEvent(onError);
  useEffect(() => {
    let current = true;
    const loading: Promise<ViewContent> =
      mode === '3d' || panorama === undefined
        ? assets.scene().then((scene) => ({ mode: '3d', scene }))
        : assets.panorama(panorama).then((texture) => ({ mode: 'panorama', texture, file: panorama }));
    loading.then(
      (content) => {
        if (current) setReady({ key, viewpoint, content });
      },
      (error: unknown) => {
        if (current && !(error instanceof DOMException && error.name === 'AbortError')) fail(error instanceof Error ? error : new Error(String(error)));
      },
    );
    return () => {
      current = false;
    };
  }, [assets, key, viewpoint, mode, panorama]);
  return ready?.key === key ? ready : null;
}
