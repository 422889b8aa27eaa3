// What a window looks out on, painted: a city skyline by day, a sea with a beach, and the sky and
// cloud deck seen from a cruising aircraft. Far layers fade into the haze, as air does.
import { fbm, random } from './noise.ts';
import { clamp01, hex, mix, paint, shade, smoothstep, type Picture, type Rgb } from './image.ts';

function skyColour(v: number, horizon: number, zenith: Rgb, horizonColour: Rgb): Rgb {
  const t = clamp01(v / horizon);
  return mix(zenith, horizonColour, t ** 1.6);
}

/** Soft cumulus over a sky picture, above `horizon` (a fraction of the height). */
function addClouds(p: Picture, horizon: number, cover: number, seed: number): void {
  for (let y = 0; y < p.height; y++) {
    const v = (y + 0.5) / p.height;
    if (v > horizon) break;
    // Clouds flatten and crowd together towards the horizon.
    const squash = 1 + 4 * (v / horizon) ** 2;
    for (let x = 0; x < p.width; x++) {
      const u = (x + 0.5) / p.width;
      const n = fbm(u, (v * squash) % 1, 4, 6, seed, [2, 1]);
      const c = smoothstep(1 - cover, 1 - cover + 0.25, n);
      if (c <= 0) continue;
      const lit = 0.82 + 0.18 * fbm(u + 0.01, (v * squash + 0.02) % 1, 8, 3, seed + 5);
      const i = (y * p.width + x) * 3;
      const white: Rgb = shade([1, 0.99, 0.97], lit);
      for (let k = 0; k < 3; k++) p.data[i + k] = p.data[i + k]! + (white[k]! - p.data[i + k]!) * c * 0.9;
    }
  }
}

function fillRect(p: Picture, x0: number, y0: number, x1: number, y1: number, colour: (x: number, y: number) => Rgb): void {
  const xa = Math.max(0, Math.floor(x0));
  const xb = Math.min(p.width, Math.ceil(x1));
  const ya = Math.max(0, Math.floor(y0));
  const yb = Math.min(p.height, Math.ceil(y1));
  for (let y = ya; y < yb; y++) for (let x = xa; x < xb; x++) p.data.set(colour(x, y), (y * p.width + x) * 3);
}

const FACADES = ['#cfc6b8', '#b9b2a6', '#9aa3ab', '#c9b49a', '#a8684e', '#7f8c96', '#d8d2c6', '#8d9da8'].map(hex);

/** One row of buildings, painted from left to right: base line `ground`, heights up to `tallest` px. */
function buildingLayer(p: Picture, ground: number, tallest: number, widths: [number, number], floorPx: number, haze: number, hazeColour: Rgb, rand: () => number): void {
  let x = -rand() * widths[1];
  while (x < p.width) {
    const w = widths[0] + rand() * (widths[1] - widths[0]);
    const h = tallest * (0.35 + 0.65 * rand() ** 1.5);
    const top = ground - h;
    const facade = FACADES[Math.floor(rand() * FACADES.length)]!;
    const glassy = rand() < 0.25;
    const side = w * (0.12 + 0.1 * rand());
    const windowLit = rand() * 0.3;
    const colour = (px: number, py: number, face: 'front' | 'side'): Rgb => {
      const fx = (px - x) / floorPx;
      const fy = (py - top) / floorPx;
      const inWindow = (fx % 1) > 0.3 && (fx % 1) < 0.85 && (fy % 1) > 0.25 && (fy % 1) < 0.8 && fy > 0.6;
      let c = glassy ? mix(hex('#5f7f99'), hex('#a9c0d2'), clamp01(1 - (py - top) / (h + 1))) : facade;
      if (inWindow && !glassy) c = mix(hex('#2e3a44'), hex('#8fa6b8'), windowLit + 0.25 * ((Math.floor(fx) * 7 + Math.floor(fy) * 3) % 5) / 5);
      if (glassy && (fy % 1) < 0.08) c = shade(c, 0.75);
      if (face === 'side') c = shade(c, 0.72);
      return mix(c, hazeColour, haze);
    };
    fillRect(p, x, top, x + w - side, ground, (px, py) => colour(px, py, 'front'));
    fillRect(p, x + w - side, top + side * 0.15, x + w, ground, (px, py) => colour(px, py, 'side'));
    // Roof plant and parapets on some.
    if (rand() < 0.5) fillRect(p, x + w * 0.2, top - floorPx * 0.8, x + w * 0.45, top, () => mix(shade(facade, 0.8), hazeColour, haze));
    x += w + rand() * widths[0] * 0.3;
  }
}

/**
 * A city seen from a high floor by day: sky and clouds, hazy far towers, closer blocks below down to
 * the bottom; the horizon `horizon` of the height from the top.
 */
export function cityView(width: number, height: number, horizon: number, seed = 5): Picture {
  const zenith = hex('#5b8fc7');
  const horizonColour = hex('#dfe8ef');
  const p = paint(width, height, (_u, v) => skyColour(v, horizon, zenith, horizonColour));
  addClouds(p, horizon, 0.38, seed);
  const rand = random(seed);
  // Heights in units of "one horizon-height" (the sky's share of a 0.55 picture), so the city keeps
  // its proportions whatever the picture's shape.
  const k = (horizon / 0.55) * height;
  const y = (f: number) => horizon * height + f * k;
  // Far streets fill the ground below the horizon before the buildings stand on them.
  fillRect(p, 0, y(0), width, height, (_x, py) => mix(hex('#8d8a84'), horizonColour, 0.5 * Math.exp(-(py - y(0)) / k)));
  buildingLayer(p, y(0.05), k * 0.12, [width * 0.015, width * 0.04], k * 0.006, 0.62, horizonColour, rand);
  // A landmark: a slim tower with a mast, far away.
  const tx = width * 0.68;
  fillRect(p, tx - 6, y(-0.25), tx + 6, y(0.05), () => mix(hex('#8a9299'), horizonColour, 0.5));
  fillRect(p, tx - 20, y(-0.22), tx + 20, y(-0.195), () => mix(hex('#7d868e'), horizonColour, 0.45));
  fillRect(p, tx - 1.5, y(-0.35), tx + 1.5, y(-0.25), () => mix(hex('#6f777e'), horizonColour, 0.5));
  buildingLayer(p, y(0.17), k * 0.2, [width * 0.03, width * 0.07], k * 0.012, 0.38, horizonColour, rand);
  buildingLayer(p, y(0.35), k * 0.3, [width * 0.06, width * 0.12], k * 0.022, 0.18, horizonColour, rand);
  buildingLayer(p, y(0.5), k * 0.35, [width * 0.1, width * 0.2], k * 0.04, 0.04, horizonColour, rand);
  buildingLayer(p, y(0.75), k * 0.45, [width * 0.12, width * 0.22], k * 0.05, 0.0, horizonColour, rand);
  buildingLayer(p, height * 1.02, k * 0.5, [width * 0.15, width * 0.25], k * 0.06, 0.0, horizonColour, rand);
  return p;
}

/** The sea from a high floor: sky and clouds, a hazy headland, glints on the water, a beach below. */
export function seaView(width: number, height: number, horizon: number, seed = 9): Picture {
  const zenith = hex('#4f8cc9');
  const horizonColour = hex('#e4ecf0');
  const p = paint(width, height, (u, v) => {
    if (v < horizon) return skyColour(v, horizon, zenith, horizonColour);
    const d = (v - horizon) / (1 - horizon);
    // Water: pale at the horizon, deep blue-green nearer; ripples stretched along the horizon.
    // Waves get larger (and fewer per pixel) the nearer the water is.
    const ripple = fbm(u, (Math.sqrt(d) * 4) % 1, 12, 5, seed + 2, [10, 1]);
    let c = mix(hex('#9fbccc'), hex('#1f6a86'), smoothstep(0, 0.5, d));
    c = shade(c, 0.84 + 0.3 * ripple);
    const glint = smoothstep(0.8, 0.9, ripple) * Math.exp(-(((u - 0.35) / 0.12) ** 2)) * (1 - d);
    c = mix(c, [1, 0.98, 0.92], glint);
    // The beach and its foam at the bottom.
    const shore = 0.82 + 0.03 * Math.sin(u * 9) + 0.02 * fbm(u, 0.5, 12, 3, seed);
    if (d > shore) c = mix(hex('#e6d6b4'), hex('#cdb78f'), fbm(u, v, 40, 3, seed + 4));
    else if (d > shore - 0.025) c = mix(c, [0.97, 0.98, 0.98], smoothstep(shore - 0.025, shore - 0.01, d));
    return c;
  });
  addClouds(p, horizon, 0.3, seed);
  // A headland reaching in from the left, fading into the haze, where the windows look.
  for (let x = 0; x < width * 0.5; x++) {
    const u = x / width;
    const top = horizon - 0.05 * smoothstep(0.5, 0.2, u) * (0.7 + 0.3 * fbm(u, 0.3, 8, 4, seed + 7));
    for (let y = Math.floor(top * height); y < horizon * height; y++) {
      p.data.set(mix(hex('#6d8a78'), horizonColour, 0.5 + 0.3 * smoothstep(0.2, 0.5, u)), (y * width + x) * 3);
    }
  }
  // A few sails far out, smaller the nearer the horizon.
  const rand = random(seed + 1);
  for (let i = 0; i < 6; i++) {
    const cx = width * (0.3 + rand() * 0.45);
    const base = height * (horizon + 0.004 + rand() * 0.025);
    const size = height * (0.0015 + (base / height - horizon) * 0.12);
    for (let y = Math.floor(base - size * 2.2); y < base; y++) {
      const half = ((y - (base - size * 2.2)) / (size * 2.2)) * size * 0.8;
      for (let x = Math.floor(cx - half); x <= cx; x++) if (x >= 0 && y >= 0) p.data.set([0.96, 0.96, 0.94], (y * width + x) * 3);
    }
    for (let x = Math.floor(cx - size); x < cx + size * 0.4; x++) p.data.set([0.35, 0.3, 0.28], (Math.floor(base) * width + x) * 3);
  }
  return p;
}

/**
 * The sky and cloud deck from cruising height as an equirectangular picture (u: the bearing, once
 * round; v: from the zenith at the top to the nadir at the bottom), for a dome around the cabin: every
 * window then shows the sky in its true direction, at whatever angle it is seen (flat walls of sky
 * beside the fuselage end a few windows along, and a window seen obliquely looked out on nothing).
 * The deck lies `deck` metres below; its clouds are laid out on the ground plane, so they crowd
 * together and fade into the haze towards the horizon as they do from an aircraft.
 */
export function flightSkyDome(width: number, height: number, options: { deck: number; seed?: number }): Picture {
  const { deck } = options;
  const seed = options.seed ?? 3;
  const zenith = hex('#2f6fb8');
  const horizonColour = hex('#d7e6f2');
  // Noise coordinates over a square this many metres wide, so it never repeats within sight.
  const world = 80_000;
  return paint(width, height, (u, v) => {
    const bearing = u * 2 * Math.PI;
    const elevation = (0.5 - v) * Math.PI;
    // Above the horizon: deep blue overhead, paling to the haze at the horizon.
    if (elevation > -1e-4) return mix(zenith, horizonColour, Math.exp(-Math.tan(Math.max(0, elevation)) / 0.12));
    // Where the line of sight meets the cloud deck: further away the closer to the horizon.
    const along = Math.min(world * 0.45, deck / Math.tan(-elevation));
    const wx = (along * Math.cos(bearing)) / world + 0.5;
    const wz = (along * Math.sin(bearing)) / world + 0.5;
    // Far away, clouds shrink below a pixel: their detail fades to its average instead of aliasing.
    const detail = 1 - smoothstep(9000, 20000, along);
    const n = 0.5 + (fbm(wx, wz, 160, 6, seed) - 0.5) * detail;
    const cover = smoothstep(0.4, 0.62, n);
    const lit = 0.82 + 0.18 * (0.5 + (fbm(wx, wz, 640, 3, seed + 1) - 0.5) * detail);
    const c = mix(hex('#3a6a8e'), shade([1, 1, 1], lit), cover);
    const haze = 1 - Math.exp(-along / 22000);
    return mix(c, horizonColour, clamp01(haze));
  });
}
