// Capture that proves when and where (issue 15): the checks a photo's device clock and position get
// against the server's clock and the case's address. One function, so the server that raises the flags,
// the console that shows them and the offline verifier that re-derives them from the ledger agree.
import { z } from 'zod';
import { text } from './text.ts';

/** A device clock more than this far from the server's at upload is flagged. */
export const CLOCK_TOLERANCE_MS = 5 * 60_000;

/**
 * `clock-off`: the device's clock was more than 5 minutes from the server's; `far-from-address`: taken
 * farther from the case's address than the organisation allows; `not-live`: a gallery upload, not a
 * live capture (its EXIF time and place, when present, are beside it).
 */
export const CaptureFlag = z.enum(['clock-off', 'far-from-address', 'not-live']);
export type CaptureFlag = z.infer<typeof CaptureFlag>;

/** The address a case was assessed against: words for people, a coordinate for the distance. */
export const CaseAddress = z.object({
  address: text().trim().min(1).max(500).nullable(),
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
});
export type CaseAddress = z.infer<typeof CaseAddress>;

/** What the server found when the photo arrived; kept with the photo and in its ledger entry. */
export const CaptureCheck = z.object({
  /** receivedAt − deviceTime in ms; null: the device sent no clock. */
  clockSkewMs: z.number().nullable(),
  /** Metres from the case's address; null: no position or no address. */
  distanceM: z.number().nullable(),
  /** The organisation's limit when the photo arrived (metres). */
  maxDistanceM: z.number().nullable(),
  flags: z.array(CaptureFlag),
});
export type CaptureCheck = z.infer<typeof CaptureCheck>;

/** Great-circle distance in metres (haversine on a 6,371,008.8 m sphere: within 0.5 % of WGS-84). */
export function distanceMetres(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface CaptureFacts {
  source: 'device-still' | 'video-frame' | 'gallery';
  deviceTime: string | null;
  receivedAt: string;
  location: { latitude: number; longitude: number } | null;
  address: { latitude: number; longitude: number } | null;
  maxDistanceM: number | null;
}

/** The check for one photo: the same answer on the server, in the console and in the verifier. */
export function checkCapture(facts: CaptureFacts): CaptureCheck {
  const device = facts.deviceTime === null ? Number.NaN : Date.parse(facts.deviceTime);
  const clockSkewMs = Number.isFinite(device) ? Date.parse(facts.receivedAt) - device : null;
  const distanceM = facts.location && facts.address ? Math.round(distanceMetres(facts.location, facts.address)) : null;
  const flags: CaptureFlag[] = [];
  if (clockSkewMs !== null && Math.abs(clockSkewMs) > CLOCK_TOLERANCE_MS) flags.push('clock-off');
  if (distanceM !== null && facts.maxDistanceM !== null && distanceM > facts.maxDistanceM) flags.push('far-from-address');
  if (facts.source === 'gallery') flags.push('not-live');
  return { clockSkewMs, distanceM, maxDistanceM: facts.maxDistanceM, flags };
}

/** A gallery upload's EXIF capture time and place, when the file carried them. */
export const ExifFacts = z.object({
  time: text().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
});
export type ExifFacts = z.infer<typeof ExifFacts>;
