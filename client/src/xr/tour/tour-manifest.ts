// Reads a tour's `tour.json` through protocol/tour.ts. Apart from three.js on purpose: the customer's
// page reads the manifest while the viewer's code (three.js) is still downloading.
import { readTour, type TourManifest, type TourProblem } from '../../../../protocol/tour.ts';
import { fetchBytes } from './fetch-bytes.ts';

export type ManifestReading = { ok: true; tour: TourManifest } | { ok: false; problems: TourProblem[] };

/** Reads `tour.json`; a file that is not JSON or not a whole tour comes back as problems naming the field. */
export async function loadTourManifest(url: string, signal?: AbortSignal): Promise<ManifestReading> {
  const bytes = await fetchBytes(url, 'tour.json', () => {}, signal);
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    return { ok: false, problems: [{ path: '(the whole file)', message: `not JSON: ${(error as Error).message}` }] };
  }
  return readTour(json);
}
