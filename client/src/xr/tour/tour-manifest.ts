// Reads a tour's `tour.json` through protocol/tour.ts. Apart from three.js on purpose: the customer's
// page reads the manifest while the viewer's code (three.js) is still downloading. The problems of a
// broken one are worded in the page's language: zod's own messages from zod's locale for it (fetched
// only then), the validator's sentences from the `tour` namespace (`problem.*`); field paths as they are.
import type { z } from 'zod';
import { readTour, type TourManifest, type TourProblem } from '../../../../protocol/tour.ts';
import { i18next } from '../../i18n/i18n.ts';
import { fetchBytes } from './fetch-bytes.ts';

export type ManifestReading = { ok: true; tour: TourManifest } | { ok: false; problems: TourProblem[] };

/** zod's messages per page language other than English (which zod speaks by default); as ZOD_LOCALES in server/src/http/validate.ts. */
const ZOD_LOCALES: Readonly<Record<string, () => Promise<{ default: () => { localeError: z.core.$ZodErrorMap } }>>> = {
  'zh-CN': () => import('zod/v4/locales/zh-CN.js'),
};

/** Reads a parsed `tour.json` as readTour does, the problems in `language` (the page's). */
export async function readTourIn(json: unknown, language: string): Promise<ManifestReading> {
  const reading = readTour(json);
  if (reading.ok) return reading;
  const locale = ZOD_LOCALES[language];
  const again = locale ? readTour(json, (await locale()).default().localeError) : reading;
  const problems = again.ok ? reading.problems : again.problems;
  return { ok: false, problems: problems.map((p) => wordedIn(p, language)) };
}

/** A problem's message in `language` when it is the validator's own sentence; zod's as they came. */
export function wordedIn(problem: TourProblem, language: string): TourProblem {
  if (!problem.words) return problem;
  return { ...problem, message: i18next.getFixedT(language, 'tour')(`problem.${problem.words.key}`, problem.words.values) };
}

/** Reads `tour.json`; a file that is not JSON or not a whole tour comes back as problems naming the field. */
export async function loadTourManifest(url: string, signal?: AbortSignal): Promise<ManifestReading> {
  const bytes = await fetchBytes(url, 'tour.json', () => {}, signal);
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    const reason = (error as Error).message;
    const problem: TourProblem = { path: '(the whole file)', message: `not JSON: ${reason}`, words: { key: 'notJson', values: { reason } } };
    return { ok: false, problems: [wordedIn(problem, i18next.language)] };
  }
  return readTourIn(json, i18next.language);
}
