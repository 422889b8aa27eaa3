// The identity checks: the document asked for, what its machine-readable zone said (the number redacted to
// its last four characters), whether the check digits hold, whether a one-time code was confirmed, the
// decision (or the withdrawal) and its reason, and the selfie's thumbnail. The document photos are never drawn: they show the full number (the evidence bundle keeps them).
import { redactDocumentNumber, type IdentityDocument, type MrzReading } from '../../../../protocol/identity.ts';
import { knownLedgerEntry } from '../../../../protocol/ledger.ts';
import type { LedgerEntry } from '../../../../protocol/http.ts';
import { inset } from '../geometry.ts';
import { formatTime } from '../format.ts';
import { COLOUR, SIZE, type Pen } from '../report-layout.ts';
import type { EvidenceDeps, PreviewImage } from './evidence.ts';

/** One identity check as the report shows it, folded from its ledger entries. */
export interface ReportIdentityCheck {
  checkId: string;
  document: IdentityDocument;
  requestedAt: string;
  submittedAt: string | null;
  /** The reading with the document number already redacted and no MRZ lines (they carry the number). */
  mrz: Omit<MrzReading, 'lines'> | null;
  /** The selfie's thumbnail, as its evidence.added entry signs for it; null when none was sent. */
  selfieThumbnailSha256: string | null;
  result: 'passed' | 'failed' | null;
  reason: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  /** The one-time code sent for the check (masked recipient of the latest send), and when it was confirmed; null: none sent. */
  code: { sentTo: string; confirmedAt: string | null } | null;
  /** Withdrawn by the assessor before a decision. */
  withdrawn: { reason: string; at: string } | null;
}

const DOCUMENT_LABEL: Record<IdentityDocument, string> = { passport: 'Passport', 'id-card': 'ID card', 'driving-licence': 'Driving licence' };
const THUMB = { width: 96, height: 96 };

/** The case's identity checks from its ledger, oldest first. Pure. */
export function reportIdentityChecks(entries: readonly LedgerEntry[], userName: (id: string) => string | undefined): ReportIdentityCheck[] {
  const checks = new Map<string, ReportIdentityCheck>();
  const thumbnails = new Map<string, string>();
  for (const entry of entries) {
    const known = knownLedgerEntry(entry);
    if (known?.type === 'evidence.added' && entry.blobs.includes(known.payload.thumbnailSha256)) {
      thumbnails.set(known.payload.evidenceId, known.payload.thumbnailSha256);
    } else if (known?.type === 'identity.requested') {
      checks.set(known.payload.checkId, {
        checkId: known.payload.checkId, document: known.payload.document, requestedAt: entry.at, submittedAt: null, mrz: null,
        selfieThumbnailSha256: null, result: null, reason: null, decidedBy: null, decidedAt: null, code: null, withdrawn: null,
      });
    } else if (known?.type === 'identity.code-sent') {
      const check = checks.get(known.payload.checkId);
      if (check) check.code = { sentTo: known.payload.recipient, confirmedAt: check.code?.confirmedAt ?? null };
    } else if (known?.type === 'identity.code-confirmed') {
      const check = checks.get(known.payload.checkId);
      if (check?.code) check.code.confirmedAt = entry.at;
    } else if (known?.type === 'identity.cancelled') {
      const check = checks.get(known.payload.checkId);
      if (check) check.withdrawn = { reason: known.payload.reason, at: entry.at };
    } else if (known?.type === 'identity.submitted') {
      const check = checks.get(known.payload.checkId);
      if (!check) continue;
      check.submittedAt = entry.at;
      check.selfieThumbnailSha256 = thumbnails.get(known.payload.selfieEvidenceId) ?? null;
      const mrz = known.payload.mrz;
      if (mrz) {
        const { lines: _lines, ...fields } = mrz;
        check.mrz = { ...fields, documentNumber: mrz.documentNumber === null ? null : redactDocumentNumber(mrz.documentNumber) };
      }
    } else if (known?.type === 'identity.checked') {
      const check = checks.get(known.payload.checkId);
      if (!check) continue;
      check.result = known.payload.result;
      check.reason = known.payload.reason;
      check.decidedAt = entry.at;
      check.decidedBy = entry.actor.type === 'assessor' ? (userName(entry.actor.id) ?? entry.actor.id) : entry.actor.id;
    }
  }
  return [...checks.values()];
}

export async function drawIdentity(pen: Pen, checks: readonly ReportIdentityCheck[], generatedAt: string, deps: EvidenceDeps): Promise<void> {
  if (checks.length === 0) return;
  pen.heading('Identity check', { keepWith: 120 });
  pen.paragraph(
    'The document photos are kept in the evidence bundle and are not printed here: they show the full document number, '
      + 'which this report shows only by its last four characters.',
    { size: SIZE.small, colour: COLOUR.muted },
  );
  for (const check of checks) {
    if (!(await deps.ready())) return;
    const thumbnail: PreviewImage | null = check.selfieThumbnailSha256 ? await deps.readPreview(check.selfieThumbnailSha256) : null;
    drawCheck(pen, check, thumbnail, generatedAt);
  }
}

const yesNo = (holds: boolean): string => (holds ? 'valid' : 'NOT valid');

function statusOf(check: ReportIdentityCheck): { text: string; colour: string } {
  if (check.result === 'passed') return { text: 'Passed', colour: COLOUR.ok };
  if (check.result === 'failed') return { text: 'Failed', colour: COLOUR.bad };
  if (check.withdrawn) return { text: `Withdrawn by the assessor on ${formatTime(check.withdrawn.at)}: ${check.withdrawn.reason}`, colour: COLOUR.muted };
  return check.submittedAt ? { text: 'Photos sent, not decided', colour: COLOUR.warn } : { text: 'Requested, no photos sent', colour: COLOUR.muted };
}

function drawCheck(pen: Pen, check: ReportIdentityCheck, thumbnail: PreviewImage | null, generatedAt: string): void {
  const { doc, left, width } = pen;
  pen.ensureSpace(THUMB.height + 40);
  const top = doc.y + 4;
  const frame = { x: left, y: top, ...THUMB };
  doc.save().rect(frame.x, frame.y, frame.width, frame.height).fill(COLOUR.panel).restore();
  if (thumbnail?.ok) {
    const box = inset(frame, 2);
    doc.image(thumbnail.bytes, box.x, box.y, { fit: [box.width, box.height], align: 'center', valign: 'center' });
  } else {
    pen.text(thumbnail === null ? 'No selfie' : 'Selfie not available', frame.x, frame.y + frame.height / 2 - 4, { width: frame.width, align: 'center', style: { size: SIZE.label, colour: COLOUR.faint } });
  }
  pen.text('Selfie', frame.x, frame.y + frame.height + 2, { width: frame.width, align: 'center', style: { size: SIZE.label, colour: COLOUR.muted } });

  const x = left + THUMB.width + 14;
  const textWidth = width - THUMB.width - 14;
  const status = statusOf(check);
  let y = pen.text(`${DOCUMENT_LABEL[check.document]} and a selfie · requested ${formatTime(check.requestedAt)}`, x, top, { width: textWidth, style: { font: 'bold', size: SIZE.body } });
  y = pen.text(status.text, x, y + 1, { width: textWidth, style: { font: 'bold', size: SIZE.small, colour: status.colour } });
  if (check.result) {
    y = pen.text(`Reason: ${check.reason ?? ''}`, x, y + 1, { width: textWidth, style: { size: SIZE.small } });
    y = pen.text(`Decided by ${check.decidedBy ?? 'unknown'} on ${check.decidedAt ? formatTime(check.decidedAt) : '—'}`, x, y + 1, { width: textWidth, style: { size: SIZE.small, colour: COLOUR.muted } });
  }
  if (check.code) {
    const code = check.code.confirmedAt
      ? `One-time code sent to ${check.code.sentTo}: confirmed by the customer on ${formatTime(check.code.confirmedAt)}.`
      : `One-time code sent to ${check.code.sentTo}: NOT confirmed.`;
    y = pen.text(code, x, y + 1, { width: textWidth, style: { size: SIZE.small, colour: check.code.confirmedAt ? COLOUR.ok : COLOUR.warn } });
  }
  y = pen.text(mrzSummary(check, generatedAt), x, y + 3, { width: textWidth, style: { size: SIZE.small } });
  doc.y = Math.max(y, frame.y + frame.height + 12) + 8;
}

function mrzSummary(check: ReportIdentityCheck, generatedAt: string): string {
  if (!check.submittedAt) return 'No photos yet.';
  const m = check.mrz;
  if (!m) return 'No machine-readable zone could be read from the document photos; the assessor compared them by eye.';
  const name = [m.givenNames, m.surname].filter(Boolean).join(' ') || 'unreadable';
  const expired = m.expiryDate !== null && m.expiryDate < generatedAt.slice(0, 10) ? ' (EXPIRED)' : '';
  const digits = m.checkDigits;
  return [
    `Machine-readable zone (${m.format}): name ${name}; document number ${m.documentNumber ?? 'unreadable'}; nationality ${m.nationality ?? 'unreadable'}; expiry ${m.expiryDate ?? 'unreadable'}${expired}.`,
    `Check digits: number ${yesNo(digits.documentNumber)}, birth date ${yesNo(digits.birthDate)}, expiry ${yesNo(digits.expiryDate)}${digits.composite === null ? '' : `, composite ${yesNo(digits.composite)}`} — ${m.valid ? 'all valid' : 'NOT all valid'}.`,
  ].join(' ');
}
