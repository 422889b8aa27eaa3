// The outcome of a preview case: booked (an option of the tour, a seat of a cabin, at the option's
// price or an agreed one), not booked, or a follow-up on a date. A changed decision is a new outcome.
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { OutcomeBody, type Decision, type OutcomeView } from '../../../../protocol/http.ts';
import type { TourManifest } from '../../../../protocol/tour.ts';
import { messageOf } from '../../lib/api.ts';
import { Banner } from '../../ui/banner.tsx';
import { consoleApi } from '../app/console-api.ts';
import { localizeTour } from '../../xr/tour/tour-translation.ts';
import { BookableOptions } from '../tour/bookable-options.tsx';
import { issuesText } from './issues-text.ts';

const decisions: readonly Decision[] = ['booked', 'not-booked', 'follow-up'];

const tomorrow = (): string => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

export function PreviewOutcomeForm(props: { caseId: string; tourId: string | null; hasOutcome: boolean; onRecorded: (outcome: OutcomeView) => void }) {
  const { t, i18n } = useTranslation('casework');
  const [manifest, setTour] = useState<TourManifest | null>(null);
  // The options' titles in the console's language where the tour has them (ids and prices unchanged).
  const tour = useMemo(() => manifest && localizeTour(manifest, i18n.language), [manifest, i18n.language]);
  const [decision, setDecision] = useState<Decision>('booked');
  const [option, setOption] = useState('');
  const [seat, setSeat] = useState('');
  const [amount, setAmount] = useState('');
  const [followUpOn, setFollowUpOn] = useState(tomorrow);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!props.tourId) return;
    let live = true;
    consoleApi.tourManifest(props.tourId).then(
      (loaded) => {
        if (!live) return;
        setTour(loaded);
        setOption((current) => current || loaded.bookables[0]?.id || '');
      },
      (e: unknown) => live && setError(messageOf(e)),
    );
    return () => {
      live = false;
    };
  }, [props.tourId]);

  const chosen = tour?.bookables.find((b) => b.id === option) ?? null;
  const seats = tour?.plan?.kind === 'seats' ? tour.plan.seats : [];

  function submit(event: FormEvent): void {
    event.preventDefault();
    const agreed = amount.trim() === '' ? {} : { amount: Number(amount), currency: chosen?.price.currency };
    const parsed = OutcomeBody.safeParse({
      decision,
      reason,
      ...(decision === 'booked' ? { booking: { option, ...(seat ? { seat } : {}) }, ...agreed } : {}),
      ...(decision === 'follow-up' ? { followUpOn } : {}),
    });
    if (!parsed.success) {
      setError(issuesText(parsed.error.issues, 'outcome'));
      return;
    }
    setBusy(true);
    setError(null);
    consoleApi
      .postOutcome(props.caseId, parsed.data)
      .then((outcome) => {
        props.onRecorded(outcome);
        setReason('');
        setAmount('');
      }, (e: unknown) => setError(messageOf(e)))
      .finally(() => setBusy(false));
  }

  return (
    <form className="outcome-form" onSubmit={submit} data-testid="preview-outcome-form">
      <h3>{t(props.hasOutcome ? 'outcome.recordChanged' : 'outcome.record')}</h3>
      {error && (
        <Banner tone="error" testId="outcome-error">
          {error}
        </Banner>
      )}
      <div className="outcome-grid outcome-grid-preview">
        <div className="field">
          <label htmlFor="outcome-decision">{t('outcome.decision')}</label>
          <select id="outcome-decision" data-testid="outcome-decision" value={decision} onChange={(e) => setDecision(decisions.find((d) => d === e.target.value) ?? 'booked')}>
            {decisions.map((d) => (
              <option key={d} value={d}>
                {t(`outcome.decisions.${d}`)}
              </option>
            ))}
          </select>
        </div>
        {decision === 'booked' && (
          <>
            <div className="field">
              <label htmlFor="outcome-option">{t('outcome.bookedOption')}</label>
              <select id="outcome-option" data-testid="outcome-option" required value={option} onChange={(e) => setOption(e.target.value)} disabled={!tour}>
                {!tour && <option value="">{t('outcome.loadingTour')}</option>}
                {tour && <BookableOptions bookables={tour.bookables} />}
              </select>
            </div>
            {seats.length > 0 && (
              <div className="field field-narrow">
                <label htmlFor="outcome-seat">{t('outcome.seat')}</label>
                <input id="outcome-seat" data-testid="outcome-seat" list="outcome-seats" required maxLength={4} placeholder={t('outcome.seatExample')} value={seat} onChange={(e) => setSeat(e.target.value.toUpperCase())} />
                <datalist id="outcome-seats">
                  {seats.map((s) => (
                    <option key={s.id} value={s.id} />
                  ))}
                </datalist>
              </div>
            )}
            <div className="field field-narrow">
              <label htmlFor="outcome-amount">{chosen ? t('outcome.priceIn', { currency: chosen.price.currency }) : t('outcome.price')}</label>
              <input
                id="outcome-amount" data-testid="outcome-amount" type="number" min="0" step="0.01"
                placeholder={chosen ? String(chosen.price.amount) : ''} value={amount} onChange={(e) => setAmount(e.target.value)}
              />
            </div>
          </>
        )}
        {decision === 'follow-up' && (
          <div className="field">
            <label htmlFor="outcome-follow-up">{t('outcome.followUpOn')}</label>
            <input id="outcome-follow-up" data-testid="outcome-follow-up" type="date" required min={tomorrow()} value={followUpOn} onChange={(e) => setFollowUpOn(e.target.value)} />
          </div>
        )}
      </div>
      <div className="field">
        <label htmlFor="outcome-reason">{t(decision === 'not-booked' ? 'outcome.whyNot' : 'outcome.note')}</label>
        <textarea id="outcome-reason" data-testid="outcome-reason" required maxLength={4000} value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
      <div className="row-end">
        <button type="submit" className="btn btn-primary" data-testid="outcome-submit" disabled={busy}>
          {t(busy ? 'outcome.recording' : 'outcome.submit')}
        </button>
      </div>
    </form>
  );
}
