// The assessor's settlement offer: items (their sum is the amount), currency, conditions and an expiry
// in days or on a date. Disabled, with the reason, while the case cannot take an offer (identity check).
import { useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { OfferBody, type OfferReadiness, type OfferView } from '../../../../protocol/settlement-http.ts';
import { randomId } from '../../lib/ids.ts';
import { messageOf } from '../../lib/api.ts';
import { Banner } from '../../ui/banner.tsx';
import { formatMoney } from '../../ui/format.ts';
import { issuesText } from '../outcome/issues-text.ts';
import { makeOffer } from './offer-api.ts';

interface ItemRow {
  key: string;
  description: string;
  amount: string;
}

const DAY_MS = 86_400_000;
const newRow = (): ItemRow => ({ key: randomId(4), description: '', amount: '' });
const cents = (n: number) => Math.round(n * 100) / 100;

/** When the offer lapses: the end of the chosen day (local time), else now plus the days given. */
export function expiryFrom(days: string, date: string, now: number): string {
  if (date) return new Date(`${date}T23:59:00`).toISOString();
  return new Date(now + Number(days) * DAY_MS).toISOString();
}

/** Why no offer can be made, in the console's language (the server's `reason` is English, for API callers). */
function blockedWords(readiness: OfferReadiness, t: TFunction<'casework'>): string | null {
  switch (readiness.blocked) {
    case null:
      return readiness.reason;
    case 'identity_not_passed':
      return t(readiness.offerRequiresIdentity ? 'settlement.blocked.identity_required' : 'settlement.blocked.identity_confirm');
    case 'offer_already_accepted':
      return t('settlement.blocked.offer_already_accepted', { receiptCode: readiness.receiptCode ?? '' });
    default:
      return t(`settlement.blocked.${readiness.blocked}`);
  }
}

export function OfferForm(props: { caseId: string; readiness: OfferReadiness; hasOpenOffer: boolean; onMade: (offer: OfferView) => void }) {
  const { t } = useTranslation('casework');
  const [rows, setRows] = useState<ItemRow[]>([newRow()]);
  const [currency, setCurrency] = useState('EUR');
  const [conditions, setConditions] = useState('');
  const [days, setDays] = useState('7');
  const [date, setDate] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const items = rows.filter((r) => r.description.trim() || r.amount).map((r) => ({ description: r.description, amount: Number(r.amount || 0) }));
  const amount = cents(items.reduce((sum, item) => sum + item.amount, 0));
  const setRow = (key: string, change: Partial<ItemRow>): void => setRows((list) => list.map((r) => (r.key === key ? { ...r, ...change } : r)));
  const disabled = !props.readiness.canOffer;

  function submit(event: FormEvent): void {
    event.preventDefault();
    const parsed = OfferBody.safeParse({ amount, currency: currency.trim().toUpperCase(), items, conditions, expiresAt: expiryFrom(days, date, Date.now()) });
    if (!parsed.success) {
      setError(issuesText(parsed.error.issues, 'settlement'));
      return;
    }
    setBusy(true);
    setError(null);
    makeOffer(props.caseId, parsed.data)
      .then((offer) => {
        props.onMade(offer);
        setRows([newRow()]);
        setConditions('');
      }, (e: unknown) => setError(messageOf(e)))
      .finally(() => setBusy(false));
  }

  return (
    <form className="offer-form-console" onSubmit={submit} data-testid="offer-form" aria-disabled={disabled}>
      <h3>{t(props.hasOpenOffer ? 'settlement.newOffer' : 'settlement.makeOffer')}</h3>
      {disabled && (
        <Banner tone="warning" testId="offer-disabled">
          {blockedWords(props.readiness, t)}
        </Banner>
      )}
      {error && (
        <Banner tone="error" testId="offer-form-error">
          {error}
        </Banner>
      )}
      <fieldset className="items" disabled={disabled}>
        <legend>{t('settlement.items')}</legend>
        {rows.map((row) => (
          <div className="item-row" key={row.key} data-testid="offer-item-row">
            <input aria-label={t('settlement.item')} placeholder={t('settlement.itemPlaceholder')} data-testid="offer-item-description" value={row.description} onChange={(e) => setRow(row.key, { description: e.target.value })} />
            <input aria-label={t('settlement.itemAmount')} placeholder={t('settlement.amountPlaceholder')} type="number" min="0" step="0.01" data-testid="offer-item-amount" value={row.amount} onChange={(e) => setRow(row.key, { amount: e.target.value })} />
            <button type="button" className="btn btn-ghost btn-small" aria-label={t('settlement.removeItem')} onClick={() => setRows((list) => list.filter((r) => r.key !== row.key))}>
              ×
            </button>
          </div>
        ))}
        <button type="button" className="btn btn-small" data-testid="offer-item-add" onClick={() => setRows((list) => [...list, newRow()])}>
          {t('settlement.addItem')}
        </button>
      </fieldset>
      <fieldset className="offer-terms" disabled={disabled}>
        <div className="field field-narrow">
          <label htmlFor="offer-currency">{t('settlement.currency')}</label>
          <input id="offer-currency" data-testid="offer-currency" maxLength={3} required value={currency} onChange={(e) => setCurrency(e.target.value.toUpperCase())} />
        </div>
        <div className="field field-narrow">
          <label htmlFor="offer-days">{t('settlement.days')}</label>
          <input id="offer-days" data-testid="offer-days" type="number" min="1" max="30" value={days} disabled={date !== ''} onChange={(e) => setDays(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="offer-date">{t('settlement.orOn')}</label>
          <input id="offer-date" data-testid="offer-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="offer-conditions">{t('settlement.conditions')}</label>
          <textarea id="offer-conditions" data-testid="offer-conditions" maxLength={4000} value={conditions} onChange={(e) => setConditions(e.target.value)} />
        </div>
      </fieldset>
      <div className="row-end">
        <span className="muted" data-testid="offer-total">{t('settlement.total', { amount: formatMoney(amount, currency.length === 3 ? currency : 'EUR') })}</span>
        <button type="submit" className="btn btn-primary" data-testid="offer-submit" disabled={busy || disabled}>
          {t(busy ? 'settlement.sending' : 'settlement.send')}
        </button>
      </div>
    </form>
  );
}
