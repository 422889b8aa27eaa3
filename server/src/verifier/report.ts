// What the verifier found, and how it says so: one VERIFIED or FAILED line first, then details.
import type { CaptureSummary } from './check-capture.ts';

/** Where a problem is: a ledger entry (by its line in ledger.jsonl and its seq), or a file in the zip. */
export type Place =
  | { kind: 'entry'; line: number | null; seq: number | null; type: string | null }
  | { kind: 'file'; path: string };

export interface Problem {
  place: Place;
  message: string;
}

/** Format 3: a key of the bundle and how it is trusted. */
export interface KeyLine {
  keyId: string;
  createdAt: string;
  how: string;
}

export interface BundleReport {
  ok: boolean;
  caseId: string | null;
  entries: number;
  blobs: number;
  blobBytes: number;
  headHash: string | null;
  keyId: string | null;
  /** Where the key the signatures were checked with came from. */
  key: { source: 'bundle' } | { source: 'trusted'; trustedAs: string };
  /** Format 3: every key the manifest lists (ledgerKeys), oldest first. */
  keys?: KeyLine[];
  /** When and where each photo was taken, re-derived from the ledger: the flagged photos are findings, not failures. */
  captures?: CaptureSummary;
  /** In the order the checks ran; the first one is the first thing wrong. */
  problems: Problem[];
}

export const fileProblem = (path: string, message: string): Problem => ({ place: { kind: 'file', path }, message });

export function describePlace(place: Place): string {
  if (place.kind === 'file') return place.path;
  const what = [place.seq !== null ? `seq ${place.seq}` : null, place.type].filter((part) => part !== null).join(', ');
  const line = place.line !== null ? ` at ledger.jsonl line ${place.line}` : '';
  return `ledger entry${what ? ` (${what})` : ''}${line}`;
}

const MAX_LISTED = 20;

export function formatReport(report: BundleReport): string {
  const lines: string[] = [];
  const [first, ...rest] = report.problems;
  if (report.ok || !first) {
    lines.push(
      `VERIFIED: case ${report.caseId} — ${report.entries} ledger entries (seq 1–${report.entries}), ${report.blobs} blobs ` +
        `(${report.blobBytes} bytes), head hash ${report.headHash}, signed by Ed25519 key ${report.keyId}`,
    );
  } else {
    lines.push(`FAILED: ${describePlace(first.place)}: ${first.message}`);
    if (rest.length > 0) lines.push(`${rest.length} more problem${rest.length === 1 ? '' : 's'}:`);
    for (const problem of rest.slice(0, MAX_LISTED)) lines.push(`  - ${describePlace(problem.place)}: ${problem.message}`);
    if (rest.length > MAX_LISTED) lines.push(`  … and ${rest.length - MAX_LISTED} more`);
    lines.push(`Checked: case ${report.caseId ?? '(unknown)'}, ${report.entries} ledger entries, ${report.blobs} blobs, key ${report.keyId ?? '(unusable)'}.`);
  }
  if (report.captures && report.captures.photos > 0) lines.push(...captureLines(report.captures));
  if (report.keys && report.keys.length > 0) {
    lines.push('Ledger keys (each entry names the key that signed it):');
    for (const key of report.keys) lines.push(`  ${key.keyId} (created ${key.createdAt}): ${key.how}`);
  }
  lines.push(
    report.key.source === 'trusted'
      ? `Key: checked against the key you trust (${report.key.trustedAs}).`
      : 'Key: NOT checked against a key you trust — it was taken from the bundle itself (public-key.pem), which shows ' +
          'the bundle is internally consistent, not who signed it. Pass --key <pem file> or --key-id <id> with the ' +
          "server's published key (/.well-known/sightline-ledger-key.pem).",
  );
  return `${lines.join('\n')}\n`;
}

/** "When and where: 2 of 5 photos flagged (findings, not failures):" and a line per flagged photo. */
function captureLines({ photos, flagged }: CaptureSummary): string[] {
  const of = `${photos} photo${photos === 1 ? '' : 's'}`;
  if (flagged.length === 0) return [`When and where: none of the ${of} is flagged.`];
  const lines = [`When and where: ${flagged.length} of ${of} flagged (findings, not failures):`];
  // Every one: an auditor reads the list, not a sample of it.
  for (const finding of flagged) lines.push(`  photo ${finding.evidenceId} (seq ${finding.seq}): ${finding.reasons.join('; ')}`);
  return lines;
}
