// Fits baked light into a vertex colour's 0–1: linear up to a knee, then a soft shoulder, so lamps'
// hot spots roll off instead of clipping flat.
const KNEE = 0.7;

export function toneCurve(x: number): number {
  if (x <= KNEE) return Math.max(0, x);
  const headroom = 1 - KNEE;
  return KNEE + headroom * (1 - Math.exp(-(x - KNEE) / headroom));
}
