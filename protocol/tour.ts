// A preview tour as its `tour.json` describes it: the scene and panoramas it ships, the viewpoints a
// customer stands at, the links between them, the hotspots they can open, the floor plan or seat map
// in the scene's own coordinates and what can be booked. Generated tours and operators' own tours are
// read through this one schema; every error names the field (see `tourProblems`).
//
// Coordinates: glTF's — metres, +Y up, right-handed; the plan is the scene seen from above (x, z).
// Directions: yaw in degrees about +Y, 0 looks along −Z, 90 looks along −X (counter-clockwise seen from
// above, three.js's rotation.y); pitch in degrees, positive looks up. An equirectangular panorama's
// horizontal centre looks along −Z of the scene and its left edge along +Z, so a panorama and the glTF
// share one set of directions.
import { z } from 'zod';
import { Currency } from './money.ts';
import { text } from './text.ts';

export const TOUR_FORMAT_VERSION = 1;

/** A tour or item id: lower-case letters, digits and dashes, used in URLs and deep links. */
export const TourId = text().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lower-case letters, digits and dashes, at most 64, starting with a letter or digit');

/** A file inside the tour's folder: no folders above it, no absolute paths, no backslashes. */
export const TourFile = text()
  .min(1)
  .max(200)
  .regex(/^(?!.*\.\.)(?!\/)[A-Za-z0-9._/-]+$/, 'a relative path inside the tour folder (letters, digits, . _ - /; no "..")');

/** Gaussian-splat files the viewer reads (through Spark): PLY as 3DGS trainers write it, SPZ, antimatter15's .splat, .ksplat, SOG as one zip. */
export const SPLAT_EXTENSIONS = ['spz', 'ply', 'splat', 'ksplat', 'sog'] as const;
const SPLAT_FILE = new RegExp(`\\.(${SPLAT_EXTENSIONS.join('|')})$`);

const Metres = z.number().finite().min(-10_000).max(10_000);
export const Vec3 = z.tuple([Metres, Metres, Metres]);
export type Vec3 = z.infer<typeof Vec3>;
const Yaw = z.number().finite().min(-360).max(360);
const Pitch = z.number().finite().min(-90).max(90);

export const Price = z.object({
  /** In the currency's major unit (189.5 is €189.50). */
  amount: z.number().finite().min(0).max(1e9),
  currency: Currency,
  /** What the price is for, e.g. "night", "seat", "person". */
  per: text().trim().min(1).max(40).optional(),
});
export type Price = z.infer<typeof Price>;

export const Viewpoint = z.object({
  id: TourId,
  title: text().trim().min(1).max(120),
  /** Eye position, metres. */
  position: Vec3,
  /** The direction a customer faces on arrival. */
  yaw: Yaw,
  pitch: Pitch.default(0),
  /** An equirectangular panorama rendered from `position`, if this viewpoint has one. */
  panorama: TourFile.optional(),
  /** The seat this viewpoint is the view from (cabins). */
  seat: text().trim().min(1).max(8).optional(),
});
export type Viewpoint = z.infer<typeof Viewpoint>;

export const TourLink = z.object({
  from: TourId,
  to: TourId,
  /** Where the arrow sits seen from `from`; the direction towards `to` when absent. */
  yaw: Yaw.optional(),
});
export type TourLink = z.infer<typeof TourLink>;

export const Hotspot = z.object({
  id: TourId,
  title: text().trim().min(1).max(120),
  text: text().trim().max(2000).default(''),
  position: Vec3,
  /** The named glTF node this hotspot marks, when the scene has one. */
  node: text().trim().min(1).max(120).optional(),
  price: Price.optional(),
  /** A bookable option this hotspot offers (an id in `bookables`). */
  option: TourId.optional(),
});
export type Hotspot = z.infer<typeof Hotspot>;

/** A shape of the floor plan: a closed polygon of (x, z) points, labelled and styled by kind. */
export const PlanShape = z.object({
  kind: z.enum(['wall', 'room', 'furniture', 'window', 'door', 'galley', 'lavatory', 'exit', 'fuselage', 'bulkhead']),
  label: text().trim().max(60).optional(),
  points: z.array(z.tuple([Metres, Metres])).min(2).max(512),
});
export type PlanShape = z.infer<typeof PlanShape>;

export const SeatClass = z.enum(['first', 'business', 'premium', 'economy']);
export type SeatClass = z.infer<typeof SeatClass>;

export const Seat = z.object({
  /** Row number and letter, e.g. "23A". */
  id: text().regex(/^[1-9][0-9]{0,2}[A-L]$/, 'a row number and a seat letter, e.g. 23A'),
  row: z.number().int().min(1).max(999),
  letter: text().regex(/^[A-L]$/, 'one letter A–L'),
  class: SeatClass,
  /** Centre of the seat on the plan, metres. */
  x: Metres,
  z: Metres,
  width: z.number().positive().max(5),
  depth: z.number().positive().max(5),
  /** The viewpoint showing the view from this seat. */
  viewpoint: TourId,
  window: z.boolean(),
  aisle: z.boolean(),
  exitRow: z.boolean().default(false),
  /** How much of a window is beside the seat: 'full', 'partial', or 'none' (a window seat with only wall). */
  windowView: z.enum(['full', 'partial', 'none']).default('none'),
  /** A bookable option for this seat (an id in `bookables`). */
  option: TourId.optional(),
});
export type Seat = z.infer<typeof Seat>;

export const TourPlan = z.object({
  kind: z.enum(['floor', 'seats']),
  /** The part of the (x, z) plane the plan shows. */
  bounds: z.object({ minX: Metres, minZ: Metres, maxX: Metres, maxZ: Metres }),
  shapes: z.array(PlanShape).max(5_000),
  seats: z.array(Seat).max(1_000).default([]),
});
export type TourPlan = z.infer<typeof TourPlan>;

export const Bookable = z.object({
  id: TourId,
  title: text().trim().min(1).max(120),
  text: text().trim().max(2000).default(''),
  price: Price,
});
export type Bookable = z.infer<typeof Bookable>;

/** A language tag as BCP 47 writes it: `zh-CN`, `en`, `pt-BR`. */
export const LanguageTag = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a language tag such as zh-CN or pt-BR');

const Title = text().trim().min(1).max(120);
const LongText = text().trim().max(2000);

/**
 * A tour's words in another language, each by the id of what it names; anything left out shows as the
 * tour says it. Strict: a misspelt key ("hotspot") is an error naming it, not silently ignored.
 */
export const TourTranslation = z
  .object({
    title: Title.optional(),
    description: LongText.optional(),
    viewpoints: z.record(TourId, z.object({ title: Title }).strict()).default({}),
    hotspots: z.record(TourId, z.object({ title: Title.optional(), text: LongText.optional() }).strict()).default({}),
    bookables: z.record(TourId, z.object({ title: Title.optional(), text: LongText.optional() }).strict()).default({}),
    /** Names on the floor plan, by the name as the plan writes it ("Bedroom": "卧室"). */
    planLabels: z.record(text().trim().min(1).max(60), text().trim().min(1).max(60)).default({}),
    /** What prices are for, by the word as the prices write it ("night": "晚"). */
    per: z.record(text().trim().min(1).max(40), text().trim().min(1).max(40)).default({}),
  })
  .strict();
export type TourTranslation = z.infer<typeof TourTranslation>;

export const TourKind = z.enum(['hotel-room', 'cabin', 'other']);
export type TourKind = z.infer<typeof TourKind>;

export const TourManifest = z.object({
  version: z.literal(TOUR_FORMAT_VERSION, { message: `must be ${TOUR_FORMAT_VERSION}, the only tour format version there is` }),
  id: TourId,
  kind: TourKind,
  title: text().trim().min(1).max(120),
  description: text().trim().max(2000).default(''),
  /** The 3D scene, a glTF binary; a tour may ship panoramas only. */
  scene: TourFile.regex(/\.glb$/, 'a .glb file').optional(),
  /**
   * A Gaussian-splat capture in the scene's coordinates, shown in 3D with the glTF (or alone): any
   * single-file format Spark reads.
   */
  splat: TourFile.regex(SPLAT_FILE, `a ${SPLAT_EXTENSIONS.map((e) => `.${e}`).join(', ')} file`).optional(),
  /** The viewpoint a customer starts at. */
  start: TourId,
  viewpoints: z.array(Viewpoint).min(1).max(2_000),
  links: z.array(TourLink).max(10_000).default([]),
  hotspots: z.array(Hotspot).max(500).default([]),
  plan: TourPlan.optional(),
  bookables: z.array(Bookable).max(500).default([]),
  /** The tour's words in other languages, by language tag (docs/TOURS.md); the viewer shows the page's. */
  translations: z.record(LanguageTag, TourTranslation).default({}),
});
export type TourManifest = z.infer<typeof TourManifest>;

/** The validator's own sentence as a message key of the pages' `tour` namespace (`problem.<key>`) and its values. */
export interface TourProblemWords {
  key: 'usedTwice' | 'noViewpoint' | 'noBookable' | 'noHotspot' | 'noSeat' | 'linkToItself' | 'seatId' | 'noScene' | 'notJson';
  values?: Record<string, string | number>;
}

/** What is wrong with a tour, named by its field path: `message` in English; `words` when the sentence is the validator's own (not zod's), for a page in another language. */
export interface TourProblem {
  path: string;
  message: string;
  words?: TourProblemWords;
}

/**
 * What is wrong with a tour the schema accepted: references to viewpoints, options or seats that do
 * not exist, ids used twice, a tour with neither scene nor panoramas. Empty when the tour is whole.
 */
export function tourProblems(tour: TourManifest): TourProblem[] {
  const problems: TourProblem[] = [];
  const viewpoints = new Set<string>();
  const duplicate = (seen: Set<string>, id: string, path: string) => {
    if (seen.has(id)) problems.push({ path, message: `"${id}" is used twice`, words: { key: 'usedTwice', values: { id } } });
    seen.add(id);
  };
  tour.viewpoints.forEach((v, i) => duplicate(viewpoints, v.id, `viewpoints[${i}].id`));
  const options = new Set<string>();
  tour.bookables.forEach((b, i) => duplicate(options, b.id, `bookables[${i}].id`));
  const hotspots = new Set<string>();
  tour.hotspots.forEach((h, i) => duplicate(hotspots, h.id, `hotspots[${i}].id`));

  const viewpoint = (id: string, path: string) => {
    if (!viewpoints.has(id)) problems.push({ path, message: `no viewpoint "${id}"`, words: { key: 'noViewpoint', values: { id } } });
  };
  const option = (id: string | undefined, path: string) => {
    if (id !== undefined && !options.has(id)) problems.push({ path, message: `no bookable "${id}"`, words: { key: 'noBookable', values: { id } } });
  };
  viewpoint(tour.start, 'start');
  tour.links.forEach((l, i) => {
    viewpoint(l.from, `links[${i}].from`);
    viewpoint(l.to, `links[${i}].to`);
    if (l.from === l.to) problems.push({ path: `links[${i}].to`, message: 'a link leads to another viewpoint', words: { key: 'linkToItself' } });
  });
  tour.hotspots.forEach((h, i) => option(h.option, `hotspots[${i}].option`));
  const seats = new Set<string>();
  tour.plan?.seats.forEach((s, i) => {
    duplicate(seats, s.id, `plan.seats[${i}].id`);
    if (s.id !== `${s.row}${s.letter}`) {
      problems.push({ path: `plan.seats[${i}].id`, message: `must be row ${s.row} and letter ${s.letter}: "${s.row}${s.letter}"`, words: { key: 'seatId', values: { row: s.row, letter: s.letter, id: `${s.row}${s.letter}` } } });
    }
    viewpoint(s.viewpoint, `plan.seats[${i}].viewpoint`);
    option(s.option, `plan.seats[${i}].option`);
  });
  tour.viewpoints.forEach((v, i) => {
    if (v.seat !== undefined && !seats.has(v.seat)) problems.push({ path: `viewpoints[${i}].seat`, message: `no seat "${v.seat}" on the plan`, words: { key: 'noSeat', values: { id: v.seat } } });
  });
  for (const [language, words] of Object.entries(tour.translations)) {
    const at = `translations.${language}`;
    for (const id of Object.keys(words.viewpoints)) viewpoint(id, `${at}.viewpoints.${id}`);
    for (const id of Object.keys(words.hotspots)) if (!hotspots.has(id)) problems.push({ path: `${at}.hotspots.${id}`, message: `no hotspot "${id}"`, words: { key: 'noHotspot', values: { id } } });
    for (const id of Object.keys(words.bookables)) option(id, `${at}.bookables.${id}`);
  }
  if (tour.scene === undefined && tour.splat === undefined && !tour.viewpoints.some((v) => v.panorama !== undefined)) {
    problems.push({ path: 'scene', message: 'a tour needs a scene, a splat or at least one panorama', words: { key: 'noScene' } });
  }
  return problems;
}

/** The files a tour ships, each once: what a loader fetches and the size budget counts. */
export function tourFiles(tour: TourManifest): string[] {
  const files = new Set<string>();
  if (tour.scene) files.add(tour.scene);
  if (tour.splat) files.add(tour.splat);
  for (const v of tour.viewpoints) if (v.panorama) files.add(v.panorama);
  return [...files];
}

/** A tour as a list offers it to the agent creating a preview case. */
export const TourSummary = z.object({
  id: TourId,
  kind: TourKind,
  title: text(),
  description: text(),
  viewpoints: z.number().int(),
  seats: z.number().int(),
  /** Bytes of its files as stored (tour.json, scene, splat, panoramas). */
  bytes: z.number().int(),
});
export type TourSummary = z.infer<typeof TourSummary>;

/** A field path as a person writes it: `viewpoints[3].position[1]`. */
function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${String(p)}` : String(p)), '') || '(the whole file)';
}

export type TourReading = { ok: true; tour: TourManifest } | { ok: false; problems: TourProblem[] };

/**
 * Reads a parsed `tour.json`: the schema first, then the references between its parts. `error`: zod's
 * messages in another language (its locale's error map), for a page not in English.
 */
export function readTour(value: unknown, error?: z.core.$ZodErrorMap): TourReading {
  const parsed = TourManifest.safeParse(value, error ? { error } : undefined);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((i) => ({ path: fieldPath(i.path), message: i.message })) };
  }
  const problems = tourProblems(parsed.data);
  return problems.length ? { ok: false, problems } : { ok: true, tour: parsed.data };
}

/** One line per problem, for an error message or a log. */
export function describeTourProblems(problems: readonly TourProblem[]): string {
  return problems.map((p) => `${p.path}: ${p.message}`).join('; ');
}

export const TourList = z.object({ tours: z.array(TourSummary) });
export type TourList = z.infer<typeof TourList>;
