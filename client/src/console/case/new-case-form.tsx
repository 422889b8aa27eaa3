// "New case": title, kind, customer name, the claim, policy or booking reference, and the guided-capture
// checklist of a damage case or the tour of a preview case, and the language the customer's page starts in;
// the created case's join link is shown by the caller.
import { useEffect, useState, type FormEvent } from 'react';
import { CHECKLIST_TEMPLATES, ChecklistTemplateId } from '../../../../protocol/checklist.ts';
import type { CaseCreated, CaseKind } from '../../../../protocol/http.ts';
import type { TourSummary } from '../../../../protocol/tour.ts';
import { messageOf } from '../../lib/api.ts';
import { Banner } from '../../ui/banner.tsx';
import { LANGUAGES } from '../../i18n/i18n.ts';
import { languageName } from '../../ui/language-name.ts';
import { consoleApi } from '../app/console-api.ts';

const formatMegabytes = (bytes: number): string => `${(bytes / 1_000_000).toFixed(1)} MB`;

/** What the operator's reference is called for a kind of case. */
export const referenceLabel = (kind: CaseKind): string => (kind === 'preview' ? 'Booking reference' : 'Claim or policy number');

export function NewCaseForm(props: { onCreated: (created: CaseCreated) => void; onCancel: () => void }) {
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
      <h2>New case</h2>
      {error && <Banner tone="error">{error}</Banner>}
      <div className="new-case-grid">
        <div className="field">
          <label htmlFor="case-title">Title</label>
          <input id="case-title" data-testid="new-case-title" required maxLength={200} placeholder="e.g. Water damage, kitchen ceiling" value={title} onChange={(e) => setTitle(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="case-kind">Kind</label>
          <select id="case-kind" data-testid="new-case-kind" value={kind} onChange={(e) => setKind(e.target.value === 'preview' ? 'preview' : 'damage')}>
            <option value="damage">Damage assessment</option>
            <option value="preview">Pre-purchase preview</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="case-customer">Customer name</label>
          <input id="case-customer" data-testid="new-case-customer" maxLength={120} placeholder="optional" value={customerName} onChange={(e) => setCustomerName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="case-reference">{referenceLabel(kind)}</label>
          <input id="case-reference" data-testid="new-case-reference" maxLength={64} placeholder="optional" value={reference} onChange={(e) => setReference(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="case-language">Customer's language</label>
          <select id="case-language" data-testid="new-case-language" value={language ?? ''} onChange={(e) => setLanguage(e.target.value || null)}>
            <option value="">As their browser is set</option>
            {LANGUAGES.map((tag) => (
              <option key={tag} value={tag} lang={tag}>
                {languageName(tag)}
              </option>
            ))}
          </select>
        </div>
        {kind === 'damage' ? (
          <div className="field">
            <label htmlFor="case-checklist">Guided capture</label>
            <select id="case-checklist" data-testid="new-case-checklist" value={checklist ?? ''} onChange={(e) => setChecklist(ChecklistTemplateId.safeParse(e.target.value).data ?? null)}>
              <option value="">None</option>
              {ChecklistTemplateId.options.map((id) => (
                <option key={id} value={id}>
                  {CHECKLIST_TEMPLATES[id].title} · {CHECKLIST_TEMPLATES[id].items.length} items
                </option>
              ))}
            </select>
          </div>
        ) : (
          <div className="field">
            <label htmlFor="case-tour">Tour</label>
            {tours !== null && tours.length === 0 ? (
              <p className="muted" data-testid="new-case-no-tours">No tours on this server: the customer gets a video call.</p>
            ) : (
              <select id="case-tour" data-testid="new-case-tour" value={tour ?? ''} disabled={tours === null} onChange={(e) => setTour(e.target.value || null)}>
                {tours === null && <option value="">Loading tours…</option>}
                {tours?.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.title} · {t.seats > 0 ? `${t.seats} seats` : `${t.viewpoints} viewpoints`} · {formatMegabytes(t.bytes)}
                  </option>
                ))}
              </select>
            )}
          </div>
        )}
      </div>
      <div className="row-end">
        <button type="button" className="btn" onClick={props.onCancel}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" data-testid="new-case-submit" disabled={busy || !title.trim()}>
          {busy ? 'Creating…' : 'Create case and link'}
        </button>
      </div>
    </form>
  );
}
