// The KPI computation on crafted rows: nearest-rank percentiles, an empty period (nulls, never NaN),
// abandonment, first-contact resolution with its 7-day look-ahead, buckets, and the CSV it becomes.
import { describe, expect, it } from 'vitest';
import { KpiReport } from '../../../../protocol/kpi.ts';
import { computeKpis, firstContactResolution, percentile, ratio, type KpiEntry, type KpiInputs } from '../../../src/frontdoor/kpi/kpi-compute.ts';
import { csvField, KPI_CSV_COLUMNS, kpiCsv } from '../../../src/frontdoor/kpi/kpi-csv.ts';
import { parseKpiRange } from '../../../src/frontdoor/kpi/kpi-range.ts';

const NOW = new Date('2026-12-05T12:00:00.000Z');
const at = (iso: string, plusSeconds = 0): string => new Date(Date.parse(iso) + plusSeconds * 1000).toISOString();

function entry(caseId: string, enqueuedAt: string, opts: Partial<KpiEntry> & { waitS?: number; handleS?: number } = {}): KpiEntry {
  const assignedAt = opts.waitS !== undefined ? at(enqueuedAt, opts.waitS) : null;
  const endedAt = assignedAt && opts.handleS !== undefined ? at(assignedAt, opts.handleS) : null;
  return { caseId, channel: opts.channel ?? 'video', enqueuedAt, state: opts.state ?? (endedAt ? 'finished' : assignedAt ? 'assigned' : 'waiting'), assignedAt, endedAt };
}

const inputs = (entries: KpiEntry[], over: Partial<KpiInputs> = {}): KpiInputs => ({
  range: parseKpiRange({ from: '2026-12-01', to: '2026-12-03' }, NOW),
  entries,
  scores: [0, 0, 0, 0, 0],
  intakes: { all: 0, contained: 0 },
  switches: { count: 0, kinds: [] },
  ...over,
});

describe('percentiles and ratios', () => {
  it('uses the nearest rank', () => {
    const values = [40, 10, 30, 20, 50, 60, 70, 80, 90, 100];
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 90)).toBe(90);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([7], 90)).toBe(7);
    expect(percentile([], 50)).toBeNull();
  });
  it('divides by zero into null', () => {
    expect(ratio(0, 0)).toBeNull();
    expect(ratio(1, 4)).toBe(0.25);
  });
});

describe('the KPIs of a period', () => {
  it('an empty period is all zeros and nulls, and still matches the wire schema', () => {
    const report = computeKpis(inputs([]));
    expect(KpiReport.parse(report)).toEqual(report);
    expect(report).toMatchObject({
      entered: 0, served: 0, abandoned: 0, abandonment: null, firstContactResolution: null,
      waitSeconds: { mean: null, p50: null, p90: null, max: null, count: 0 }, handleSeconds: { p50: null, p90: null, count: 0 },
      satisfaction: { mean: null, count: 0, distribution: [0, 0, 0, 0, 0] }, botContainment: { ratio: null, contained: 0, intakes: 0 },
      channelMix: { text: 0, voice: 0, video: 0, xr: 0 }, bucket: 'day',
    });
    expect(JSON.stringify(report)).not.toContain('NaN');
    expect(report.series.map((b) => b.start)).toEqual(['2026-12-01T00:00:00.000Z', '2026-12-02T00:00:00.000Z', '2026-12-03T00:00:00.000Z']);
    expect(report.series.every((b) => b.meanWaitSeconds === null && b.arrivals === 0)).toBe(true);
  });

  it('waits, handle times, abandonment, channel mix, satisfaction and containment', () => {
    const entries = [
      entry('c1', '2026-12-01T09:00:00.000Z', { waitS: 10, handleS: 300, channel: 'text' }),
      entry('c2', '2026-12-01T09:30:00.000Z', { waitS: 20, handleS: 600 }),
      entry('c3', '2026-12-02T10:00:00.000Z', { waitS: 90 }),
      entry('c4', '2026-12-02T11:00:00.000Z', { state: 'left' }),
      entry('c5', '2026-12-03T23:59:59.000Z', { channel: 'voice' }),
      // Outside the period: before it, and after it (only there for first-contact resolution).
      entry('c6', '2026-11-30T23:59:59.000Z', { waitS: 999 }),
      entry('c7', '2026-12-04T00:00:00.000Z', { waitS: 999 }),
    ];
    const report = computeKpis(inputs(entries, { scores: [1, 0, 0, 1, 2], intakes: { all: 4, contained: 3 }, switches: { count: 2, kinds: ['channel.switched'] } }));
    expect(report.entered).toBe(5);
    expect(report.served).toBe(3);
    expect(report.abandoned).toBe(1);
    expect(report.abandonment).toBe(0.2);
    expect(report.waitSeconds).toEqual({ mean: 40, p50: 20, p90: 90, max: 90, count: 3 });
    expect(report.handleSeconds).toEqual({ p50: 300, p90: 600, count: 2 });
    expect(report.channelMix).toEqual({ text: 1, voice: 1, video: 3, xr: 0 });
    expect(report.satisfaction).toEqual({ mean: 3.75, count: 4, distribution: [1, 0, 0, 1, 2] });
    expect(report.botContainment).toEqual({ ratio: 0.75, contained: 3, intakes: 4 });
    expect(report.switches.count).toBe(2);
    expect(report.series.map((b) => [b.arrivals, b.served, b.abandoned, b.meanWaitSeconds])).toEqual([[2, 2, 0, 15], [2, 1, 1, 90], [1, 0, 0, null]]);
  });

  it('buckets by hour for two days or less', () => {
    const range = parseKpiRange({ from: '2026-12-05T08:30:00Z', to: '2026-12-05T11:00:00Z' }, NOW);
    const report = computeKpis(inputs([entry('c1', '2026-12-05T08:45:00.000Z', { waitS: 5 }), entry('c2', '2026-12-05T10:59:00.000Z')], { range }));
    expect(report.bucket).toBe('hour');
    expect(report.series.map((b) => [b.start.slice(11, 16), b.arrivals])).toEqual([['08:00', 1], ['09:00', 0], ['10:00', 1]]);
  });
});

describe('first-contact resolution', () => {
  const served = (caseId: string, day: string) => entry(caseId, `2026-12-${day}T09:00:00.000Z`, { waitS: 5, handleS: 60 });

  it('counts a served case queued once and not again within 7 days', () => {
    const inPeriod = [served('once', '01'), served('twice', '01'), served('twice', '02'), served('back-in-6-days', '02'), entry('never-served', '2026-12-02T10:00:00.000Z')];
    const later = [...inPeriod, served('back-in-6-days', '08'), served('once', '09')];
    // once: came back after 8 days (resolved); twice: two entries; back-in-6-days: repeat contact.
    expect(firstContactResolution(inPeriod, later)).toBeCloseTo(1 / 3);
  });
  it('is null with nobody served', () => {
    expect(firstContactResolution([entry('w', '2026-12-01T09:00:00.000Z')], [])).toBeNull();
  });
});

describe('the period', () => {
  it('defaults to the last 7 days', () => {
    const range = parseKpiRange({}, NOW);
    expect(range.to).toEqual(NOW);
    expect(NOW.getTime() - range.from.getTime()).toBe(7 * 86_400_000);
    expect(range.bucket).toBe('day');
  });
  it('reads a date `to` as the end of that day', () => {
    expect(parseKpiRange({ from: '2026-12-01', to: '2026-12-01' }, NOW)).toMatchObject({ from: new Date('2026-12-01T00:00:00Z'), to: new Date('2026-12-02T00:00:00Z'), bucket: 'hour' });
  });
  it.each([
    [{ from: 'yesterday' }, /^from: .*not an ISO date/],
    [{ to: '2026-02-31' }, /^to: .*not a real date/],
    [{ from: '2026-12-01T09:00' }, /^from: /],
    [{ from: '2026-12-03', to: '2026-12-01' }, /^from: must be before to/],
    [{ from: '2026-12-01T10:00:00Z', to: '2026-12-01T10:00:00Z' }, /^from: must be before to/],
    [{ from: '2025-01-01', to: '2026-12-01' }, /^to: the period is at most 366 days/],
  ])('refuses %j, naming the parameter', (query, message) => {
    expect(() => parseKpiRange(query, NOW)).toThrow(expect.objectContaining({ status: 400, code: 'invalid_range', message: expect.stringMatching(message) }));
  });
  it('accepts exactly 366 days', () => {
    expect(parseKpiRange({ from: '2025-12-01', to: '2026-12-01T23:59:59Z' }, NOW).bucket).toBe('day');
    expect(parseKpiRange({ from: '2025-12-01T00:00:00Z', to: '2026-12-02T00:00:00Z' }, NOW).bucket).toBe('day');
  });
});

describe('CSV', () => {
  it('quotes per RFC 4180', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(0.5)).toBe('0.5');
  });
  it('has a header, one row per bucket and a totals row, CRLF-terminated', () => {
    const report = computeKpis(inputs([entry('c1', '2026-12-01T09:00:00.000Z', { waitS: 10, handleS: 300 }), entry('c2', '2026-12-02T09:00:00.000Z', { state: 'left' })], { scores: [0, 0, 0, 0, 1] }));
    const csv = kpiCsv(report);
    expect(csv.endsWith('\r\n')).toBe(true);
    const lines = csv.slice(0, -2).split('\r\n');
    expect(lines[0]).toBe(KPI_CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(1 + report.series.length + 1);
    expect(lines[1]).toBe('2026-12-01T00:00:00.000Z,1,1,0,10,,,,,,,,,,,');
    expect(lines.at(-1)).toBe('total,2,1,1,10,10,10,10,300,300,0.5,1,5,1,,0');
    expect(lines.every((line) => line.split(',').length === KPI_CSV_COLUMNS.length)).toBe(true);
  });
});
