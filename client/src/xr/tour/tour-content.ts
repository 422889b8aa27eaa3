// What a viewpoint needs on screen in a mode: the loaded scene and splat capture (3D, whichever the
// tour has) or its panorama's texture. They stay loaded once they are; panoramas are loaded as
// viewpoints are visited. A view comes in stages: a panorama's small preview first, replaced by the
// full panorama — and in 3D, until the scene has loaded, the viewpoint's panorama preview stands in.
import { useEffect, useEffectEvent, useState } from 'react';
import type { Object3D, Texture } from 'three';
import type { TourManifest } from '../../../../protocol/tour.ts';
import type { LoadedSplat } from './splat-loader.ts';
import type { TourAssets } from './tour-assets.ts';
import { hasThreeD, shownMode, type TourMode } from './tour-mode.ts';
import { viewpointById } from './tour-view-state.ts';

export type ViewContent =
  | { mode: '3d'; scene: Object3D | null; splat: LoadedSplat | null }
  | { mode: 'panorama'; texture: Texture; file: string; resolution: 'preview' | 'full' };

export interface ReadyView {
  /** viewpoint|mode: the view asked for, as one comparable value (the same for each of its stages). */
  key: string;
  viewpoint: string;
  content: ViewContent;
  /** The last stage: the full panorama, or the 3D scene (not a stand-in for it). */
  final: boolean;
}

/** How long the full content waits for the preview before it is decoded anyway. */
const PREVIEW_HEAD_START_MS = 300;

export function targetOf(tour: TourManifest, viewpointId: string, chosen: TourMode): { key: string; viewpoint: string; mode: TourMode; panorama: string | undefined } {
  const viewpoint = viewpointById(tour, viewpointId) ?? tour.viewpoints[0]!;
  const mode = shownMode(chosen, viewpoint, hasThreeD(tour));
  return { key: `${viewpoint.id}|${mode}`, viewpoint: viewpoint.id, mode, panorama: viewpoint.panorama };
}

/**
 * Loads what the target view needs, stage by stage: null until its first stage is ready, then each
 * better one (a later stage never gives way to an earlier one that arrives late). Errors of the final
 * stage go to `onError`; a preview that fails only means waiting for the full content.
 */
export function useViewContent(assets: TourAssets, target: ReturnType<typeof targetOf>, onError: (error: Error) => void): ReadyView | null {
  const [ready, setReady] = useState<ReadyView | null>(null);
  const { key, viewpoint, mode, panorama } = target;
  const fail = useEffectEvent(onError);
  useEffect(() => {
    let current = true;
    let finalShown = false;
    const threeD = mode === '3d' || panorama === undefined;
    // The preview stands in for the full panorama, and in 3D for a scene not loaded yet (never once it has).
    // The full content is decoded (or parsed) after it, not to slow the first picture on a weak device —
    // but waits for it at most PREVIEW_HEAD_START_MS: a server still deriving the preview holds nothing up.
    // Its download is under way meanwhile (see first-view.ts).
    let first: Promise<unknown> = Promise.resolve();
    let headStart: ReturnType<typeof setTimeout> | undefined;
    if (panorama !== undefined && (!threeD || !assets.threeDReady())) {
      first = assets.panoramaPreview(panorama).then(
        (texture) => {
          if (current && !finalShown) setReady({ key, viewpoint, content: { mode: 'panorama', texture, file: panorama, resolution: 'preview' }, final: false });
        },
        // A preview that cannot be had (an old server, a file it cannot read) only means waiting for the full view.
        () => undefined,
      );
    }
    const waited = new Promise<void>((resolve) => {
      headStart = setTimeout(resolve, PREVIEW_HEAD_START_MS);
    });
    const loading: Promise<ViewContent> = Promise.race([first, waited]).then(() =>
      threeD ? loadThreeD(assets) : assets.panorama(panorama).then((texture) => ({ mode: 'panorama', texture, file: panorama, resolution: 'full' })),
    );
    loading.then(
      (content) => {
        finalShown = true;
        if (current) setReady({ key, viewpoint, content, final: true });
      },
      (error: unknown) => {
        if (current && !(error instanceof DOMException && error.name === 'AbortError')) fail(error instanceof Error ? error : new Error(String(error)));
      },
    );
    return () => {
      current = false;
      clearTimeout(headStart);
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
