// One ledger entry in words, for the report's timeline. Payloads are parsed, never cast: an entry
// whose payload does not have the expected shape is still listed, by its type.
import { z } from 'zod';
import { EvidenceSupersededPayload, RetentionPurgedPayload } from '../../../protocol/corrections.ts';
import { EvidenceNotedPayload } from '../../../protocol/evidence-notes.ts';
import { QualityProblem } from '../../../protocol/checklist.ts';
import type { LedgerEntry } from '../../../protocol/http.ts';
import { AnnotationKind, formatMeasurement } from '../../../protocol/spatial.ts';
import { capitalise, formatMoney, formatTime, SOURCE_LABEL } from './format.ts';

export interface DescribeContext {
  /** The report's number for an evidence id ("Photo 2"), when it shows that photo. */
  photoNumber: (evidenceId: string) => number | undefined;
  /** The title of a checklist item of the case's template, by its id. */
  checklistItem?: (itemId: string) => string | undefined;
  /** A user's name by id, for entries that name another user (a reassignment). */
  userName?: (userId: string) => string | undefined;
}

const CaseCreated = z.object({ title: z.string(), kind: z.string() });
const JoinLinkIssued = z.object({ expiresAt: z.string() });
const Consented = z.object({ recording: z.boolean(), location: z.boolean() });
const JoinLinkSent = z.object({ channel: z.enum(['email', 'sms']), recipient: z.string(), status: z.enum(['sent', 'failed']) });
const CaseUpdated = z.object({ before: z.record(z.string(), z.unknown()), after: z.record(z.string(), z.unknown()) });
const CaseClosed = z.object({ reason: z.string().nullable() });
const CaseAssigned = z.object({ from: z.string(), to: z.string() });
const CASE_FIELD_WORDS: Record<string, string> = { title: 'title', customerName: "customer's name", reference: 'reference' };
const CallEvent = z.object({ detail: z.string().nullish(), earlyFailure: z.boolean().optional() });
const ChatLineAdded = z.object({ text: z.string() });
const EvidenceAdded = z.object({
  evidenceId: z.string(),
  source: z.enum(['device-still', 'video-frame', 'gallery']),
  width: z.number(),
  height: z.number(),
  blurry: z.boolean(),
  layer: z.object({ items: z.array(z.unknown()) }).nullish(),
});
const AnnotationPlaced = z.object({ kind: AnnotationKind, label: z.string().optional(), anchor: z.object({ anchored: z.boolean() }).nullable() });
const AnnotationsCleared = z.object({ ids: z.array(z.string()), all: z.boolean().optional() });
const MeasurementRecorded = z.object({ label: z.string().optional(), distanceM: z.number(), uncertaintyM: z.number() });
const ChecklistCaptured = z.object({ itemId: z.string(), evidenceId: z.string(), accepted: z.boolean(), problems: z.array(QualityProblem) });
const OutcomeRecorded = z.object({
  decision: z.string(),
  amount: z.number().nullable(),
  currency: z.string().nullable(),
  supersedes: z.string().nullable(),
  booking: z.object({ title: z.string(), seat: z.string().optional() }).optional(),
  followUpOn: z.string().optional(),
});

const CALL_WORDS: Record<string, string> = {
  'call.started': 'Call started',
  'call.connected': 'Call connected',
  'call.reconnecting': 'Call reconnecting',
  'call.recovered': 'Call recovered',
  'call.failed': 'Call failed',
  'call.ended': 'Call ended',
};

const CHAT_PREVIEW_CHARS = 90;

/** Text on one line, cut to the chat preview's length. */
const preview = (text: string): string => {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > CHAT_PREVIEW_CHARS ? `${oneLine.slice(0, CHAT_PREVIEW_CHARS - 1)}…` : oneLine;
};

export function describeEntry(entry: LedgerEntry, context: DescribeContext): string {
  const fallback = (): string => capitalise(entry.type.replace(/[._-]+/g, ' '));
  const parse = <T>(schema: z.ZodType<T>): T | null => {
    const parsed = schema.safeParse(entry.payload);
    return parsed.success ? parsed.data : null;
  };

  switch (entry.type) {
    case 'case.created': {
      const p = parse(CaseCreated);
      return p ? `Case created: "${p.title}" (${p.kind})` : fallback();
    }
    case 'case.updated': {
      const p = parse(CaseUpdated);
      if (!p) return fallback();
      const changes = Object.keys(p.after).map((field) => {
        const was = p.before[field];
        const now = p.after[field];
        const word = CASE_FIELD_WORDS[field] ?? field;
        if (now === null || now === '') return `${word} "${String(was)}" removed`;
        return was === null || was === undefined || was === '' ? `${word} set to "${String(now)}"` : `${word} "${String(was)}" changed to "${String(now)}"`;
      });
      return changes.length > 0 ? `Case details: ${changes.join('; ')}` : fallback();
    }
    case 'case.closed': {
      const p = parse(CaseClosed);
      if (!p) return fallback();
      return p.reason ? `Case closed: "${preview(p.reason)}"` : 'Case closed';
    }
    case 'case.reopened':
      return 'Case reopened';
    case 'case.archived':
      return 'Case archived';
    case 'case.unarchived':
      return 'Case taken out of the archive';
    case 'case.assigned': {
      const p = parse(CaseAssigned);
      if (!p) return fallback();
      const name = (id: string) => context.userName?.(id) ?? `assessor ${id}`;
      return `Case reassigned from ${name(p.from)} to ${name(p.to)}`;
    }
    case 'joinlink.issued': {
      const p = parse(JoinLinkIssued);
      return p ? `Join link issued, valid until ${formatTime(p.expiresAt)}` : fallback();
    }
    case 'customer.consented': {
      const p = parse(Consented);
      if (!p) return fallback();
      return `Customer consented to recording${p.location ? ' and to sharing location' : '; location not shared'}`;
    }
    case 'customer.joined':
      return 'Customer joined the session';
    case 'customer.left':
      return 'Customer left the session';
    case 'joinlink.opened':
      return 'Customer opened the join link';
    case 'customer.declined':
      return 'Customer declined on the consent screen; nothing was recorded';
    case 'joinlink.sent': {
      const p = parse(JoinLinkSent);
      if (!p) return fallback();
      const by = p.channel === 'email' ? 'by email' : 'by SMS';
      return p.status === 'sent' ? `Join link sent ${by} to ${p.recipient}` : `Join link not sent ${by} to ${p.recipient} (the ${p.channel === 'email' ? 'mail server' : 'SMS gateway'} refused it)`;
    }
    case 'chat.line': {
      const p = parse(ChatLineAdded);
      if (!p) return fallback();
      return `Chat: "${preview(p.text)}"`;
    }
    case 'evidence.added': {
      const p = parse(EvidenceAdded);
      if (!p) return fallback();
      const number = context.photoNumber(p.evidenceId);
      const name = number !== undefined ? `Photo ${number}` : 'Photo';
      const annotated = p.layer ? `, with ${p.layer.items.length} annotation${p.layer.items.length === 1 ? '' : 's'} drawn over it` : '';
      return `${name} added: ${SOURCE_LABEL[p.source].toLowerCase()}, ${p.width} × ${p.height}${p.blurry ? ', flagged blurry' : ''}${annotated}`;
    }
    case 'annotation.placed': {
      const p = parse(AnnotationPlaced);
      if (!p) return fallback();
      const where = p.anchor === null ? 'on the picture only' : p.anchor.anchored ? 'anchored in the room' : 'placed in the room';
      return `Annotation placed: ${p.kind}${p.label ? ` "${p.label}"` : ''}, ${where}`;
    }
    case 'annotation.cleared': {
      const p = parse(AnnotationsCleared);
      return p ? `${p.ids.length} annotation${p.ids.length === 1 ? '' : 's'} cleared${p.all ? ' (all that were shown)' : ''}` : fallback();
    }
    case 'measurement.recorded': {
      const p = parse(MeasurementRecorded);
      return p ? `Measurement${p.label ? ` "${p.label}"` : ''}: ${formatMeasurement(p.distanceM, p.uncertaintyM)}` : fallback();
    }
    case 'checklist.captured': {
      const p = parse(ChecklistCaptured);
      if (!p) return fallback();
      const number = context.photoNumber(p.evidenceId);
      const photo = number !== undefined ? `Photo ${number}` : 'A photo';
      const item = context.checklistItem?.(p.itemId) ?? p.itemId;
      return p.accepted
        ? `Checklist: ${photo} accepted for "${item}"`
        : `Checklist: ${photo} for "${item}" needs a retake (${p.problems.join(', ')})`;
    }
    case 'outcome.recorded': {
      const p = parse(OutcomeRecorded);
      if (!p) return fallback();
      const amount = p.amount !== null ? `, ${formatMoney(p.amount, p.currency)}` : '';
      const booked = p.booking ? ` ${p.booking.title}${p.booking.seat ? `, seat ${p.booking.seat}` : ''}` : '';
      const followUp = p.followUpOn ? ` on ${p.followUpOn}` : '';
      return `Outcome recorded: ${p.decision}${booked}${followUp}${amount}${p.supersedes ? ' (replaces the earlier decision)' : ''}`;
    }
    case 'evidence.superseded': {
      const p = parse(EvidenceSupersededPayload);
      if (!p) return fallback();
      const photo = (id: string): string => {
        const number = context.photoNumber(id);
        return number !== undefined ? `Photo ${number}` : 'a photo';
      };
      return `${photo(p.evidenceId)} marked superseded${p.replacedBy ? ` by ${photo(p.replacedBy)}` : ''}: ${p.reason}`;
    }
    case 'evidence.noted': {
      const p = parse(EvidenceNotedPayload);
      if (!p) return fallback();
      const number = context.photoNumber(p.evidenceId);
      const caption = p.caption === null ? 'no caption' : `caption "${preview(p.caption)}"`;
      const note = p.note === null ? 'no note' : `note "${preview(p.note)}"`;
      return `${number !== undefined ? `Photo ${number}` : 'A photo'}: ${caption}, ${note}`;
    }
    case 'retention.purged': {
      const p = parse(RetentionPurgedPayload);
      return p ? `Files purged under the retention policy (${p.purgedBlobs.length} files, outcome older than ${p.olderThanDays} days)` : fallback();
    }
  }
  const call = CALL_WORDS[entry.type];
  if (call) {
    const p = parse(CallEvent);
    const early = p?.earlyFailure ? ' within 30 s of its start' : '';
    const detail = p?.detail ? `: ${p.detail}` : '';
    return `${call}${early}${detail}`;
  }
  return fallback();
}
