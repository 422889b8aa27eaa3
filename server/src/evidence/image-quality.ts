// The quality score of a photo from its greyscale analysis copy (long side 512): sharpness as the
// variance of the Laplacian, brightness as the mean luminance, and the verdicts drawn from them. Pure.

export interface Quality {
  /** Variance of the Laplacian of a greyscale downscale (long side 512); higher is sharper. */
  sharpness: number;
  /** Mean luminance, 0..255. */
  brightness: number;
  blurry: boolean;
  exposure: 'ok' | 'under' | 'over';
}

/**
 * Below this Laplacian variance (8-bit grey, long side 512) a photo is flagged blurry. The usual rule
 * of thumb for this measure at ~500 px is 100, and calibration agrees (image-pipeline.test.ts): a
 * synthetic page of print at 1920×1080 scores ~17000 crisp, ~6600 after `.blur(2)`, ~800 after
 * `.blur(4)` and ~50 after `.blur(8)`; gaussian noise ~1200 crisp and ~3 after `.blur(8)`; a real
 * 720 px photo of a circuit board ~2300 crisp and ~80 after `.blur(2)`, where its print is no longer
 * legible. It is not set higher because a sharp but textureless scene (flat gradients, a few edges)
 * already scores ~150. Blur is judged at this scale only: `.blur(8)` on a 4000×3000 photo is about
 * 1 px at 512 and scores ~570, so it is not flagged.
 */
export const BLUR_THRESHOLD = 100;

/**
 * Exposure is flagged when the mean luminance is extreme (well-exposed photos sit around 90..170), or
 * when half the frame is crushed to black or blown to white, which hides damage whatever the mean.
 */
const UNDER_MEAN = 50;
const OVER_MEAN = 215;
const CLIPPED_SHARE = 0.5;
const SHADOW_CLIP = 10;
const HIGHLIGHT_CLIP = 245;

/** Judges an 8-bit greyscale image of `width` × `height` pixels. */
export function judgeQuality(grey: Uint8Array, width: number, height: number): Quality {
  const sharpness = laplacianVariance(grey, width, height);
  const light = luminance(grey);
  return { sharpness: round(sharpness), brightness: round(light.mean), blurry: sharpness < BLUR_THRESHOLD, exposure: light.exposure };
}

/** Variance of the 4-neighbour Laplacian over interior pixels, computed in JS because sharp's
 * convolve clamps its output to the 0..255 range and would cut off the negative half. */
function laplacianVariance(grey: Uint8Array, width: number, height: number): number {
  if (width < 3 || height < 3) return 0;
  let sum = 0;
  let sumSquares = 0;
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      const v = grey[i - width]! + grey[i + width]! + grey[i - 1]! + grey[i + 1]! - 4 * grey[i]!;
      sum += v;
      sumSquares += v * v;
    }
  }
  const n = (width - 2) * (height - 2);
  const mean = sum / n;
  return sumSquares / n - mean * mean;
}

function luminance(grey: Uint8Array): { mean: number; exposure: Quality['exposure'] } {
  let sum = 0;
  let shadows = 0;
  let highlights = 0;
  for (const v of grey) {
    sum += v;
    if (v <= SHADOW_CLIP) shadows++;
    if (v >= HIGHLIGHT_CLIP) highlights++;
  }
  const n = Math.max(grey.length, 1);
  const mean = sum / n;
  const exposure = mean < UNDER_MEAN || shadows / n > CLIPPED_SHARE ? 'under'
    : mean > OVER_MEAN || highlights / n > CLIPPED_SHARE ? 'over'
    : 'ok';
  return { mean, exposure };
}

const round = (value: number): number => Math.round(value * 10) / 10;
