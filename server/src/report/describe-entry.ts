// One ledger entry in words, for the report's timeline, in the report's language: the entry keeps the
// language-neutral facts, the words come from report.json (`entry.*`). Payloads are parsed with the
// contract's schemas (protocol/ledger.ts), never cast: an entry of a kind it lacks, or whose payload
// does not fit its kind, is still listed, by its type.
import type { LedgerEntry } from '../../../protocol/http.ts';
import { knownLedgerEntry, type KnownLedgerEntry } from '../../../protocol/ledger.ts';
import { offerFactsWords } from '../../../protocol/offer-facts-words.ts';
import { formatMeasurement } from '../../../protocol/spatial.ts';
import { translators } from '../i18n/translate.ts';
import { capitalise, reportWords, type ReportWords } from './format.ts';

export interface DescribeContext {
  /** The report's number for an evidence id ("Photo 2"), when it shows that photo. */
  photoNumber: (evidenceId: string) => number | undefined;
  /** The title of a checklist item of the case's template, by its id. */
  checklistItem?: (itemId: string) => string | undefined;
  /** A user's name by id, for entries that name another user (a reassignment). */
  userName?: (userId: string) => string | undefined;
  /** @default English */
  words?: ReportWords;
}

const CHAT_PREVIEW_CHARS = 90;

/** Text on one line, cut to the chat preview's length. */
const preview = (text: string): string => {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > CHAT_PREVIEW_CHARS ? `${oneLine.slice(0, CHAT_PREVIEW_CHARS - 1)}…` : oneLine;
};

export function describeEntry(entry: LedgerEntry, context: DescribeContext): string {
  const known = knownLedgerEntry(entry);
  return (known && describeKnown(known, context, context.words ?? reportWords())) ?? capitalise(entry.type.replace(/[._-]+/g, ' '));
}

/** The entry in words; null when its payload says too little to say more than its type. */
function describeKnown(entry: KnownLedgerEntry, context: DescribeContext, words: ReportWords): string | null {
  const { say, word } = words;
  const assessor = (id: string): string => context.userName?.(id) ?? say('entry.assessorId', { id });
  const photo = (evidenceId: string, none: 'photoBare' | 'aPhoto' | 'aPhotoCapital'): string => {
    const number = context.photoNumber(evidenceId);
    return number !== undefined ? say('evidence.photo', { number }) : say(`evidence.${none}`);
  };
  switch (entry.type) {
    case 'case.created':
      return say('entry.caseCreated', { title: entry.payload.title, kind: word('entry.caseKind', entry.payload.kind) });
    case 'case.updated': {
      const p = entry.payload;
      const changes = Object.keys(p.after).map((key) => {
        const was = String(p.before[key]);
        const now = p.after[key];
        const field = word('entry.caseField', key);
        if (now === null || now === '') return say('entry.fieldRemoved', { field, was });
        const before = p.before[key];
        return before === null || before === undefined || before === ''
          ? say('entry.fieldSet', { field, now: String(now) })
          : say('entry.fieldChanged', { field, was, now: String(now) });
      });
      return changes.length > 0 ? say('entry.caseDetails', { changes: changes.join(say('format.clause')) }) : null;
    }
    case 'case.closed':
      return entry.payload.reason ? say('entry.caseClosedReason', { reason: preview(entry.payload.reason) }) : say('entry.caseClosed');
    case 'case.reopened':
      return say('entry.caseReopened');
    case 'case.archived':
      return say('entry.caseArchived');
    case 'case.unarchived':
      return say('entry.caseUnarchived');
    case 'case.assigned':
      if (entry.payload.from === null) return say('entry.takenFromQueue', { name: assessor(entry.payload.to) });
      return say('entry.reassigned', { from: assessor(entry.payload.from), to: assessor(entry.payload.to) });
    case 'joinlink.issued':
      return say('entry.linkIssued', { time: words.time(entry.payload.expiresAt) });
    case 'customer.consented':
      return say(entry.payload.location ? 'entry.consentedLocation' : 'entry.consentedNoLocation');
    case 'customer.joined':
      return say('entry.joined');
    case 'customer.left':
      return say('entry.left');
    case 'joinlink.opened':
      return say('entry.linkOpened');
    case 'customer.declined':
      return say('entry.declined');
    case 'joinlink.sent': {
      const p = entry.payload;
      const channel = p.channel === 'email' ? 'Email' : 'Sms';
      return say(p.status === 'sent' ? `entry.linkSent${channel}` : `entry.linkNotSent${channel}`, { recipient: p.recipient });
    }
    case 'call.started':
    case 'call.connected':
    case 'call.reconnecting':
    case 'call.recovered':
    case 'call.failed':
    case 'call.ended': {
      let event = say(`entry.call.${entry.type.slice('call.'.length)}`);
      if (entry.payload.earlyFailure) event = say('entry.callEarly', { event });
      return entry.payload.detail ? say('entry.callDetail', { event, detail: entry.payload.detail }) : event;
    }
    case 'chat.line':
      return say('entry.chat', { text: preview(entry.payload.text) });
    case 'evidence.added': {
      const p = entry.payload;
      const values = { photo: photo(p.evidenceId, 'photoBare'), source: say(`evidence.sourceWord.${p.source}`), width: p.width, height: p.height };
      const blurry = p.blurry ? 'Blurry' : '';
      return p.layer ? say(`entry.photoAdded${blurry}Layer`, { ...values, count: p.layer.items.length }) : say(`entry.photoAdded${blurry}`, values);
    }
    case 'annotation.placed': {
      const p = entry.payload;
      const where = say(p.anchor === null ? 'entry.onPicture' : p.anchor.anchored ? 'entry.anchored' : 'entry.placedInRoom');
      const kind = word('entry.annotationKind', p.kind);
      return p.label ? say('entry.annotationPlacedLabel', { kind, label: p.label, where }) : say('entry.annotationPlaced', { kind, where });
    }
    case 'annotation.cleared':
      return say(entry.payload.all ? 'entry.clearedAll' : 'entry.cleared', { count: entry.payload.ids.length });
    case 'measurement.recorded': {
      const p = entry.payload;
      const value = formatMeasurement(p.distanceM, p.uncertaintyM);
      return p.label ? say('entry.measurementLabel', { label: p.label, value }) : say('entry.measurement', { value });
    }
    case 'checklist.captured': {
      const p = entry.payload;
      const item = context.checklistItem?.(p.itemId) ?? p.itemId;
      return p.accepted
        ? say('entry.checklistAccepted', { photo: photo(p.evidenceId, 'aPhotoCapital'), item })
        : say('entry.checklistRetake', { photo: photo(p.evidenceId, 'aPhotoCapital'), item, problems: words.list(p.problems.map((problem) => word('entry.problemWord', problem))) });
    }
    case 'outcome.recorded': {
      const p = entry.payload;
      // One message per set of facts the outcome has: a booking (with a seat or not), a follow-up day, an amount.
      const facts = [p.booking ? (p.booking.seat ? 'seat' : 'booked') : null, p.followUpOn ? 'on' : null, p.amount !== null ? 'amount' : null];
      const outcome = say(`entry.outcome.${facts.filter(Boolean).join('-') || 'plain'}`, {
        decision: word('entry.decisionWord', p.decision),
        title: p.booking?.title,
        seat: p.booking?.seat,
        date: p.followUpOn ? words.date(p.followUpOn) : undefined,
        amount: p.amount !== null ? words.money(p.amount, p.currency) : undefined,
      });
      return p.supersedes ? say('entry.outcomeReplaces', { outcome }) : outcome;
    }
    case 'evidence.superseded': {
      const p = entry.payload;
      return p.replacedBy
        ? say('entry.supersededBy', { photo: photo(p.evidenceId, 'aPhoto'), by: photo(p.replacedBy, 'aPhoto'), reason: p.reason })
        : say('entry.superseded', { photo: photo(p.evidenceId, 'aPhoto'), reason: p.reason });
    }
    case 'evidence.noted': {
      const p = entry.payload;
      const caption = p.caption === null ? say('entry.noCaption') : say('entry.caption', { text: preview(p.caption) });
      const note = p.note === null ? say('entry.noNote') : say('entry.note', { text: preview(p.note) });
      return say('entry.noted', { photo: photo(p.evidenceId, 'aPhotoCapital'), caption, note });
    }
    case 'retention.purged':
      return say('entry.purged', { files: entry.payload.purgedBlobs.length, days: entry.payload.olderThanDays });
    case 'retention.legal-hold': {
      const p = entry.payload;
      const key = p.status === 'on' ? 'entry.holdOn' : 'entry.holdOff';
      return p.reason ? say(`${key}Reason`, { files: p.blobs, reason: p.reason }) : say(key, { files: p.blobs });
    }
    case 'queue.entered': {
      const p = entry.payload;
      const channel = word('entry.queueChannel', p.channel);
      return p.requeuedFrom ? say('entry.requeued', { channel }) : say('entry.queued', { channel, priority: p.priority });
    }
    case 'queue.offered': {
      // The facts in the report's language; an entry written before they were kept gives its English reason.
      const facts = entry.payload.facts;
      const t = translators().for(words.language).t;
      const reason = facts ? offerFactsWords(facts, (key, values) => t(`routing:${key}`, values ?? {})) : entry.payload.reason;
      return say('entry.offered', { name: assessor(entry.payload.assessorId), reason });
    }
    case 'queue.declined': {
      if (entry.payload.why === 'withdrawn') return say('entry.offerWithdrawn', { name: assessor(entry.payload.assessorId) });
      return say(entry.payload.why === 'declined' ? 'entry.offerDeclined' : 'entry.offerTimedOut', { name: capitalise(assessor(entry.payload.assessorId)) });
    }
    case 'queue.assigned':
      return say('entry.accepted', { name: assessor(entry.payload.assessorId), seconds: Math.round(entry.payload.waitedMs / 1000) });
    case 'agent.answered': {
      const p = entry.payload;
      const values = { question: preview(p.question), source: p.source === 'none' ? say('entry.noAnswer') : p.source };
      return say(p.handOff === 'offered' ? 'entry.agentOffered' : p.handOff === 'needed' ? 'entry.agentNeeded' : 'entry.agentAnswered', values);
    }
    case 'agent.handed-off':
      return say('entry.handedOff', { reason: preview(entry.payload.reason) });
    case 'intake.received': {
      const p = entry.payload;
      const values = { service: word('entry.service', p.service), channel: word('entry.queueChannel', p.channel), intent: preview(p.intent) };
      return say(p.existingCase ? 'entry.intakeExisting' : 'entry.intake', values);
    }
    case 'queue.left':
      return say('entry.queueLeft', { seconds: Math.round(entry.payload.waitedMs / 1000) });
    case 'queue.callback-requested':
      return entry.payload.note ? say('entry.callbackNote', { note: preview(entry.payload.note) }) : say('entry.callback');
    case 'survey.answered': {
      const p = entry.payload;
      return p.comment ? say('entry.surveyComment', { score: p.score, comment: preview(p.comment) }) : say('entry.survey', { score: p.score });
    }
    case 'session.wrapped-up': {
      const p = entry.payload;
      const disposition = word('entry.disposition', preview(p.disposition));
      return p.notes ? say('entry.wrappedUpNotes', { disposition, notes: preview(p.notes) }) : say('entry.wrappedUp', { disposition });
    }
    case 'channel.proposed': {
      const p = entry.payload;
      const values = { from: say(`entry.mode.${p.from}`), to: say(`entry.mode.${p.to}`) };
      return p.reason ? say('entry.proposedReason', { ...values, reason: preview(p.reason) }) : say('entry.proposed', values);
    }
    case 'channel.answered':
      return say(entry.payload.accepted ? 'entry.switchAgreed' : 'entry.switchDeclined');
    case 'channel.switched':
      return say(entry.payload.proposalId ? 'entry.switchedAgreed' : 'entry.switchedChoice', { from: say(`entry.mode.${entry.payload.from}`), to: say(`entry.mode.${entry.payload.to}`) });
    case 'queue.transferred': {
      const p = entry.payload;
      const values = { from: capitalise(assessor(p.from)), to: p.to === null ? say('entry.theQueue') : assessor(p.to) };
      const key = p.mode === 'warm' ? 'entry.transferWarm' : 'entry.transferCold';
      return p.note ? say(`${key}Note`, { ...values, note: preview(p.note) }) : say(key, values);
    }
    case 'participant.joined':
      return say(`entry.participantMode.${entry.payload.mode}`, { name: capitalise(assessor(entry.payload.userId)), role: word('entry.role', entry.payload.role) });
    case 'participant.mode-changed':
      return say(`entry.participantNow.${entry.payload.mode}`, { name: capitalise(assessor(entry.payload.userId)), role: word('entry.role', entry.payload.role) });
    case 'participant.left':
      return say('entry.participantLeft', { name: capitalise(assessor(entry.payload.userId)) });
    case 'case.address-set': {
      const p = entry.payload;
      const values = { latitude: words.fixed(p.latitude, 5), longitude: words.fixed(p.longitude, 5) };
      return p.address ? say('entry.addressSet', { ...values, address: p.address }) : say('entry.positionSet', values);
    }
    case 'identity.requested':
      return say('entry.identityRequested', { document: say(`entry.documentWord.${entry.payload.document}`) });
    case 'identity.submitted': {
      const mrz = entry.payload.mrz;
      return say('entry.identitySubmitted', { read: say(mrz === null ? 'entry.mrzNone' : mrz.valid ? 'entry.mrzValid' : 'entry.mrzInvalid') });
    }
    case 'identity.checked':
      return say(entry.payload.result === 'passed' ? 'entry.identityPassed' : 'entry.identityFailed', { reason: preview(entry.payload.reason) });
    case 'identity.cancelled':
      return say('entry.identityWithdrawn', { reason: preview(entry.payload.reason) });
    case 'identity.code-sent':
      return say('entry.identityCodeSent', { channel: word('entry.channelWord', entry.payload.channel), recipient: entry.payload.recipient, status: word('entry.statusWord', entry.payload.status) });
    case 'identity.code-confirmed':
      return say('entry.identityCodeConfirmed');
    case 'offer.made': {
      const p = entry.payload;
      return say(p.supersedes ? 'entry.offerMadeReplaces' : 'entry.offerMade', { amount: words.money(p.amount, p.currency), time: words.time(p.expiresAt) });
    }
    case 'offer.code-sent':
      return say('entry.offerCodeSent', { channel: word('entry.channelWord', entry.payload.channel), recipient: entry.payload.recipient, status: word('entry.statusWord', entry.payload.status) });
    case 'offer.accepted':
      return say(entry.payload.confirmedWith === 'code' ? 'entry.offerAcceptedCode' : 'entry.offerAcceptedIdentity', { receipt: entry.payload.receiptCode });
    case 'offer.declined':
      return say('entry.offerDeclinedByCustomer', { reason: preview(entry.payload.reason), receipt: entry.payload.receiptCode });
    case 'recording.started':
    case 'recording.chunk':
    case 'recording.sealed':
    case 'tour.activity':
      return null;
  }
}
