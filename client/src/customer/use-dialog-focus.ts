// Keyboard and switch access for a sheet or dialog over the call: focus moves into it when it opens
// and back to what had it (the button that opened it) when it closes; Escape closes it; a modal one —
// covering the controls under it — keeps Tab and Shift+Tab inside, so focus never lands out of sight.
import { useEffect, useRef, type RefObject } from 'react';

const FOCUSABLE = 'button, a[href], input, select, textarea, [tabindex]:not([tabindex="-1"])';

/** The dialog's controls a Tab can stop at now: enabled and drawn. */
function stops(dialog: HTMLElement): HTMLElement[] {
  return [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !(el as HTMLButtonElement).disabled && el.getClientRects().length > 0);
}

export function useDialogFocus(
  dialog: RefObject<HTMLElement | null>,
  options: {
    /** Keep Tab inside (it covers what is under it). */
    modal: boolean;
    onClose: () => void;
    /** A selector for what takes focus on open. @default the dialog's first control */
    initial?: string;
  },
): void {
  const latest = useRef(options);
  latest.current = options;

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const box = dialog.current;
    const initial = latest.current.initial;
    (box && initial ? box.querySelector<HTMLElement>(initial) : box ? stops(box)[0] : null)?.focus();
    const onKey = (event: KeyboardEvent): void => {
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
      const active = document.activeElement;
      const out = !box.contains(active);
      if (event.shiftKey ? out || active === first : out || active === last) {
        event.preventDefault();
        (event.shiftKey ? last : first).focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      // Back to the opener, unless focus has already gone somewhere on purpose.
      const now = document.activeElement;
      const lost = !now || now === document.body || box?.contains(now);
      if (lost && opener?.isConnected) opener.focus();
    };
  }, [dialog]);
}
