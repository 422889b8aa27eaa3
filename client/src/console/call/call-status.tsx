// The call's state in the case header: the one element that names it (data-state), with the
// customer's microphone beside it while they are muted. Every other panel words the same state.
import type { LinkState } from '../../../../protocol/http.ts';
import { useTranslation } from 'react-i18next';
import type { ConsoleCall } from './call-state.ts';
import { mutedText, statusText } from './call-text.ts';

const toneClass = { ok: 'badge-ok', warn: 'badge-warn badge-pulse', bad: 'badge-bad', neutral: '' } as const;

export function CallStatus(props: { call: ConsoleCall; link?: LinkState }) {
  useTranslation('console');
  const { call } = props;
  const status = statusText(call, props.link);
  const muted = mutedText(call);
  return (
    <span className="call-status">
      <span
        className={`badge ${toneClass[status.tone]}`}
        data-testid="call-state"
        data-state={call.phase}
        data-presence={call.presence}
        data-ended-by={call.endedBy ?? ''}
        data-recovered={call.recovered ? 'true' : 'false'}
        aria-live="polite"
      >
        {status.text}
      </span>
      {muted && (
        <span className="badge badge-warn" data-testid="customer-muted">
          {muted}
        </span>
      )}
    </span>
  );
}
