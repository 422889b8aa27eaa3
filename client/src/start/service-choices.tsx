// "What do you need?": the six service types as large choices (a radio group: arrows move, the label
// and its one line are read out), each with a line icon drawn here so no icon font is fetched.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceType } from '../../../protocol/agent.ts';
import { SERVICE_TITLE } from '../ui/service-words.ts';

export const SERVICE_ORDER: ServiceType[] = ['claim', 'query', 'consult', 'transaction', 'complaint', 'preview'];

function Glyph({ children }: { children: ReactNode }) {
  return (
    <svg viewBox="0 0 24 24" width="28" height="28" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      {children}
    </svg>
  );
}

const ICONS: Record<ServiceType, ReactNode> = {
  claim: <Glyph><path d="M12 3l8 3v6c0 4.5-3.4 8-8 9-4.6-1-8-4.5-8-9V6z" /><path d="M12 8v5M12 16h.01" /></Glyph>,
  query: <Glyph><circle cx="12" cy="12" r="9" /><path d="M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .8-1 1.4V14M12 17h.01" /></Glyph>,
  consult: <Glyph><path d="M4 5h16v10H9l-5 4z" /><path d="M8 9h8M8 12h5" /></Glyph>,
  transaction: <Glyph><rect x="3" y="6" width="18" height="12" rx="2" /><path d="M3 10h18M7 15h3" /></Glyph>,
  complaint: <Glyph><path d="M12 4l9 16H3z" /><path d="M12 10v4M12 17h.01" /></Glyph>,
  preview: <Glyph><path d="M2 12s3.5-6 10-6 10 6 10 6-3.5 6-10 6S2 12 2 12z" /><circle cx="12" cy="12" r="2.5" /></Glyph>,
};

export function ServiceChoices(props: { value: ServiceType | null; onChange: (service: ServiceType) => void; error?: string }) {
  const { t } = useTranslation('start');
  return (
    <fieldset className="start-services" aria-describedby={props.error ? 'service-error' : undefined}>
      <legend className="start-question">{t('question')}</legend>
      <div className="start-service-grid">
        {SERVICE_ORDER.map((service) => (
          <label key={service} className="start-service" data-testid={`service-${service}`}>
            <input type="radio" name="service" value={service} className="visually-hidden" checked={props.value === service} onChange={() => props.onChange(service)} />
            <span className="start-service-icon">{ICONS[service]}</span>
            <span className="start-service-words">
              <span className="start-service-title">{SERVICE_TITLE[service]}</span>
              <span className="start-service-line">{t(`serviceLine.${service}`)}</span>
            </span>
          </label>
        ))}
      </div>
      {props.error && <p className="field-error" id="service-error" data-testid="error-service">{props.error}</p>}
    </fieldset>
  );
}
