// The case list's search box and filters: status, kind, assessor (admins), creation days, archived.
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('console');
  const { filters, onChange } = props;
  return (
    <div className="case-filters" role="search" data-testid="case-filters">
      <input
        type="search"
        className="case-search"
        data-testid="case-search"
        aria-label={t('filters.search')}
        placeholder={t('filters.searchHint')}
        maxLength={200}
        value={props.text}
        onChange={(e) => props.onText(e.target.value)}
      />
      <div className="chips" role="group" aria-label={t('filters.status')}>
        {(['open', 'closed', 'all'] as const).map((status) => (
          <button
            key={status}
            type="button"
            className={`chip ${filters.status === status ? 'chip-on' : ''}`}
            aria-pressed={filters.status === status}
            data-testid={`filter-status-${status}`}
            onClick={() => onChange({ status })}
          >
            {t(`filters.${status}`)}
          </button>
        ))}
      </div>
      <select aria-label={t('filters.kind')} data-testid="filter-kind" value={filters.kind} onChange={(e) => onChange({ kind: e.target.value === 'damage' || e.target.value === 'preview' ? e.target.value : '' })}>
        <option value="">{t('filters.anyKind')}</option>
        <option value="damage">{t('kind.damage')}</option>
        <option value="preview">{t('kind.preview')}</option>
      </select>
      {props.assessors && (
        <select aria-label={t('filters.assessor')} data-testid="filter-assessor" value={filters.assessorId} onChange={(e) => onChange({ assessorId: e.target.value })}>
          <option value="">{t('filters.anyAssessor')}</option>
          {props.assessors.map((u) => (
            <option key={u.id} value={u.id}>
              {u.disabledAt ? t('filters.disabledUser', { name: u.name }) : u.name}
            </option>
          ))}
        </select>
      )}
      <label className="date-filter">
        <span>{t('filters.from')}</span>
        <input type="date" data-testid="filter-from" value={filters.from} max={filters.to || undefined} onChange={(e) => onChange({ from: e.target.value })} />
      </label>
      <label className="date-filter">
        <span>{t('filters.to')}</span>
        <input type="date" data-testid="filter-to" value={filters.to} min={filters.from || undefined} onChange={(e) => onChange({ to: e.target.value })} />
      </label>
      <label className="check-filter">
        <input type="checkbox" data-testid="filter-archived" checked={filters.archived} onChange={(e) => onChange({ archived: e.target.checked })} />
        <span>{t('list.archived')}</span>
      </label>
    </div>
  );
}
