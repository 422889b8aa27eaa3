// The MRZ read offline: one tesseract.js worker, created on first use with the English data from the
// @tesseract.js-data/eng package (no network, nothing cached on disk), fed one image at a time, and
// terminated with the server.
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Logger } from 'pino';
import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';
import type { MrzReading } from '../../../protocol/identity.ts';
import { looksLikeMrz, readMrzText, readingScore } from './mrz.ts';
import { mrzCrops } from './mrz-image.ts';

export interface MrzReader {
  /** The best reading of the MRZ across the images (tried in order; stops at one whose check digits all hold); null: none readable. */
  read(images: Buffer[]): Promise<MrzReading | null>;
  /** Terminates the worker (if one was started); a later read starts a new one. */
  stop(): Promise<void>;
}

/** The LSTM-only English data shipped in the npm package (gzip), read from node_modules. */
function langPath(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int');
}

export function createMrzReader(deps: { log: Logger; clock: () => Date }): MrzReader {
  let worker: Promise<Worker> | null = null;
  // One recognition at a time: the worker is single-threaded, and a queue keeps memory bounded.
  let queue: Promise<unknown> = Promise.resolve();

  const start = async (): Promise<Worker> => {
    // No dictionaries: an MRZ is not words, and a dictionary "corrects" names into words.
    const w = await createWorker('eng', OEM.LSTM_ONLY, { langPath: langPath(), gzip: true, cacheMethod: 'none' }, { load_system_dawg: '0', load_freq_dawg: '0' });
    await w.setParameters({
      tessedit_char_whitelist: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<',
      tessedit_pageseg_mode: PSM.SINGLE_BLOCK,
    });
    deps.log.info('MRZ reader started');
    return w;
  };
  const getWorker = (): Promise<Worker> => {
    worker ??= start().catch((err: unknown) => {
      worker = null;
      throw err;
    });
    return worker;
  };

  async function readAll(images: Buffer[]): Promise<MrzReading | null> {
    const w = await getWorker();
    // Held in an object: the closure below improves it, which a `let` would hide from the checks after it.
    const found: { best: MrzReading | null } = { best: null };
    const tryCrop = async (crop: Buffer): Promise<string> => {
      const { data } = await w.recognize(crop);
      const reading = readMrzText(data.text, deps.clock());
      if (reading && (found.best === null || readingScore(reading) > readingScore(found.best))) found.best = reading;
      return data.text;
    };
    for (const image of images) {
      const crops = await mrzCrops(image);
      let filler = false;
      for (const crop of await crops.probes()) {
        filler = looksLikeMrz(await tryCrop(crop)) || filler;
        if (found.best?.valid) return found.best;
      }
      // No MRZ-like line anywhere in the photo: no MRZ to find in it.
      if (!filler) continue;
      for (const crop of await crops.more()) {
        await tryCrop(crop);
        if (found.best?.valid) return found.best;
      }
    }
    return found.best;
  }

  return {
    read(images) {
      const run = queue.then(() => readAll(images));
      queue = run.catch(() => undefined);
      return run;
    },
    async stop() {
      const running = worker;
      worker = null;
      if (running) await (await running).terminate();
    },
  };
}
