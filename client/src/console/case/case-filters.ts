// The case list's filters: kept in the URL hash (#/?q=…&status=…) so a reload keeps them, turned into
// the API's CaseListQuery, and matched against a case that arrives on the live feed.
import type { CaseKind, CaseView } from '../../../../protocol/http.ts';

export interface CaseFilters {
  q: string;
  status: 'open' | 'closed' | 'all';
  kind: CaseKind | '';
  assessorId: string;
  /** Creation days, YYYY-MM-DD, or ''. */
  from: string;
  to: string;
  archived: boolean;
}

/** The queue an assessor starts the day with: open cases. */
export const DEFAULT_FILTERS: CaseFilters = { q: '', status: 'open', kind: '', assessorId: '', from: '', to: '', archived: false };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function filtersFromHash(hash: string): CaseFilters {
  const params = new URLSearchParams(hash.split('?')[1] ?? '');
  const status = params.get('status');
  const kind = params.get('kind');
  const day = (name: string): string => {
    const value = params.get(name) ?? '';
    return DAY.test(value) ? value : '';
  };
  return {
    q: params.get('q') ?? '',
    status: status === 'closed' || status === 'all' ? status : 'open',
    kind: kind === 'damage' || kind === 'preview' ? kind : '',
    assessorId: params.get('assessor') ?? '',
    from: day('from'),
    to: day('to'),
    archived: params.get('archived') === 'true',
  };
}

/** Only what differs from the defaults, so a plain list is plain `#/`. */
export function filtersToHash(filters: CaseFilters): string {
  const params = new URLSearchParams();
  if (filters.q.trim()) params.set('q', filters.q.trim());
  if (filters.status !== DEFAULT_FILTERS.status) params.set('status', filters.status);
  if (filters.kind) params.set('kind', filters.kind);
  if (filters.assessorId) params.set('assessor', filters.assessorId);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  if (filters.archived) params.set('archived', 'true');
  const query = params.toString();
  return query ? `#/?${query}` : '#/';
}

/** The `GET /api/cases` query string. */
export function filtersToQuery(filters: CaseFilters): string {
  const params = new URLSearchParams({ status: filters.status });
  if (filters.q.trim()) params.set('q', filters.q.trim());
  if (filters.kind) params.set('kind', filters.kind);
  if (filters.assessorId) params.set('assessorId', filters.assessorId);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  if (filters.archived) params.set('archived', 'true');
  return params.toString();
}

export function filtersActive(filters: CaseFilters): boolean {
  return filtersToHash(filters) !== '#/';
}

/** Whether a case from the live feed belongs in the list as filtered (the server's rules, for one case). */
export function matchesFilters(c: CaseView, filters: CaseFilters): boolean {
  const closed = Boolean(c.closedAt);
  if (filters.status === 'open' && closed) return false;
  if (filters.status === 'closed' && !closed) return false;
  if (!filters.archived && c.archivedAt) return false;
  if (filters.kind && c.kind !== filters.kind) return false;
  if (filters.assessorId && c.assessorId !== filters.assessorId) return false;
  const day = c.createdAt.slice(0, 10);
  if ((filters.from && day < filters.from) || (filters.to && day > filters.to)) return false;
  const haystack = [c.title, c.customerName ?? '', c.reference ?? ''].join('\n').toLowerCase();
  return filters.q.toLowerCase().split(/\s+/).filter(Boolean).every((word) => haystack.includes(word));
}
