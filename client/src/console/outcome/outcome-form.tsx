// The case outcome: decision, reason, amount when settled, and damage items. A changed decision is
// submitted as a new outcome; nothing is edited in place.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { OutcomeBody, type Decision, type DamageItem, type OutcomeView } from '../../../../protocol/http.ts';
import { messageOf } from '../../lib/api.ts';
import { Banner } from '../../ui/banner.tsx';
import { randomId } from '../../lib/ids.ts';
import { consoleApi } from '../app/console-api.ts';
import { issuesText } from './issues-text.ts';

interface ItemRow {
  key: string;
  area: string;
  severity: DamageItem['severity'];
  cost: string;
}

const decisions: readonly Decision[] = ['approved', 'denied', 'referred', 'settled'];
const severities: DamageItem['severity'][] = ['minor', 'moderate', 'severe', 'total'];

const newRow = (): ItemRow => ({ key: randomId(4), area: '', severity: 'moderate', cost: '' });

export function OutcomeForm(props: { caseId: string; hasOutcome: boolean; onRecorded: (outcome: OutcomeView) => void }) {
  const { t } = useTranslation('casework');
  const [decision, setDecision] = useState<Decision>('approved');
  const [reason, setReason] = useState('');
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState('EUR');
  const [rows, setRows] = useState<ItemRow[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const setRow = (key: string, change: Partial<ItemRow>): void => setRows((list) => list.map((r) => (r.key === key ? { ...r, ...change } : r)));

  function submit(event: FormEvent): void {
    event.preventDefault();
    const parsed = OutcomeBody.safeParse({
      decision,
      reason,
      ...(decision === 'settled' ? { amount: amount === '' ? undefined : Number(amount), currency: currency.trim().toUpperCase() } : {}),
      damageItems: rows.filter((r) => r.area.trim() || r.cost).map((r) => ({ area: r.area, severity: r.severity, estimatedCost: Number(r.cost || 0) })),
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
        setRows([]);
      }, (e: unknown) => setError(messageOf(e)))
      .finally(() => setBusy(false));
  }

  return (
    <form className="outcome-form" onSubmit={submit} data-testid="outcome-form">
      <h3>{t(props.hasOutcome ? 'outcome.recordChanged' : 'outcome.record')}</h3>
      {error && (
        <Banner tone="error" testId="outcome-error">
          {error}
        </Banner>
      )}
      <div className="outcome-grid">
        <div className="field">
          <label htmlFor="outcome-decision">{t('outcome.decision')}</label>
          <select id="outcome-decision" data-testid="outcome-decision" value={decision} onChange={(e) => setDecision(decisions.find((d) => d === e.target.value) ?? 'approved')}>
            {decisions.map((d) => (
              <option key={d} value={d}>
                {t(`outcome.decisions.${d}`)}
              </option>
            ))}
          </select>
        </div>
        {decision === 'settled' && (
          <>
            <div className="field">
              <label htmlFor="outcome-amount">{t('outcome.amount')}</label>
              <input id="outcome-amount" data-testid="outcome-amount" type="number" min="0" step="0.01" required value={amount} onChange={(e) => setAmount(e.target.value)} />
            </div>
            <div className="field field-narrow">
              <label htmlFor="outcome-currency">{t('outcome.currency')}</label>
              <input id="outcome-currency" data-testid="outcome-currency" maxLength={3} required value={currency} onChange={(e) => setCurrency(e.target.value.toUpperCase())} />
            </div>
          </>
        )}
      </div>
      <div className="field">
        <label htmlFor="outcome-reason">{t('outcome.reason')}</label>
        <textarea id="outcome-reason" data-testid="outcome-reason" required maxLength={4000} value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
      <fieldset className="items">
        <legend>{t('outcome.items')}</legend>
        {rows.map((row) => (
          <div className="item-row" key={row.key} data-testid="damage-row">
            <input aria-label={t('outcome.area')} placeholder={t('outcome.area')} data-testid="damage-area" value={row.area} onChange={(e) => setRow(row.key, { area: e.target.value })} />
            <select aria-label={t('outcome.severity')} data-testid="damage-severity" value={row.severity} onChange={(e) => setRow(row.key, { severity: severities.find((s) => s === e.target.value) ?? 'moderate' })}>
              {severities.map((s) => (
                <option key={s} value={s}>
                  {t(`outcome.severities.${s}`)}
                </option>
              ))}
            </select>
            <input aria-label={t('outcome.cost')} placeholder={t('outcome.costPlaceholder')} type="number" min="0" step="0.01" data-testid="damage-cost" value={row.cost} onChange={(e) => setRow(row.key, { cost: e.target.value })} />
            <button type="button" className="btn btn-ghost btn-small" aria-label={t('outcome.removeItem')} onClick={() => setRows((list) => list.filter((r) => r.key !== row.key))}>
              ×
            </button>
          </div>
        ))}
        <button type="button" className="btn btn-small" data-testid="damage-add" onClick={() => setRows((list) => [...list, newRow()])}>
          {t('outcome.addItem')}
        </button>
      </fieldset>
      <div className="row-end">
        <button type="submit" className="btn btn-primary" data-testid="outcome-submit" disabled={busy}>
          {t(busy ? 'outcome.recording' : 'outcome.submit')}
        </button>
      </div>
    </form>
  );
}
