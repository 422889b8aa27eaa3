// The identity checks: the document asked for, what its machine-readable zone said (the number redacted to
// its last four characters), whether the check digits hold, whether a one-time code was confirmed, the
// decision (or the withdrawal) and its reason, and the selfie's thumbnail. The document photos are never drawn: they show the full number (the evidence bundle keeps them).
import { redactDocumentNumber, type IdentityDocument, type MrzReading } from '../../../../protocol/identity.ts';
import { knownLedgerEntry } from '../../../../protocol/ledger.ts';
import type { LedgerEntry } from '../../../../protocol/http.ts';
import { inset } from '../geometry.ts';
import type { ReportWords } from '../format.ts';
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
  pen.heading(pen.words.say('identity.heading'), { keepWith: 120 });
  pen.paragraph(pen.words.say('identity.intro'), { size: SIZE.small, colour: COLOUR.muted });
  for (const check of checks) {
    if (!(await deps.ready())) return;
    const thumbnail: PreviewImage | null = check.selfieThumbnailSha256 ? await deps.readPreview(check.selfieThumbnailSha256) : null;
    drawCheck(pen, check, thumbnail, generatedAt);
  }
}

function statusOf(words: ReportWords, check: ReportIdentityCheck): { text: string; colour: string } {
  const { say } = words;
  if (check.result === 'passed') return { text: say('identity.passed'), colour: COLOUR.ok };
  if (check.result === 'failed') return { text: say('identity.failed'), colour: COLOUR.bad };
  if (check.withdrawn) return { text: say('identity.withdrawn', { time: words.time(check.withdrawn.at), reason: check.withdrawn.reason }), colour: COLOUR.muted };
  return check.submittedAt ? { text: say('identity.sentNotDecided'), colour: COLOUR.warn } : { text: say('identity.requested'), colour: COLOUR.muted };
}

function drawCheck(pen: Pen, check: ReportIdentityCheck, thumbnail: PreviewImage | null, generatedAt: string): void {
  const { doc, left, width, words } = pen;
  const { say } = words;
  pen.ensureSpace(THUMB.height + 40);
  const top = doc.y + 4;
  const frame = { x: left, y: top, ...THUMB };
  doc.save().rect(frame.x, frame.y, frame.width, frame.height).fill(COLOUR.panel).restore();
  if (thumbnail?.ok) {
    const box = inset(frame, 2);
    doc.image(thumbnail.bytes, box.x, box.y, { fit: [box.width, box.height], align: 'center', valign: 'center' });
  } else {
    pen.text(say(thumbnail === null ? 'identity.noSelfie' : 'identity.selfieNotAvailable'), frame.x, frame.y + frame.height / 2 - 4, { width: frame.width, align: 'center', style: { size: SIZE.label, colour: COLOUR.faint } });
  }
  pen.text(say('identity.selfie'), frame.x, frame.y + frame.height + 2, { width: frame.width, align: 'center', style: { size: SIZE.label, colour: COLOUR.muted } });

  const x = left + THUMB.width + 14;
  const textWidth = width - THUMB.width - 14;
  const status = statusOf(words, check);
  const title = say('identity.title', { document: say(`identity.document.${check.document}`), time: words.time(check.requestedAt) });
  let y = pen.text(title, x, top, { width: textWidth, style: { font: 'bold', size: SIZE.body } });
  y = pen.text(status.text, x, y + 1, { width: textWidth, style: { font: 'bold', size: SIZE.small, colour: status.colour } });
  if (check.result) {
    y = pen.text(say('identity.reason', { reason: check.reason ?? '' }), x, y + 1, { width: textWidth, style: { size: SIZE.small } });
    const decided = { name: check.decidedBy ?? say('identity.unknown'), time: check.decidedAt ? words.time(check.decidedAt) : '—' };
    y = pen.text(say('identity.decidedBy', decided), x, y + 1, { width: textWidth, style: { size: SIZE.small, colour: COLOUR.muted } });
  }
  if (check.code) {
    const code = check.code.confirmedAt
      ? say('identity.codeConfirmed', { recipient: check.code.sentTo, time: words.time(check.code.confirmedAt) })
      : say('identity.codeNotConfirmed', { recipient: check.code.sentTo });
    y = pen.text(code, x, y + 1, { width: textWidth, style: { size: SIZE.small, colour: check.code.confirmedAt ? COLOUR.ok : COLOUR.warn } });
  }
  y = pen.text(mrzSummary(words, check, generatedAt), x, y + 3, { width: textWidth, style: { size: SIZE.small } });
  doc.y = Math.max(y, frame.y + frame.height + 12) + 8;
}

function mrzSummary(words: ReportWords, check: ReportIdentityCheck, generatedAt: string): string {
  const { say } = words;
  if (!check.submittedAt) return say('identity.noPhotos');
  const m = check.mrz;
  if (!m) return say('identity.noMrz');
  const unreadable = say('identity.unreadable');
  const name = [m.givenNames, m.surname].filter(Boolean).join(' ') || unreadable;
  const expiry = m.expiryDate === null ? unreadable
    : m.expiryDate < generatedAt.slice(0, 10) ? say('identity.expired', { date: words.date(m.expiryDate) }) : words.date(m.expiryDate);
  const digits = m.checkDigits;
  const valid = (holds: boolean): string => say(holds ? 'identity.valid' : 'identity.notValid');
  const checks = { number: valid(digits.documentNumber), birth: valid(digits.birthDate), expiry: valid(digits.expiryDate), all: say(m.valid ? 'identity.allValid' : 'identity.notAllValid') };
  return [
    say('identity.mrz', { format: m.format, name, number: m.documentNumber ?? unreadable, nationality: m.nationality ?? unreadable, expiry }),
    digits.composite === null ? say('identity.digits', checks) : say('identity.digitsComposite', { ...checks, composite: valid(digits.composite) }),
  ].join(' ');
}
