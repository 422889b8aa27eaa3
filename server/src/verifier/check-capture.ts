// When and where each photo was taken (issue 15), re-derived from the bundle's ledger alone: every
// `evidence.added` entry is checked again with the shared checkCapture() against the last
// `case.address-set` before it and the limit its own payload recorded. A stored check that differs from
// the re-derived one is a problem (the entry says something its own facts do not); a flag is a finding,
// reported but not a failure. Entries from before the check existed have no limit to re-derive with.
import { checkCapture, type CaptureCheck, type CaseAddress } from '../../../protocol/capture.ts';
import type { LedgerEntry } from '../../../protocol/http.ts';
import { CaseAddressSetPayload, EvidenceAddedPayload } from '../../../protocol/ledger.ts';
import type { Problem } from './report.ts';

/** One flagged photo: its evidence id, the entry, the check as re-derived and why it is flagged, in words. */
export interface CaptureFinding {
  evidenceId: string;
  seq: number;
  check: CaptureCheck;
  reasons: string[];
}

export interface CaptureSummary {
  /** Photos checked (every `evidence.added` entry whose payload could be read). */
  photos: number;
  flagged: CaptureFinding[];
}

export function checkCaptures(entries: readonly LedgerEntry[], problems: Problem[]): CaptureSummary {
  let address: CaseAddress | null = null;
  let photos = 0;
  const flagged: CaptureFinding[] = [];
  for (const entry of entries) {
    const place = { kind: 'entry' as const, line: null, seq: entry.seq, type: entry.type };
    if (entry.type === 'case.address-set') {
      const parsed = CaseAddressSetPayload.safeParse(entry.payload);
      if (parsed.success) address = parsed.data;
      else problems.push({ place, message: 'its payload is not an address (address, latitude, longitude)' });
      continue;
    }
    if (entry.type !== 'evidence.added') continue;
    const parsed = EvidenceAddedPayload.safeParse(entry.payload);
    // The signature covers the payload; one this schema cannot read (an older server's) has nothing to re-derive.
    if (!parsed.success) continue;
    photos += 1;
    const payload = parsed.data;
    const check = checkCapture({
      source: payload.source,
      deviceTime: payload.deviceTime,
      receivedAt: payload.receivedAt,
      location: payload.location ? { latitude: payload.location.latitude, longitude: payload.location.longitude } : null,
      address: address ? { latitude: address.latitude, longitude: address.longitude } : null,
      maxDistanceM: payload.capture?.maxDistanceM ?? null,
    });
    if (payload.capture && !sameCheck(payload.capture, check)) {
      problems.push({ place, message: `photo ${payload.evidenceId}: the stored when/where check ${describeCheck(payload.capture)} does not match the one re-derived from the ledger ${describeCheck(check)}` });
    }
    if (check.flags.length > 0) flagged.push({ evidenceId: payload.evidenceId, seq: entry.seq, check, reasons: reasonsOf(check, payload.source === 'gallery') });
  }
  return { photos, flagged };
}

/** "taken 10.0 min off the server clock", "taken 50.2 km from the case address", "a gallery upload, not a live capture". */
export function reasonsOf(check: CaptureCheck, gallery = false): string[] {
  return check.flags.map((flag) => {
    if (flag === 'clock-off') {
      const minutes = Math.abs(check.clockSkewMs ?? 0) / 60_000;
      // A gallery file's time is when the file was made, not the phone's clock at upload.
      if (gallery) return `its file time ${minutes.toFixed(1)} min from the upload`;
      return `taken ${minutes.toFixed(1)} min off the server clock (device ${(check.clockSkewMs ?? 0) > 0 ? 'behind' : 'ahead'})`;
    }
    if (flag === 'far-from-address') return `taken ${((check.distanceM ?? 0) / 1000).toFixed(1)} km from the case address (limit ${((check.maxDistanceM ?? 0) / 1000).toFixed(1)} km)`;
    return 'a gallery upload, not a live capture';
  });
}

function sameCheck(a: CaptureCheck, b: CaptureCheck): boolean {
  return a.clockSkewMs === b.clockSkewMs && a.distanceM === b.distanceM && a.maxDistanceM === b.maxDistanceM
    && a.flags.length === b.flags.length && a.flags.every((flag, i) => flag === b.flags[i]);
}

function describeCheck(check: CaptureCheck): string {
  return `(clock skew ${check.clockSkewMs ?? 'none'} ms, distance ${check.distanceM ?? 'none'} m, limit ${check.maxDistanceM ?? 'none'} m, flags ${check.flags.join(', ') || 'none'})`;
}
