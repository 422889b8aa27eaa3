// The organisation's settings in the admin pages (issue 15): whether an offer needs a passed identity
// check, how the customer confirms accepting, and how far from the case's address a photo may be.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { OrgSettings, OrgSettingsPatch } from '../../../../protocol/settings.ts';
import { apiFetch, messageOf } from '../../lib/api.ts';
import { Banner, type Tone } from '../../ui/banner.tsx';

export function OrgSettingsSection(props: { notify: (tone: Tone, text: string) => void }) {
  const { notify } = props;
  const { t } = useTranslation('admin');
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
        notify('success', t('settings.saved'));
      }, (e: unknown) => setError(messageOf(e)))
      .finally(() => setBusy(false));
  }

  return (
    <section className="card org-settings" aria-labelledby="org-settings-title" data-testid="org-settings">
      <h2 id="org-settings-title">{t('settings.title')}</h2>
      {error && <Banner tone="error" testId="org-settings-error">{error}</Banner>}
      <form onSubmit={save}>
        <label className="check">
          <input type="checkbox" data-testid="setting-offer-requires-identity" checked={draft.offerRequiresIdentity} onChange={(e) => change({ offerRequiresIdentity: e.target.checked })} />
          {t('settings.offerRequiresIdentity')}
        </label>
        <div className="field">
          <label htmlFor="setting-confirm-with">{t('settings.confirmWith')}</label>
          <select id="setting-confirm-with" data-testid="setting-offer-confirm-with" value={draft.offerConfirmWith} onChange={(e) => change({ offerConfirmWith: e.target.value === 'identity' ? 'identity' : 'code' })}>
            <option value="code">{t('settings.confirmCode')}</option>
            <option value="identity">{t('settings.confirmIdentity')}</option>
          </select>
        </div>
        <div className="field field-narrow">
          <label htmlFor="setting-capture-distance">{t('settings.captureDistance')}</label>
          <input id="setting-capture-distance" data-testid="setting-capture-max-distance" type="number" min={10} max={1_000_000} step={1} value={draft.captureMaxDistanceM} onChange={(e) => change({ captureMaxDistanceM: Number(e.target.value) })} />
        </div>
        <div className="row-end">
          <button type="submit" className="btn btn-primary" data-testid="org-settings-save" disabled={busy || !dirty}>
            {busy ? t('settings.saving') : t('settings.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
