// The case list's search box and filters: status, kind, assessor (admins), creation days, archived.
import type { UserAdminView } from '../../../../protocol/http.ts';
import type { CaseFilters } from './case-filters.ts';

export function CaseFilterBar(props: {
  filters: CaseFilters;
  text: string;
  onText: (text: string) => void;
  onChange: (next: Partial<CaseFilters>) => void;
  /** The assessors an admin may filter by; null for an assessor (who sees only their own cases). */
  assessors: UserAdminView[] | null;
}) {
  const { filters, onChange } = props;
  return (
    <div className="case-filters" role="search" data-testid="case-filters">
      <input
        type="search"
        className="case-search"
        data-testid="case-search"
        aria-label="Search cases"
        placeholder="Title, customer or reference"
        maxLength={200}
        value={props.text}
        onChange={(e) => props.onText(e.target.value)}
      />
      <div className="chips" role="group" aria-label="Status">
        {(['open', 'closed', 'all'] as const).map((status) => (
          <button
            key={status}
            type="button"
            className={`chip ${filters.status === status ? 'chip-on' : ''}`}
            aria-pressed={filters.status === status}
            data-testid={`filter-status-${status}`}
            onClick={() => onChange({ status })}
          >
            {status === 'open' ? 'Open' : status === 'closed' ? 'Closed' : 'All'}
          </button>
        ))}
      </div>
      <select aria-label="Kind" data-testid="filter-kind" value={filters.kind} onChange={(e) => onChange({ kind: e.target.value === 'damage' || e.target.value === 'preview' ? e.target.value : '' })}>
        <option value="">Any kind</option>
        <option value="damage">Damage assessment</option>
        <option value="preview">Pre-purchase preview</option>
      </select>
      {props.assessors && (
        <select aria-label="Assessor" data-testid="filter-assessor" value={filters.assessorId} onChange={(e) => onChange({ assessorId: e.target.value })}>
          <option value="">Any assessor</option>
          {props.assessors.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
              {u.disabledAt ? ' (disabled)' : ''}
            </option>
          ))}
        </select>
      )}
      <label className="date-filter">
        <span>From</span>
        <input type="date" data-testid="filter-from" value={filters.from} max={filters.to || undefined} onChange={(e) => onChange({ from: e.target.value })} />
      </label>
      <label className="date-filter">
        <span>To</span>
        <input type="date" data-testid="filter-to" value={filters.to} min={filters.from || undefined} onChange={(e) => onChange({ to: e.target.value })} />
      </label>
      <label className="check-filter">
        <input type="checkbox" data-testid="filter-archived" checked={filters.archived} onChange={(e) => onChange({ archived: e.target.checked })} />
        <span>Archived</span>
      </label>
    </div>
  );
}
