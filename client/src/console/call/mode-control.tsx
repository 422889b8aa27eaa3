// The customer's mode on the ladder (AR → 3D overlay → camera → voice → text), and "Ask to switch to …"
// with a reason the customer reads: the proposal is stored, the customer's device asks them, and their
// answer (accepted or declined) comes back. The suggested reason is written in the customer's language.
import { createContext, useContext, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { i18next } from '../../i18n/i18n.ts';
import { useLanguageMessages } from '../../i18n/use-language-messages.ts';
import { reasonLanguage, suggestedReason } from './mode-reason.ts';
import type { CustomerMode } from '../../../../protocol/messages.ts';
import { MODE_LADDER, modeText } from '../markup/markup-tools.ts';
import type { CustomerModeState, ModeRequest } from '../markup/markup-session.ts';

const answerText = (r: ModeRequest): string => i18next.t(`console:call.mode.answer.${r.status}`, { mode: modeText[r.mode] });

/** The languages the customer reads, most wanted first: their page's (null until known), the case's; none: the console's. */
export const ReaderLanguage = createContext<ReadonlyArray<string | null | undefined>>([]);

const MODES: readonly CustomerMode[] = ['ar', 'overlay', 'camera', 'voice', 'text'];

export function ModeControl(props: { mode: CustomerModeState | null; request: ModeRequest | null; live: boolean; onRequest: (mode: CustomerMode, reason: string | null) => void }) {
  const { t, i18n } = useTranslation('console');
  const language = reasonLanguage(useContext(ReaderLanguage), i18n.language);
  useLanguageMessages(language); // the customer's language may not be the console's: its messages are fetched
  const suggest = (m: CustomerMode): string => suggestedReason(m, language);
  const { mode, request } = props;
  const [target, setTarget] = useState<CustomerMode | null>(null);
  /** null: the suggestion for the chosen mode. */
  const [reason, setReason] = useState<string | null>(null);
  const options = mode ? MODE_LADDER.filter((m) => m !== mode.mode && mode.available.includes(m)) : [];
  const chosen = target && options.includes(target) ? target : (options[0] ?? null);
  return (
    <div className="mode-control">
      {/* While the call is down, the ladder is what the customer's device said last. */}
      <span className="mode-title" data-testid="customer-mode-title">
        {mode && !props.live ? t('call.mode.titleLast') : t('call.mode.title')}
      </span>
      {mode ? (
        <ol className="mode-ladder" data-testid="customer-mode" data-mode={mode.mode} aria-label={t('call.mode.current', { mode: modeText[mode.mode] })}>
          {MODE_LADDER.map((m) => {
            const state = m === mode.mode ? 'current' : mode.available.includes(m) ? 'available' : 'unavailable';
            return (
              <li key={m} className={`mode-step mode-${state}`} data-mode={m} title={t(`call.mode.state.${state}`)}>
                {modeText[m]}
              </li>
            );
          })}
        </ol>
      ) : (
        <span className="badge" data-testid="customer-mode" data-mode="">
          {props.live ? t('call.mode.notReported') : t('call.badge.notConnected')}
        </span>
      )}
      {props.live && chosen && (
        <span className="mode-ask">
          <label htmlFor="mode-request-select">{t('call.mode.askTo')}</label>
          <select
            id="mode-request-select"
            data-testid="mode-request-select"
            value={chosen}
            onChange={(e) => {
              setTarget(options.find((m) => m === e.target.value) ?? null);
              setReason(null);
            }}
          >
            {options.map((m) => (
              <option key={m} value={m}>
                {modeText[m]}
              </option>
            ))}
          </select>
          <input
            className="mode-reason"
            data-testid="mode-request-reason"
            aria-label={t('call.mode.why')}
            placeholder={t('call.mode.why')}
            list="mode-reason-options"
            maxLength={200}
            lang={reason === null ? language : undefined}
            value={reason ?? suggest(chosen)}
            onChange={(e) => setReason(e.target.value)}
          />
          <datalist id="mode-reason-options">
            {MODES.map(suggest).map((text) => (
              <option key={text} value={text} />
            ))}
          </datalist>
          <button type="button" className="btn btn-small" data-testid="mode-request-send" disabled={request?.status === 'waiting'} onClick={() => props.onRequest(chosen, reason ?? suggest(chosen))}>
            {t('call.mode.ask')}
          </button>
        </span>
      )}
      {request && (
        <span className={`badge ${request.status === 'accepted' ? 'badge-ok' : request.status === 'declined' ? 'badge-bad' : 'badge-brand'}`} data-testid="mode-answer" data-status={request.status} data-mode={request.mode} aria-live="polite">
          {answerText(request)}
        </span>
      )}
    </div>
  );
}
