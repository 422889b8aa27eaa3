import { describe, expect, it } from 'vitest';
import { entryOf, PAYLOADS } from '../server/test/ledger/payloads.ts';
import type { LedgerEntry } from './http.ts';
import { isLedgerKind, knownLedgerEntry, LEDGER_KINDS, LedgerPayloads, readLedgerEntry } from './ledger.ts';
import { ILL_FORMED_TEXT } from './text.ts';

const raw = (type: string, payload: Record<string, unknown>): LedgerEntry => ({ ...entryOf('case.reopened', {}), type, payload });
const problemOf = (type: string, payload: Record<string, unknown>): string => {
  const reading = readLedgerEntry(raw(type, payload));
  if (reading.ok) throw new Error(`${type} was read, not refused`);
  return reading.problem;
};

describe('ledger kinds', () => {
  it('lists every kind once, each with its schema', () => {
    expect(LEDGER_KINDS).toHaveLength(64);
    expect(new Set(LEDGER_KINDS).size).toBe(LEDGER_KINDS.length);
    expect([...LEDGER_KINDS].sort()).toEqual(Object.keys(PAYLOADS).sort());
    expect(isLedgerKind('chat.line')).toBe(true);
    expect(isLedgerKind('toString')).toBe(false);
  });

  it.each(LEDGER_KINDS)('reads %s as written, dropping no field', (kind) => {
    const reading = readLedgerEntry(raw(kind, PAYLOADS[kind]));
    expect(reading).toEqual({ ok: true, entry: expect.objectContaining({ type: kind, payload: PAYLOADS[kind] }) });
  });

  it('narrows the payload by the type', () => {
    const known = knownLedgerEntry(raw('outcome.recorded', PAYLOADS['outcome.recorded']));
    expect(known?.type === 'outcome.recorded' ? known.payload.decision : null).toBe('settled');
  });
});

describe('entries older servers wrote', () => {
  it('still reads a case created before checklists, tours and references', () => {
    const first = { kind: 'damage', title: 'Hail', customerName: null, assessorId: 'usr_a' };
    expect(readLedgerEntry(raw('case.created', first)).ok).toBe(true);
    expect(readLedgerEntry(raw('case.created', { ...first, checklist: 'vehicle', tour: 'test-room', reference: 'CLM-7' })).ok).toBe(true);
  });

  it('still reads a photo from before annotation layers, and an outcome from before bookings', () => {
    const { layer: _layer, ...photo } = PAYLOADS['evidence.added'];
    expect(readLedgerEntry(raw('evidence.added', photo)).ok).toBe(true);
    const booked = { ...PAYLOADS['outcome.recorded'], decision: 'booked', booking: { option: 'room-only', title: 'Room only', seat: '23A' }, followUpOn: '2026-06-01' };
    expect(readLedgerEntry(raw('outcome.recorded', booked)).ok).toBe(true);
  });

  it('reads a payload carrying a field this contract does not know, and leaves the field out', () => {
    const reading = readLedgerEntry(raw('chat.line', { ...PAYLOADS['chat.line'], mood: 'cheerful' }));
    expect(reading.ok && reading.entry.payload).toEqual(PAYLOADS['chat.line']);
  });
});

describe('what the contract refuses', () => {
  it('an unknown kind, naming the type', () => {
    expect(problemOf('recording.added', { kind: 'recording' })).toBe('type: "recording.added" is not a ledger kind this contract knows');
    expect(knownLedgerEntry(raw('recording.added', {}))).toBeNull();
  });

  it('a wrong, missing or ill-formed field, naming it', () => {
    expect(problemOf('chat.line', { ...PAYLOADS['chat.line'], text: 42 })).toMatch(/^payload\.text: .*expected string/);
    const { previewSha256: _preview, ...photo } = PAYLOADS['evidence.added'];
    expect(problemOf('evidence.added', photo)).toMatch(/^payload\.previewSha256: /);
    const placed = PAYLOADS['annotation.placed'];
    expect(problemOf('annotation.placed', { ...placed, anchor: { ...placed.anchor, pose: { position: [0, 'up', 0], orientation: [0, 0, 0, 1] } } }))
      .toMatch(/^payload\.anchor\.pose\.position\.1: /);
    expect(problemOf('call.failed', { callId: 'call-00000001', detail: 'no route\ud800' })).toBe(`payload.detail: ${ILL_FORMED_TEXT}`);
    expect(problemOf('customer.consented', { recording: true })).toMatch(/^payload\.location: /);
  });

  it('reports every field that does not fit', () => {
    expect(problemOf('case.assigned', { from: 1, to: 2 }).split('; ').map((p) => p.split(':')[0])).toEqual(['payload.from', 'payload.to']);
  });

  it('keeps one schema per kind in the map', () => {
    expect(LedgerPayloads['customer.joined']).toBe(LedgerPayloads['customer.left']);
  });
});
