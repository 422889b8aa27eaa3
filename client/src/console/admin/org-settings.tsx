// The organisation's settings in the admin pages (issue 15): whether an offer needs a passed identity
// check, how the customer confirms accepting, and how far from the case's address a photo may be.
import { useEffect, useState, type FormEvent } from 'react';
import { OrgSettings, OrgSettingsPatch } from '../../../../protocol/settings.ts';
import { apiFetch, messageOf } from '../../lib/api.ts';
import { Banner, type Tone } from '../../ui/banner.tsx';

export function OrgSettingsSection(props: { notify: (tone: Tone, text: string) => void }) {
  const { notify } = props;
  const [saved, setSaved] = useState<OrgSettings | null>(null);
  const [draft, setDraft] = useState<OrgSettings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    apiFetch('/api/admin/settings', OrgSettings, { signal: controller.signal }).then(
      (loaded) => {
        setSaved(loaded);
        setDraft(loaded);
      },
      (e: unknown) => {
        if (!controller.signal.aborted) setError(messageOf(e));
      },
    );
    return () => controller.abort();
  }, []);

  if (!draft || !saved) return error ? <Banner tone="error">{error}</Banner> : null;
  const change = (patch: Partial<OrgSettings>) => setDraft({ ...draft, ...patch });
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);

  function save(event: FormEvent): void {
    event.preventDefault();
    const parsed = OrgSettingsPatch.safeParse(draft);
    if (!parsed.success) {
      setError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join(' · '));
      return;
    }
    setBusy(true);
    setError(null);
    apiFetch('/api/admin/settings', OrgSettings, { method: 'PUT', body: parsed.data })
      .then((now) => {
        setSaved(now);
        setDraft(now);
        notify('success', 'Settings saved.');
      }, (e: unknown) => setError(messageOf(e)))
      .finally(() => setBusy(false));
  }

  return (
    <section className="card org-settings" aria-label="Organisation settings" data-testid="org-settings">
      <h2>Organisation settings</h2>
      {error && <Banner tone="error" testId="org-settings-error">{error}</Banner>}
      <form onSubmit={save}>
        <label className="check">
          <input type="checkbox" data-testid="setting-offer-requires-identity" checked={draft.offerRequiresIdentity} onChange={(e) => change({ offerRequiresIdentity: e.target.checked })} />
          A settlement offer needs a passed identity check first
        </label>
        <div className="field">
          <label htmlFor="setting-confirm-with">The customer confirms accepting an offer with</label>
          <select id="setting-confirm-with" data-testid="setting-offer-confirm-with" value={draft.offerConfirmWith} onChange={(e) => change({ offerConfirmWith: e.target.value === 'identity' ? 'identity' : 'code' })}>
            <option value="code">a one-time code sent to their phone or email</option>
            <option value="identity">their passed identity check</option>
          </select>
        </div>
        <div className="field field-narrow">
          <label htmlFor="setting-capture-distance">Flag a photo taken farther than (metres) from the case's address</label>
          <input id="setting-capture-distance" data-testid="setting-capture-max-distance" type="number" min={10} max={1_000_000} step={1} value={draft.captureMaxDistanceM} onChange={(e) => change({ captureMaxDistanceM: Number(e.target.value) })} />
        </div>
        <div className="row-end">
          <button type="submit" className="btn btn-primary" data-testid="org-settings-save" disabled={busy || !dirty}>
            {busy ? 'Saving…' : 'Save settings'}
          </button>
        </div>
      </form>
    </section>
  );
}
