// "I already have a case": the case's reference, a one-time code sent to where its link went, and the
// six digits (the phone offers them from the message: autocomplete one-time-code). Opened from a join
// page, the case is known already and this only says so.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messageOf } from '../lib/api.ts';
import { requestCode } from './intake-api.ts';
import type { FieldErrors } from '../lib/field-errors.ts';

/** The shape of a case reference, shown in the empty field (the same in every language). */
const REFERENCE_EXAMPLE = 'SL-…';

export interface ExistingCase {
  open: boolean;
  reference: string;
  code: string;
}

export function ExistingCaseFields(props: { value: ExistingCase; onChange: (value: ExistingCase) => void; errors: FieldErrors }) {
  const { t } = useTranslation('start');
  const { value, onChange, errors } = props;
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState<string | null>(null);
  const [sendError, setSendError] = useState<string | null>(null);
  const referenceError = errors['existing.reference'];
  const codeError = errors['existing.code'];

  const send = (): void => {
    const reference = value.reference.trim();
    if (!reference) {
      setSendError(t('existing.referenceFirst'));
      return;
    }
    setSending(true);
    setSendError(null);
    requestCode(reference).then(
      () => setSent(reference),
      (error: unknown) => setSendError(messageOf(error)),
    ).finally(() => setSending(false));
  };

  if (!value.open) {
    return (
      <button type="button" className="btn btn-ghost start-existing-toggle" aria-expanded="false" data-testid="existing-open" onClick={() => onChange({ ...value, open: true })}>
        {t('existing.open')}
      </button>
    );
  }
  return (
    <fieldset className="start-existing card" data-testid="existing-case">
      <legend className="start-label">{t('existing.legend')}</legend>
      <div className="field">
        <label htmlFor="existing-reference">{t('existing.reference')}</label>
        <div className="start-inline">
          <input
            id="existing-reference"
            data-testid="existing-reference"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            placeholder={REFERENCE_EXAMPLE}
            value={value.reference}
            aria-invalid={referenceError ? true : undefined}
            aria-describedby={referenceError ? 'existing-reference-error' : undefined}
            onChange={(e) => onChange({ ...value, reference: e.target.value })}
          />
          <button type="button" className="btn" data-testid="existing-send-code" disabled={sending} onClick={send}>
            {sending ? t('existing.sending') : sent ? t('existing.sendAgain') : t('existing.send')}
          </button>
        </div>
        {referenceError && <p className="field-error" id="existing-reference-error">{referenceError}</p>}
        {sendError && <p className="field-error" role="alert">{sendError}</p>}
        <p className="start-hint" role="status" data-testid="existing-code-sent">
          {sent ? t('existing.sent', { reference: sent }) : ''}
        </p>
      </div>
      <div className="field">
        <label htmlFor="existing-code">{t('existing.code')}</label>
        <input
          id="existing-code"
          data-testid="existing-code"
          className="start-code"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]{6}"
          maxLength={6}
          value={value.code}
          aria-invalid={codeError ? true : undefined}
          aria-describedby={codeError ? 'existing-code-error' : undefined}
          onChange={(e) => onChange({ ...value, code: e.target.value.replace(/\D/g, '') })}
        />
        {codeError && <p className="field-error" id="existing-code-error" data-testid="error-existing-code">{codeError}</p>}
      </div>
      <button type="button" className="btn btn-ghost btn-small" onClick={() => onChange({ open: false, reference: '', code: '' })}>
        {t('existing.none')}
      </button>
    </fieldset>
  );
}
