// Drag to look (mouse or one finger) and pinch or wheel to zoom on the tour's stage; arrow keys and
// +/− anywhere on the page except in a text field or a scrolling panel. Markers and controls on the
// stage keep their own clicks.
import { useEffect, useEffectEvent, type RefObject } from 'react';
import type { Look } from '../../xr/tour/tour-directions.ts';
import { dragTurn, keyTurn, keyZoom, wheelZoom } from './look-input.ts';

/** A press that moves less than this is a tap, not a drag. */
const DRAG_SLOP_PX = 4;

export interface LookHandlers {
  onTurn: (turn: Look) => void;
  /** Multiplies the zoom by a factor. */
  onZoom: (factor: number) => void;
  /** The zoom now, which slows a drag down so the picture still follows the finger. */
  zoom: number;
  /** A tap (a press that did not drag) on the picture itself, at client coordinates. */
  onTap?: (clientX: number, clientY: number) => void;
}

export function useLookControls(stage: RefObject<HTMLElement | null>, handlers: LookHandlers): void {
  const turn = useEffectEvent((dx: number, dy: number, width: number, height: number) => handlers.onTurn(dragTurn(dx, dy, width, height, handlers.zoom)));
  const zoom = useEffectEvent((factor: number) => handlers.onZoom(factor));
  const step = useEffectEvent((look: Look) => handlers.onTurn(look));
  const tap = useEffectEvent((x: number, y: number) => handlers.onTap?.(x, y));

  useEffect(() => {
    const element = stage.current;
    if (!element) return;
    const pointers = new Map<number, { x: number; y: number }>();
    let moved = false;
    const spread = () => {
      const [a, b] = [...pointers.values()];
      return a && b ? Math.hypot(a.x - b.x, a.y - b.y) : 0;
    };
    const down = (event: PointerEvent) => {
      if (event.button !== 0 || pointers.size >= 2) return;
      if (event.target instanceof Element && event.target.closest('button, a, input, [role="button"]')) return;
      if (pointers.size === 0) moved = false;
      pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
      element.setPointerCapture(event.pointerId);
    };
    const move = (event: PointerEvent) => {
      const last = pointers.get(event.pointerId);
      if (!last) return;
      if (pointers.size === 2) {
        const before = spread();
        pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
        const after = spread();
        if (before > 0 && after > 0) zoom(after / before);
        return;
      }
      const dx = event.clientX - last.x;
      const dy = event.clientY - last.y;
      if (!moved && Math.hypot(dx, dy) < DRAG_SLOP_PX) return;
      moved = true;
      pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
      const { width, height } = element.getBoundingClientRect();
      turn(dx, dy, width, height);
    };
    const up = (event: PointerEvent) => {
      const single = pointers.size === 1;
      if (!pointers.delete(event.pointerId)) return;
      if (single && !moved && event.type === 'pointerup') tap(event.clientX, event.clientY);
      if (element.hasPointerCapture(event.pointerId)) element.releasePointerCapture(event.pointerId);
    };
    const wheel = (event: WheelEvent) => {
      event.preventDefault();
      zoom(wheelZoom(event.deltaMode === WheelEvent.DOM_DELTA_LINE ? event.deltaY * 16 : event.deltaY));
    };
    element.addEventListener('pointerdown', down);
    element.addEventListener('pointermove', move);
    element.addEventListener('pointerup', up);
    element.addEventListener('pointercancel', up);
    element.addEventListener('wheel', wheel, { passive: false });
    return () => {
      element.removeEventListener('pointerdown', down);
      element.removeEventListener('pointermove', move);
      element.removeEventListener('pointerup', up);
      element.removeEventListener('pointercancel', up);
      element.removeEventListener('wheel', wheel);
    };
  }, [stage]);

  useEffect(() => {
    const key = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target;
      if (target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
      // Arrow keys inside a scrolling panel (the seat map) scroll it.
      if (target instanceof HTMLElement && target.closest('[data-scrolls]')) return;
      const look = keyTurn(event.key);
      const factor = keyZoom(event.key);
      if (look) step(look);
      else if (factor) zoom(factor);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', key);
    return () => window.removeEventListener('keydown', key);
  }, []);
}
