// The waiting room: the place in line and the estimated wait (kept live by the caller's polling), a
// callback instead of waiting (the place is kept), and leaving the queue. The same link brings the
// customer back to the same place.
import { useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { CallbackBody, type QueuePlace } from '../../../../protocol/intake.ts';
import { messageOf } from '../../lib/api.ts';
import { fieldErrorsOfIssues, type FieldErrors } from '../../lib/field-errors.ts';
import { placeWords, waitWords } from './queue-words.ts';

export function WaitingRoom(props: {
  place: QueuePlace;
  stale: boolean;
  onCallback: (body: CallbackBody) => Promise<void>;
  onLeave: () => Promise<void>;
}) {
  const { t } = useTranslation('frontdoor');
  const { place } = props;
  const [open, setOpen] = useState(false);
  const [phone, setPhone] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const parsed = CallbackBody.safeParse({ phone, ...(note.trim() ? { note } : {}) });
    if (!parsed.success) {
      setErrors(fieldErrorsOfIssues(parsed.error.issues));
      return;
    }
    setBusy(true);
    setErrors({});
    props.onCallback(parsed.data).then(
      () => setOpen(false),
      (failure: unknown) => setErrors({ form: messageOf(failure) }),
    ).finally(() => setBusy(false));
  };

  const leave = (): void => {
    setBusy(true);
    props.onLeave().catch((failure: unknown) => {
      setErrors({ form: messageOf(failure) });
      setBusy(false);
    });
  };

  return (
    <section className="fd-waiting" aria-labelledby="fd-place" data-testid="waiting-room" data-state={place.state} data-position={place.position ?? ''}>
      <div className="fd-place card">
        <div className="fd-pulse" aria-hidden="true" />
        {place.transferring && <p className="fd-kicker" data-testid="queue-transferring">{t('waiting.transferring')}</p>}
        <p className="fd-kicker">{place.channel ? t(`waiting.channel.${place.channel}`) : t('waiting.person')}</p>
        <h2 id="fd-place" data-testid="queue-position" aria-live="polite">{place.state === 'offered' ? t('waiting.aboutToAnswer') : placeWords(place.position)}</h2>
        <p className="fd-eta" data-testid="queue-eta" aria-live="polite">{place.state === 'offered' ? t('waiting.connecting') : waitWords(place.etaSeconds)}</p>
        {props.stale && <p className="muted small" role="status">{t('waiting.reconnecting')}</p>}
        <p className="muted small">{t('waiting.keepOpen')}</p>
      </div>

      {place.callback ? (
        <p className="banner banner-success" data-testid="callback-requested">
          <span className="banner-text">
            <Trans t={t} i18nKey="waiting.callbackRequested" values={{ phone: place.callback.phone }} components={{ b: <strong /> }} />
          </span>
        </p>
      ) : open ? (
        <form className="card fd-callback" noValidate onSubmit={submit} data-testid="callback-form">
          <h3>{t('waiting.callbackTitle')}</h3>
          <div className="field">
            <label htmlFor="fd-phone">{t('waiting.phone')}</label>
            <input id="fd-phone" data-testid="callback-phone" type="tel" autoComplete="tel" inputMode="tel" value={phone} aria-invalid={errors.phone ? true : undefined} aria-describedby={errors.phone ? 'fd-phone-error' : undefined} onChange={(e) => setPhone(e.target.value)} />
            {errors.phone && <p className="field-error" id="fd-phone-error">{errors.phone}</p>}
          </div>
          <div className="field">
            <label htmlFor="fd-note">{t('waiting.note')} <span className="muted small">{t('waiting.optional')}</span></label>
            <input id="fd-note" data-testid="callback-note" maxLength={200} value={note} onChange={(e) => setNote(e.target.value)} />
            {errors.note && <p className="field-error">{errors.note}</p>}
          </div>
          <div className="fd-row">
            <button type="button" className="btn" onClick={() => setOpen(false)}>{t('waiting.cancel')}</button>
            <button type="submit" className="btn btn-primary" data-testid="callback-submit" disabled={busy}>{t('waiting.callMe')}</button>
          </div>
        </form>
      ) : (
        <button type="button" className="btn btn-block" data-testid="callback-open" onClick={() => setOpen(true)}>
          {t('waiting.callbackTitle')}
        </button>
      )}
      {errors.form && <p className="field-error" role="alert">{errors.form}</p>}
      <button type="button" className="btn btn-ghost btn-block fd-leave" data-testid="queue-leave" disabled={busy} onClick={leave}>
        {t('waiting.leave')}
      </button>
    </section>
  );
}
