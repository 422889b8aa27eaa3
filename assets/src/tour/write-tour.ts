// Writes a tour's files into its folder: each file whole or not at all (temp file, fsync, rename),
// and tour.json only once it reads as a whole tour through protocol/tour.ts.
import { mkdir, open, rename } from 'node:fs/promises';
import path from 'node:path';
import { describeTourProblems, readTour, type TourManifest } from '../../../protocol/tour.ts';

export async function writeFileAtomic(file: string, bytes: Uint8Array | string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  const handle = await open(temp, 'w');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, file);
}

/** Checks the manifest as any reader will, then writes it; a tour that does not read is an error here. */
export async function writeManifest(dir: string, manifest: TourManifest): Promise<void> {
  const reading = readTour(JSON.parse(JSON.stringify(manifest)));
  if (!reading.ok) throw new Error(`${manifest.id}/tour.json would not read: ${describeTourProblems(reading.problems)}`);
  await writeFileAtomic(path.join(dir, 'tour.json'), `${JSON.stringify(manifest, null, 1)}\n`);
}
