// The report's words: the sanitiser for each font set, the formatters, and ledger entries described.
import { describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../../../protocol/http.ts';
import type { LedgerKind, LedgerPayload } from '../../../protocol/ledger.ts';
import { entryOf, PAYLOADS } from '../ledger/payloads.ts';
import { describeEntry } from '../../src/report/describe-entry.ts';
import { dejavuFonts, findReportFonts, sanitizeText, standardFonts } from '../../src/report/fonts.ts';
import { reportWords } from '../../src/report/format.ts';

describe('sanitizeText', () => {
  const standard = standardFonts();
  const dejavu = dejavuFonts({ regular: 'r.ttf', bold: 'b.ttf', mono: 'm.ttf' });

  it('keeps what WinAnsi has, spells the rest in plain Latin, and marks what has no spelling', () => {
    expect(sanitizeText('Café “quoted” – €12 … ×2', standard)).toEqual({ text: 'Café “quoted” – €12 … ×2', replaced: 0 });
    expect(sanitizeText('Zażółć gęślą jaźń, Łódź', standard)).toEqual({ text: 'Zazólc gesla jazn, Lódz', replaced: 0 });
    expect(sanitizeText('ﬁle Ｆ', standard).text).toBe('file F');
    expect(sanitizeText('漏水 🙂', standard)).toEqual({ text: '?? ?', replaced: 3 });
  });

  it('lets DejaVu show Polish, Greek and Cyrillic, and marks CJK and emoji', () => {
    expect(sanitizeText('Łódź Αθήνα Киев', dejavu)).toEqual({ text: 'Łódź Αθήνα Киев', replaced: 0 });
    expect(sanitizeText('漏水🙂', dejavu)).toEqual({ text: '\uFFFD\uFFFD\uFFFD', replaced: 3 });
  });

  it('keeps line breaks, turns tabs into spaces and drops other control characters', () => {
    expect(sanitizeText('a\r\nb\tc\u0000d\u0085e', standard).text).toBe('a\nb cde');
  });

  it('joins a decomposed accent before deciding', () => {
    expect(sanitizeText('e\u0301', standard).text).toBe('é');
  });

  it('falls back to the standard fonts when DejaVu is not installed', () => {
    expect(findReportFonts(['/nonexistent']).regular).toBe('Helvetica');
  });
});

describe('format', () => {
  it('spells times in UTC, money with its currency, skew in words and places with accuracy', () => {
    const { time: formatTime, money: formatMoney, clockSkew: formatClockSkew, location: formatLocation } = reportWords('en');
    expect(formatTime('2026-05-04T14:03:22.123Z')).toBe('2026-05-04 14:03:22 UTC');
    expect(formatMoney(1200, 'EUR')).toBe('EUR 1,200.00');
    expect(formatMoney(99.5, null)).toBe('99.50');
    expect(formatClockSkew(95_000)).toBe('1 min 35 s after device time');
    expect(formatClockSkew(-2_400)).toBe('2.4 s before device time');
    expect(formatClockSkew(3_723_000)).toBe('1 h 02 min after device time');
    expect(formatLocation({ latitude: 51.5, longitude: -0.12, accuracy: 8.4 })).toBe('51.50000, -0.12000 (± 8 m)');
  });
});

describe('describeEntry', () => {
  const entry = <K extends LedgerKind>(type: K, payload: LedgerPayload<K>): LedgerEntry => entryOf(type, payload);
  const raw = (type: string, payload: Record<string, unknown>): LedgerEntry => ({ ...entryOf('case.reopened', {}), type, payload });
  const context = { photoNumber: (id: string) => (id === 'ev_1' ? 2 : undefined) };
  const photo = PAYLOADS['evidence.added'];

  it('describes each kind of entry in words', () => {
    expect(describeEntry(entry('customer.consented', { recording: true, location: false }), context)).toBe('Customer consented to recording; location not shared');
    expect(describeEntry(entry('joinlink.sent', { channel: 'email', recipient: 'dana@example.test', status: 'sent' }), context)).toBe('Join link sent by email to dana@example.test');
    expect(describeEntry(entry('joinlink.sent', { channel: 'sms', recipient: '+447700900123', status: 'failed' }), context)).toBe('Join link not sent by SMS to +447700900123 (the SMS gateway refused it)');
    expect(describeEntry(entry('joinlink.opened', { tokenId: 'jt_1' }), context)).toBe('Customer opened the join link');
    expect(describeEntry(entry('case.closed', { reason: 'Settled by phone' }), context)).toBe('Case closed: "Settled by phone"');
    expect(describeEntry(entry('case.closed', { reason: null }), context)).toBe('Case closed');
    expect(describeEntry(entry('case.reopened', {}), context)).toBe('Case reopened');
    expect(describeEntry(entry('case.updated', { before: { reference: null, title: 'Hail' }, after: { reference: 'CLM-7', title: 'Hail damage' } }), context))
      .toBe('Case details: reference set to "CLM-7"; title "Hail" changed to "Hail damage"');
    expect(describeEntry(entry('case.assigned', { from: 'u_1', to: 'u_2' }), { ...context, userName: (id) => ({ u_1: 'Alice', u_2: 'Bob' })[id] }))
      .toBe('Case reassigned from Alice to Bob');
    expect(describeEntry(entry('case.assigned', { from: 'u_1', to: 'u_9' }), context)).toBe('Case reassigned from assessor u_1 to assessor u_9');
    expect(describeEntry(entry('customer.declined', { tokenId: 'jt_1' }), context)).toBe('Customer declined on the consent screen; nothing was recorded');
    expect(describeEntry(entry('evidence.added', { ...photo, source: 'video-frame', blurry: true }), context))
      .toBe('Photo 2 added: video frame, 1920 × 1080, flagged blurry');
    expect(describeEntry(entry('call.failed', { callId: 'c', detail: 'ICE failed', earlyFailure: true }), context)).toBe('Call failed within 30 s of its start: ICE failed');
    expect(describeEntry(entry('call.recovered', { callId: 'c', detail: null }), context)).toBe('Call recovered');
    expect(describeEntry(entry('outcome.recorded', { ...PAYLOADS['outcome.recorded'], supersedes: 'out_1' }), context))
      .toBe('Outcome recorded: settled, EUR 1,200.00 (replaces the earlier decision)');
    expect(describeEntry(entry('chat.line', { lineId: 'chat-line-1', from: 'assessor', text: `${'x'.repeat(120)}` }), context)).toMatch(/^Chat: "x{89}…"$/);
  });

  it('says each outcome in one message, every set of its facts worded as it was when they were joined from parts', () => {
    const en = reportWords(null);
    const base = { ...PAYLOADS['outcome.recorded'], amount: null, currency: null };
    for (const booking of [null, { option: 'economy', title: 'Lisbon flight' }, { option: 'economy', title: 'Lisbon flight', seat: '23A' }]) {
      for (const followUpOn of [null, '2026-12-09']) {
        for (const amount of [null, 1200]) {
          for (const supersedes of [null, 'out_0']) {
            const payload = { ...base, decision: booking ? 'booked' : 'follow-up', ...(booking ? { booking } : {}), ...(followUpOn ? { followUpOn } : {}), amount, currency: amount === null ? null : 'EUR', supersedes };
            const was = `Outcome recorded: ${booking ? 'booked' : 'follow-up'}`
              + (booking ? ` ${booking.title}${'seat' in booking ? `, seat ${booking.seat}` : ''}` : '')
              + (followUpOn ? ` on ${en.date(followUpOn)}` : '')
              + (amount === null ? '' : `, ${en.money(amount, 'EUR')}`)
              + (supersedes ? ' (replaces the earlier decision)' : '');
            expect(describeEntry(entry('outcome.recorded', payload as LedgerPayload<'outcome.recorded'>), context)).toBe(was);
          }
        }
      }
    }
  });

  it('describes annotations, measurements and checklist verdicts', () => {
    const withItems = { ...context, checklistItem: (id: string) => (id === 'vin-plate' ? 'VIN plate' : undefined) };
    const placed = PAYLOADS['annotation.placed'];
    expect(describeEntry(entry('annotation.placed', placed), context)).toBe('Annotation placed: circle "Dent", anchored in the room');
    expect(describeEntry(entry('annotation.placed', { id: 'annot-0002', kind: 'arrow', screen: { u: 0, v: 0 }, anchor: null }), context)).toBe('Annotation placed: arrow, on the picture only');
    expect(describeEntry(entry('annotation.cleared', { ids: ['a-1', 'a-2'], all: true }), context)).toBe('2 annotations cleared (all that were shown)');
    expect(describeEntry(entry('measurement.recorded', { ...PAYLOADS['measurement.recorded'], distanceM: 0.812 }), context))
      .toBe('Measurement "Door": 81.2 cm ± 2.1 cm');
    expect(describeEntry(entry('checklist.captured', { itemId: 'vin-plate', evidenceId: 'ev_1', accepted: true, problems: [] }), withItems))
      .toBe('Checklist: Photo 2 accepted for "VIN plate"');
    expect(describeEntry(entry('checklist.captured', { itemId: 'odometer', evidenceId: 'ev_9', accepted: false, problems: ['blurry', 'too-dark'] }), withItems))
      .toBe('Checklist: A photo for "odometer" needs a retake (blurry, too-dark)');
    const point = { points: [{ u: 0.5, v: 0.5 }] };
    expect(describeEntry(entry('evidence.added', { ...photo, width: 8, height: 6, layer: { items: [{ kind: 'marker', ...point }, { kind: 'label', label: 'Dent', ...point }] } }), context))
      .toBe('Photo 2 added: device still (camera), 8 × 6, with 2 annotations drawn over it');
  });

  it('describes a caption and a note on a photo, cleared ones too, long ones cut to one line', () => {
    expect(describeEntry(entry('evidence.noted', { evidenceId: 'ev_1', caption: 'Dent on the bonnet', note: 'Hail\non Tuesday' }), context))
      .toBe('Photo 2: caption "Dent on the bonnet", note "Hail on Tuesday"');
    expect(describeEntry(entry('evidence.noted', { evidenceId: 'ev_9', caption: null, note: 'x'.repeat(120) }), context)).toMatch(/^A photo: no caption, note "x{89}…"$/);
    expect(describeEntry(entry('evidence.noted', { evidenceId: 'ev_1', caption: null, note: null }), context)).toBe('Photo 2: no caption, no note');
    expect(describeEntry(raw('evidence.noted', { evidenceId: 'ev_1' }), context)).toBe('Evidence noted');
  });

  it('reads an entry an older server wrote', () => {
    const { layer: _layer, ...beforeLayers } = photo;
    expect(describeEntry(raw('evidence.added', beforeLayers), context)).toBe('Photo 2 added: device still (camera), 1920 × 1080');
    expect(describeEntry(raw('case.created', { kind: 'damage', title: 'Hail', customerName: null, assessorId: 'usr_a' }), context)).toBe('Case created: "Hail" (damage)');
  });

  it('still lists an entry of an unknown type, or with an unexpected payload, by its type', () => {
    expect(describeEntry(raw('recording.sealed', {}), context)).toBe('Recording sealed');
    expect(describeEntry(raw('evidence.added', { ...photo, evidenceId: 42 }), context)).toBe('Evidence added');
    expect(describeEntry(raw('inspection.scheduled', { at: 'tomorrow' }), context)).toBe('Inspection scheduled');
  });
});
