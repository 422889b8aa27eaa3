// "New case": title, kind, customer name and the guided-capture checklist; the created case's join
// link is shown by the caller.
import { useState, type FormEvent } from 'react';
import { CHECKLIST_TEMPLATES, ChecklistTemplateId } from '../../../protocol/checklist.ts';
import type { CaseCreated, CaseKind } from '../../../protocol/http.ts';
import { messageOf } from '../ui/api.ts';
import { Banner } from '../ui/banner.tsx';
import { consoleApi } from './console-api.ts';

export function NewCaseForm(props: { onCreated: (created: CaseCreated) => void; onCancel: () => void }) {
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<CaseKind>('damage');
  const [customerName, setCustomerName] = useState('');
  const [checklist, setChecklist] = useState<ChecklistTemplateId | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function submit(event: FormEvent): void {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const name = customerName.trim();
    consoleApi
      .createCase({ title, kind, ...(name ? { customerName: name } : {}), ...(checklist ? { checklist } : {}) })
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
