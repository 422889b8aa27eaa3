// Keyboard and switch access for a sheet or dialog over the call: focus moves into it when it opens
// and back to what had it (the button that opened it) when it closes; Escape closes it; a modal one —
// covering the controls under it — keeps Tab and Shift+Tab inside, so focus never lands out of sight.
// With two open (an offer arriving over the ID check), the keys belong to the one on top (ui/top-layer.ts).
import { useEffect, useRef, type RefObject } from 'react';
import { isTopLayer, openLayer } from '../ui/top-layer.ts';

const FOCUSABLE = 'button, a[href], input, select, textarea, [tabindex]:not([tabindex="-1"])';

/** The dialog's controls a Tab can stop at now: enabled and drawn. */
function stops(dialog: HTMLElement): HTMLElement[] {
  return [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !(el as HTMLButtonElement).disabled && el.getClientRects().length > 0);
}

export function useDialogFocus(
  dialog: RefObject<HTMLElement | null>,
  options: {
    /** Whether the dialog is shown (for one that comes and goes inside a component that stays). @default true */
    open?: boolean;
    /** Keep Tab inside (it covers what is under it). */
    modal: boolean;
    onClose: () => void;
    /** A selector for what takes focus on open; without it, or when nothing matches, the dialog's first control. */
    initial?: string;
    /** Takes focus back on close when the opener is gone (a pill the dialog replaced). */
    fallback?: RefObject<HTMLElement | null>;
  },
): void {
  const latest = useRef(options);
  latest.current = options;

  const open = options.open ?? true;
  useEffect(() => {
    if (!open) return;
    const active = document.activeElement;
    const opener = active instanceof HTMLElement && active !== document.body ? active : null;
    const box = dialog.current;
    const initial = latest.current.initial;
    if (box) ((initial ? box.querySelector<HTMLElement>(initial) : null) ?? stops(box)[0])?.focus();
    const closeLayer = box ? openLayer(box) : () => undefined;
    const onKey = (event: KeyboardEvent): void => {
      if (box && !isTopLayer(box)) return;
      if (event.key === 'Escape') latest.current.onClose();
      if (event.key !== 'Tab' || !latest.current.modal || !box) return;
      const inside = stops(box);
      if (inside.length === 0) {
        // Its buttons are busy for a moment (a photo being taken): focus waits where it is.
        event.preventDefault();
        return;
      }
      const first = inside[0]!;
      const last = inside[inside.length - 1]!;
      const now = document.activeElement;
      const out = !box.contains(now);
      if (event.shiftKey ? out || now === first : out || now === last) {
        event.preventDefault();
        (event.shiftKey ? last : first).focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      closeLayer();
      // Back to the opener, unless focus has already gone somewhere on purpose.
      const now = document.activeElement;
      const lost = !now || now === document.body || box?.contains(now);
      if (lost) (opener?.isConnected ? opener : latest.current.fallback?.current)?.focus();
    };
  }, [dialog, open]);
}
