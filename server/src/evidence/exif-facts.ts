// A gallery upload's EXIF capture time and place (issue 15), read from the original bytes as received
// (the stored preview and thumbnail are stripped of metadata). Only the six tags needed are picked from
// the file's first chunk; a file without them, or with a broken EXIF block, simply has none.
import exifr from 'exifr';
import type { ExifFacts } from '../../../protocol/capture.ts';

const TAGS = ['DateTimeOriginal', 'OffsetTimeOriginal', 'GPSLatitude', 'GPSLatitudeRef', 'GPSLongitude', 'GPSLongitudeRef'];

/** null when the file carries neither a capture time nor a position. */
export async function readExifFacts(file: string): Promise<ExifFacts | null> {
  let tags: Record<string, unknown> | undefined;
  try {
    tags = await exifr.parse(file, { pick: TAGS, reviveValues: false, translateValues: false, mergeOutput: true });
  } catch {
    // Not a format exifr knows, or EXIF it cannot read: the photo is kept, without EXIF facts.
    return null;
  }
  if (!tags) return null;
  const time = exifTime(tags.DateTimeOriginal, tags.OffsetTimeOriginal);
  const latitude = coordinate(tags.latitude, 90);
  const longitude = coordinate(tags.longitude, 180);
  const place = latitude !== null && longitude !== null;
  if (time === null && !place) return null;
  return { time, latitude: place ? latitude : null, longitude: place ? longitude : null };
}

/** EXIF's "YYYY:MM:DD HH:MM:SS" (+ "±HH:MM") as ISO 8601; without an offset it is the camera's local time. */
export function exifTime(value: unknown, offset: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(value.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match;
  const local = `${y}-${mo}-${d}T${h}:${mi}:${s}`;
  const zone = typeof offset === 'string' && /^[+-]\d{2}:\d{2}$/.test(offset.trim()) ? offset.trim() : '';
  // A date EXIF writers fill with zeros when they do not know it is no time at all.
  return Number.isFinite(Date.parse(`${local}${zone || 'Z'}`)) ? `${local}${zone}` : null;
}

function coordinate(value: unknown, limit: number): number | null {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= limit ? value : null;
}
