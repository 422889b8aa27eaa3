// The case's address (issue 15): the words and the coordinate photos are checked against, how many
// photos are flagged, and a form to set it — a coordinate typed or pasted ("55.9756, -3.1711") or taken
// from where one of the case's photos was taken. No geocoder, no map: nothing leaves the server.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CaseView, type EvidenceView } from '../../../../protocol/http.ts';
import { apiFetch, messageOf } from '../../lib/api.ts';
import { Banner, type Tone } from '../../ui/banner.tsx';
import { formatLocation } from '../../ui/format.ts';
import { CaptureIcon } from '../evidence/capture-flags.tsx';
import { photoNumbers } from '../evidence/evidence-corrections.ts';
import { coordinateText, readCoordinate } from './coordinate-text.ts';

/** Where a photo was taken: the device's position, or a gallery file's EXIF place. */
function placeOf(e: EvidenceView): { latitude: number; longitude: number; from: 'device' | 'exif' } | null {
  if (e.location) return { latitude: e.location.latitude, longitude: e.location.longitude, from: 'device' };
  if (e.exif && e.exif.latitude !== null && e.exif.longitude !== null) return { latitude: e.exif.latitude, longitude: e.exif.longitude, from: 'exif' };
  return null;
}

export function AddressCard(props: {
  case: CaseView;
  evidence: EvidenceView[];
  canWrite: boolean;
  onChanged: () => void;
  notify: (tone: Tone, text: string) => void;
}) {
  const { t } = useTranslation('console');
  const c = props.case;
  const address = c.address ?? null;
  const [editing, setEditing] = useState(false);
  const [words, setWords] = useState('');
  const [coordinate, setCoordinate] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setWords(address?.address ?? '');
    setCoordinate(address ? coordinateText(address.latitude, address.longitude) : '');
    setError(null);
  }, [editing, address?.address, address?.latitude, address?.longitude]);

  const numbers = photoNumbers(props.evidence);
  const checked = props.evidence.filter((e) => e.capture);
  const flagged = checked.filter((e) => (e.capture?.flags.length ?? 0) > 0);
  const placed = props.evidence
    .map((e) => ({ e, place: placeOf(e) }))
    .filter((p): p is { e: EvidenceView; place: NonNullable<ReturnType<typeof placeOf>> } => p.place !== null)
    .sort((a, b) => (numbers.get(a.e.id) ?? 0) - (numbers.get(b.e.id) ?? 0));

  function submit(event: FormEvent): void {
    event.preventDefault();
    const reading = readCoordinate(coordinate);
    if (!reading.ok) {
      setError(reading.reason);
      return;
    }
    setBusy(true);
    setError(null);
    apiFetch(`/api/cases/${encodeURIComponent(c.id)}/address`, CaseView, {
      method: 'PUT',
      body: { address: words.trim() || null, latitude: reading.latitude, longitude: reading.longitude },
    })
      .then(() => {
        setEditing(false);
        props.notify('success', t('address.saved'));
        props.onChanged();
      }, (failure: unknown) => setError(messageOf(failure)))
      .finally(() => setBusy(false));
  }

  return (
    <section className="card address-card" aria-label={t('address.title')} data-testid="address-card" data-has-address={address !== null}>
      <h3>{t('address.title')}</h3>
      {address ? (
        <>
          {address.address && <p data-testid="address-words">{address.address}</p>}
          <p className="small muted" data-testid="address-coordinate">{formatLocation(address.latitude, address.longitude)}</p>
        </>
      ) : (
        <p className="small muted" data-testid="address-none">{t('address.none')}</p>
      )}
      {checked.length > 0 && (flagged.length > 0 ? (
        <p className="small address-flagged" data-testid="address-flagged" data-count={flagged.length}>
          <CaptureIcon kind="warn" />
          {t('address.flagged', { flagged: flagged.length, count: checked.length, photos: flagged.map((e) => numbers.get(e.id)).sort((a, b) => (a ?? 0) - (b ?? 0)).join(', ') })}
        </p>
      ) : (
        <p className="small address-clean" data-testid="address-flagged" data-count={0}>
          <CaptureIcon kind="ok" />
          {t('address.noneFlagged')}
        </p>
      ))}
      {editing ? (
        <form onSubmit={submit} noValidate data-testid="address-form">
          <div className="field">
            <label htmlFor="address-words">{t('address.words')}</label>
            <input id="address-words" data-testid="address-input" maxLength={500} placeholder={t('address.wordsHint')} value={words} onChange={(event) => setWords(event.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="address-coordinate">{t('address.coordinate')}</label>
            <input id="address-coordinate" data-testid="address-coordinate-input" inputMode="decimal" placeholder="55.9756, -3.1711" value={coordinate} onChange={(event) => setCoordinate(event.target.value)} />
          </div>
          {placed.length > 0 && (
            <div className="field">
              <label htmlFor="address-from-photo">{t('address.fromPhoto')}</label>
              <select id="address-from-photo" data-testid="address-from-photo" value="" onChange={(event) => {
                const chosen = placed.find((p) => p.e.id === event.target.value);
                if (chosen) setCoordinate(coordinateText(chosen.place.latitude, chosen.place.longitude));
              }}>
                <option value="">{t('address.choosePhoto')}</option>
                {placed.map(({ e, place }) => (
                  <option key={e.id} value={e.id}>
                    {t('address.usePhoto', { photo: numbers.get(e.id), from: t(`address.from.${place.from}`), coordinate: `${place.latitude.toFixed(4)}, ${place.longitude.toFixed(4)}` })}
                  </option>
                ))}
              </select>
            </div>
          )}
          {error && <Banner tone="error" testId="address-error">{error}</Banner>}
          <div className="row-end">
            <button type="button" className="btn btn-small" onClick={() => setEditing(false)} disabled={busy}>{t('cancel')}</button>
            <button type="submit" className="btn btn-primary btn-small" data-testid="address-save" disabled={busy}>{busy ? t('saving') : t('address.save')}</button>
          </div>
        </form>
      ) : (
        props.canWrite && !c.closedAt && (
          <button type="button" className="btn btn-small" data-testid="address-edit" onClick={() => setEditing(true)}>
            {address ? t('address.change') : t('address.set')}
          </button>
        )
      )}
    </section>
  );
}
