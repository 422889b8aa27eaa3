// A pixel of the tour's canvas as normalised device coordinates, the form a three.js ray is cast
// from: shared by the customer's measuring tool and the agent's pointer.

/** A pixel of an element (client coordinates) as normalised device coordinates: x right, y up, −1…1. */
export function toDeviceCoords(clientX: number, clientY: number, rect: { left: number; top: number; width: number; height: number }): [number, number] {
  return [((clientX - rect.left) / Math.max(rect.width, 1)) * 2 - 1, 1 - ((clientY - rect.top) / Math.max(rect.height, 1)) * 2];
}
