// One ledger entry in words, for the report's timeline. Payloads are parsed with the contract's
// schemas (protocol/ledger.ts), never cast: an entry of a kind it lacks, or whose payload does not fit
// its kind, is still listed, by its type.
import type { LedgerEntry } from '../../../protocol/http.ts';
import { knownLedgerEntry, type KnownLedgerEntry } from '../../../protocol/ledger.ts';
import type { CustomerMode } from '../../../protocol/messages.ts';
import { formatMeasurement } from '../../../protocol/spatial.ts';
import { capitalise, formatMoney, formatTime, SOURCE_LABEL } from './format.ts';

export interface DescribeContext {
  /** The report's number for an evidence id ("Photo 2"), when it shows that photo. */
  photoNumber: (evidenceId: string) => number | undefined;
  /** The title of a checklist item of the case's template, by its id. */
  checklistItem?: (itemId: string) => string | undefined;
  /** A user's name by id, for entries that name another user (a reassignment). */
  userName?: (userId: string) => string | undefined;
}

const CASE_FIELD_WORDS: Record<string, string> = { title: 'title', customerName: "customer's name", reference: 'reference' };

const CALL_WORDS = {
  'call.started': 'Call started',
  'call.connected': 'Call connected',
  'call.reconnecting': 'Call reconnecting',
  'call.recovered': 'Call recovered',
  'call.failed': 'Call failed',
  'call.ended': 'Call ended',
} as const;

const MODE_WORDS: Record<CustomerMode, string> = { ar: 'AR', overlay: 'the 3D overlay', camera: 'video', voice: 'voice', text: 'text chat' };
const PARTICIPANT_MODE_WORDS = { full: ' with video and chat', listen: ', listening silently', whisper: ', whispering to the assessor only', barge: ', speaking to everyone' } as const;

const CHAT_PREVIEW_CHARS = 90;

/** Text on one line, cut to the chat preview's length. */
const preview = (text: string): string => {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > CHAT_PREVIEW_CHARS ? `${oneLine.slice(0, CHAT_PREVIEW_CHARS - 1)}…` : oneLine;
};

export function describeEntry(entry: LedgerEntry, context: DescribeContext): string {
  const known = knownLedgerEntry(entry);
  return (known && describeKnown(known, context)) ?? capitalise(entry.type.replace(/[._-]+/g, ' '));
}

const DOCUMENT_WORDS = { passport: 'a passport', 'id-card': 'an ID card', 'driving-licence': 'a driving licence' } as const;

/** The entry in words; null when its payload says too little to say more than its type. */
function describeKnown(entry: KnownLedgerEntry, context: DescribeContext): string | null {
  const assessor = (id: string): string => context.userName?.(id) ?? `assessor ${id}`;
  const photo = (evidenceId: string, none: string): string => {
    const number = context.photoNumber(evidenceId);
    return number !== undefined ? `Photo ${number}` : none;
  };
  switch (entry.type) {
    case 'case.created': {
      const p = entry.payload;
      return `Case created: "${p.title}" (${p.kind})`;
    }
    case 'case.updated': {
      const p = entry.payload;
      const changes = Object.keys(p.after).map((field) => {
        const was = p.before[field];
        const now = p.after[field];
        const word = CASE_FIELD_WORDS[field] ?? field;
        if (now === null || now === '') return `${word} "${String(was)}" removed`;
        return was === null || was === undefined || was === '' ? `${word} set to "${String(now)}"` : `${word} "${String(was)}" changed to "${String(now)}"`;
      });
      return changes.length > 0 ? `Case details: ${changes.join('; ')}` : null;
    }
    case 'case.closed':
      return entry.payload.reason ? `Case closed: "${preview(entry.payload.reason)}"` : 'Case closed';
    case 'case.reopened':
      return 'Case reopened';
    case 'case.archived':
      return 'Case archived';
    case 'case.unarchived':
      return 'Case taken out of the archive';
    case 'case.assigned': {
      const name = (id: string) => context.userName?.(id) ?? `assessor ${id}`;
      if (entry.payload.from === null) return `Case taken from the queue by ${name(entry.payload.to)}`;
      return `Case reassigned from ${name(entry.payload.from)} to ${name(entry.payload.to)}`;
    }
    case 'joinlink.issued':
      return `Join link issued, valid until ${formatTime(entry.payload.expiresAt)}`;
    case 'customer.consented':
      return `Customer consented to recording${entry.payload.location ? ' and to sharing location' : '; location not shared'}`;
    case 'customer.joined':
      return 'Customer joined the session';
    case 'customer.left':
      return 'Customer left the session';
    case 'joinlink.opened':
      return 'Customer opened the join link';
    case 'customer.declined':
      return 'Customer declined on the consent screen; nothing was recorded';
    case 'joinlink.sent': {
      const p = entry.payload;
      const by = p.channel === 'email' ? 'by email' : 'by SMS';
      return p.status === 'sent' ? `Join link sent ${by} to ${p.recipient}` : `Join link not sent ${by} to ${p.recipient} (the ${p.channel === 'email' ? 'mail server' : 'SMS gateway'} refused it)`;
    }
    case 'call.started':
    case 'call.connected':
    case 'call.reconnecting':
    case 'call.recovered':
    case 'call.failed':
    case 'call.ended': {
      const early = entry.payload.earlyFailure ? ' within 30 s of its start' : '';
      const detail = entry.payload.detail ? `: ${entry.payload.detail}` : '';
      return `${CALL_WORDS[entry.type]}${early}${detail}`;
    }
    case 'chat.line':
      return `Chat: "${preview(entry.payload.text)}"`;
    case 'evidence.added': {
      const p = entry.payload;
      const annotated = p.layer ? `, with ${p.layer.items.length} annotation${p.layer.items.length === 1 ? '' : 's'} drawn over it` : '';
      return `${photo(p.evidenceId, 'Photo')} added: ${SOURCE_LABEL[p.source].toLowerCase()}, ${p.width} × ${p.height}${p.blurry ? ', flagged blurry' : ''}${annotated}`;
    }
    case 'annotation.placed': {
      const p = entry.payload;
      const where = p.anchor === null ? 'on the picture only' : p.anchor.anchored ? 'anchored in the room' : 'placed in the room';
      return `Annotation placed: ${p.kind}${p.label ? ` "${p.label}"` : ''}, ${where}`;
    }
    case 'annotation.cleared': {
      const p = entry.payload;
      return `${p.ids.length} annotation${p.ids.length === 1 ? '' : 's'} cleared${p.all ? ' (all that were shown)' : ''}`;
    }
    case 'measurement.recorded': {
      const p = entry.payload;
      return `Measurement${p.label ? ` "${p.label}"` : ''}: ${formatMeasurement(p.distanceM, p.uncertaintyM)}`;
    }
    case 'checklist.captured': {
      const p = entry.payload;
      const item = context.checklistItem?.(p.itemId) ?? p.itemId;
      return p.accepted
        ? `Checklist: ${photo(p.evidenceId, 'A photo')} accepted for "${item}"`
        : `Checklist: ${photo(p.evidenceId, 'A photo')} for "${item}" needs a retake (${p.problems.join(', ')})`;
    }
    case 'outcome.recorded': {
      const p = entry.payload;
      const amount = p.amount !== null ? `, ${formatMoney(p.amount, p.currency)}` : '';
      const booked = p.booking ? ` ${p.booking.title}${p.booking.seat ? `, seat ${p.booking.seat}` : ''}` : '';
      const followUp = p.followUpOn ? ` on ${p.followUpOn}` : '';
      return `Outcome recorded: ${p.decision}${booked}${followUp}${amount}${p.supersedes ? ' (replaces the earlier decision)' : ''}`;
    }
    case 'evidence.superseded': {
      const p = entry.payload;
      return `${photo(p.evidenceId, 'a photo')} marked superseded${p.replacedBy ? ` by ${photo(p.replacedBy, 'a photo')}` : ''}: ${p.reason}`;
    }
    case 'evidence.noted': {
      const p = entry.payload;
      const caption = p.caption === null ? 'no caption' : `caption "${preview(p.caption)}"`;
      const note = p.note === null ? 'no note' : `note "${preview(p.note)}"`;
      return `${photo(p.evidenceId, 'A photo')}: ${caption}, ${note}`;
    }
    case 'retention.purged': {
      const p = entry.payload;
      return `Files purged under the retention policy (${p.purgedBlobs.length} files, outcome older than ${p.olderThanDays} days)`;
    }
    case 'retention.legal-hold': {
      const p = entry.payload;
      return `Legal hold ${p.status === 'on' ? 'put on' : 'lifted from'} the case's files (${p.blobs} files)${p.reason ? `: ${p.reason}` : ''}`;
    }
    case 'queue.entered': {
      const p = entry.payload;
      return p.requeuedFrom ? `Put back at the head of the queue for ${p.channel} after a disconnect` : `Entered the queue for ${p.channel}, priority ${p.priority}`;
    }
    case 'queue.offered':
      return `Offered to ${assessor(entry.payload.assessorId)}: ${entry.payload.reason}`;
    case 'queue.declined':
      if (entry.payload.why === 'withdrawn') return `The transfer offered to ${assessor(entry.payload.assessorId)} was withdrawn`;
      return `${capitalise(assessor(entry.payload.assessorId))} ${entry.payload.why === 'declined' ? 'declined the offer' : 'let the offer time out'}`;
    case 'queue.assigned':
      return `Accepted by ${assessor(entry.payload.assessorId)} after ${Math.round(entry.payload.waitedMs / 1000)} s in the queue`;
    case 'agent.answered': {
      const p = entry.payload;
      const handOff = p.handOff === 'offered' ? '; a person offered' : p.handOff === 'needed' ? '; not answered, passed to a person' : '';
      return `Digital assistant asked "${preview(p.question)}" (${p.source === 'none' ? 'no answer' : p.source}${handOff})`;
    }
    case 'agent.handed-off':
      return `Digital assistant handed over to a person: ${preview(entry.payload.reason)}`;
    case 'intake.received': {
      const p = entry.payload;
      return `Customer arrived at the front door (${p.service}, ${p.channel}${p.existingCase ? ', an existing case' : ''}): "${preview(p.intent)}"`;
    }
    case 'queue.left':
      return `Customer left the queue after ${Math.round(entry.payload.waitedMs / 1000)} s`;
    case 'queue.callback-requested':
      return `Customer asked to be called back${entry.payload.note ? ` (${preview(entry.payload.note)})` : ''}; their place is kept`;
    case 'survey.answered': {
      const p = entry.payload;
      return `Customer rated the session ${p.score} of 5${p.comment ? `: "${preview(p.comment)}"` : ''}`;
    }
    case 'session.wrapped-up': {
      const p = entry.payload;
      return `Session wrapped up: ${preview(p.disposition)}${p.notes ? ` (${preview(p.notes)})` : ''}`;
    }
    case 'channel.proposed': {
      const p = entry.payload;
      return `Assessor asked to switch from ${MODE_WORDS[p.from]} to ${MODE_WORDS[p.to]}${p.reason ? `: "${preview(p.reason)}"` : ''}`;
    }
    case 'channel.answered':
      return entry.payload.accepted ? 'Customer agreed to the switch' : 'Customer declined the switch; the session stays as it was';
    case 'channel.switched':
      return `Session moved from ${MODE_WORDS[entry.payload.from]} to ${MODE_WORDS[entry.payload.to]}${entry.payload.proposalId ? ' (as agreed)' : ' (the customer\'s choice)'}`;
    case 'queue.transferred': {
      const p = entry.payload;
      const target = p.to === null ? 'the queue' : assessor(p.to);
      return `${capitalise(assessor(p.from))} transferred the session ${p.mode === 'warm' ? 'warm' : 'cold'} to ${target}${p.note ? `: "${preview(p.note)}"` : ''}`;
    }
    case 'participant.joined':
      return `${capitalise(assessor(entry.payload.userId))} (${entry.payload.role}) joined the session${PARTICIPANT_MODE_WORDS[entry.payload.mode]}`;
    case 'participant.mode-changed':
      return `${capitalise(assessor(entry.payload.userId))} (${entry.payload.role}) now${PARTICIPANT_MODE_WORDS[entry.payload.mode]}`;
    case 'participant.left':
      return `${capitalise(assessor(entry.payload.userId))} left the session`;
    case 'case.address-set': {
      const p = entry.payload;
      return `Case address set: ${p.address ? `${p.address} ` : ''}(${p.latitude.toFixed(5)}, ${p.longitude.toFixed(5)})`;
    }
    case 'identity.requested':
      return `Identity check requested (${DOCUMENT_WORDS[entry.payload.document]} and a selfie)`;
    case 'identity.submitted': {
      const mrz = entry.payload.mrz;
      const read = mrz === null ? 'no machine-readable zone read' : `machine-readable zone read, check digits ${mrz.valid ? 'valid' : 'NOT valid'}`;
      return `Customer sent the identity photos (${read})`;
    }
    case 'identity.checked':
      return `Identity check ${entry.payload.result}: "${preview(entry.payload.reason)}"`;
    case 'identity.cancelled':
      return `Identity check withdrawn: "${preview(entry.payload.reason)}"`;
    case 'identity.code-sent':
      return `Identity code sent by ${entry.payload.channel} to ${entry.payload.recipient} (${entry.payload.status})`;
    case 'identity.code-confirmed':
      return 'Customer confirmed the identity code sent to the contact on file';
    case 'offer.made': {
      const p = entry.payload;
      return `Settlement offered: ${formatMoney(p.amount, p.currency)}, valid until ${formatTime(p.expiresAt)}${p.supersedes ? ' (replaces the earlier offer)' : ''}`;
    }
    case 'offer.code-sent':
      return `Confirmation code sent by ${entry.payload.channel} to ${entry.payload.recipient} (${entry.payload.status})`;
    case 'offer.accepted':
      return `Customer accepted the settlement offer (confirmed by ${entry.payload.confirmedWith === 'code' ? 'one-time code' : 'identity check'}; receipt ${entry.payload.receiptCode})`;
    case 'offer.declined':
      return `Customer declined the settlement offer: "${preview(entry.payload.reason)}" (receipt ${entry.payload.receiptCode})`;
    case 'recording.started':
    case 'recording.chunk':
    case 'recording.sealed':
    case 'tour.activity':
      return null;
  }
}
