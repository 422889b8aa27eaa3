// The tour as the console renders it: the customer's view (or the agent's own while leading, looked
// around by drag and arrow keys), the agent's pointer in it, and — with the Point tool — a click on
// the scene places the pointer there. What is waited for is said over the picture.
import { useCallback, useEffect, useMemo, useRef, useState, type MouseEvent, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Object3D } from 'three';
import type { TourManifest } from '../../../../protocol/tour.ts';
import { useLookControls } from '../../customer/tour/use-look-controls.ts';
import { AgentPointer } from '../../xr/tour/agent-pointer.tsx';
import type { TourAssets } from '../../xr/tour/tour-assets.ts';
import { TourRenderer } from '../../xr/tour/tour-renderer.tsx';
import type { TourViewAction } from '../../xr/tour/tour-view-state.ts';
import { PointerProbe, type Probe } from './pointer-probe.tsx';
import { toDeviceCoords } from '../../xr/tour/device-coords.ts';
import type { TourGuide } from './use-tour-guide.ts';

/** A press that moves further than this is a look around, not a click to point. */
const CLICK_SLOP_PX = 4;

export function TourLiveStage(props: {
  tour: TourManifest;
  assets: TourAssets;
  guide: TourGuide;
  pointing: boolean;
  /** Said over the picture while there is no live view of the customer's, or null. */
  waiting: string | null;
  /** Top-left and top-right corners: the call's state and who leads. */
  badges: ReactNode;
  onError: (error: Error) => void;
}) {
  const { tour, assets, guide, pointing, onError } = props;
  const { t } = useTranslation('guide');
  const stage = useRef<HTMLDivElement>(null);
  const probe = useRef<Probe | null>(null);
  const scene = useProbeScene(assets, pointing);
  const press = useRef<{ x: number; y: number } | null>(null);

  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const start = press.current;
    press.current = null;
    if (!pointing || !probe.current) return;
    if (event.target instanceof Element && event.target.closest('button, a, input, [role="button"]')) return;
    if (start && Math.hypot(event.clientX - start.x, event.clientY - start.y) > CLICK_SLOP_PX) return;
    const canvas = stage.current?.querySelector('canvas');
    if (!canvas) return;
    const [x, y] = toDeviceCoords(event.clientX, event.clientY, canvas.getBoundingClientRect());
    guide.point(probe.current(x, y));
  };

  const activeCard = guide.pose?.card ?? null;
  const { view, pointer, showCard, bringTo } = guide;
  const onHotspot = useCallback((id: string) => showCard(activeCard === id ? null : id), [showCard, activeCard]);
  // Any render of the renderer draws a frame (its props are applied to the scene), and a frame of a
  // 3D scene is costly on a machine without a GPU: it renders when what it shows changes, not with
  // every status update around it.
  const canvas = useMemo(
    () => (
      <TourRenderer tour={tour} assets={assets} view={view} activeHotspot={activeCard} onHotspot={onHotspot} onLink={bringTo} onError={onError}>
        <AgentPointer target={pointer} />
        <PointerProbe scene={scene} probe={probe} />
      </TourRenderer>
    ),
    [tour, assets, view, activeCard, onHotspot, bringTo, onError, pointer, scene],
  );

  return (
    <div
      ref={stage}
      className={`tour-live-stage ${pointing ? 'is-pointing' : ''} ${guide.leading ? 'is-leading' : ''}`}
      data-testid="tour-live-stage"
      data-zoom={view.zoom.toFixed(2)}
      role="region"
      aria-label={guide.leading ? t('stage.leading') : t('stage.customer')}
      onPointerDown={(event) => (press.current = { x: event.clientX, y: event.clientY })}
      onClick={onClick}
    >
      {guide.leading && <LookControls stage={stage} zoom={view.zoom} look={guide.look} />}
      {canvas}
      {props.badges}
      {props.waiting && (
        <div className="tour-live-waiting" data-testid="tour-waiting">
          {props.waiting}
        </div>
      )}
    </div>
  );
}

/** Drag, wheel and arrow keys turn the agent's own view; mounted only while the agent leads, so the page scrolls as usual otherwise. */
function LookControls(props: { stage: RefObject<HTMLDivElement | null>; zoom: number; look: (action: TourViewAction) => void }) {
  useLookControls(props.stage, {
    zoom: props.zoom,
    onZoom: (factor) => props.look({ type: 'zoom', factor }),
    onTurn: (turn) => props.look({ type: 'turn', ...turn }),
  });
  return null;
}

/** The glTF scene to cast the pointer's rays against, loaded once the Point tool is first picked. */
function useProbeScene(assets: TourAssets, pointing: boolean): Object3D | null {
  const [scene, setScene] = useState<Object3D | null>(null);
  const wanted = pointing && assets.tour.scene !== undefined;
  useEffect(() => {
    if (!wanted || scene) return;
    let live = true;
    // Without the scene the pointer still works, a few metres along the ray: no error to show.
    assets.scene().then(
      (loaded) => live && setScene(loaded),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [assets, wanted, scene]);
  return scene;
}
