// The shared tour renderer: a full-size canvas showing a tour from a plain view state (viewpoint,
// yaw, pitch, mode), with hotspot markers and link arrows over it. It holds no customer UI: the
// customer's page, and later the agent's console, put their own controls around it.
import { Canvas } from '@react-three/fiber';
import { XR, type XRStore } from '@react-three/xr';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Object3D, Texture } from 'three';
import type { TourManifest } from '../../../../protocol/tour.ts';
import { visibleHotspots, sceneOccluder } from './hotspot-visibility.ts';
import { createMarkerRegistry } from './marker-projection.ts';
import type { TourAssets } from './tour-assets.ts';
import { targetOf, useViewContent, type ReadyView } from './tour-content.ts';
import { directionOf } from './tour-directions.ts';
import { useTourMotion } from './tour-motion.ts';
import { TourScene } from './tour-scene.tsx';
import { linksFrom, viewpointById, type TourView } from './tour-view-state.ts';
import { TourXr } from './tour-xr.tsx';
import './tour-renderer.css';

/** Link arrows sit ahead and below the horizon, low enough to read as "walk there", high enough to stay in a wide screen's view. */
const ARROW_DISTANCE_M = 1.7;
const ARROW_PITCH = -20;

export interface TourRendererProps {
  tour: TourManifest;
  assets: TourAssets;
  view: TourView;
  /** The hotspot whose card is open, drawn highlighted. */
  activeHotspot?: string | null;
  onHotspot?: (id: string) => void;
  onLink?: (viewpointId: string) => void;
  onError: (error: Error) => void;
  /** A viewpoint is on screen (faded in) in a mode: again when its 3D scene replaces the panorama that stood in. */
  onShown?: (shown: { viewpoint: string; mode: '3d' | 'panorama' }) => void;
  /** A headset session's store, where the device offers immersive VR: the tour is then shown in it too. */
  xr?: XRStore;
  /** More content for the canvas (an XR session's controllers, later an agent's pointer). */
  children?: ReactNode;
  /** The page's controls laid over the view (toolbar, cards, panels): markers under them are left out. */
  coveredBy?: () => readonly Element[];
}

export function TourRenderer(props: TourRendererProps) {
  const { t } = useTranslation('tour');
  const { tour, assets, view } = props;
  const motion = useTourMotion();
  const root = useRef<HTMLDivElement>(null);
  const coveredBy = useRef(props.coveredBy);
  coveredBy.current = props.coveredBy;
  const markers = useMemo(
    () =>
      createMarkerRegistry(() => {
        const elements = coveredBy.current?.() ?? [];
        if (!root.current || elements.length === 0) return [];
        const origin = root.current.getBoundingClientRect();
        return elements
          .map((element) => element.getBoundingClientRect())
          .filter((r) => r.width > 0 && r.height > 0)
          .map((r) => ({ left: r.left - origin.left, right: r.right - origin.left, top: r.top - origin.top, bottom: r.bottom - origin.top }));
      }),
    [],
  );
  const [shown, setShown] = useState<ReadyView | null>(null);
  const [settled, setSettled] = useState<ReadyView | null>(null);
  const [scene, setScene] = useState<Object3D | null>(null);
  const target = targetOf(tour, view.viewpoint, view.mode);
  const presenting = useXrPresenting(props.xr);
  const ready = useViewContent(assets, target, props.onError);

  const show = useCallback((next: ReadyView) => setShown(next), []);
  const onShown = props.onShown;
  useEffect(() => {
    if (shown && settled === shown) onShown?.({ viewpoint: shown.viewpoint, mode: shown.content.mode });
  }, [shown, settled, onShown]);
  // Settled: the view asked for is on screen at its last stage (full panorama, or 3D) and faded in.
  const isSettled = shown !== null && settled === shown && shown.final;

  useEffect(() => {
    if (shown?.content.mode === '3d') setScene(shown.content.scene);
    // Panoramas no longer shown nor about to be hold GPU memory for nothing.
    const keep = new Set([shown?.content.mode === 'panorama' ? shown.content.file : '', target.panorama ?? '']);
    for (const file of assets.panoramaFiles()) if (!keep.has(file)) assets.release(file);
  }, [assets, shown, target.panorama]);

  // Once a panorama is on screen, the panoramas one step away load in the background.
  const settledPanorama = isSettled && shown.content.mode === 'panorama' ? shown.viewpoint : null;
  useEffect(() => {
    if (!settledPanorama) return;
    for (const link of linksFrom(tour, settledPanorama)) {
      const next = viewpointById(tour, link.to)?.panorama;
      if (next) assets.prefetch(next);
    }
  }, [assets, tour, settledPanorama]);

  const viewpoint = shown ? viewpointById(tour, shown.viewpoint) : undefined;
  const hotspots = useMemo(
    () => (viewpoint ? visibleHotspots(tour.hotspots, viewpoint.position, scene ? sceneOccluder(scene) : null) : []),
    [tour, viewpoint, scene],
  );
  const arrows = viewpoint ? linksFrom(tour, viewpoint.id) : [];

  return (
    <div
      ref={root}
      className="tour-renderer"
      data-testid="tour-renderer"
      data-shown-viewpoint={shown?.viewpoint ?? ''}
      data-shown-mode={shown?.content.mode ?? ''}
      data-panorama-size={shown?.content.mode === 'panorama' ? panoramaSize(shown.content.texture) : ''}
      data-shown-final={shown?.final ? 'true' : 'false'}
      data-settled={isSettled ? 'true' : 'false'}
      data-xr={presenting ? 'presenting' : 'off'}
      data-motion={motion.fadeSeconds > 0 ? 'full' : 'reduced'}
    >
      {/* Spark draws splats without MSAA: it would cost much and smooth nothing (and hangs Quest Browser, spark #400).
          The picture is hidden from screen readers: the markers below and the page's description of the view say what it shows. */}
      <Canvas aria-hidden="true" frameloop="demand" flat dpr={[1, 2]} gl={{ antialias: tour.splat === undefined }} camera={{ fov: 70, near: 0.05, far: 200 }}>
        <MaybeXr store={props.xr}>
          <TourScene tour={tour} view={view} target={target} ready={ready} shown={shown} onShow={show} onSettled={setSettled} markers={markers} presenting={presenting} motion={motion} />
          {props.xr && viewpoint && <TourXr tour={tour} viewpoint={viewpoint} yaw={view.yaw} presenting={presenting} {...(props.onLink ? { onLink: props.onLink } : {})} />}
          {props.children}
        </MaybeXr>
      </Canvas>
      <div className="tour-markers">
        {viewpoint &&
          arrows.map((arrow) => {
            const [dx, dy, dz] = directionOf({ yaw: arrow.yaw, pitch: ARROW_PITCH });
            const [x, y, z] = viewpoint.position;
            const at = [x + dx * ARROW_DISTANCE_M, y + dy * ARROW_DISTANCE_M, z + dz * ARROW_DISTANCE_M] as const;
            const beyond = [x + dx * 2 * ARROW_DISTANCE_M, y + dy * ARROW_DISTANCE_M, z + dz * 2 * ARROW_DISTANCE_M] as const;
            const id = `link-${arrow.to}`;
            return (
              <button
                key={id}
                type="button"
                className="tour-marker tour-link"
                data-testid="tour-link"
                data-to={arrow.to}
                aria-label={t('goTo', { place: arrow.title })}
                ref={(element) => {
                  markers.set(id, element, at, { heading: beyond, priority: 0, labelAbove: true });
                  return () => markers.set(id, null, at);
                }}
                onClick={() => props.onLink?.(arrow.to)}
              >
                <span className="tour-link-arrow" aria-hidden="true" />
                <span className="tour-marker-label">{arrow.title}</span>
              </button>
            );
          })}
        {hotspots.map((hotspot) => {
          const id = `hotspot-${hotspot.id}`;
          return (
            <button
              key={id}
              type="button"
              className={`tour-marker tour-hotspot ${props.activeHotspot === hotspot.id ? 'is-active' : ''}`}
              data-testid="tour-hotspot"
              data-hotspot={hotspot.id}
              aria-label={hotspot.title}
              aria-pressed={props.activeHotspot === hotspot.id}
              ref={(element) => {
                markers.set(id, element, hotspot.position, { priority: props.activeHotspot === hotspot.id ? 0 : 1 });
                return () => markers.set(id, null, hotspot.position);
              }}
              onClick={() => props.onHotspot?.(hotspot.id)}
            >
              <span className="tour-hotspot-dot" aria-hidden="true" />
              <span className="tour-marker-label">{hotspot.title}</span>
            </button>
          );
        })}
      </div>
    </div>
  );
}

function MaybeXr(props: { store: XRStore | undefined; children: ReactNode }) {
  return props.store ? <XR store={props.store}>{props.children}</XR> : <>{props.children}</>;
}

/** A panorama texture's size in pixels, "1024x512": which stage of a panorama is on screen. */
function panoramaSize(texture: Texture): string {
  const image = texture.image as { width?: number; height?: number } | null;
  return image?.width && image.height ? `${image.width}x${image.height}` : '';
}

const noStore = () => () => {};

/** Whether a headset session is running. */
function useXrPresenting(store: XRStore | undefined): boolean {
  return useSyncExternalStore(store ? store.subscribe : noStore, () => store?.getState().session != null);
}
