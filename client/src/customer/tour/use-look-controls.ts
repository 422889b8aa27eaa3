// Drag to look (mouse or one finger) on the tour's stage, and arrow keys anywhere on the page except
// in a text field. Markers and controls on the stage keep their own clicks.
import { useEffect, useEffectEvent, type RefObject } from 'react';
import type { Look } from '../../xr/tour/tour-directions.ts';
import { dragTurn, keyTurn } from './look-input.ts';

/** A press that moves less than this is a tap, not a drag. */
const DRAG_SLOP_PX = 4;

export function useLookControls(stage: RefObject<HTMLElement | null>, onTurn: (turn: Look) => void): void {
  const turn = useEffectEvent(onTurn);

  useEffect(() => {
    const element = stage.current;
    if (!element) return;
    let drag: { id: number; x: number; y: number; moved: boolean } | null = null;
    const down = (event: PointerEvent) => {
      if (drag || !event.isPrimary || event.button !== 0) return;
      if (event.target instanceof Element && event.target.closest('button, a, input, [role="button"]')) return;
      drag = { id: event.pointerId, x: event.clientX, y: event.clientY, moved: false };
      element.setPointerCapture(event.pointerId);
    };
    const move = (event: PointerEvent) => {
      if (!drag || event.pointerId !== drag.id) return;
      const dx = event.clientX - drag.x;
      const dy = event.clientY - drag.y;
      if (!drag.moved && Math.hypot(dx, dy) < DRAG_SLOP_PX) return;
      drag.moved = true;
      drag.x = event.clientX;
      drag.y = event.clientY;
      const { width, height } = element.getBoundingClientRect();
      turn(dragTurn(dx, dy, width, height));
    };
    const up = (event: PointerEvent) => {
      if (!drag || event.pointerId !== drag.id) return;
      if (element.hasPointerCapture(event.pointerId)) element.releasePointerCapture(event.pointerId);
      drag = null;
    };
    element.addEventListener('pointerdown', down);
    element.addEventListener('pointermove', move);
    element.addEventListener('pointerup', up);
    element.addEventListener('pointercancel', up);
    return () => {
      element.removeEventListener('pointerdown', down);
      element.removeEventListener('pointermove', move);
      element.removeEventListener('pointerup', up);
      element.removeEventListener('pointercancel', up);
    };
  }, [stage]);

  useEffect(() => {
    const key = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target;
      if (target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
      // Arrow keys inside a scrolling panel (the seat map) scroll it.
      if (target instanceof HTMLElement && target.closest('[data-scrolls]')) return;
      const step = keyTurn(event.key);
      if (!step) return;
      event.preventDefault();
      turn(step);
    };
    window.addEventListener('keydown', key);
    return () => window.removeEventListener('keydown', key);
  }, []);
}
