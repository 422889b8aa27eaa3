// What a viewpoint needs on screen in a mode: the loaded scene and splat capture (3D, whichever the
// tour has) or its panorama's texture. They stay loaded once they are; panoramas are loaded as
// viewpoints are visited.
import { useEffect, useEffectEvent, useState } from 'react';
import type { Object3D, Texture } from 'three';
import type { TourManifest } from '../../../../protocol/tour.ts';
import type { LoadedSplat } from './splat-loader.ts';
import type { TourAssets } from './tour-assets.ts';
import { hasThreeD, shownMode, type TourMode } from './tour-mode.ts';
import { viewpointById } from './tour-view-state.ts';

export type ViewContent = { mode: '3d'; scene: Object3D | null; splat: LoadedSplat | null } | { mode: 'panorama'; texture: Texture; file: string };

export interface ReadyView {
  /** viewpoint|mode: what is shown, as one comparable value. */
  key: string;
  viewpoint: string;
  content: ViewContent;
}

export function targetOf(tour: TourManifest, viewpointId: string, chosen: TourMode): { key: string; viewpoint: string; mode: TourMode; panorama: string | undefined } {
  const viewpoint = viewpointById(tour, viewpointId) ?? tour.viewpoints[0]!;
  const mode = shownMode(chosen, viewpoint, hasThreeD(tour));
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
        ? loadThreeD(assets)
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

/** The tour's scene and splat capture, whichever it has, loaded side by side. */
async function loadThreeD(assets: TourAssets): Promise<ViewContent> {
  const [scene, splat] = await Promise.all([
    assets.tour.scene !== undefined ? assets.scene() : null,
    assets.tour.splat !== undefined ? assets.splat() : null,
  ]);
  return { mode: '3d', scene, splat };
}
