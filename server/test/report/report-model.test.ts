// From one read of a case to what the report shows: people named, photos tied to the preview their
// signed entry names, earlier decisions marked superseded.
import { describe, expect, it } from 'vitest';
import { checklistState } from '../../../protocol/checklist.ts';
import type { EvidenceView, LedgerEntry, OutcomeView } from '../../../protocol/http.ts';
import type { LedgerKind, LedgerPayload } from '../../../protocol/ledger.ts';
import type { CaseRecord } from '../../src/cases/case-store.ts';
import { buildCaseReport, userIdsNamedBy } from '../../src/report/report-model.ts';
import { PAYLOADS } from '../ledger/payloads.ts';

const at = '2026-05-04T14:03:22.000Z';
const record: CaseRecord = {
  id: 'case_m', kind: 'damage', title: 'Hail', customerName: 'Jane Doe', assessorId: 'usr_a', createdBy: 'usr_a',
  createdAt: at, joinExpiresAt: at, evidenceCount: 2, decision: 'settled', checklist: null, tour: null, address: null,
  reference: null, closedAt: null, archivedAt: null, language: null, customerLanguage: null,
};
let seq = 0;
const entry = <K extends LedgerKind>(type: K, actor: LedgerEntry['actor'], payload: LedgerPayload<K>, blobs: string[] = []): LedgerEntry => ({
  caseId: 'case_m', seq: ++seq, at, actor, type, payload, blobs, prevHash: '0'.repeat(64), hash: `hash-${seq}`, signature: 's',
});
const sha = (c: string): string => c.repeat(64);
const photo = (evidenceId: string, previewSha256: string, thumbnailSha256: string) =>
  ({ ...PAYLOADS['evidence.added'], evidenceId, sha256: sha(evidenceId.slice(-1)), previewSha256, thumbnailSha256, width: 10, height: 10, layer: undefined });
const view = (id: string, capturedBy: EvidenceView['capturedBy']): EvidenceView => ({
  id, caseId: 'case_m', source: 'device-still', mime: 'image/jpeg', size: 1, sha256: sha('1'), width: 10, height: 10, sharpness: 1,
  blurry: false, brightness: 1, deviceTime: null, receivedAt: at, clockSkewMs: null, location: null, requestId: null, capturedBy,
  originalUrl: '', previewUrl: '', thumbnailUrl: '',
});
const outcome = (id: string, decision: OutcomeView['decision'], supersedes: string | null): OutcomeView => ({
  id, caseId: 'case_m', decision, reason: 'r', amount: null, currency: null, damageItems: [], decidedBy: 'usr_a', at, supersedes,
});

describe('buildCaseReport', () => {
  const customer = { type: 'customer' as const, id: 'jt_1' };
  const assessor = { type: 'assessor' as const, id: 'usr_a' };
  const entries = [
    entry('case.created', assessor, { ...PAYLOADS['case.created'], title: 'Hail', kind: 'damage' }),
    entry('evidence.added', customer, photo('ev_1', sha('a'), sha('c')), [sha('1'), sha('a')]),
    // Names a preview its blob list does not sign for: the report must not show that blob.
    entry('evidence.added', assessor, photo('ev_2', sha('b'), sha('d')), [sha('2')]),
    entry('chat.line', customer, { lineId: 'l1', from: 'customer', text: 'hi' }),
  ];
  const outcomes = [outcome('out_1', 'referred', null), outcome('out_2', 'settled', 'out_1')];
  const report = buildCaseReport({
    generatedAt: at,
    tour: null,
    case: record,
    users: new Map([['usr_a', { id: 'usr_a', name: 'Alice Example', email: 'alice@example.test', role: 'assessor' as const }]]),
    evidence: [view('ev_1', 'customer'), view('ev_2', 'assessor')],
    chat: [{ id: 'l1', caseId: 'case_m', from: 'customer', text: 'hi', at }],
    outcomes,
    measurements: [],
    checklist: null,
    entries,
    ledgerKey: { algorithm: 'Ed25519', keyId: 'k' },
    verification: { ok: true, entries: 4, blobs: 3, headHash: 'hash-4', firstBroken: null },
  });

  it('ties each photo to the preview its signed entry names, and names who captured it', () => {
    expect(report.evidence.map((e) => [e.number, e.previewSha256, e.capturedByLabel])).toEqual([
      [1, sha('a'), 'Jane Doe (customer)'],
      [2, null, 'Alice Example (assessor)'],
    ]);
  });

  it('puts the latest decision first and marks the earlier ones superseded', () => {
    expect(report.outcome).toMatchObject({ id: 'out_2', decision: 'settled', superseded: false, decidedBy: 'Alice Example' });
    expect(report.earlierOutcomes).toEqual([expect.objectContaining({ id: 'out_1', superseded: true })]);
  });

  it('describes every entry, names the chat speaker, and takes the head from the entries read', () => {
    expect(report.timeline.map((row) => row.seq)).toEqual(entries.map((e) => e.seq));
    expect(report.timeline[1]).toMatchObject({ actor: 'Jane Doe (customer)', description: 'Photo 1 added: device still (camera), 10 × 10' });
    expect(report.chat[0]?.who).toBe('Jane Doe (customer)');
    expect(report.ledger).toEqual({ entries: 4, headHash: 'hash-4', algorithm: 'Ed25519', keyId: 'k' });
  });

  it('asks for every user the report names', () => {
    expect(userIdsNamedBy(record, entries, [...outcomes, { ...outcome('out_3', 'denied', 'out_2'), decidedBy: 'usr_admin' }])).toEqual(['usr_a', 'usr_admin']);
  });
});

describe('buildCaseReport with spatial evidence and a checklist', () => {
  const customer = { type: 'customer' as const, id: 'jt_1' };
  const assessor = { type: 'assessor' as const, id: 'usr_a' };
  const tape = {
    id: 'measure-01', a: [0, 0, 0] as [number, number, number], b: [1, 0, 0] as [number, number, number], screenA: { u: 0.1, v: 0.5 }, screenB: { u: 0.9, v: 0.5 },
    cameraPose: { position: [0, 1, 0] as [number, number, number], orientation: [0, 0, 0, 1] as [number, number, number, number] },
    caseId: 'case_m', createdBy: 'assessor' as const, at, distanceM: 1, uncertaintyM: 0.02,
  };
  const entries = [
    entry('evidence.added', customer, photo('ev_1', sha('a'), sha('c')), [sha('1'), sha('a'), sha('c')]),
    entry('checklist.captured', customer, { itemId: 'vin-plate', evidenceId: 'ev_1', accepted: true, problems: [] }),
    entry('measurement.recorded', assessor, { id: tape.id, a: tape.a, b: tape.b, screenA: tape.screenA, screenB: tape.screenB, cameraPose: tape.cameraPose, distanceM: 1, uncertaintyM: 0.02 }),
  ];
  const report = buildCaseReport({
    generatedAt: at,
    tour: null,
    case: { ...record, checklist: 'vehicle' },
    users: new Map([['usr_a', { id: 'usr_a', name: 'Alice Example', email: 'alice@example.test', role: 'assessor' as const }]]),
    evidence: [{ ...view('ev_1', 'customer'), layer: { items: [{ kind: 'measurement', points: [{ u: 0.1, v: 0.5 }, { u: 0.9, v: 0.5 }], refId: 'measure-01' }] } }],
    chat: [],
    outcomes: [],
    measurements: [tape],
    checklist: checklistState('vehicle', [{ itemId: 'vin-plate', evidenceId: 'ev_1', accepted: true, problems: [], at }]),
    entries,
    ledgerKey: { algorithm: 'Ed25519', keyId: 'k' },
    verification: { ok: true, entries: 3, blobs: 3, headHash: entries.at(-1)!.hash, firstBroken: null },
  });

  it('draws the layer with the server\'s figure, and takes the thumbnail its entry signs for', () => {
    expect(report.evidence[0]).toMatchObject({ thumbnailSha256: sha('c'), overlay: [{ kind: 'measurement', text: '1.00 m ± 2.0 cm' }] });
  });

  it('names who measured, and ties checklist items to the photo numbers', () => {
    expect(report.measurements).toEqual([expect.objectContaining({ number: 1, who: 'Alice Example (assessor)', text: '1.00 m ± 2.0 cm' })]);
    const vin = report.checklist?.items.find((i) => i.title === 'VIN plate');
    expect(vin).toMatchObject({ status: 'done', attempts: 1, accepted: [{ number: 1, thumbnailSha256: sha('c'), purged: false }] });
    expect(report.timeline[1]?.description).toBe('Checklist: Photo 1 accepted for "VIN plate"');
  });
});
