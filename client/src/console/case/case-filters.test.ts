// The case list's filters: the hash round-trips, the API query always says the status, live cases match.
import { describe, expect, it } from 'vitest';
import type { CaseView } from '../../../../protocol/http.ts';
import { DEFAULT_FILTERS, filtersActive, filtersFromHash, filtersToHash, filtersToQuery, matchesFilters } from './case-filters.ts';

const view = (over: Partial<CaseView>): CaseView => ({
  id: 'case_1', kind: 'damage', title: 'Hail on a Golf', customerName: 'Dana', assessorId: 'usr_a', createdAt: '2026-12-04T10:00:00.000Z',
  joinExpiresAt: '2026-12-07T10:00:00.000Z', presence: 'offline', customerPeerId: null, evidenceCount: 0, decision: null,
  reference: 'CLM-1234', closedAt: null, archivedAt: null, ...over,
});

describe('case filters', () => {
  it('round-trip through the hash, with defaults left out', () => {
    expect(filtersToHash(DEFAULT_FILTERS)).toBe('#/');
    const filters = { ...DEFAULT_FILTERS, q: 'golf 12', status: 'closed' as const, kind: 'preview' as const, assessorId: 'usr_b', from: '2026-12-01', to: '2026-12-31', archived: true };
    expect(filtersFromHash(filtersToHash(filters))).toEqual(filters);
    expect(filtersActive(filters)).toBe(true);
    expect(filtersFromHash('#/?status=nonsense&from=yesterday')).toEqual(DEFAULT_FILTERS);
  });

  it('always send the status to the API', () => {
    expect(filtersToQuery(DEFAULT_FILTERS)).toBe('status=open');
    expect(filtersToQuery({ ...DEFAULT_FILTERS, q: ' 50% ', assessorId: 'usr_b' })).toBe('status=open&q=50%25&assessorId=usr_b');
  });

  it('match a live case as the server would', () => {
    expect(matchesFilters(view({}), { ...DEFAULT_FILTERS, q: 'golf 1234' })).toBe(true);
    expect(matchesFilters(view({}), { ...DEFAULT_FILTERS, q: 'golf 999' })).toBe(false);
    expect(matchesFilters(view({ closedAt: '2026-12-04T11:00:00.000Z' }), DEFAULT_FILTERS)).toBe(false);
    expect(matchesFilters(view({ closedAt: '2026-12-04T11:00:00.000Z' }), { ...DEFAULT_FILTERS, status: 'closed' })).toBe(true);
    expect(matchesFilters(view({ archivedAt: 'x', closedAt: 'x' }), { ...DEFAULT_FILTERS, status: 'all' })).toBe(false);
    expect(matchesFilters(view({}), { ...DEFAULT_FILTERS, from: '2026-12-05' })).toBe(false);
    expect(matchesFilters(view({}), { ...DEFAULT_FILTERS, assessorId: 'usr_b' })).toBe(false);
  });
});
