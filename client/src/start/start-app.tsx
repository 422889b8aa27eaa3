// The front door (/start): what the customer needs, in a sentence, how they want to be met, and which
// case if they have one. The intake opens (or finds) their case and the page goes on to its join link,
// where the digital assistant's answer is waiting and everything after happens.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { IntakeBody, MAX_INTENT_CHARS, type ServiceType } from '../../../protocol/intake.ts';
import type { QueueChannel } from '../../../protocol/queue.ts';
import type { JoinView } from '../../../protocol/http.ts';
import { applyLanguage } from '../i18n/i18n.ts';
import { ApiRequestError, messageOf } from '../lib/api.ts';
import { LanguageSwitch } from '../ui/language-switch.tsx';
import { ChannelControl } from './channel-control.tsx';
import { ExistingCaseFields, type ExistingCase } from './existing-case.tsx';
import { fieldErrorsOfIssues, fieldErrorsOfMessage, type FieldErrors } from '../lib/field-errors.ts';
import { fetchLinkedCase, postIntake } from './intake-api.ts';
import { ServiceChoices } from './service-choices.tsx';
import { forgetStartLink, rememberStartLanguage, takeStartLink } from './start-link.ts';

const FIELDS = ['service', 'intent', 'channel', 'customerName', 'existing.reference', 'existing.code'];

type Linked = { state: 'none' } | { state: 'loading' } | { state: 'known'; join: JoinView } | { state: 'invalid' };

export function StartApp() {
  const { t, i18n } = useTranslation('start');
  const [token, setToken] = useState(takeStartLink);
  const [linked, setLinked] = useState<Linked>(() => (token ? { state: 'loading' } : { state: 'none' }));
  const [service, setService] = useState<ServiceType | null>(null);
  const [intent, setIntent] = useState('');
  const [channel, setChannel] = useState<QueueChannel>('video');
  const [customerName, setCustomerName] = useState('');
  const [existing, setExisting] = useState<ExistingCase>({ open: false, reference: '', code: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const ids = useId();

  useEffect(() => {
    if (!token) return;
    const controller = new AbortController();
    fetchLinkedCase(token).then(
      (join) => !controller.signal.aborted && setLinked({ state: 'known', join }),
      () => !controller.signal.aborted && setLinked({ state: 'invalid' }),
    );
    return () => controller.abort();
  }, [token]);

  const organisation = linked.state === 'known' ? linked.join.notice?.organisation ?? null : null;
  const useLink = linked.state === 'known' || linked.state === 'loading';

  /** Editing a field takes its refusal away: the reason was about what was there before. */
  const clear = (field: string): void => setErrors((all) => (field in all ? Object.fromEntries(Object.entries(all).filter(([key]) => key !== field)) : all));

  const chooseService = (next: ServiceType): void => {
    setService(next);
    if (next !== 'preview' && channel === 'xr') setChannel('video');
    clear('service');
  };

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!service) {
      setErrors({ service: t('chooseService') });
      return;
    }
    const candidate = {
      service,
      intent,
      channel,
      ...(customerName.trim() ? { customerName } : {}),
      ...(!useLink && existing.open ? { existing: { reference: existing.reference, code: existing.code } } : {}),
      locale: navigator.language,
      // The assistant answers in the page's language, and the case keeps it as the customer's.
      language: i18n.language,
    };
    const parsed = IntakeBody.safeParse(candidate);
    if (!parsed.success) {
      setErrors(fieldErrorsOfIssues(parsed.error.issues));
      return;
    }
    setBusy(true);
    setErrors({});
    postIntake(parsed.data, useLink ? token : null).then(
      (created) => {
        forgetStartLink();
        // The join page goes on in the language this page is in (the link's language wins over the case's).
        location.assign(`/j#${encodeURIComponent(created.joinToken)}&lang=${encodeURIComponent(i18n.language)}`);
      },
      (error: unknown) => {
        setBusy(false);
        setErrors(errorsOf(error, parsed.data.existing !== undefined));
      },
    );
  };

  const over = intent.length > MAX_INTENT_CHARS;
  return (
    <main className="start" data-testid="start-page">
      <header className="start-head">
        <span className="start-mark" aria-hidden="true">{(organisation ?? 'Sightline').slice(0, 1)}</span>
        <span className="start-operator" data-testid="start-operator">{organisation ?? 'Sightline'}</span>
        <span className="start-language">
          <LanguageSwitch onChange={(language) => void applyLanguage(language).then(() => rememberStartLanguage(language))} />
        </span>
      </header>
      <h1 className="start-title">{t('title')}</h1>
      <p className="start-intro">{t('intro')}</p>

      {linked.state === 'known' && (
        <p className="banner banner-info" data-testid="start-linked">
          <span className="banner-text">
            <Trans t={t} i18nKey="linked" values={{ title: linked.join.case.title }} components={{ b: <strong /> }} />
          </span>
        </p>
      )}
      {linked.state === 'invalid' && (
        <p className="banner banner-warning" data-testid="start-link-invalid">
          <span className="banner-text">{t('linkInvalid')}</span>
          <button type="button" className="btn btn-small" onClick={() => { forgetStartLink(); setToken(null); setLinked({ state: 'none' }); }}>
            {t('ok')}
          </button>
        </p>
      )}

      <form className="start-form" noValidate onSubmit={submit} aria-busy={busy}>
        <ServiceChoices value={service} onChange={chooseService} error={errors.service} />

        <div className="field">
          <label className="start-label" htmlFor={`${ids}-intent`}>{t('intentLabel')}</label>
          <textarea
            id={`${ids}-intent`}
            data-testid="start-intent"
            rows={3}
            placeholder={service === 'query' ? t('intentExampleQuery') : t('intentExample')}
            value={intent}
            aria-invalid={errors.intent || over ? true : undefined}
            aria-describedby={`${ids}-count${errors.intent ? ` ${ids}-intent-error` : ''}`}
            onChange={(e) => {
              setIntent(e.target.value);
              clear('intent');
            }}
          />
          <p className={`start-count ${over ? 'start-count-over' : ''}`} id={`${ids}-count`} data-testid="start-count">
            {t('count', { length: intent.length, max: MAX_INTENT_CHARS })}
          </p>
          {errors.intent && <p className="field-error" id={`${ids}-intent-error`} data-testid="error-intent">{errors.intent}</p>}
        </div>

        <ChannelControl value={channel} preview={service === 'preview'} onChange={setChannel} />

        <div className="field">
          <label className="start-label" htmlFor={`${ids}-name`}>
            {t('nameLabel')} <span className="start-optional">{t('optional')}</span>
          </label>
          <input
            id={`${ids}-name`}
            data-testid="start-name"
            autoComplete="name"
            value={customerName}
            aria-invalid={errors.customerName ? true : undefined}
            onChange={(e) => {
              setCustomerName(e.target.value);
              clear('customerName');
            }}
          />
          {errors.customerName && <p className="field-error">{errors.customerName}</p>}
        </div>

        {!useLink && <ExistingCaseFields
            value={existing}
            onChange={(next) => {
              if (next.reference !== existing.reference) clear('existing.reference');
              if (next.code !== existing.code) clear('existing.code');
              setExisting(next);
            }}
            errors={errors}
          />}

        {errors.form && <p className="banner banner-error" role="alert" data-testid="start-error"><span className="banner-text">{errors.form}</span></p>}
        <button type="submit" className="btn btn-primary btn-block start-submit" data-testid="start-submit" disabled={busy}>
          {busy ? t('busy') : t('continue')}
        </button>
        <p className="start-fineprint">{t('fineprint')}</p>
      </form>
    </main>
  );
}

/** A 400 goes beside the fields it names; a wrong or spent code beside the code; anything else above the button. */
function errorsOf(error: unknown, withCode: boolean): FieldErrors {
  if (error instanceof ApiRequestError && error.status === 400) return fieldErrorsOfMessage(error.message, FIELDS);
  if (withCode && error instanceof ApiRequestError && /code/i.test(error.code)) return { 'existing.code': error.message };
  return { form: messageOf(error) };
}
