// "New case": title, kind, customer name, the claim, policy or booking reference, and the guided-capture
// checklist of a damage case or the tour of a preview case, and the language the customer's page starts in;
// the created case's join link is shown by the caller.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CHECKLIST_TEMPLATES, ChecklistTemplateId } from '../../../../protocol/checklist.ts';
import type { CaseCreated, CaseKind } from '../../../../protocol/http.ts';
import type { TourSummary } from '../../../../protocol/tour.ts';
import { messageOf } from '../../lib/api.ts';
import { Banner } from '../../ui/banner.tsx';
import { i18next, LANGUAGES } from '../../i18n/i18n.ts';
import { languageName } from '../../ui/language-name.ts';
import { consoleApi } from '../app/console-api.ts';

const formatMegabytes = (bytes: number): string => `${(bytes / 1_000_000).toFixed(1)} MB`;

/** What the operator's reference is called for a kind of case. */
export const referenceLabel = (kind: CaseKind): string => i18next.t(kind === 'preview' ? 'console:newCase.bookingReference' : 'console:newCase.claimReference');

export function NewCaseForm(props: { onCreated: (created: CaseCreated) => void; onCancel: () => void }) {
  const { t } = useTranslation('console');
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<CaseKind>('damage');
  const [customerName, setCustomerName] = useState('');
  const [reference, setReference] = useState('');
  const [checklist, setChecklist] = useState<ChecklistTemplateId | null>(null);
  const [tours, setTours] = useState<TourSummary[] | null>(null);
  const [tour, setTour] = useState<string | null>(null);
  /** null: none chosen, the customer's browser decides. */
  const [language, setLanguage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (kind !== 'preview' || tours !== null) return;
    let live = true;
    consoleApi.listTours().then(
      (list) => {
        if (!live) return;
        setTours(list);
        setTour((current) => current ?? list[0]?.id ?? null);
      },
      (e: unknown) => live && setError(messageOf(e)),
    );
    return () => {
      live = false;
    };
  }, [kind, tours]);

  function submit(event: FormEvent): void {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const name = customerName.trim();
    const ref = reference.trim();
    consoleApi
      .createCase({
        title,
        kind,
        ...(name ? { customerName: name } : {}),
        ...(ref ? { reference: ref } : {}),
        ...(kind === 'damage' && checklist ? { checklist } : {}),
        ...(kind === 'preview' && tour ? { tour } : {}),
        ...(language ? { language } : {}),
      })
      .then(props.onCreated, (e: unknown) => setError(messageOf(e)))
      .finally(() => setBusy(false));
  }

  return (
    <form className="card new-case" onSubmit={submit} data-testid="new-case-form">
      <h2>{t('list.newCase')}</h2>
      {error && <Banner tone="error">{error}</Banner>}
      <div className="new-case-grid">
        <div className="field">
          <label htmlFor="case-title">{t('newCase.title')}</label>
          <input id="case-title" data-testid="new-case-title" autoFocus required maxLength={200} placeholder={t('newCase.titleHint')} value={title} onChange={(e) => setTitle(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="case-kind">{t('filters.kind')}</label>
          <select id="case-kind" data-testid="new-case-kind" value={kind} onChange={(e) => setKind(e.target.value === 'preview' ? 'preview' : 'damage')}>
            <option value="damage">{t('kind.damage')}</option>
            <option value="preview">{t('kind.preview')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="case-customer">{t('newCase.customer')}</label>
          <input id="case-customer" data-testid="new-case-customer" maxLength={120} placeholder={t('newCase.optional')} value={customerName} onChange={(e) => setCustomerName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="case-reference">{referenceLabel(kind)}</label>
          <input id="case-reference" data-testid="new-case-reference" maxLength={64} placeholder={t('newCase.optional')} value={reference} onChange={(e) => setReference(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="case-language">{t('newCase.language')}</label>
          <select id="case-language" data-testid="new-case-language" value={language ?? ''} onChange={(e) => setLanguage(e.target.value || null)}>
            <option value="">{t('newCase.browserLanguage')}</option>
            {LANGUAGES.map((tag) => (
              <option key={tag} value={tag} lang={tag}>
                {languageName(tag)}
              </option>
            ))}
          </select>
        </div>
        {kind === 'damage' ? (
          <div className="field">
            <label htmlFor="case-checklist">{t('newCase.checklist')}</label>
            <select id="case-checklist" data-testid="new-case-checklist" value={checklist ?? ''} onChange={(e) => setChecklist(ChecklistTemplateId.safeParse(e.target.value).data ?? null)}>
              <option value="">{t('list.none')}</option>
              {ChecklistTemplateId.options.map((id) => (
                <option key={id} value={id}>
                  {t('newCase.checklistItems', { title: CHECKLIST_TEMPLATES[id].title, count: CHECKLIST_TEMPLATES[id].items.length })}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <div className="field">
            <label htmlFor="case-tour">{t('newCase.tour')}</label>
            {tours !== null && tours.length === 0 ? (
              <p className="muted" data-testid="new-case-no-tours">{t('newCase.noTours')}</p>
            ) : (
              <select id="case-tour" data-testid="new-case-tour" value={tour ?? ''} disabled={tours === null} onChange={(e) => setTour(e.target.value || null)}>
                {tours === null && <option value="">{t('newCase.loadingTours')}</option>}
                {tours?.map((summary) => (
                  <option key={summary.id} value={summary.id}>
                    {[summary.title, summary.seats > 0 ? t('newCase.seats', { count: summary.seats }) : t('newCase.viewpoints', { count: summary.viewpoints }), formatMegabytes(summary.bytes)].join(' · ')}
                  </option>
                ))}
              </select>
            )}
          </div>
        )}
      </div>
      <div className="row-end">
        <button type="button" className="btn" onClick={props.onCancel}>
          {t('cancel')}
        </button>
        <button type="submit" className="btn btn-primary" data-testid="new-case-submit" disabled={busy || !title.trim()}>
          {busy ? t('newCase.creating') : t('newCase.create')}
        </button>
      </div>
    </form>
  );
}
