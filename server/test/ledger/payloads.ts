// One payload of every ledger kind, shaped as the server writes it (the services' append calls), for
// tests that read entries without writing a case first. Typed by the contract, so a kind added to
// protocol/ledger.ts without an example here fails the typecheck.
import type { LedgerEntry } from '../../../protocol/http.ts';
import type { LedgerKind, LedgerPayload } from '../../../protocol/ledger.ts';

const sha = (c: string): string => c.repeat(64);
const at = '2026-05-04T14:03:22.000Z';
const pose = { position: [0, 1.4, 0] as [number, number, number], orientation: [0, 0, 0, 1] as [number, number, number, number] };
const call = { callId: 'call-00000001', detail: null };

export const PAYLOADS: { [K in LedgerKind]: LedgerPayload<K> } = {
  'case.created': { kind: 'damage', title: 'Hail', customerName: 'Jane Doe', assessorId: 'usr_a', checklist: null },
  'case.updated': { before: { reference: null, title: 'Hail' }, after: { reference: 'CLM-7', title: 'Hail damage' } },
  'case.closed': { reason: 'Settled by phone' },
  'case.reopened': {},
  'case.archived': {},
  'case.unarchived': {},
  'case.assigned': { from: 'usr_a', to: 'usr_b' },
  'joinlink.issued': { tokenId: 'jt_1', expiresAt: '2026-05-07T14:03:22.000Z' },
  'joinlink.opened': { tokenId: 'jt_1' },
  'joinlink.sent': { channel: 'email', recipient: 'dana@example.test', status: 'sent' },
  'customer.consented': { recording: true, location: false },
  'customer.declined': { tokenId: 'jt_1' },
  'customer.joined': { peerId: 'cust-1' },
  'customer.left': { peerId: 'cust-1' },
  'call.started': call,
  'call.connected': call,
  'call.reconnecting': call,
  'call.recovered': call,
  'call.failed': { ...call, detail: 'ICE failed', earlyFailure: true },
  'call.ended': { ...call, detail: 'assessor hung up' },
  'chat.line': { lineId: 'chat-line-1', from: 'customer', text: 'The water comes in at the left corner.' },
  'evidence.added': {
    evidenceId: 'ev_1', kind: 'photo', source: 'device-still', mime: 'image/jpeg', size: 1024, sha256: sha('1'), width: 1920, height: 1080,
    sharpness: 812.5, blurry: false, brightness: 120.4, exposure: 'ok', deviceTime: at, receivedAt: at, requestId: null,
    location: { latitude: 51.50135, longitude: -0.14189, accuracy: 12 }, previewSha256: sha('a'), thumbnailSha256: sha('c'), layer: null,
  },
  'evidence.noted': { evidenceId: 'ev_1', caption: 'Dent on the bonnet', note: null },
  'evidence.superseded': { evidenceId: 'ev_1', reason: 'Blurred', replacedBy: 'ev_2' },
  'annotation.placed': {
    id: 'annot-0001', kind: 'circle', label: 'Dent', screen: { u: 0.4, v: 0.6 },
    anchor: { pose, anchored: true, cameraPose: pose },
  },
  'annotation.cleared': { ids: ['annot-0001'], all: true },
  'measurement.recorded': {
    id: 'measure-01', a: [0, 0, -1], b: [0.8, 0, -1], screenA: { u: 0.2, v: 0.5 }, screenB: { u: 0.8, v: 0.5 }, cameraPose: pose,
    label: 'Door', distanceM: 0.8, uncertaintyM: 0.0213,
  },
  'checklist.captured': { itemId: 'vin-plate', evidenceId: 'ev_1', accepted: true, problems: [] },
  'outcome.recorded': {
    outcomeId: 'out_1', decision: 'settled', reason: 'Roofer quote accepted', amount: 1200, currency: 'EUR',
    damageItems: [{ area: 'Garage roof tiles', severity: 'moderate', estimatedCost: 850 }], supersedes: null,
  },
  'recording.started': { recordingId: 'rec_1', mimeType: 'video/webm;codecs=vp8,opus', startedAt: at, chunkMs: 2000 },
  'recording.chunk': { recordingId: 'rec_1', n: 0, sha256: sha('d'), size: 1_048_576 },
  'recording.sealed': { recordingId: 'rec_1', mimeType: 'video/webm;codecs=vp8,opus', chunkCount: 1, durationMs: 2000, bytes: 1_048_576, chunks: [sha('d')] },
  'tour.activity': { batchId: 'batch-0000001', tour: 'test-room', from: 'customer', view: '3d', events: [{ kind: 'hotspot', hotspot: 'bed', at }] },
  'retention.purged': { purgedBlobs: [sha('1')], reason: 'retention', olderThanDays: 365, outcomeAt: at },
  'retention.legal-hold': { status: 'on', reason: 'Disputed: claimant has instructed solicitors', blobs: 3 },
  'agent.answered': { question: 'How long does a claim take?', answer: 'How long a claim takes\n\nMost claims are decided within 5 working days.', source: 'kb:how-long-a-claim-takes', handOff: 'none' },
  'agent.handed-off': { summary: 'claim: "Hail damaged my car roof"\nPhotos: 2 (ev_1, ev_2)\nHand-off: the customer asked for a person', reason: 'the customer asked for a person' },
  'queue.entered': { entryId: 'qe_1', channel: 'video', priority: 1, steps: [{ afterSeconds: 0, requires: [{ skill: 'auto', minLevel: 3 }] }, { afterSeconds: 30, requires: [{ skill: 'auto', minLevel: 2 }] }] },
  'queue.offered': { entryId: 'qe_1', assessorId: 'usr_a', stepIndex: 1, reason: 'matched auto≥2 after relaxing at 30 s' },
  'queue.declined': { entryId: 'qe_1', assessorId: 'usr_a', why: 'timed out' },
  'queue.assigned': { entryId: 'qe_1', assessorId: 'usr_b', waitedMs: 41_000 },
  'intake.received': { intakeId: 'in_1', service: 'claim', intent: 'Someone backed into my car', channel: 'video', existingCase: false },
  'queue.left': { entryId: 'qe_1', waitedMs: 95_000 },
  'queue.callback-requested': { entryId: 'qe_1', phone: '+44 7700 900123', note: 'after 5 pm' },
  'survey.answered': { surveyId: 'sv_1', score: 4, comment: 'Quick and clear' },
  'session.wrapped-up': { wrapUpId: 'wu_1', entryId: 'qe_1', disposition: 'resolved', notes: 'Repair approved' },
  'channel.proposed': { proposalId: 'cp_1', from: 'text', to: 'camera', reason: 'so I can see the damage' },
  'channel.answered': { proposalId: 'cp_1', accepted: true },
  'channel.switched': { from: 'text', to: 'camera', proposalId: 'cp_1' },
  'queue.transferred': { entryId: 'qe_1', from: 'usr_a', to: 'usr_b', mode: 'warm', note: 'Needs a glass specialist' },
  'participant.joined': { userId: 'usr_e', role: 'expert', mode: 'full' },
  'participant.mode-changed': { userId: 'usr_s', role: 'supervisor', mode: 'whisper' },
  'participant.left': { userId: 'usr_e' },
  'case.address-set': { address: '12 Harbour Road, Leith', latitude: 55.9756, longitude: -3.1711 },
  'identity.requested': { checkId: 'idc_1', document: 'id-card' },
  'identity.submitted': {
    checkId: 'idc_1', frontEvidenceId: 'ev_f', backEvidenceId: 'ev_b', selfieEvidenceId: 'ev_s',
    mrz: {
      format: 'TD1', lines: ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'],
      documentNumber: 'D23145890', surname: 'ERIKSSON', givenNames: 'ANNA MARIA', nationality: 'UTO', issuingState: 'UTO',
      birthDate: '1974-08-12', expiryDate: '2012-04-15', sex: 'F',
      checkDigits: { documentNumber: true, birthDate: true, expiryDate: true, composite: true }, valid: true,
    },
  },
  'identity.checked': { checkId: 'idc_1', result: 'passed', reason: 'Face and document match the caller' },
  'identity.cancelled': { checkId: 'idc_1', reason: 'Asked for the wrong document' },
  'identity.code-sent': { checkId: 'idc_1', channel: 'sms', recipient: '••• 123', status: 'sent' },
  'identity.code-confirmed': { checkId: 'idc_1' },
  'offer.made': {
    offerId: 'off_1', amount: 1250, currency: 'EUR', items: [{ description: 'Rear bumper', amount: 1250 }],
    conditions: 'Paid within 5 working days', expiresAt: '2026-12-11T10:00:00.000Z', confirmWith: 'code', supersedes: null,
  },
  'offer.code-sent': { offerId: 'off_1', channel: 'sms', recipient: '+44 •••• ••• 123', status: 'sent' },
  'offer.accepted': { offerId: 'off_1', confirmedWith: 'code', identityCheckId: null, receiptCode: 'R7K3-Q9XP-AM2D' },
  'offer.declined': { offerId: 'off_1', reason: 'Too low for the repair quote', receiptCode: 'R7K3-Q9XP-AM2D' },
};

let seq = 0;
/** An entry of kind K (chain fields are placeholders: these tests read payloads, not the chain). */
export function entryOf<K extends LedgerKind>(type: K, payload: LedgerPayload<K>, fields: Partial<Omit<LedgerEntry, 'type' | 'payload'>> = {}): LedgerEntry {
  seq += 1;
  return {
    caseId: 'case_1', seq, at, actor: { type: 'system', id: 'system' }, blobs: [], prevHash: sha('0'), hash: `hash-${seq}`, signature: 's',
    ...fields, type, payload,
  };
}
