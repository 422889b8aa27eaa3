// The preview tours this server offers: every folder of the tours directory whose `tour.json` reads
// as a whole tour (protocol/tour.ts) and whose files are all there. A tour that does not is refused
// with the field or file at fault, logged, and not offered; the rest still load.
import fs from 'node:fs';
import path from 'node:path';
import { describeTourProblems, readTour, tourFiles, type TourManifest, type TourSummary } from '../../../protocol/tour.ts';
import { splatFileProblem } from './splat-file.ts';

/** A tour.json larger than this is not a description of a tour. */
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
export const TOUR_MANIFEST = 'tour.json';

export interface TourFileEntry {
  /** Absolute path on disk. */
  path: string;
  size: number;
}

export interface Tour {
  manifest: TourManifest;
  dir: string;
  /** Every file a customer's page may fetch, by its name in the tour (tour.json included). */
  files: ReadonlyMap<string, TourFileEntry>;
  summary: TourSummary;
}

export interface RefusedTour {
  folder: string;
  reason: string;
}

export interface TourLibrary {
  list(): TourSummary[];
  get(id: string): Tour | null;
  /** Tours found but not offered, with why. */
  refused: readonly RefusedTour[];
}

const isFile = (file: string): fs.Stats | null => {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  return stat?.isFile() ? stat : null;
};

/** The first bytes of a file, enough for its signature. */
function readHead(file: string): Uint8Array {
  const head = new Uint8Array(8);
  const fd = fs.openSync(file, 'r');
  try {
    return head.subarray(0, fs.readSync(fd, head, 0, head.length, 0));
  } finally {
    fs.closeSync(fd);
  }
}

/** Reads one tour folder; a string says why it cannot be offered. */
export function readTourFolder(dir: string): Tour | string {
  const manifestPath = path.join(dir, TOUR_MANIFEST);
  const manifestStat = isFile(manifestPath);
  if (!manifestStat) return `${TOUR_MANIFEST}: missing`;
  if (manifestStat.size > MAX_MANIFEST_BYTES) return `${TOUR_MANIFEST}: ${manifestStat.size} bytes, more than the ${MAX_MANIFEST_BYTES} a tour description may have`;
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
  } catch (error) {
    return `${TOUR_MANIFEST}: not JSON (${(error as Error).message})`;
  }
  const reading = readTour(json);
  if (!reading.ok) return `${TOUR_MANIFEST}: ${describeTourProblems(reading.problems)}`;
  const manifest = reading.tour;
  if (manifest.id !== path.basename(dir)) return `${TOUR_MANIFEST}: id: "${manifest.id}" must be the folder's name, "${path.basename(dir)}"`;

  const files = new Map<string, TourFileEntry>([[TOUR_MANIFEST, { path: manifestPath, size: manifestStat.size }]]);
  const root = fs.realpathSync(dir);
  for (const name of tourFiles(manifest)) {
    const full = path.join(dir, name);
    const stat = isFile(full);
    if (!stat) return `${name}: named in ${TOUR_MANIFEST} but not in the tour folder`;
    // A link out of the folder would serve whatever it points at.
    if (!fs.realpathSync(full).startsWith(root + path.sep)) return `${name}: leads outside the tour folder`;
    files.set(name, { path: full, size: stat.size });
  }
  if (manifest.splat) {
    const problem = splatFileProblem(manifest.splat, readHead(path.join(dir, manifest.splat)));
    if (problem) return `${manifest.splat}: ${problem}`;
  }
  const bytes = [...files.values()].reduce((sum, f) => sum + f.size, 0);
  const summary: TourSummary = {
    id: manifest.id,
    kind: manifest.kind,
    title: manifest.title,
    description: manifest.description,
    viewpoints: manifest.viewpoints.length,
    seats: manifest.plan?.seats.length ?? 0,
    bytes,
  };
  return { manifest, dir, files, summary };
}

/** Loads every tour under `toursDir` (a missing directory is no tours, not an error). */
export function loadTourLibrary(toursDir: string): TourLibrary {
  const tours = new Map<string, Tour>();
  const refused: RefusedTour[] = [];
  const folders = fs.existsSync(toursDir)
    ? fs.readdirSync(toursDir)
        // A folder, or a link to one (an operator may link tours in from elsewhere); its files must then stay inside it.
        .filter((name) => !name.startsWith('.') && (fs.statSync(path.join(toursDir, name), { throwIfNoEntry: false })?.isDirectory() ?? false))
        .sort()
    : [];
  for (const folder of folders) {
    const tour = readTourFolder(path.join(toursDir, folder));
    if (typeof tour === 'string') refused.push({ folder, reason: tour });
    else tours.set(tour.manifest.id, tour);
  }
  return {
    list: () => [...tours.values()].map((t) => t.summary),
    get: (id) => tours.get(id) ?? null,
    refused,
  };
}
