// Which open dialog a key belongs to when several are open at once (a sheet opened over another, the
// console's shortcut help over the photo viewer): the one opened last, or the one holding focus. Escape
// closes that one only, and only it keeps Tab inside; what is under it waits until it closes. The one
// opened last is also drawn on top, whatever the fixed z-index of each in the style sheets says.

/** Open dialogs, in the order they opened. */
const layers: HTMLElement[] = [];

const zIndexOf = (element: HTMLElement): number => Number.parseInt(getComputedStyle(element).zIndex, 10) || 0;

/**
 * Marks `element` as an open dialog, above those already open: drawn over them too when its own
 * z-index would put it under one (an offer arriving while the ID check is open). Call the returned
 * function when it closes.
 */
export function openLayer(element: HTMLElement): () => void {
  const under = layers.filter((layer) => layer.isConnected && !layer.contains(element));
  const highest = Math.max(...under.map(zIndexOf));
  const raised = under.length > 0 && zIndexOf(element) <= highest;
  if (raised) element.style.zIndex = String(highest + 1);
  layers.push(element);
  return () => {
    const at = layers.lastIndexOf(element);
    if (at >= 0) layers.splice(at, 1);
    if (raised) element.style.zIndex = '';
  };
}

/** The dialog keys go to: of those open, the latest that holds focus (side panels can sit side by side), else the latest. */
function topLayer(): HTMLElement | undefined {
  const focus = document.activeElement;
  for (let i = layers.length - 1; i >= 0; i--) if (focus && layers[i]!.contains(focus)) return layers[i];
  return layers[layers.length - 1];
}

/**
 * Whether `element` is the dialog on top (see topLayer), with no modal <dialog> that the browser shows
 * (it closes itself on Escape) over it. Call it while handling the key: a dialog that the key closes is
 * still open then, so the one under it does not close as well.
 */
export function isTopLayer(element: HTMLElement): boolean {
  const top = topLayer();
  if (top && top !== element) return false;
  for (const dialog of document.querySelectorAll('dialog[open]')) {
    if (dialog.matches(':modal') && !dialog.contains(element)) return false;
  }
  return true;
}
